/* draw: paints a whole frame of the browser, as the core planned it
 * (frame.h: the layout, the page, the fitted view), into a curses window.
 * Changes no state; curses sends only the cells that differ from the last
 * frame. */
#ifndef MADOGUCHI_DRAW_H
#define MADOGUCHI_DRAW_H

#include <curses.h>

#include "frame.h"
#include "labels.h"
#include "layout.h"
#include "pages.h"
#include "view.h"

struct cell_style {
	attr_t attr;
	short pair;
};

struct theme {
	struct cell_style text, match, selected, selected_match, label,
	    phone, note, hint, escape;
};

/* Attributes only (monochrome), or with colours on the terminal's own
 * background; call after start_color when color is true. */
void theme_init(struct theme *th, bool color);

/* A URL, or a line's part of one, drawn at (y, x) in len columns with
 * attr: the browser makes the cells there a hyperlink to url. */
struct link_spot {
	int y, x, len;
	const char *url;
	attr_t attr;
};

#define DRAW_MAX_LINKS 16

struct drawn_links {
	struct link_spot spot[DRAW_MAX_LINKS];
	size_t count;
};

struct frame {
	const struct view *view;
	const struct layout *layout;
	const struct page *page; /* detail or help; NULL when none */
	const char *hint;        /* the hint row, as planned */
	const struct frame_query *query; /* the query line, as planned */
	const struct theme *theme;
	enum lang lang;
	bool ascii; /* only ASCII can be shown: romaji names, '?' for others */
	const char *status_link; /* a URL the status begins with, or NULL */
	struct drawn_links *links; /* filled with the URLs drawn; may be NULL */
};

void draw_frame(WINDOW *w, const struct frame *f);

#endif
