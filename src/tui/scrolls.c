/* scrolls: see scrolls.h. */
#include "scrolls.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <term.h> /* tiparm */

#include "out.h"
#include "terminal.h"

/* What a run of changed cells costs besides its text, about: the move of
 * the cursor to it. */
#define MOVE_BYTES 6
/* And what a change of attributes costs, about. */
#define SGR_BYTES 6
/* A shift is tried when this many blocks of rows (SCROLLS_BLOCKS a row)
 * would be where the screen has them after it, and not before. */
#define LIKELY_BLOCKS 4
/* A scroll must save this many bytes by the estimates, which are not
 * exact, to be worth it. */
#define WORTH_BYTES 24

enum pane { PANE_NONE, PANE_LIST, PANE_PAGE };

void
scrolls_take(struct scrolls *sc)
{
	sc->region = terminal_string("csr");
	sc->up = terminal_string("indn");
	sc->down = terminal_string("rin");
	sc->delete_lines = terminal_string("dl");
	sc->insert_lines = terminal_string("il");
	sc->move = terminal_string("cup");
	sc->save = terminal_string("sc");
	sc->restore = terminal_string("rc");
}

/* The pane of f whose content scrolls: its rows and first line shown. */
static enum pane
pane_of(const struct frame *f, int *y, int *h, size_t *first)
{
	const struct view *v = f->view;
	const struct layout *l = f->layout;

	if (l->mode == LAYOUT_TOO_SMALL)
		return PANE_NONE;
	if (l->mode == LAYOUT_NARROW && v->detail_shown && !v->help && v->nrows) {
		*y = l->detail.y;
		*h = l->detail.h;
		*first = v->scroll;
		return PANE_PAGE;
	}
	*y = l->list.y;
	*h = l->list.h;
	*first = v->help || v->nrows == 0 ? v->scroll : v->top;
	return v->help || v->nrows == 0 ? PANE_PAGE : PANE_LIST;
}

/* A cell's fields are read as they are: getcchar, on every cell of two
 * screens, cost more than the rest of a frame. */
static bool
blank(const cchar_t *c)
{
	return c->chars[0] == L' ' && c->chars[1] == 0 &&
	    !(c->attr & A_ATTRIBUTES) && !c->ext_color;
}

static int
cell_bytes(const cchar_t *c)
{
	/* A wide character's 3 bytes over its 2 cells, about. */
	return c->chars[0] < 0x80 ? 1 : 2;
}

/* Scratch row k (0 or 1) of sc, for the screen's width. */
static struct scrolls_row
scratch(struct scrolls *sc, int k)
{
	return (struct scrolls_row){sc->of + k * COLS, sc->cells + k * (COLS + 1)};
}

/* The hashes of row r's blocks: the screen's (which == sc->shown) or the
 * frame's. */
static uint32_t *
hash_at(const struct scrolls *sc, int r, int which)
{
	return sc->hashes + ((size_t)r * 2 + (size_t)which) * SCROLLS_BLOCKS;
}

static bool
read_row(WINDOW *w, int y, const struct scrolls_row *r)
{
	int col = 0;

	if (mvwin_wchnstr(w, y, 0, r->cell, COLS) == ERR)
		return false;
	for (int i = 0; col < COLS && r->cell[i].chars[0]; i++) {
		wchar_t wc = r->cell[i].chars[0];
		/* Nothing before U+1100 is wide: wcwidth is for the rest. */
		int width = wc < 0x1100 ? 1 : wcwidth(wc);

		for (int k = 0; k < (width > 1 ? width : 1) && col < COLS; k++)
			r->of[col++] = (short)i;
	}
	return col == COLS;
}

static const cchar_t *
at(const struct scrolls_row *r, int col)
{
	return &r->cell[r->of[col]];
}

/* Whether column col shows the same in both rows. */
static bool
same_at(const struct scrolls_row *a, const struct scrolls_row *b, int col)
{
	bool lead_a = col == 0 || a->of[col] != a->of[col - 1];
	bool lead_b = col == 0 || b->of[col] != b->of[col - 1];

	return lead_a == lead_b && memcmp(at(a, col), at(b, col),
	    sizeof a->cell[0]) == 0;
}

