/* frame: what a frame of the browser shows, worked out from the view and
 * the screen's size alone: where each part goes (layout), the page the
 * panes show (the help, the selected desk's detail, or what to type when
 * nothing is listed), the hint row, and the view fitted to them (the
 * narrow layout, the selection and the scrolls within the panes). The browser, the screen
 * tests and the view fuzzer build each frame here; draw only paints it and
 * changes nothing. */
#ifndef MADOGUCHI_FRAME_H
#define MADOGUCHI_FRAME_H

#include <stdbool.h>
#include <stdint.h>

#include "layout.h"
#include "pages.h"
#include "view.h"

/* The query line's prompt, "> ". */
#define FRAME_PROMPT_WIDTH 2

/* The query line as planned: the count ("3/47") at its right, the byte
 * of the query shown first (the start scrolls away to keep the cursor in
 * view), the cursor's column, and whether the cursor shows at all (not in
 * the help, the detail, or a screen too small). */
struct frame_query {
	char count[48];
	size_t from;
	int cursor_x;
	bool cursor_shown;
};

struct frame_plan {
	struct layout layout;
	struct page page; /* empty when the panes show no page */
	char hint[512];   /* the hint row: whole items that fit */
	struct frame_query query;
	/* The detail's padding, kept from frame to frame: worked out again
	 * only for another table, width or language. */
	struct page_heights heights;
	struct {
		const struct table *table;
		size_t width;
		enum lang lang;
		bool ascii;
	} heights_for;
};

/* Plans the frame of v on a screen of lines x cols, fitting v to it. A
 * plan starts zeroed and is kept for the next frame, whose page it
 * writes in the same memory: a frame allocates nothing. Free it with
 * frame_plan_free at the end. */
void frame_plan_build(struct frame_plan *fp, struct view *v, int lines,
    int cols, enum lang lang, bool ascii);

void frame_plan_free(struct frame_plan *fp);

/* What a frame shows depends on, taken from the view and the screen's
 * size: a frame whose stamp is the last one's shows nothing new and is
 * not painted (a key that changed nothing, a focus report), as fzy keeps
 * its dirty state. */
struct frame_stamp {
	int lines, cols;
	size_t sel, top, scroll, cursor, nrows;
	enum focus focus;
	bool narrow, detail_shown, help;
	/* The query's and the status's text, hashed (FNV-1a, 64 bits): a
	 * stamp of two copies was 1.5 kB more of each session's memory. */
	uint64_t query, status;
};

/* Writes the stamp of v on a screen of lines x cols into out; true when
 * it differs from what out held (a frame must be painted). */
bool frame_stamp_update(struct frame_stamp *out, const struct view *v,
    int lines, int cols);

/* The rows of the pane the keys go to: what a page move moves. */
size_t frame_plan_page_rows(const struct frame_plan *fp, const struct view *v);

#endif
