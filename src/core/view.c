/* view: see view.h. */
#include "view.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

const enum field view_list_columns[VIEW_LIST_COLUMNS] = {FIELD_CODE,
	FIELD_NAME, FIELD_ROMAJI, FIELD_PHONE};

/* Runs the filter again, keeping the selected desk if it is still shown. */
static void
refilter(struct view *v)
{
	size_t was = view_selected(v);

	filter_compile(&v->filter, v->query, v->places);
	v->nrows = filter_run(&v->filter, v->table, v->rows, &v->direct);
	v->sel = 0;
	for (size_t i = 0; i < v->nrows; i++)
		if (v->rows[i] == was) {
			v->sel = i;
			break;
		}
	v->scroll = 0;
	if (v->query_len)
		view_pick(v);
}

bool
view_init(struct view *v, const struct table *t,
    struct place_source *places, const char *query, size_t query_max)
{
	memset(v, 0, sizeof *v);
	v->picked = SIZE_MAX;
	v->table = t;
	v->places = places;
	v->query_max = query_max && query_max < FILTER_MAX_QUERY ? query_max :
	    FILTER_MAX_QUERY;
	v->rows = malloc((t->count + 1) * sizeof *v->rows);
	if (!v->rows)
		return false;
	for (size_t i = 0; i < t->count; i++) {
		const struct desk *desk = &t->desks[i];

		for (size_t c = 0; c < VIEW_LIST_COLUMNS; c++) {
			size_t w = text_width(desk_cell(desk,
			    view_list_columns[c]));

			if (view_list_columns[c] != FIELD_PHONE &&
			    w > VIEW_COLUMN_MAX)
				w = VIEW_COLUMN_MAX;
			if (w > v->widths[c])
				v->widths[c] = w;
		}
	}
	if (query && *query)
		view_insert(v, query, strlen(query));
	else
		refilter(v);
	return true;
}

void
view_free(struct view *v)
{
	free(v->rows);
	v->rows = NULL;
}

void
view_insert(struct view *v, const char *text, size_t len)
{
	size_t room = v->query_max > v->query_len ?
	    v->query_max - v->query_len : 0;

	if (len == 0)
		return;
	v->focus = FOCUS_LIST;
	v->detail_shown = v->help = false;
	if (len > room)
		len = text_boundary(text, room);
	if (len == 0) /* full: nothing changes, nothing to filter again */
		return;
	memmove(v->query + v->cursor + len, v->query + v->cursor,
	    v->query_len - v->cursor);
	memcpy(v->query + v->cursor, text, len);
	v->query_len += len;
	v->cursor += len;
	v->query[v->query_len] = '\0';
	refilter(v);
}

static size_t
char_before(const struct view *v, size_t at)
{
	if (at == 0)
		return 0;
	do
		at--;
	while (at > 0 && text_continues(v->query[at]));
	return at;
}

static size_t
char_after(const struct view *v, size_t at)
{
	if (at >= v->query_len)
		return v->query_len;
	do
		at++;
	while (at < v->query_len && text_continues(v->query[at]));
	return at;
}

/* Removes query bytes [from, to), leaves the cursor at from, and
 * refilters if anything went. */
static void
erase(struct view *v, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(v->query + from, v->query + to, v->query_len - to + 1);
	v->query_len -= to - from;
	v->cursor = from;
	refilter(v);
}

static bool
is_space_at(const struct view *v, size_t at)
{
	return v->query[at] == ' ' ||
	    strncmp(v->query + at, "\xE3\x80\x80", 3) == 0;
}

/* Where the word before the cursor starts (readline's backward-word). */
static size_t
word_start(const struct view *v)
{
	size_t at = v->cursor;

	while (at > 0 && is_space_at(v, char_before(v, at)))
		at = char_before(v, at);
	while (at > 0 && !is_space_at(v, char_before(v, at)))
		at = char_before(v, at);
	return at;
}

/* Where the word after the cursor ends (readline's forward-word). */
static size_t
word_end(const struct view *v)
{
	size_t at = v->cursor;

	while (at < v->query_len && is_space_at(v, at))
		at = char_after(v, at);
	while (at < v->query_len && !is_space_at(v, at))
		at = char_after(v, at);
	return at;
}