/* The bytes, about, that turn row was of the screen (blanks when < 0)
 * into row y of the frame, as ncurses writes them: a move to each run of
 * changed cells (or the cells between, when fewer), an SGR where the
 * attributes change, and a tail of blanks erased. */
static long
row_cost(struct scrolls *sc, int was, int y)
{
	struct scrolls_row now_row = scratch(sc, 0), old_row = scratch(sc, 1);
	const struct scrolls_row *now = &now_row, *old = &old_row;
	long cost = 0, before_tail = 0;
	int gap = -1; /* unchanged cells since the last changed one; -1: none */
	bool tail_changed = false;
	attr_t pen = A_NORMAL;

	if (!read_row(newscr, y, now) || (was >= 0 && !read_row(curscr, was, old)))
		return (long)COLS * 4; /* unknown: as if all changed */
	for (int x = 0; x < COLS; x++) {
		const cchar_t *c = at(now, x);
		bool empty = blank(c), same = was >= 0 ? same_at(now, old, x) : empty;

		if (same) {
			gap += gap >= 0;
			continue;
		}
		cost += gap < 0 || gap > MOVE_BYTES ? MOVE_BYTES : gap;
		if (c->attr != pen) {
			cost += SGR_BYTES;
			pen = c->attr;
		}
		cost += cell_bytes(c);
		gap = 0;
		tail_changed |= empty;
		if (!empty) {
			before_tail = cost;
			tail_changed = false;
		}
	}
	/* Changed blanks at the end: erased to the end of the line. */
	if (tail_changed && before_tail + MOVE_BYTES + 3 < cost)
		cost = before_tail + MOVE_BYTES + 3;
	return cost;
}

static void
append(char *out, size_t size, const char *s)
{
	size_t used = strlen(out);

	if (s && used < size)
		snprintf(out + used, size - used, "%s", s);
}

/* The shortest bytes that scroll rows top to bottom by n (> 0: up) and
 * leave the cursor where it was: the rows as a scrolling region, or
 * lines deleted and inserted so that the rows below stay. "" if the
 * terminal can do neither. */
static void
scroll_op(const struct scrolls *sc, int top, int bottom, int n, char *out,
    size_t size)
{
	char by_region[128] = "", by_lines[128] = "";
	int k = n > 0 ? n : -n;

	if (sc->region && (n > 0 ? sc->up : sc->down)) {
		append(by_region, sizeof by_region, tiparm(sc->region, top, bottom));
		append(by_region, sizeof by_region,
		    tiparm(sc->move, n > 0 ? bottom : top, 0));
		append(by_region, sizeof by_region,
		    tiparm(n > 0 ? sc->up : sc->down, k));
		append(by_region, sizeof by_region,
		    tiparm(sc->region, 0, LINES - 1));
	}
	if (sc->delete_lines && sc->insert_lines) {
		append(by_lines, sizeof by_lines,
		    tiparm(sc->move, n > 0 ? top : bottom - k + 1, 0));
		append(by_lines, sizeof by_lines, tiparm(sc->delete_lines, k));
		append(by_lines, sizeof by_lines,
		    tiparm(sc->move, n > 0 ? bottom - k + 1 : top, 0));
		append(by_lines, sizeof by_lines, tiparm(sc->insert_lines, k));
	}
	out[0] = '\0';
	if (!by_region[0] && !by_lines[0])
		return;
	append(out, size, sc->save);
	append(out, size, !by_lines[0] || (by_region[0] &&
	    strlen(by_region) <= strlen(by_lines)) ? by_region : by_lines);
	append(out, size, sc->restore);
}

/* FNV-1a over the cells of each block of row y; 0 for a blank block. */
static void
row_hashes(struct scrolls *sc, WINDOW *w, int y, uint32_t *hashes)
{
	struct scrolls_row row = scratch(sc, 0);
	const struct scrolls_row *r = &row;
	int width = (COLS + SCROLLS_BLOCKS - 1) / SCROLLS_BLOCKS;

	for (int b = 0; b < SCROLLS_BLOCKS; b++)
		hashes[b] = 0;
	if (!read_row(w, y, r))
		return;
	for (int x = 0; x < COLS; x++) {
		const cchar_t *c = at(r, x);
		uint32_t *h = &hashes[x / width];

		if (*h == 0 && blank(c))
			continue; /* blanks so far: still 0 */
		*h = *h ? *h : 2166136261u;
		*h = (*h ^ (uint32_t)c->chars[0]) * 16777619u;
		*h = (*h ^ (uint32_t)c->attr) * 16777619u;
	}
}

