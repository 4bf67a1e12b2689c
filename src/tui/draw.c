/* draw: see draw.h. Every string passes through text_glyph, so nothing
 * unsafe reaches the terminal, and is measured with text_cp_width, the one
 * width madoguchi knows; a character that curses (wcwidth) would measure
 * otherwise is drawn as its escape, so that madoguchi, curses and the
 * cursor agree where every cell is, and nothing is drawn past its
 * rectangle. */
#include "draw.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

enum { PAIR_MATCH = 1, PAIR_NOTE };

void
theme_init(struct theme *th, bool color)
{
	/* What changes on a move (names, URLs, kinds) is plain: every change
	 * of attribute costs bytes on every move. The phone, which a reader
	 * needs first, is the one value in bold. */
	memset(th, 0, sizeof *th);
	th->match = (struct cell_style){A_BOLD | A_UNDERLINE, 0};
	th->selected = (struct cell_style){A_REVERSE, 0};
	th->selected_match = (struct cell_style){A_REVERSE | A_BOLD | A_UNDERLINE, 0};
	th->label = (struct cell_style){A_BOLD, 0};
	th->phone = (struct cell_style){A_BOLD, 0};
	th->hint = (struct cell_style){A_REVERSE, 0};
	th->escape = (struct cell_style){A_REVERSE, 0};
	/* Colour only where it helps: what matched, and the notes a reader
	 * must not miss. Every colour change costs bytes on each redraw. */
	if (!color)
		return;
	/* Red, as grep marks a match: it reads on a white background and on
	 * a black one, where yellow on white does not. */
	init_pair(PAIR_MATCH, COLOR_RED, -1);
	init_pair(PAIR_NOTE, COLOR_MAGENTA, -1);
	th->match = (struct cell_style){A_NORMAL, PAIR_MATCH}; /* colour alone: cheapest */
	th->selected_match = (struct cell_style){A_REVERSE, PAIR_MATCH};
	th->note.pair = PAIR_NOTE;
}

static void
put_cell(WINDOW *w, wchar_t wc, struct cell_style s)
{
	wchar_t str[2] = {wc, L'\0'};
	cchar_t cell;

	setcchar(&cell, str, s.attr, s.pair, NULL);
	wadd_wch(w, &cell);
}

/* Draws text at (y, x) in at most `width` columns, styling bytes inside
 * spans with `hl`; returns the columns used. */
static int
put_marked(WINDOW *w, const struct frame *f, int y, int x, int width,
    const char *text, const struct span *spans, size_t nspans,
    struct cell_style s, struct cell_style hl)
{
	size_t len = strlen(text), i = 0, span = 0;
	int used = 0;

	wmove(w, y, x);
	while (i < len && used < width) {
		struct glyph g;
		int cw = text_shown_glyph(text + i, len - i, f->ascii, &g);

		while (span < nspans && spans[span].end <= i)
			span++;
		if (used + cw > width)
			break;
		if (g.cp)
			put_cell(w, (wchar_t)g.cp, span < nspans &&
			    spans[span].start <= i ? hl : s);
		else
			for (size_t k = 0; k < g.len; k++)
				put_cell(w, (wchar_t)g.bytes[k], f->theme->escape);
		used += cw;
		i += g.consumed;
	}
	return used;
}

static int
put_plain(WINDOW *w, const struct frame *f, int y, int x, int width,
    const char *text, struct cell_style s)
{
	return put_marked(w, f, y, x, width, text, NULL, 0, s, s);
}

static void
fill(WINDOW *w, int y, int x, int width, struct cell_style s)
{
	wmove(w, y, x);
	for (int i = 0; i < width; i++)
		put_cell(w, L' ', s);
}

/* One cell of a list row, in at most `width` columns, with its matches. */
static void
list_cell(WINDOW *w, const struct frame *f, const struct desk *desk,
    enum field field, int y, int x, int width, bool selected)
{
	const struct theme *th = f->theme;
	struct span spans[8];
	size_t n = filter_spans(&f->view->filter, desk, field, spans, 8);

	struct cell_style s = selected ? th->selected : th->text;
	const char *text = desk_cell(desk, field);

	if (width <= 0)
		return;
	/* Too wide for its column: cut at a character, and a '~' says so. */
	if ((int)text_shown_width(text, strlen(text), f->ascii) > width) {
		int used = put_marked(w, f, y, x, width - 1, text, spans, n,
		    s, selected ? th->selected_match : th->match);

		mvwaddch(w, y, x + used, '~' | s.attr);
		return;
	}
	put_marked(w, f, y, x, width, text, spans, n, s,
	    selected ? th->selected_match : th->match);
}

/* After a row found through a place, the place: (浜松市); after one a
 * slip meant, (もしかして: 浜松市). */
