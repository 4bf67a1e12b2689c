/* layout: see layout.h. */
#include "layout.h"

/* The list's width beside the detail: code, name, romaji and phone, and
 * on wider terminals room for the place a row was found through; never
 * more than its rows need, the rest is the detail's. */
#define LIST_MIN_COLS 40
#define LIST_MAX_COLS 56

void
layout_compute(struct layout *l, int lines, int cols, int list_want)
{
	struct rect panes = {1, 0, lines - 2, cols};

	l->query = (struct rect){0, 0, 1, cols};
	l->hint = (struct rect){lines - 1, 0, 1, cols};
	l->separator_x = -1;
	l->list = l->detail = panes;
	if (cols < LAYOUT_MIN_COLS || lines < LAYOUT_MIN_LINES) {
		l->mode = LAYOUT_TOO_SMALL;
		l->query = l->hint = l->list = l->detail =
		    (struct rect){0, 0, lines > 0 ? lines : 0, cols > 0 ? cols : 0};
		return;
	}
	if (cols < LAYOUT_WIDE_COLS) {
		l->mode = LAYOUT_NARROW;
		return;
	}
	l->mode = LAYOUT_WIDE;
	l->list.w = cols * 45 / 100;
	if (l->list.w < LIST_MIN_COLS)
		l->list.w = LIST_MIN_COLS;
	if (l->list.w > LIST_MAX_COLS)
		l->list.w = LIST_MAX_COLS;
	if (list_want > 0 && l->list.w > list_want)
		l->list.w = list_want > LIST_MIN_COLS ? list_want : LIST_MIN_COLS;
	l->separator_x = l->list.w;
	l->detail.x = l->list.w + 2;
	l->detail.w = cols - l->list.w - 2;
}