/* Into tried (from *ntried on, up to 3 in all), the shifts (> 0: up) by
 * which most blocks of the frame (now) that changed are blocks of the
 * screen (was) moved, the most first: those for LIKELY_BLOCKS at least. */
static void
likely_shifts(const struct scrolls *sc, int rows, int *tried, int *ntried)
{
	int was = sc->shown, now = !sc->shown;
	int count[2 * TERMINAL_MAX_ROWS] = {0}; /* by shift + rows */

	for (int r = 0; r < rows; r++)
		for (int b = 0; b < SCROLLS_BLOCKS; b++)
			if (hash_at(sc, r, now)[b] &&
			    hash_at(sc, r, now)[b] != hash_at(sc, r, was)[b])
				for (int from = 0; from < rows; from++)
					count[from - r + rows] +=
					    hash_at(sc, from, was)[b] == hash_at(sc, r, now)[b];
	while (*ntried < 3) {
		int best = 0;

		for (int n = 1 - rows; n < rows; n++) {
			bool seen = n == 0;

			for (int i = 0; i < *ntried; i++)
				seen |= tried[i] == n;
			if (!seen && count[n + rows] >= LIKELY_BLOCKS &&
			    (!best || count[n + rows] > count[best + rows]))
				best = n;
		}
		if (!best)
			return;
		tried[(*ntried)++] = best;
	}
}

struct plan {
	int n, top, bottom;
	long saved; /* bytes, about */
};

/* The rows top..bottom that scrolling by n saves most on, given what
 * each row costs staying (stay), taking the screen's row r + n (moved)
 * or blanks (fresh), with prefix sums over the rows. */
static void
best_region(int n, int rows, const long *stay, const long *moved,
    const long *fresh, long op_bytes, struct plan *best)
{
	int k = n > 0 ? n : -n;

	for (int top = 0; top < rows; top++)
		for (int bottom = top + k; bottom < rows; bottom++) {
			/* Rows that keep a row of the region, and those filled. */
			long kept = n > 0 ? moved[bottom - k + 1] - moved[top] :
			    moved[bottom + 1] - moved[top + k];
			long filled = n > 0 ? fresh[bottom + 1] - fresh[bottom - k + 1] :
			    fresh[top + k] - fresh[top];
			long saved = stay[bottom + 1] - stay[top] - kept - filled -
			    op_bytes;

			if (saved > best->saved)
				*best = (struct plan){n, top, bottom, saved};
		}
}

/* A shift row_costs takes for "from blank rows". */
#define FROM_BLANKS INT_MAX

/* Prefix sums of what each row of the frame costs made from the screen's
 * row r + n (n = 0: as it is), or from blanks (n = FROM_BLANKS); 0 for a
 * row that has no such source. */
static void
row_costs(struct scrolls *sc, int n, int rows, long *sums)
{
	sums[0] = 0;
	for (int r = 0; r < rows; r++) {
		bool blanks = n == FROM_BLANKS;
		bool known = blanks || (r + n >= 0 && r + n < rows);

		sums[r + 1] = sums[r] +
		    (known ? row_cost(sc, blanks ? -1 : r + n, r) : 0);
	}
}

/* Scrolls the region that saves the most bytes, if one saves enough: for
 * the pane's own shift (0: none), and the shifts the rows' blocks
 * suggest. */
