/* view: the browser's state — query, matches, selection, scroll, focus —
 * and the actions that change it. No curses: keys arrive as actions. */
#ifndef MADOGUCHI_VIEW_H
#define MADOGUCHI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "filter.h"
#include "table.h"

enum action {
	ACT_NONE,
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST,
	ACT_BACKSPACE, ACT_DELETE_WORD, ACT_DELETE_FORWARD,
	ACT_DELETE_WORD_FORWARD, ACT_CLEAR_QUERY,
	ACT_CURSOR_LEFT, ACT_CURSOR_RIGHT, ACT_CURSOR_START, ACT_CURSOR_END,
	ACT_WORD_LEFT, ACT_WORD_RIGHT,
	ACT_TOGGLE_FOCUS, ACT_OPEN, ACT_BACK, ACT_ESCAPE, ACT_HELP, ACT_QUIT,
	/* The browser does these: the terminal, and the selected desk. */
	ACT_REDRAW,
	ACT_COPY_PHONE, ACT_COPY_PAGE, ACT_COPY_CONTACT,
	ACT_BROWSE_PAGE, ACT_BROWSE_CONTACT,
};

enum focus { FOCUS_LIST, FOCUS_DETAIL };

/* The most columns a list column takes (the phone's, never cut, aside);
 * a longer cell is cut with a '~'. */
#define VIEW_COLUMN_MAX 24

/* The columns of a list row, in order. */
#define VIEW_LIST_COLUMNS 4
extern const enum field view_list_columns[VIEW_LIST_COLUMNS];

struct view {
	const struct table *table;
	struct place_source *places; /* may be NULL: then no place search */
	struct filter filter;
	size_t *rows;  /* matching desks, in filter_run's order */
	size_t nrows;
	size_t direct; /* the rows matched on their own cells; the rest
	                * were found through a place */
	size_t sel;    /* index into rows; 0 when there are none */
	size_t top;    /* first row of the list on screen */
	char query[FILTER_MAX_QUERY + 1];
	size_t query_len, cursor; /* bytes; the cursor is on a boundary */
	size_t query_max;         /* bytes the query may hold */
	enum focus focus;
	bool narrow;       /* one pane at a time (set from the layout) */
	bool detail_shown; /* narrow: the detail pane instead of the list */
	bool help;
	size_t scroll;     /* first line of the detail panel or help */
	bool quit;
	/* The desk (table index) last moved to, opened, acted on or listed
	 * under a query; SIZE_MAX: none. It is what a session ends with. */
	size_t picked;
	char status[512]; /* what the last action did, shown until a key */
	/* The widest cell of each list column, up to VIEW_COLUMN_MAX: one
	 * long or hostile name cannot push the phones off the screen. */
	size_t widths[VIEW_LIST_COLUMNS];
};

/* Sets up v over t, with a place source (may be NULL), which loads the
 * places when the query first needs them, an initial query (may be NULL),
 * cut to query_max bytes (0: FILTER_MAX_QUERY) like anything typed later;
 * false when out of memory. */
bool view_init(struct view *v, const struct table *t,
    struct place_source *places, const char *query, size_t query_max);
void view_free(struct view *v);

/* Inserts UTF-8 text at the cursor, as typed or pasted, as much as the
 * query has room for; refilters. Typing returns to the list, and closes
 * the detail (narrow) and the help. */
void view_insert(struct view *v, const char *text, size_t len);

/* Applies a key's action; page is the rows of the focused pane. */
void view_apply(struct view *v, enum action a, size_t page);

/* The table index of the selected desk, or SIZE_MAX when none is shown. */
size_t view_selected(const struct view *v);

/* Records the selected desk, if any, as the one picked: a front end acted
 * on it. */
void view_pick(struct view *v);

/* Scrolls the list so the selection is among its `height` rows, and
 * clamps the detail scroll to `lines` lines shown `height` at a time. */
void view_fit(struct view *v, size_t list_height, size_t detail_lines,
    size_t detail_height);

/* A mouse wheel turned by lines (up: negative) over the detail or help
 * (over_page) or over the list: scrolls that pane, wherever the focus is. */
void view_wheel(struct view *v, bool over_page, long lines);

/* The columns the list's rows need: the marker, each column and the gaps
 * between, and room for the place a row was found through. */
int view_list_width(const struct view *v);

/* Selects row i of the matches (a click). */
void view_select_row(struct view *v, size_t i);

/* A click of the main button: on the list's row-th shown row (it selects
 * that desk and focuses the list; on the row already selected, it opens
 * it, as Enter does), or on the detail (it focuses it). Nothing while the
 * help is open. */
enum view_pane { VIEW_PANE_LIST, VIEW_PANE_DETAIL };
void view_click(struct view *v, enum view_pane pane, size_t row);

/* One pane at a time (a narrow screen) or both: the layout says. */
void view_set_narrow(struct view *v, bool narrow);

/* The status line: what the last action did, shown until the next key
 * (text, or "" to clear it). */
void view_say(struct view *v, const char *text);

/* True for the actions the front end does on the selected desk (copy and
 * open), which change nothing in the view. */
bool view_acts_on_desk(enum action a);

#endif
