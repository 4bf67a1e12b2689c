/* frame: see frame.h. */
#include "frame.h"

#include <stdint.h>
#include <string.h>

/* The page the panes show for v in layout l: the help, the selected
 * desk's detail with the place it was found through, or page_miss (as
 * wide as the screen, like the help) when nothing is listed. Its sections
 * keep a fixed height (labels that stay put as the selection moves, so
 * that a move sends only the values) in the wide layout; where that does
 * not fit, and one pane at a time (a phone's screen), the detail is
 * compact: the phone first, no filler lines. Empty when nothing is
 * selected. */
static void
plan_page(struct page *p, const struct view *v, const struct layout *l,
    enum lang lang, bool ascii)
{
	struct page_setup setup = {lang, ascii, (size_t)l->detail.w,
		l->mode == LAYOUT_WIDE ? v->table : NULL, false};
	size_t sel = view_selected(v);

	memset(p, 0, sizeof *p);
	if (v->help) {
		setup.width = (size_t)l->query.w;
		page_help(p, v->table, &setup);
	} else if (sel != SIZE_MAX && l->mode != LAYOUT_TOO_SMALL) {
		const struct desk *k = &v->table->desks[sel];
		char via[FILTER_PLACE_MAX] = "";
		/* "" (a blank line) when this desk matched on its own but
		 * others were found through a place: moving between them
		 * shifts nothing. */
		const char *place = filter_place_read(&v->filter, k,
		    lang == LANG_EN, ascii, via, sizeof via) ||
		    v->direct < v->nrows ? via : NULL;
		bool guessed = filter_suggested(&v->filter, k);

		page_detail(p, k, &setup, place, guessed);
		if (setup.urls && p->count > (size_t)l->detail.h) {
			page_free(p);
			setup.urls = NULL;
			page_detail(p, k, &setup, place, guessed);
		}
	} else if (v->nrows == 0 && l->mode != LAYOUT_TOO_SMALL) {
		setup.width = (size_t)(l->query.w > 1 ? l->query.w - 1 : 1);
		setup.urls = NULL;
		page_miss(p, v->table, &setup);
	}
}

static size_t
at_least_one(int rows)
{
	return (size_t)(rows > 0 ? rows : 1);
}

void
frame_plan_build(struct frame_plan *fp, struct view *v, int lines, int cols,
    enum lang lang, bool ascii)
{
	struct layout *l = &fp->layout;

	layout_compute(l, lines, cols, view_list_width(v));
	view_set_narrow(v, l->mode == LAYOUT_NARROW);
	plan_page(&fp->page, v, l, lang, ascii);
	view_fit(v, at_least_one(l->list.h), page_content(&fp->page),
	    at_least_one(l->detail.h));
}

void
frame_plan_free(struct frame_plan *fp)
{
	page_free(&fp->page);
}

size_t
frame_plan_page_rows(const struct frame_plan *fp, const struct view *v)
{
	return at_least_one(v->focus == FOCUS_LIST ? fp->layout.list.h :
	    fp->layout.detail.h);
}
