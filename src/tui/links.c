/* links: see links.h. */
#include "links.h"

#include <stdio.h>
#include <string.h>

#include "out.h"
#include "text.h"

/* Cells are read and compared this many at a time: a bounded buffer on
 * the stack, whatever the width. */
#define CHUNK 32

/* One id for one URL, wherever and however often it is shown; 24 bits,
 * six hex digits, are plenty for the links of one screen. */
static unsigned long
url_id(const char *url)
{
	return (unsigned long)(text_hash(url, strlen(url)) & 0xffffffu);
}

/* A link's target goes into the terminal as it is: printable ASCII only,
 * and short enough for every terminal that takes OSC 8. */
static bool
url_safe(const char *url)
{
	size_t n = strlen(url);

	return n > 0 && n <= 2000 && strspn(url,
	    "!#$%&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_"
	    "abcdefghijklmnopqrstuvwxyz~") == n;
}

static bool
same_link(const struct link_spot *a, const struct link_spot *b)
{
	return a->attr == b->attr && strcmp(a->url, b->url) == 0;
}

/* Whether the cells of spot s are on the screen already (curscr holds
 * what stdscr painted), and whether they are printable ASCII. */
static void
look_at(const struct link_spot *s, bool *shown, bool *ascii)
{
	cchar_t now[CHUNK + 1], was[CHUNK + 1];

	for (int x = s->x; x < s->x + s->len; x += CHUNK) {
		int n = s->x + s->len - x < CHUNK ? s->x + s->len - x : CHUNK;

		if (mvwin_wchnstr(newscr, s->y, x, now, n) == ERR ||
		    mvwin_wchnstr(curscr, s->y, x, was, n) == ERR) {
			*ascii = false;
			return;
		}
		for (int i = 0; i < n; i++) {
			wchar_t wc[CCHARW_MAX + 1];
			attr_t attr;
			short pair;

			if (memcmp(&now[i], &was[i], sizeof now[i]) != 0)
				*shown = false;
			if (getcchar(&now[i], wc, &attr, &pair, NULL) == ERR ||
			    wc[0] < 0x20 || wc[0] > 0x7e || wc[1])
				*ascii = false;
		}
	}
}

/* The attributes and colour pair the terminal writes with. */
struct pen {
	attr_t attr;
	short pair;
};

/* The SGR that gives the cell's attributes and colours, from none. */
static void
put_pen(struct out *o, attr_t attr, short pair)
{
	char sgr[64];
	size_t n = (size_t)snprintf(sgr, sizeof sgr, "\033[0%s%s%s%s",
	    attr & A_BOLD ? ";1" : "", attr & A_DIM ? ";2" : "",
	    attr & A_UNDERLINE ? ";4" : "", attr & A_REVERSE ? ";7" : "");
	short fg = -1, bg = -1;

	if (pair > 0 && pair_content(pair, &fg, &bg) == ERR)
		fg = bg = -1;
	if (fg >= 0)
		n += (size_t)snprintf(sgr + n, sizeof sgr - n, fg < 8 ?
		    ";3%d" : fg < 16 ? ";9%d" : ";38;5;%d", fg < 16 ? fg % 8 : fg);
	if (bg >= 0)
		n += (size_t)snprintf(sgr + n, sizeof sgr - n, bg < 8 ?
		    ";4%d" : bg < 16 ? ";10%d" : ";48;5;%d", bg < 16 ? bg % 8 : bg);
	snprintf(sgr + n, sizeof sgr - n, "m");
	out_text(o, sgr);
}

/* Writes the cells of s as stdscr has them, and tells curscr they are
 * there. */
static void
put_cells(struct out *o, const struct link_spot *s, struct pen *pen)
{
	cchar_t cells[CHUNK + 1];
	char at[32];

	snprintf(at, sizeof at, "\033[%d;%dH", s->y + 1, s->x + 1);
	out_text(o, at);
	for (int x = s->x; x < s->x + s->len; x += CHUNK) {
		int n = s->x + s->len - x < CHUNK ? s->x + s->len - x : CHUNK;
		char text[CHUNK];
		size_t len = 0;

		mvwin_wchnstr(newscr, s->y, x, cells, n);
		for (int i = 0; i < n; i++) {
			wchar_t wc[CCHARW_MAX + 1];
			attr_t attr;
			short pair;

			getcchar(&cells[i], wc, &attr, &pair, NULL);
			attr &= A_BOLD | A_DIM | A_UNDERLINE | A_REVERSE;
			if (attr != pen->attr || pair != pen->pair) {
				out_bytes(o, text, len);
				len = 0;
				put_pen(o, attr, pair);
				*pen = (struct pen){attr, pair};
			}
			text[len++] = (char)wc[0]; /* printable ASCII: look_at */
		}
		out_bytes(o, text, len);
		mvwadd_wchnstr(curscr, s->y, x, cells, n);
	}
}

/* The spots [first, end) are the parts of one URL, on lines after each
 * other: one link, with an id when it has more than one part, so that a
 * terminal takes them as one. It lasts until the next link opens, or
 * links_put ends the last. */
static void
put_link(struct out *o, const struct drawn_links *spots, size_t first,
    size_t end, struct pen *pen)
{
	const char *url = spots->spot[first].url;
	char open[32];

	if (end - first > 1)
		snprintf(open, sizeof open, "\033]8;id=m%06lx;", url_id(url));
	else
		snprintf(open, sizeof open, "\033]8;;");
	out_text(o, open);
	out_text(o, url);
	out_text(o, "\033\\");
	for (size_t i = first; i < end; i++)
		put_cells(o, &spots->spot[i], pen);
}

void
links_put(struct out *o, const struct drawn_links *spots, bool every)
{
	bool saved = false;
	/* ncurses ends each frame with the pen at normal. */
	struct pen pen = {A_NORMAL, 0};

	for (size_t i = 0, end; i < spots->count; i = end) {
		bool shown = true, ascii = url_safe(spots->spot[i].url);

		for (end = i + 1; end < spots->count &&
		    same_link(&spots->spot[end - 1], &spots->spot[end]); end++)
			;
		for (size_t k = i; k < end && ascii; k++)
			look_at(&spots->spot[k], &shown, &ascii);
		if (!ascii || (shown && !every))
			continue; /* not a link, or on the screen already */
		if (!saved) /* the cursor and pen ncurses believes in */
			out_text(o, "\0337");
		saved = true;
		put_link(o, spots, i, end, &pen);
	}
	if (saved) /* no link past the last, and back to ncurses's cursor */
		out_text(o, "\033]8;;\033\\\0338");
}