static void
draw_place_note(WINDOW *w, const struct frame *f, const struct desk *desk,
    int y, int x, int end)
{
	char note[FILTER_PLACE_MAX + 64], shown[sizeof note + 4];

	if (x >= end || !page_row_note(&f->view->filter, desk, f->lang, f->ascii,
	    note, sizeof note))
		return;
	snprintf(shown, sizeof shown, "(%s)", note);
	/* Cut, it says so, as a cell does. */
	if ((int)text_shown_width(shown, strlen(shown), f->ascii) > end - x) {
		int used = put_plain(w, f, y, x, end - x - 1, shown,
		    f->theme->note);

		mvwaddch(w, y, x + used, '~' | f->theme->note.attr);
		return;
	}
	put_plain(w, f, y, x, end - x, shown, f->theme->note);
}

/* The columns each list column gets in a pane of `room`: what its widest
 * cell needs, but where they do not all fit the wider of the name and the
 * romaji gives up a column, and again (down to 4 each), before the phone
 * loses any. */
static void
column_widths(const struct frame *f, int room, int *cols)
{
	const struct view *v = f->view;
	int need = 0;

	for (size_t c = 0; c < VIEW_LIST_COLUMNS; c++) {
		cols[c] = f->ascii && view_list_columns[c] == FIELD_NAME ? 0 :
		    (int)v->widths[c];
		need += cols[c] + (cols[c] > 0);
	}
	while (need > room && (cols[1] > 4 || cols[2] > 4)) {
		cols[cols[1] >= cols[2] ? 1 : 2]--;
		need--;
	}
}

/* The selection is in reverse video from the marker through the name (or
 * the romaji standing for it): a move rewrites that much of two rows, not
 * both whole rows. */
static void
draw_list_row(WINDOW *w, const struct frame *f, int y, size_t row)
{
	const struct view *v = f->view;
	const struct rect *r = &f->layout->list;
	const struct desk *desk = &v->table->desks[v->rows[row]];
	bool selected = row == v->sel;
	int x = r->x + 1, end = r->x + r->w, widths[VIEW_LIST_COLUMNS];

	column_widths(f, r->w - 1, widths);
	for (size_t c = 0; c < VIEW_LIST_COLUMNS && x < end; c++) {
		enum field field = view_list_columns[c];
		int cols = widths[c] < end - x ? widths[c] : end - x;

		if (f->ascii && field == FIELD_NAME)
			continue; /* romaji stands for the name */
		if (selected)
			fill(w, y, x, cols, f->theme->selected);
		list_cell(w, f, desk, field, y, x, cols, selected);
		x += widths[c] + 1;
		if (field == FIELD_NAME || field == FIELD_ROMAJI)
			selected = false;
	}
	draw_place_note(w, f, desk, y, x, end);
	if (row == v->sel) {
		mvwaddch(w, y, r->x, '>' | f->theme->selected.attr);
		mvwchgat(w, y, r->x + 1 + widths[0], 1,
		    f->theme->selected.attr, f->theme->selected.pair, NULL);
	}
}

static struct cell_style
style_of_line(const struct theme *th, enum line_style s)
{
	switch (s) {
	case STYLE_LABEL: return th->label;
	case STYLE_PHONE: return th->phone;
	case STYLE_NOTE: return th->note;
	case STYLE_URL:
	case STYLE_TEXT: break;
	}
	return th->text;
}

static void
note_link(const struct frame *f, int y, int x, int room, const char *text,
    const char *url, attr_t attr)
{
	struct drawn_links *l = f->links;
	int len = (int)strlen(text);

	if (!l || l->count == DRAW_MAX_LINKS || room <= 0 || len == 0)
		return;
	l->spot[l->count++] = (struct link_spot){y, x, len < room ? len : room,
		url, attr};
}

/* '^' and 'v' where the page goes on above and below the pane: on the
 * separator of a wide layout, else in the pane's last column. */
static void
draw_more_marks(WINDOW *w, const struct frame *f, const struct rect *r)
{
	const struct page *p = f->page;
	int x = f->layout->separator_x >= 0 && r->x > f->layout->separator_x ?
	    f->layout->separator_x : r->x + r->w - 1;

	if (!p || r->h < 2 || r->w < 1)
		return;
	if (f->view->scroll > 0)
		mvwaddch(w, r->y, x, '^' | f->theme->label.attr);
	if (f->view->scroll + (size_t)r->h < page_content(p))
		mvwaddch(w, r->y + r->h - 1, x, 'v' | f->theme->label.attr);
}

static void
draw_page(WINDOW *w, const struct frame *f, const struct rect *r)
{
	const struct page *p = f->page;

	for (int i = 0; p && i < r->h && f->view->scroll + (size_t)i < p->count;
	    i++) {
		const struct page_line *line = &p->lines[f->view->scroll + (size_t)i];
		struct cell_style s = style_of_line(f->theme, line->style);

		put_plain(w, f, r->y + i, r->x, r->w, line->text, s);
		if (line->link) {
			int indent = (int)strspn(line->text, " ");

			note_link(f, r->y + i, r->x + indent, r->w - indent,
			    line->text + indent, line->link, s.attr);
		}
	}
	draw_more_marks(w, f, r);
}

static void
draw_list(WINDOW *w, const struct frame *f)
{
	const struct view *v = f->view;
	const struct rect *r = &f->layout->list;

	for (int i = 0; i < r->h && v->top + (size_t)i < v->nrows; i++)
		draw_list_row(w, f, r->y + i, v->top + (size_t)i);
}