static void
scroll_cheapest(struct scrolls *sc, struct out *o, int rows, int pane_shift)
{
	long stay[TERMINAL_MAX_ROWS + 1], moved[TERMINAL_MAX_ROWS + 1],
	    fresh[TERMINAL_MAX_ROWS + 1];
	int tried[3], ntried = 0;
	struct plan best = {0, 0, 0, 0};
	char op[300];

	if (pane_shift)
		tried[ntried++] = pane_shift;
	likely_shifts(sc, rows, tried, &ntried);
	if (ntried == 0)
		return;
	row_costs(sc, 0, rows, stay);
	row_costs(sc, FROM_BLANKS, rows, fresh);
	for (int i = 0; i < ntried; i++) {
		scroll_op(sc, 0, rows - 1, tried[i], op, sizeof op);
		if (!op[0])
			return;
		row_costs(sc, tried[i], rows, moved);
		best_region(tried[i], rows, stay, moved, fresh, (long)strlen(op),
		    &best);
	}
	if (best.n == 0 || best.saved < WORTH_BYTES)
		return;
	scroll_op(sc, best.top, best.bottom, best.n, op, sizeof op);
	out_cap(o, op);
	/* curscr is what ncurses believes the screen holds. */
	wsetscrreg(curscr, best.top, best.bottom);
	scrollok(curscr, TRUE);
	wscrl(curscr, best.n);
	scrollok(curscr, FALSE);
	wsetscrreg(curscr, 0, LINES - 1);
}

/* The scratch memory, for this screen's size. */
static bool
sized(struct scrolls *sc, int rows)
{
	size_t cells = 2 * ((size_t)COLS + 1) * sizeof *sc->cells;
	size_t hashes = (size_t)rows * 2 * SCROLLS_BLOCKS * sizeof *sc->hashes;
	size_t of = 2 * (size_t)COLS * sizeof *sc->of;
	char *block;

	if (sc->cells && sc->sized_rows == rows && sc->sized_cols == COLS)
		return true;
	scrolls_free(sc);
	if (!(block = malloc(cells + hashes + of)))
		return false;
	sc->cells = (cchar_t *)(void *)block;
	sc->hashes = (uint32_t *)(void *)(block + cells);
	sc->of = (short *)(void *)(block + cells + hashes);
	sc->sized_rows = rows;
	sc->sized_cols = COLS;
	return true;
}

void
scrolls_free(struct scrolls *sc)
{
	free(sc->cells);
	sc->cells = NULL;
	sc->hashes = NULL;
	sc->of = NULL;
}

/* By how many lines the pane's content moved up since the last frame
 * (< 0: down), when it is the same pane in the same rows and moved by
 * less than its height; else 0. */
static int
pane_shift(const struct scrolls *sc, enum pane pane, int y, int h,
    size_t first)
{
	size_t moved = first > sc->first ? first - sc->first : sc->first - first;

	if (pane == PANE_NONE || (int)pane != sc->pane || y != sc->y ||
	    h != sc->h || moved == 0 || moved >= (size_t)h)
		return 0;
	return first > sc->first ? (int)moved : -(int)moved;
}

void
scrolls_put(struct scrolls *sc, struct out *o, const struct frame *f,
    bool cleared)
{
	int y = 0, h = 0, rows = LINES < TERMINAL_MAX_ROWS ? LINES : TERMINAL_MAX_ROWS;
	size_t first = 0;
	enum pane pane = pane_of(f, &y, &h, &first);
	/* The blocks' hashes of the screen are those of the last frame, kept:
	 * only the rows the frame changes are read. */
	bool known = !cleared && sc->rows == LINES && sc->cols == COLS;

	if (!sized(sc, rows)) {
		sc->rows = 0; /* nothing known of the screen */
		return;
	}
	for (int r = 0; r < rows; r++)
		if (!known || is_linetouched(newscr, r))
			row_hashes(sc, newscr, r, hash_at(sc, r, !sc->shown));
		else
			memcpy(hash_at(sc, r, !sc->shown), hash_at(sc, r, sc->shown),
			    SCROLLS_BLOCKS * sizeof *sc->hashes);
	if (known && sc->move && sc->save && sc->restore)
		scroll_cheapest(sc, o, rows, pane_shift(sc, pane, y, h, first));
	sc->shown = !sc->shown;
	sc->rows = LINES;
	sc->cols = COLS;
	sc->y = y;
	sc->h = h;
	sc->pane = (int)pane;
	sc->first = first;
}

void
scrolls_forbid(struct out *o)
{
	out_forget_rows(o, 0, LINES);
}
