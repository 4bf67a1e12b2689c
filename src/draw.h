/* draw: paints a whole frame of the browser from the view, the layout and
 * the pages into a curses window. Changes no state; curses sends only the
 * cells that differ from the last frame. */
#ifndef MADOGUCHI_DRAW_H
#define MADOGUCHI_DRAW_H

#include <curses.h>

#include "labels.h"
#include "layout.h"
#include "pages.h"
#include "view.h"

struct style {
	attr_t attr;
	short pair;
};

struct theme {
	struct style text, match, selected, selected_match, label,
	    phone, note, hint, escape;
};

/* Attributes only (monochrome), or with colours on the terminal's own
 * background; call after start_color when color is true. */
void theme_init(struct theme *th, bool color);

struct frame {
	const struct view *view;
	const struct layout *layout;
	const struct page *page; /* detail or help; NULL when none */
	const struct theme *theme;
	enum lang lang;
	bool ascii; /* only ASCII can be shown: romaji names, '?' for others */
};

void draw_frame(WINDOW *w, const struct frame *f);

#endif
