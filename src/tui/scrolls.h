/* scrolls: the scrolling of a frame, chosen here rather than by ncurses.
 * ncurses guesses from whole rows' hashes, and where a list scrolls beside
 * the detail it scrolled part of the screen and drew the rest again, at
 * 1.4 times the bytes needed. Before a frame goes out, this module
 * estimates the bytes of the frame with and without a scroll (the pane's
 * own move, or a shift that blocks of rows suggest), scrolls whole rows
 * of the screen when that is cheaper, and then keeps ncurses from
 * scrolling on its own (scrolls_forbid). */
#ifndef MADOGUCHI_SCROLLS_H
#define MADOGUCHI_SCROLLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "draw.h"
#include "out.h"

/* Each row is hashed in this many blocks of columns: a pane that moved
 * beside one that did not still matches in its own blocks. */
#define SCROLLS_BLOCKS 16

/* A row of a window, cell by cell: ncurses gives a row's characters
 * without the second columns of the wide ones, so each column is mapped
 * to the character over it (see scrolls.c). */
struct scrolls_row {
	short *of; /* the character over each column */
	cchar_t *cell;
};

struct scrolls {
	/* The terminal's ways to scroll, taken from ncurses. */
	const char *region, *up, *down, *delete_lines, *insert_lines, *move,
	    *save, *restore;
	/* The pane that scrolls in the frame on the screen: its rows, the
	 * first line of its content shown, and which pane it is. */
	int rows, cols, y, h, pane;
	size_t first;
	/* Sized for the screen, and allocated again only when its size
	 * changes: the rows of the screen and of the frame, hashed in blocks
	 * (hash_at in scrolls.c), and two rows being compared. Not on the
	 * stack, where the stack clash protection would write every page of
	 * a frame sized for the largest screen; not in the session, whose
	 * calloc clears what it is given. */
	uint32_t *hashes;
	short *of;
	cchar_t *cells;
	int sized_rows, sized_cols;
	int shown; /* which of each row's two hashes is the screen's */
};

/* Takes the terminal's ways to scroll (after newterm), into a struct
 * that starts zeroed. It is not cleared here: that would write all its
 * pages, most of which a session never uses. */
void scrolls_take(struct scrolls *sc);

/* Scrolls the rows of the pane f moved, when that is cheaper than drawing
 * them again (after wnoutrefresh, before doupdate; with cleared, after a
 * frame that clears the screen, only remembers f). */
void scrolls_put(struct scrolls *sc, struct out *o, const struct frame *f,
    bool cleared);

/* Keeps ncurses from scrolling in the frame about to go (after
 * scrolls_put and what else changed curscr): its guesses came to 1.4 times
 * the bytes, and links put before the frame would move with them. */
void scrolls_forbid(struct out *o);

/* Before the screen goes. */
void scrolls_free(struct scrolls *sc);

#endif