/* at + delta, within 0 .. most: keys and wheel turns that pile up
 * between two frames (End End End in one write) saturate there. */
static size_t
moved(size_t at, long delta, size_t most)
{
	size_t by = delta < 0 ? (size_t)-(delta + 1) + 1 : (size_t)delta;

	if (delta < 0)
		return by >= at ? 0 : at - by;
	return at >= most || by >= most - at ? most : at + by;
}

static void
move_selection(struct view *v, long delta)
{
	if (v->nrows == 0)
		return;
	v->sel = moved(v->sel, delta, v->nrows - 1);
	v->scroll = 0;
}

/* view_fit brings the scroll back to the page at the next frame; until
 * then it stays far below any overflow. */
static void
scroll_detail(struct view *v, long delta)
{
	v->scroll = moved(v->scroll, delta, SIZE_MAX / 4);
}

/* Up/Down and paging move the selection, or scroll the detail or help. */
static void
navigate(struct view *v, enum action a, size_t height)
{
	long page = height > 1 ? (long)height - 1 : 1;
	bool scrolling = v->help || v->focus == FOCUS_DETAIL ||
	    (v->narrow && v->detail_shown);
	long step = a == ACT_UP ? -1 : a == ACT_DOWN ? 1 :
	    a == ACT_PAGE_UP ? -page : a == ACT_PAGE_DOWN ? page :
	    a == ACT_FIRST ? -LONG_MAX / 2 : LONG_MAX / 2;
	size_t from = v->sel;

	if (scrolling) {
		scroll_detail(v, step);
		return;
	}
	move_selection(v, step);
	/* A page move that leaves the list takes the list with it, so the
	 * selection keeps its row. */
	if ((a == ACT_PAGE_UP || a == ACT_PAGE_DOWN) &&
	    (v->sel < v->top || v->sel >= v->top + height)) {
		size_t moved = v->sel > from ? v->sel - from : from - v->sel;

		v->top = v->sel > from ? v->top + moved :
		    v->top > moved ? v->top - moved : 0;
	}
}

/* Esc steps back one level: help, detail, query, and then out. */
static void
escape(struct view *v)
{
	if (v->help) {
		v->help = false;
	} else if (v->narrow && v->detail_shown) {
		v->detail_shown = false;
		v->focus = FOCUS_LIST;
	} else if (v->focus == FOCUS_DETAIL) {
		v->focus = FOCUS_LIST;
	} else if (v->query_len > 0) {
		view_apply(v, ACT_CLEAR_QUERY, 0);
	} else {
		v->quit = true;
	}
	v->scroll = 0;
}

static void
edit(struct view *v, enum action a)
{
	switch (a) {
	case ACT_BACKSPACE:
		erase(v, char_before(v, v->cursor), v->cursor);
		break;
	case ACT_DELETE_WORD:
		erase(v, word_start(v), v->cursor);
		break;
	case ACT_DELETE_FORWARD:
		erase(v, v->cursor, char_after(v, v->cursor));
		break;
	case ACT_DELETE_WORD_FORWARD:
		erase(v, v->cursor, word_end(v));
		break;
	case ACT_CLEAR_QUERY:
		erase(v, 0, v->query_len);
		break;
	case ACT_WORD_LEFT:
		v->cursor = word_start(v);
		break;
	case ACT_WORD_RIGHT:
		v->cursor = word_end(v);
		break;
	case ACT_CURSOR_LEFT:
		v->cursor = char_before(v, v->cursor);
		break;
	case ACT_CURSOR_RIGHT:
		v->cursor = char_after(v, v->cursor);
		break;
	case ACT_CURSOR_START:
		v->cursor = 0;
		break;
	default:
		v->cursor = v->query_len;
		break;
	}
}

