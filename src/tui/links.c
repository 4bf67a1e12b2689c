/* links: see links.h. */
#include "links.h"

#include <stdio.h>
#include <string.h>

/* FNV-1a: one id for one URL, wherever and however often it is shown. */
static unsigned long
url_id(const char *url)
{
	unsigned long h = 2166136261u;

	for (; *url; url++)
		h = (h ^ (unsigned char)*url) * 16777619u;
	return h & 0xffffffffu;
}

/* The spots of a frame, with copies of their texts (the page they point
 * into is gone by the time they are sent). The URLs point into the table. */
static void
keep(struct link_set *set, const struct drawn_links *now)
{
	set->count = now->count;
	for (size_t i = 0; i < now->count; i++) {
		size_t n = (size_t)now->spot[i].len;

		if (n >= sizeof set->text[i])
			n = sizeof set->text[i] - 1;
		memcpy(set->text[i], now->spot[i].text, n);
		set->text[i][n] = '\0';
		set->spot[i] = now->spot[i];
		set->spot[i].text = set->text[i];
		set->spot[i].len = (int)n;
	}
}

static bool
same(const struct link_set *a, const struct link_set *b)
{
	if (a->count != b->count)
		return false;
	for (size_t i = 0; i < a->count; i++) {
		const struct link_spot *x = &a->spot[i], *y = &b->spot[i];

		if (x->y != y->y || x->x != y->x || x->len != y->len ||
		    x->attr != y->attr || strcmp(x->url, y->url) != 0 ||
		    strcmp(x->text, y->text) != 0)
			return false;
	}
	return true;
}

void
links_sent(struct links *l)
{
	l->shown = l->drawn;
	l->stale = false;
}

size_t
links_update(struct links *l, const struct drawn_links *now, char *out)
{
	const size_t cap = LINKS_MAX_BYTES;
	size_t o = 0;

	keep(&l->drawn, now);
	if (!l->stale && same(&l->drawn, &l->shown))
		return 0;
	if (now->count == 0) { /* the cells that had links were redrawn */
		links_sent(l);
		return 0;
	}
	o += (size_t)snprintf(out, cap, "\0337");
	/* A link stays open across cursor moves: the pieces of one URL on
	 * the lines after each other are written inside one OSC 8 pair. */
	for (size_t i = 0; i < l->drawn.count; i++) {
		const struct link_spot *s = &l->drawn.spot[i];
		bool opens = i == 0 || strcmp(l->drawn.spot[i - 1].url, s->url) ||
		    l->drawn.spot[i - 1].attr != s->attr;
		bool closes = i + 1 == l->drawn.count ||
		    strcmp(l->drawn.spot[i + 1].url, s->url) ||
		    l->drawn.spot[i + 1].attr != s->attr;
		int n = snprintf(out + o, cap - o, "\033[%d;%dH", s->y + 1,
		    s->x + 1);

		if (n > 0 && opens && (size_t)n < cap - o)
			n += snprintf(out + o + n, cap - o - (size_t)n,
			    "\033[0%s%s%sm\033]8;id=md%lx;%s\033\\",
			    s->attr & A_BOLD ? ";1" : "",
			    s->attr & A_UNDERLINE ? ";4" : "",
			    s->attr & A_REVERSE ? ";7" : "", url_id(s->url), s->url);
		if (n > 0 && (size_t)n < cap - o)
			n += snprintf(out + o + n, cap - o - (size_t)n, "%.*s%s",
			    s->len, s->text, closes ? "\033]8;;\033\\" : "");
		if (n < 0 || (size_t)n >= cap - o - 16) {
			/* Out of room (a URL of kilobytes): no link left open. */
			o += (size_t)snprintf(out + o, cap - o, "\033]8;;\033\\");
			break;
		}
		o += (size_t)n;
	}
	o += (size_t)snprintf(out + o, cap - o, "\0338");
	return o;
}
