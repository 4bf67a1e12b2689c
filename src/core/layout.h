/* layout: where each part of the browser goes for a terminal size. */
#ifndef MADOGUCHI_LAYOUT_H
#define MADOGUCHI_LAYOUT_H

struct rect {
	int y, x, h, w;
};

enum layout_mode { LAYOUT_TOO_SMALL, LAYOUT_NARROW, LAYOUT_WIDE };

/* Below these the browser only says that the terminal is too small. */
#define LAYOUT_MIN_COLS 20
#define LAYOUT_MIN_LINES 5
/* From this width the list and the detail stand side by side. */
#define LAYOUT_WIDE_COLS 80

struct layout {
	enum layout_mode mode;
	struct rect query, list, detail, hint;
	int separator_x; /* the column between list and detail; -1: none */
};

/* list_want: the columns the list's rows need (0: no limit); the list is
 * never wider, and the detail gets the rest. */
void layout_compute(struct layout *l, int lines, int cols, int list_want);

#endif