/* The query from where the plan shows it, the cursor where it planned
 * it, and N/TOTAL at the right. */
static void
draw_query(WINDOW *w, const struct frame *f)
{
	const struct rect *r = &f->layout->query;
	int count_w = (int)strlen(f->query->count);
	int field = r->w - FRAME_PROMPT_WIDTH - count_w - 1;

	mvwaddstr(w, r->y, r->x, "> ");
	if (field > 0)
		put_plain(w, f, r->y, r->x + FRAME_PROMPT_WIDTH, field,
		    f->view->query + f->query->from, f->theme->text);
	if (r->w > count_w)
		mvwaddstr(w, r->y, r->x + r->w - count_w, f->query->count);
	wmove(w, r->y, f->query->cursor_x);
}

/* A status too long for its row, whole: wrapped over the rows above the
 * hint row (over the panes, until the next key clears it), as many as it
 * needs up to all but the query's. False when it fits its row. */
static bool
draw_long_status(WINDOW *w, const struct frame *f)
{
	const struct rect *r = &f->layout->hint;
	struct page p = {0};
	size_t rows;

	if ((int)text_shown_width(f->view->status, strlen(f->view->status),
	    f->ascii) <= r->w)
		return false;
	page_begin(&p, &(struct page_setup){f->lang, f->ascii, (size_t)r->w,
	    NULL, false});
	page_add(&p, 0, 0, STYLE_TEXT, f->view->status);
	rows = p.count < (size_t)r->y ? p.count : (size_t)r->y;
	for (size_t i = 0; i < rows; i++) {
		int y = r->y - (int)(rows - 1 - i);

		fill(w, y, r->x, r->w, f->theme->hint);
		put_plain(w, f, y, r->x, r->w, p.lines[i].text, f->theme->hint);
	}
	page_free(&p);
	return rows > 0;
}

static void
draw_hint(WINDOW *w, const struct frame *f)
{
	const struct view *v = f->view;
	const struct rect *r = &f->layout->hint;

	fill(w, r->y, r->x, r->w, f->theme->hint);
	if (v->status[0] && draw_long_status(w, f))
		return;
	put_plain(w, f, r->y, r->x, r->w, v->status[0] ? v->status : f->hint,
	    f->theme->hint);
	if (f->status_link && v->status[0] &&
	    text_starts(v->status, f->status_link))
		note_link(f, r->y, r->x, r->w, f->status_link, f->status_link,
		    f->theme->hint.attr);
}

static void
draw_panes(WINDOW *w, const struct frame *f)
{
	const struct layout *l = f->layout;
	const struct view *v = f->view;

	if (v->help || v->nrows == 0) { /* page_help, page_miss */
		struct rect all = {l->list.y, v->help ? 0 : 1, l->list.h,
			l->query.w - !v->help};

		draw_page(w, f, &all);
	} else if (l->mode == LAYOUT_NARROW) {
		if (v->detail_shown && v->nrows)
			draw_page(w, f, &l->detail);
		else
			draw_list(w, f);
	} else {
		draw_list(w, f);
		for (int y = l->list.y; y < l->list.y + l->list.h; y++)
			mvwaddch(w, y, l->separator_x, '|');
		draw_page(w, f, &l->detail); /* after the separator: its marks */
	}
}

/* "Terminal too small", broken between words over as many rows as fit. */
static void
draw_too_small(WINDOW *w, const struct frame *f)
{
	const char *rest = label(f->lang, L_TOO_SMALL);
	int cols = f->layout->query.w;

	for (int y = 0; *rest && y < f->layout->query.h; y++) {
		char line[64];
		size_t used, n = text_fit(rest, (size_t)cols, &used);

		if (rest[n] && memchr(rest, ' ', n))
			while (rest[n - 1] != ' ')
				n--;
		if (n == 0 || n >= sizeof line)
			break;
		memcpy(line, rest, n);
		line[n] = '\0';
		put_plain(w, f, y, 0, cols, line, f->theme->text);
		rest += n;
	}
}

void
draw_frame(WINDOW *w, const struct frame *given)
{
	struct frame copy = *given;
	struct theme away = *given->theme;
	const struct frame *f = &copy;
	const struct layout *l = f->layout;

	/* Where the detail has the focus, the list's selection is underlined,
	 * not reversed: one look says which pane the keys go to. */
	if (given->view->focus == FOCUS_DETAIL && l->mode == LAYOUT_WIDE) {
		away.selected = (struct cell_style){A_UNDERLINE, 0};
		away.selected_match = (struct cell_style){A_UNDERLINE | A_BOLD,
			given->theme->match.pair};
		copy.theme = &away;
	}

	werase(w);
	if (f->links)
		f->links->count = 0;
	if (l->mode == LAYOUT_TOO_SMALL) {
		draw_too_small(w, f);
		return;
	}
	draw_panes(w, f);
	draw_hint(w, f);
	draw_query(w, f); /* last: it leaves the cursor in the query */
}
