/* out: see out.h. */
#include "out.h"

#include <string.h>

#include <term.h>

/* ncurses's own output function: what it writes goes into the buffer
 * doupdate fills. putp and its kin write through stdio instead, a write
 * of their own, so tputs_sp is called with this. It is not in curses.h,
 * but ncurses exports it (since 5.8, with the SCREEN functions). */
extern int _nc_outch_sp(SCREEN *sp, int c);

void
out_cap(struct out *o, const char *cap)
{
	tputs_sp(o->sp, cap, 1, _nc_outch_sp);
}

/* Byte by byte, as doupdate writes: tputs would take "$<5>" in a URL for
 * a delay (and allocates on each call). */
void
out_bytes(struct out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		_nc_outch_sp(o->sp, (unsigned char)s[i]);
}

void
out_text(struct out *o, const char *s)
{
	out_bytes(o, s, strlen(s));
}

/* ncurses keeps a hash of each row on the screen, and takes a row of the
 * frame whose hash is another row's for a row that moved, to scroll.
 * After curscr is changed behind its back those hashes are of the rows
 * as they were: it would scroll rows already scrolled, or links just put
 * (then drawn again, not as links). wredrawln, the one call that sets
 * them anew, also blanks the cells of the window it is given: given a
 * column of one cell, put back after, it leaves hashes that match no row
 * of the frame, and ncurses moves none of them. */
void
out_forget_rows(struct out *o, int y, int h)
{
	if (o->column && getmaxy(o->column) != LINES) {
		delwin(o->column);
		o->column = NULL;
	}
	if (!o->column && !(o->column = newwin(LINES, 1, 0, 0)))
		return;
	for (int r = y; r < y + h && r < LINES; r++) {
		cchar_t cell[2];

		mvwin_wchnstr(curscr, r, 0, cell, 1);
		wredrawln(o->column, r, 1);
		mvwadd_wchnstr(curscr, r, 0, cell, 1);
	}
}

void
out_begin(struct out *o)
{
	getyx(newscr, o->cursor[0], o->cursor[1]);
	getyx(curscr, o->cursor[2], o->cursor[3]);
}

void
out_end(struct out *o)
{
	wmove(newscr, o->cursor[0], o->cursor[1]);
	wmove(curscr, o->cursor[2], o->cursor[3]);
}

void
out_free(struct out *o)
{
	if (o->column)
		delwin(o->column);
	o->column = NULL;
}
