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

static bool
same(const struct links *l, const struct drawn_links *now)
{
	if (l->stale || l->count != now->count)
		return false;
	for (size_t i = 0; i < now->count; i++) {
		const struct link_spot *a = &l->spot[i], *b = &now->spot[i];

		if (a->y != b->y || a->x != b->x || a->len != b->len ||
		    a->attr != b->attr || strcmp(a->url, b->url) != 0 ||
		    strncmp(l->text[i], b->text, (size_t)b->len) != 0)
			return false;
	}
	return true;
}

static void
remember(struct links *l, const struct drawn_links *now)
{
	l->count = now->count;
	l->stale = false;
	for (size_t i = 0; i < now->count; i++) {
		size_t n = (size_t)now->spot[i].len;

		l->spot[i] = now->spot[i];
		if (n >= sizeof l->text[i])
			n = sizeof l->text[i] - 1;
		memcpy(l->text[i], now->spot[i].text, n);
		l->text[i][n] = '\0';
	}
}

size_t
links_update(struct links *l, const struct drawn_links *now, char *out)
{
	const size_t cap = LINKS_MAX_BYTES;
	size_t o = 0;

	if (same(l, now))
		return 0;
	remember(l, now);
	if (now->count == 0)
		return 0;
	o += (size_t)snprintf(out, cap, "\0337");
	for (size_t i = 0; i < now->count; i++) {
		const struct link_spot *s = &now->spot[i];
		int n = snprintf(out + o, cap - o,
		    "\033[%d;%dH\033[0%s%s%sm\033]8;id=md%lx;%s\033\\%.*s"
		    "\033]8;;\033\\", s->y + 1, s->x + 1,
		    s->attr & A_BOLD ? ";1" : "", s->attr & A_UNDERLINE ? ";4" : "",
		    s->attr & A_REVERSE ? ";7" : "", url_id(s->url), s->url,
		    s->len, s->text);

		if (n < 0 || (size_t)n >= cap - o - 4)
			break;
		o += (size_t)n;
	}
	o += (size_t)snprintf(out + o, cap - o, "\0338");
	return o;
}