void
view_apply(struct view *v, enum action a, size_t page)
{
	switch (a) {
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_FIRST: case ACT_LAST:
		navigate(v, a, page);
		if (!v->help)
			view_pick(v);
		break;
	case ACT_BACKSPACE: case ACT_DELETE_WORD: case ACT_DELETE_FORWARD:
	case ACT_DELETE_WORD_FORWARD: case ACT_CLEAR_QUERY:
	case ACT_CURSOR_LEFT: case ACT_CURSOR_RIGHT: case ACT_CURSOR_START:
	case ACT_CURSOR_END: case ACT_WORD_LEFT: case ACT_WORD_RIGHT:
		edit(v, a);
		break;
	case ACT_TOGGLE_FOCUS:
	case ACT_OPEN:
		if (v->help || v->nrows == 0)
			break;
		v->focus = a == ACT_OPEN || v->focus == FOCUS_LIST ?
		    FOCUS_DETAIL : FOCUS_LIST;
		v->detail_shown = v->focus == FOCUS_DETAIL;
		v->scroll = 0;
		view_pick(v);
		break;
	case ACT_BACK:
		if (v->help || v->focus == FOCUS_DETAIL)
			escape(v);
		else
			edit(v, ACT_CURSOR_LEFT);
		break;
	case ACT_ESCAPE:
		escape(v);
		break;
	case ACT_HELP:
		v->help = !v->help;
		v->scroll = 0;
		break;
	case ACT_QUIT:
		v->quit = true;
		break;
	default: /* the front end's: the terminal, and the desk */
		break;
	}
}

bool
view_acts_on_desk(enum action a)
{
	switch (a) {
	case ACT_COPY_PHONE: case ACT_COPY_PAGE: case ACT_COPY_CONTACT:
	case ACT_BROWSE_PAGE: case ACT_BROWSE_CONTACT:
		return true;
	default:
		return false;
	}
}

void
view_click(struct view *v, enum view_pane pane, size_t row)
{
	if (v->help)
		return;
	if (pane == VIEW_PANE_LIST) {
		/* A tap on the row already selected opens it, as Enter does:
		 * a phone's screen has no Enter at hand. */
		bool again = v->top + row == v->sel && v->sel < v->nrows;

		view_select_row(v, v->top + row);
		view_pick(v);
		v->focus = FOCUS_LIST;
		if (again)
			view_apply(v, ACT_OPEN, 1);
	} else {
		v->focus = FOCUS_DETAIL;
	}
}

void
view_set_narrow(struct view *v, bool narrow)
{
	v->narrow = narrow;
}

void
view_say(struct view *v, const char *text)
{
	snprintf(v->status, sizeof v->status, "%s", text);
}

size_t
view_selected(const struct view *v)
{
	return v->nrows ? v->rows[v->sel] : SIZE_MAX;
}

void
view_pick(struct view *v)
{
	if (v->nrows)
		v->picked = v->rows[v->sel];
}

void
view_wheel(struct view *v, bool over_page, long lines)
{
	if (v->help || over_page)
		scroll_detail(v, lines);
	else
		move_selection(v, lines);
}

int
view_list_width(const struct view *v)
{
	size_t w = 1 + VIEW_LIST_COLUMNS + 14; /* marker, gaps, a place note */

	for (size_t c = 0; c < VIEW_LIST_COLUMNS; c++)
		w += v->widths[c];
	return (int)w;
}

void
view_select_row(struct view *v, size_t i)
{
	if (i < v->nrows) {
		v->sel = i;
		v->scroll = 0;
	}
}

void
view_fit(struct view *v, size_t list_height, size_t detail_lines,
    size_t detail_height)
{
	size_t max_scroll = detail_lines > detail_height ?
	    detail_lines - detail_height : 0;

	if (list_height == 0)
		list_height = 1;
	/* A selection that left the list brings it back in the middle: the
	 * list moves by half a page at once, not by a row at each move, which
	 * would repaint every row each time (as less and tig do). */
	if (v->sel < v->top || v->sel >= v->top + list_height) {
		v->top = v->sel > (list_height - 1) / 2 ?
		    v->sel - (list_height - 1) / 2 : 0;
		/* Within half a page of either end the list goes all the way
		 * there, so the next move off its edge is not a short jump. */
		if (v->top < list_height / 2)
			v->top = 0;
		else if (v->top + list_height + list_height / 2 > v->nrows)
			v->top = v->nrows;
	}
	if (v->top + list_height > v->nrows)
		v->top = v->nrows > list_height ? v->nrows - list_height : 0;
	if (v->scroll > max_scroll)
		v->scroll = max_scroll;
}
