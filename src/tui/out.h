/* out: bytes into ncurses's own output buffer, the one doupdate fills and
 * writes at once, and what ncurses must be told of them: what links and
 * scrolls put there before a frame goes out in the frame's write. */
#ifndef MADOGUCHI_OUT_H
#define MADOGUCHI_OUT_H

#include <stddef.h>

#include <curses.h>

struct out {
	SCREEN *sp;
	WINDOW *column; /* one cell wide: see out_forget_rows */
	int cursor[4];  /* newscr's and curscr's, kept by out_begin */
};

/* Before what reads or writes newscr and curscr ahead of doupdate, and
 * after: reading a cell moves a window's cursor, and doupdate leaves the
 * terminal's where newscr's is. */
void out_begin(struct out *o);
void out_end(struct out *o);

/* n bytes of s, as they are (never read as terminfo padding). */
void out_bytes(struct out *o, const char *s, size_t n);

/* A string's bytes, as out_bytes. */
void out_text(struct out *o, const char *s);

/* A terminfo string, with its padding. */
void out_cap(struct out *o, const char *cap);

/* Rows y to y + h - 1 of curscr were changed behind ncurses's back: it
 * must not take them for rows that moved (and scroll them) in the next
 * frame. */
void out_forget_rows(struct out *o, int y, int h);

/* Before the screen goes. */
void out_free(struct out *o);

#endif
