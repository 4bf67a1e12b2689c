/* frame: see frame.h. */
#include "frame.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "help.h"
#include "text.h"

static size_t
at_least_one(int rows)
{
	return (size_t)(rows > 0 ? rows : 1);
}

/* The page the panes show for v in layout l: the help, the selected
 * desk's detail with the place it was found through, or page_miss (as
 * wide as the screen, like the help) when nothing is listed. Its sections
 * keep a fixed height (labels that stay put as the selection moves, so
 * that a move sends only the values) in the wide layout; where that does
 * not fit, and one pane at a time (a phone's screen), the detail is
 * compact: the phone first, no filler lines. Empty when nothing is
 * selected. */
static void
plan_page(struct frame_plan *fp, const struct view *v, enum lang lang,
    bool ascii)
{
	struct page *p = &fp->page;
	const struct layout *l = &fp->layout;
	struct page_setup setup = {lang, ascii, (size_t)l->detail.w, NULL,
		false};
	size_t sel = view_selected(v);

	if (l->mode == LAYOUT_WIDE) {
		if (fp->heights_for.table != v->table ||
		    fp->heights_for.width != setup.width ||
		    fp->heights_for.lang != lang ||
		    fp->heights_for.ascii != ascii) {
			page_heights_of(v->table, &setup, &fp->heights);
			fp->heights_for.table = v->table;
			fp->heights_for.width = setup.width;
			fp->heights_for.lang = lang;
			fp->heights_for.ascii = ascii;
		}
		setup.fixed = &fp->heights;
	}

	page_begin(p, &setup); /* empty, unless a page is written below */
	if (v->help) {
		setup.width = (size_t)l->query.w;
		page_help(p, v->table, &setup);
	} else if (sel != SIZE_MAX && l->mode != LAYOUT_TOO_SMALL) {
		const struct desk *desk = &v->table->desks[sel];
		char via[FILTER_PLACE_MAX] = "";
		/* "" (a blank line) when this desk matched on its own but
		 * others were found through a place: moving between them
		 * shifts nothing. */
		const char *place = filter_place_read(&v->filter, desk,
		    lang == LANG_EN, ascii, via, sizeof via) ||
		    v->direct < v->nrows ? via : NULL;
		bool guessed = filter_suggested(&v->filter, desk);

		page_detail(p, desk, &setup, place, guessed);
		if (setup.fixed && p->count > (size_t)l->detail.h) {
			setup.fixed = NULL;
			page_detail(p, desk, &setup, place, guessed);
		}
	} else if (v->nrows == 0 && l->mode != LAYOUT_TOO_SMALL) {
		setup.width = (size_t)(l->query.w > 1 ? l->query.w - 1 : 1);
		setup.fixed = NULL;
		page_miss(p, v->table, &setup);
	}
}


/* The hint row: where a page read goes on past its pane, where in it
 * ("12-39/94"), then the state's hint; where they do not fit the row,
 * whole items go from the end, none is cut. */
static void
plan_hint(struct frame_plan *fp, const struct view *v, enum lang lang)
{
	const struct layout *l = &fp->layout;
	bool typed = v->query[0] != '\0';
	enum hint id = v->help ? HINT_HELP :
	    v->nrows == 0 ? HINT_MISS :
	    v->focus == FOCUS_DETAIL ? HINT_DETAIL :
	    l->mode == LAYOUT_NARROW ?
	    (typed ? HINT_NARROW_QUERY : HINT_NARROW_LIST) :
	    typed ? HINT_WIDE_QUERY : HINT_WIDE;
	bool reading = v->help || v->focus == FOCUS_DETAIL ||
	    (l->mode == LAYOUT_NARROW && v->detail_shown);
	size_t lines = page_content(&fp->page), shown = at_least_one(l->list.h);
	size_t at = 0;

	if (reading && lines > shown)
		at = (size_t)snprintf(fp->hint, sizeof fp->hint, "%zu-%zu/%zu  ",
		    v->scroll + 1, v->scroll + shown < lines ? v->scroll + shown :
		    lines, lines);
	help_hint(id, v, lang, fp->hint + at, sizeof fp->hint - at);
	while (text_width(fp->hint) > (size_t)(l->hint.w > 0 ? l->hint.w : 0)) {
		char *last = strstr(fp->hint, "  "), *next;

		while (last && (next = strstr(last + 2, "  ")))
			last = next;
		if (!last)
			break;
		*last = '\0';
	}
}

/* The query line: what of the query shows, with the cursor in view. */
static void
plan_query(struct frame_plan *fp, const struct view *v, bool ascii)
{
	struct frame_query *q = &fp->query;
	const struct rect *r = &fp->layout.query;
	int field;
	size_t width = text_shown_width(v->query, v->cursor, ascii);

	snprintf(q->count, sizeof q->count, "%zu/%zu", v->nrows,
	    v->table->count);
	field = r->w - FRAME_PROMPT_WIDTH - (int)strlen(q->count) - 1;
	/* Characters go from the start until the cursor fits the field: each
	 * takes its own columns off, so a long query is read once. */
	q->from = 0;
	while (field > 0 && q->from < v->cursor && width >= (size_t)field) {
		struct glyph g;

		width -= (size_t)text_shown_glyph(v->query + q->from,
		    v->cursor - q->from, ascii, &g);
		q->from += g.consumed;
	}
	q->cursor_x = r->x + FRAME_PROMPT_WIDTH + (int)width;
	q->cursor_shown = fp->layout.mode != LAYOUT_TOO_SMALL && !v->help &&
	    v->focus == FOCUS_LIST;
}

void
frame_plan_build(struct frame_plan *fp, struct view *v, int lines, int cols,
    enum lang lang, bool ascii)
{
	struct layout *l = &fp->layout;

	layout_compute(l, lines, cols, view_list_width(v));
	view_set_narrow(v, l->mode == LAYOUT_NARROW);
	plan_page(fp, v, lang, ascii);
	view_fit(v, at_least_one(l->list.h), page_content(&fp->page),
	    at_least_one(l->detail.h));
	plan_hint(fp, v, lang);
	plan_query(fp, v, ascii);
}

void
frame_plan_free(struct frame_plan *fp)
{
	page_free(&fp->page);
}

bool
frame_stamp_update(struct frame_stamp *out, const struct view *v, int lines,
    int cols)
{
	struct frame_stamp now;

	memset(&now, 0, sizeof now);
	now.lines = lines;
	now.cols = cols;
	now.sel = v->sel;
	now.top = v->top;
	now.scroll = v->scroll;
	now.cursor = v->cursor;
	now.nrows = v->nrows;
	now.focus = v->focus;
	now.narrow = v->narrow;
	now.detail_shown = v->detail_shown;
	now.help = v->help;
	now.query = text_hash(v->query, v->query_len);
	now.status = text_hash(v->status, strnlen(v->status, sizeof v->status));
	if (memcmp(&now, out, sizeof now) == 0)
		return false;
	memcpy(out, &now, sizeof now);
	return true;
}

size_t
frame_plan_page_rows(const struct frame_plan *fp, const struct view *v)
{
	return at_least_one(v->focus == FOCUS_LIST ? fp->layout.list.h :
	    fp->layout.detail.h);
}
