/* Unit tests for view (the browser's state and actions) and pages (the
 * detail and help text): no terminal needed. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <string.h>

#include <cmocka.h>

#include "frame.h"
#include "pages.h"
#include "text.h"
#include "layout.h"
#include "view.h"

#include "fixture.h"

static const char *
selected_name(const struct view *v)
{
	size_t i = view_selected(v);

	return i == SIZE_MAX ? "(none)" : desk_cell(&table->desks[i],
	    FIELD_NAME);
}

static void
typing_filters_and_keeps_the_selection(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	assert_int_equal(v.nrows, 47);
	for (int i = 0; i < 9; i++)
		view_apply(&v, ACT_DOWN, 10);
	assert_string_equal(selected_name(&v), "栃木");
	view_insert(&v, "関東", strlen("関東"));
	assert_int_equal(v.nrows, 7);
	assert_string_equal(selected_name(&v), "栃木"); /* still shown */
	view_insert(&v, " !栃木", strlen(" !栃木"));
	assert_int_equal(v.nrows, 6);
	assert_string_equal(selected_name(&v), "警視庁"); /* gone: first */
	view_free(&v);
}

static void
editing_is_by_character(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, "とうきょう tok", 0));
	view_apply(&v, ACT_BACKSPACE, 10);
	assert_string_equal(v.query, "とうきょう to");
	view_apply(&v, ACT_DELETE_WORD, 10);
	assert_string_equal(v.query, "とうきょう ");
	view_apply(&v, ACT_BACKSPACE, 10);
	view_apply(&v, ACT_BACKSPACE, 10);
	assert_string_equal(v.query, "とうきょ");
	view_apply(&v, ACT_CURSOR_LEFT, 10);
	view_apply(&v, ACT_CURSOR_LEFT, 10);
	assert_int_equal(v.cursor, 6);
	view_insert(&v, "X", 1);
	assert_string_equal(v.query, "とうXきょ");
	view_apply(&v, ACT_CURSOR_START, 10);
	view_apply(&v, ACT_BACKSPACE, 10); /* nothing before the cursor */
	assert_string_equal(v.query, "とうXきょ");
	view_apply(&v, ACT_CURSOR_END, 10);
	assert_int_equal(v.cursor, v.query_len);
	view_apply(&v, ACT_CURSOR_RIGHT, 10);
	assert_int_equal(v.cursor, v.query_len);
	view_apply(&v, ACT_CLEAR_QUERY, 10);
	assert_string_equal(v.query, "");
	assert_int_equal(v.nrows, 47);
	view_free(&v);
}

static void
query_is_bounded_on_a_character(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 7));
	view_insert(&v, "あいう", strlen("あいう")); /* 9 bytes: 2 fit */
	assert_string_equal(v.query, "あい");
	view_free(&v);
}

/* The restricted query limit holds from the first byte: an initial query
 * longer than it is cut like typing, and a paste after it adds nothing
 * (the room was once computed as a negative number). */
static void
initial_query_is_bounded_too(void **state)
{
	char longer[101];
	struct view v;

	(void)state;
	memset(longer, '0', 100);
	longer[100] = '\0';
	assert_true(view_init(&v, table, NULL, longer, 64));
	assert_int_equal(v.query_len, 64);
	view_insert(&v, longer, 100);
	assert_int_equal(v.query_len, 64);
	assert_int_equal(v.cursor, 64);
	view_free(&v);
}

/* The list is as wide as its rows need, beside the detail, between 40
 * columns and 45% of the screen; the detail gets the rest. */
static void
list_takes_what_it_needs(void **state)
{
	struct layout l;
	struct view v;
	int want;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	want = view_list_width(&v);
	assert_true(want >= 1 + 2 + 6 + 9 + 12 && want <= 56);
	layout_compute(&l, 40, 120, want);
	assert_int_equal(l.list.w, want);
	assert_int_equal(l.detail.w, 120 - want - 2);
	layout_compute(&l, 30, 100, want);
	assert_int_equal(l.list.w, 45);
	layout_compute(&l, 24, 80, want);
	assert_int_equal(l.list.w, 40);
	layout_compute(&l, 40, 200, 0);
	assert_int_equal(l.list.w, 56);
	view_free(&v);
}

static void
navigation_stays_in_range(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	view_apply(&v, ACT_UP, 10);
	assert_int_equal(v.sel, 0);
	view_apply(&v, ACT_PAGE_DOWN, 10);
	assert_int_equal(v.sel, 9);
	view_apply(&v, ACT_LAST, 10);
	assert_int_equal(v.sel, 46);
	view_apply(&v, ACT_DOWN, 10);
	assert_int_equal(v.sel, 46);
	view_fit(&v, 10, 0, 10);
	assert_int_equal(v.top, 37);
	view_apply(&v, ACT_FIRST, 10);
	view_fit(&v, 10, 0, 10);
	assert_int_equal(v.top, 0);
	view_insert(&v, "zzz", 3);
	view_apply(&v, ACT_DOWN, 10);
	assert_int_equal(view_selected(&v), SIZE_MAX);
	view_apply(&v, ACT_OPEN, 10); /* nothing to open */
	assert_int_equal(v.focus, FOCUS_LIST);
	view_free(&v);
}

/* Presses a key n times in a list 10 rows high, fitting the view after
 * each as a frame does. */
static void
press(struct view *v, enum action a, int n)
{
	for (int i = 0; i < n; i++) {
		view_apply(v, a, 10);
		view_fit(v, 10, 0, 10);
	}
}

/* Each move off the list's edge would repaint every row for one row of
 * progress: the list jumps by half a page instead (as in less and tig),
 * and a page move keeps the selection on its screen row. */
static void
leaving_the_list_scrolls_half_a_page(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	press(&v, ACT_DOWN, 9);
	assert_int_equal(v.sel, 9);
	assert_int_equal(v.top, 0);
	press(&v, ACT_DOWN, 1);
	assert_int_equal(v.sel, 10);
	assert_int_equal(v.top, 6); /* the selection on row 4 of 10 */
	press(&v, ACT_DOWN, 5);
	assert_int_equal(v.top, 6);
	press(&v, ACT_DOWN, 1);
	assert_int_equal(v.top, 12);
	press(&v, ACT_UP, 1); /* 15: still shown */
	assert_int_equal(v.top, 12);
	press(&v, ACT_UP, 4);
	assert_int_equal(v.sel, 11);
	assert_int_equal(v.top, 7);

	press(&v, ACT_FIRST, 1);
	press(&v, ACT_PAGE_DOWN, 1);
	assert_int_equal(v.sel, 9);
	assert_int_equal(v.top, 0);
	press(&v, ACT_PAGE_DOWN, 1);
	assert_int_equal(v.sel, 18);
	assert_int_equal(v.top, 9); /* still on the last row */
	press(&v, ACT_PAGE_UP, 1);
	assert_int_equal(v.sel, 9);
	assert_int_equal(v.top, 9);
	press(&v, ACT_PAGE_UP, 1);
	assert_int_equal(v.sel, 0);
	assert_int_equal(v.top, 0);
	view_free(&v);
}

/* The rules a click and the status line follow are the view's, so that
 * the browser only says where the pointer was. */
static void
clicks_and_the_status_line(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	assert_int_equal(v.direct, v.nrows); /* no places: all on their own */
	v.top = 10;
	view_click(&v, VIEW_PANE_DETAIL, 0);
	assert_int_equal(v.focus, FOCUS_DETAIL);
	view_click(&v, VIEW_PANE_LIST, 3);
	assert_int_equal(v.sel, 13);
	assert_int_equal(v.focus, FOCUS_LIST);
	assert_false(v.detail_shown);
	/* A second tap on the selected row opens it, as Enter does. */
	view_click(&v, VIEW_PANE_LIST, 3);
	assert_int_equal(v.sel, 13);
	assert_true(v.detail_shown);
	assert_int_equal(v.focus, FOCUS_DETAIL);
	view_click(&v, VIEW_PANE_LIST, 4); /* another row: selected only */
	assert_int_equal(v.sel, 14);
	assert_int_equal(v.focus, FOCUS_LIST);
	view_apply(&v, ACT_HELP, 10);
	view_click(&v, VIEW_PANE_LIST, 5); /* the help is open: nothing */
	assert_int_equal(v.sel, 14);
	view_say(&v, "copied");
	assert_string_equal(v.status, "copied");
	view_say(&v, "");
	assert_string_equal(v.status, "");
	assert_true(view_acts_on_desk(ACT_COPY_PHONE));
	assert_true(view_acts_on_desk(ACT_BROWSE_CONTACT));
	assert_false(view_acts_on_desk(ACT_REDRAW));
	assert_false(view_acts_on_desk(ACT_QUIT));
	view_set_narrow(&v, true);
	assert_true(v.narrow);
	view_free(&v);
}

/* End (or Home) many times between two frames (GGG in one write) goes
 * to the end and stays there: the scroll saturates, never wraps round. */
static void
repeated_ends_saturate(void **state)
{
	struct view v;
	size_t end;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	view_apply(&v, ACT_HELP, 10);
	view_apply(&v, ACT_LAST, 10);
	end = v.scroll;
	assert_true(end > 0);
	for (int i = 0; i < 5; i++) {
		view_apply(&v, ACT_LAST, 10);
		assert_true(v.scroll >= end);
	}
	for (int i = 0; i < 5; i++)
		view_wheel(&v, true, LONG_MAX);
	assert_true(v.scroll >= end);
	for (int i = 0; i < 5; i++)
		view_apply(&v, ACT_FIRST, 10);
	assert_int_equal(v.scroll, 0);
	view_wheel(&v, true, LONG_MIN);
	assert_int_equal(v.scroll, 0);
	view_apply(&v, ACT_HELP, 10);
	for (int i = 0; i < 5; i++)
		view_wheel(&v, false, LONG_MAX);
	assert_int_equal(v.sel, v.nrows - 1);
	view_wheel(&v, false, LONG_MIN);
	assert_int_equal(v.sel, 0);
	view_free(&v);
}

static void
escape_steps_back_then_quits(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, "tokyo", 0));
	view_set_narrow(&v, true);
	view_apply(&v, ACT_OPEN, 10);
	assert_true(v.detail_shown);
	view_apply(&v, ACT_HELP, 10);
	view_apply(&v, ACT_ESCAPE, 10);
	assert_false(v.help);
	assert_true(v.detail_shown);
	view_apply(&v, ACT_BACK, 10); /* Left goes back too */
	assert_false(v.detail_shown);
	assert_int_equal(v.focus, FOCUS_LIST);
	view_apply(&v, ACT_ESCAPE, 10);
	assert_string_equal(v.query, "");
	assert_false(v.quit);
	view_apply(&v, ACT_ESCAPE, 10);
	assert_true(v.quit);
	view_free(&v);
}

static void
detail_scrolls_when_focused(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	view_apply(&v, ACT_TOGGLE_FOCUS, 10);
	assert_int_equal(v.focus, FOCUS_DETAIL);
	view_apply(&v, ACT_DOWN, 10);
	view_apply(&v, ACT_DOWN, 10);
	assert_int_equal(v.sel, 0);
	assert_int_equal(v.scroll, 2);
	view_fit(&v, 10, 5, 4); /* 5 lines, 4 shown: at most 1 */
	assert_int_equal(v.scroll, 1);
	view_apply(&v, ACT_TOGGLE_FOCUS, 10);
	assert_int_equal(v.focus, FOCUS_LIST);
	view_free(&v);
}

/* The first line with text in it; p->count for none. */
static size_t
line_of(const struct page *p, const char *text)
{
	size_t i = 0;

	while (i < p->count && !strstr(p->lines[i].text, text))
		i++;
	return i;
}

static bool
page_has(const struct page *p, const char *text)
{
	return line_of(p, text) < p->count;
}

static void
detail_says_what_the_source_means(void **state)
{
	struct page p = {0};

	(void)state;
	page_detail(&p, desk("神奈川"), &(struct page_setup){LANG_EN, false, 60, NULL, false}, NULL, false);
	assert_true(page_has(&p, "(総) general consultation line"));
	assert_true(page_has(&p, "(情報・専) for receiving information only"));
	assert_true(page_has(&p, "information only"));
	assert_true(page_has(&p, "http://www.police.pref.kanagawa.jp/mai/fmhi-tec.htm"));
	page_free(&p);
	page_detail(&p, desk("宮城"), &(struct page_setup){LANG_JA, false, 60, NULL, false}, NULL, false);
	assert_true(page_has(&p, "上記ページから"));
	assert_true(page_has(&p, "(専) サイバー犯罪相談専用"));
	page_free(&p);
	page_detail(&p, desk("栃木"), &(struct page_setup){LANG_EN, false, 60, NULL, false}, NULL, false);
	assert_true(page_has(&p, "none listed"));
	page_free(&p);
	page_detail(&p, desk("警視庁"), &(struct page_setup){LANG_EN, false, 60, NULL, false}, NULL, false);
	assert_true(page_has(&p, "(専) dedicated cyber crime line"));
	assert_true(page_has(&p, "Consultations are also taken on the general"));
	assert_true(page_has(&p, "13 警視庁  東京都"));
	page_free(&p);
}

/* Where the label lines of a detail page are, as a bit mask. */
static uint64_t
label_lines(const struct page *p)
{
	uint64_t mask = 0;

	for (size_t i = 0; i < p->count && i < 64; i++)
		if (p->lines[i].style == STYLE_LABEL)
			mask |= UINT64_C(1) << i;
	return mask;
}

/* Every desk puts each label on the same line, whatever its notes and URLs
 * take, and whether it was found through a place or not, so that a move
 * sends the terminal only the values that changed. From 38 columns (the
 * detail of an 80-column terminal) up; narrower, names may wrap. */
static void
labels_stay_in_place(void **state)
{
	static const size_t widths[] = {38, 52, 80};
	static const char *const via[] = {"", "浜松市"};
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++)
		for (int lang = LANG_EN; lang <= LANG_JA; lang++) {
			struct page_setup setup = {(enum lang)lang, false,
				widths[w], NULL, false};
			struct page_heights heights;
			uint64_t first = 0;

			page_heights_of(v.table, &setup, &heights);
			setup.fixed = &heights;

			for (size_t i = 0; i < table->count; i++)
				for (size_t f = 0; f < 2; f++) {
					struct page p = {0};

					page_detail(&p, &table->desks[i], &setup,
					    via[f], false);
					if (i == 0 && f == 0)
						first = label_lines(&p);
					assert_int_not_equal(first, 0);
					assert_int_equal(label_lines(&p), first);
					page_free(&p);
				}
		}
	view_free(&v);
}

static void
ascii_detail_has_only_ascii(void **state)
{
	struct page p = {0};

	(void)state;
	page_detail(&p, desk("神奈川"), &(struct page_setup){LANG_EN, true, 60, NULL, false}, NULL, false);
	assert_true(page_has(&p, "14 Kanagawa"));
	assert_true(page_has(&p, "Region: Kanto"));
	/* Every fact, the bureau too, in romaji (it was left out). */
	assert_true(page_has(&p, "Police bureau: Kanto Regional Police Bureau"));
	assert_true(page_has(&p, "for receiving information only"));
	for (size_t i = 0; i < p.count; i++)
		for (const char *c = p.lines[i].text; *c; c++)
			if ((unsigned char)*c >= 0x80)
				fail_msg("non-ASCII in line '%s'", p.lines[i].text);
	page_free(&p);
}

static void
long_urls_wrap_whole(void **state)
{
	const struct desk *k = desk("福岡");
	const char *url = desk_cell(k, FIELD_CONTACT);
	char joined[512] = "";
	struct page p = {0};

	(void)state;
	page_detail(&p, k, &(struct page_setup){LANG_EN, false, 30, NULL, false}, NULL, false);
	for (size_t i = 0; i < p.count; i++) {
		assert_true(text_width(p.lines[i].text) <= 30);
		if (p.lines[i].style == STYLE_URL)
			strcat(joined, p.lines[i].text + 2);
	}
	assert_non_null(strstr(joined, url));
	page_free(&p);
}

static void
help_has_keys_marks_contacts_and_source(void **state)
{
	struct page p = {0};

	(void)state;
	page_help(&p, table, &(struct page_setup){LANG_EN, false, 70, NULL, false});
	assert_true(page_has(&p, "C-w"));
	assert_true(page_has(&p, "#9110"));
	assert_true(page_has(&p, "110"));
	assert_true(page_has(&p, "https://www.npa.go.jp/bureau/cyber/soudan.html"));
	assert_true(page_has(&p, "undated"));
	assert_true(page_has(&p, "switchboard"));
	page_free(&p);
	page_help(&p, table, &(struct page_setup){LANG_JA, false, 70, NULL, false});
	assert_true(page_has(&p, "全国共通の窓口"));
	assert_true(page_has(&p, "2024年3月29日"));
	page_free(&p);
}

/* The help's table of keys at every width from 30, in both languages:
 * what a key does starts in one column, on the key's line or, when the
 * key is wider than the column, on the next; its continuations too. (At
 * 40 columns "Backspace Delete C-d" ran into its text.) */
static void
help_keys_stay_in_their_column(void **state)
{
	(void)state;
	for (int lang = LANG_EN; lang <= LANG_JA; lang++)
		for (size_t width = 30; width <= 100; width++) {
			struct page p = {0};
			size_t first, column = 0;

			page_help(&p, table, &(struct page_setup){(enum lang)lang,
			    false, width, NULL, false});
			first = line_of(&p, label((enum lang)lang, L_HELP_KEYS));
			assert_true(first < p.count);
			for (size_t i = first + 1; i < p.count &&
			    p.lines[i].text[0]; i++) {
				const char *t = p.lines[i].text, *gap;
				size_t indent = strspn(t, " "), at;

				if (indent > 2) { /* what a key does, going on */
					at = indent;
				} else if ((gap = strstr(t + indent, "  "))) {
					gap += strspn(gap, " ");
					at = text_width(t) - text_width(gap);
				} else {
					continue; /* a key alone on its line */
				}
				if (!column)
					column = at;
				if (at != column)
					fail_msg("%s, %zu columns: '%s' at %zu, not "
					    "%zu", lang ? "ja" : "en", width, t,
					    at, column);
			}
			page_free(&p);
		}
}

/* A caller from abroad: the international form of a desk's number, and
 * what the public sources say of #9110 (doc/sources.md), in both
 * languages and in ASCII; the help has it after the national contacts. */
static void
help_has_a_word_for_callers_from_abroad(void **state)
{
	struct page p = {0};

	(void)state;
	for (int ascii = 0; ascii <= 1; ascii++) {
		page_help(&p, table, &(struct page_setup){LANG_EN, ascii, 70,
		    NULL, false});
		assert_true(page_has(&p, "From outside Japan"));
		assert_true(page_has(&p, "+81 in place of its first 0"));
		assert_true(page_has(&p, "03-3431-8109 is +81 3-3431-8109."));
		assert_true(page_has(&p, "dial lines or some IP"));
		/* Where #9110 reaches is said under #9110, not under the
		 * callers from abroad, who cannot count on it. */
		assert_true(line_of(&p, "#9110 reaches") > line_of(&p, "#9110"));
		assert_true(line_of(&p, "dial lines or some IP") <
		    line_of(&p, "From outside Japan"));
		page_free(&p);
	}
	page_help(&p, table, &(struct page_setup){LANG_JA, false, 70, NULL, false});
	assert_true(page_has(&p, "海外から"));
	assert_true(page_has(&p, "03-3431-8109 は +81 3-3431-8109 です。"));
	assert_true(page_has(&p, "全国どこからでも"));
	page_free(&p);
}

/* The desk a session ends with: none until one is moved to, opened or
 * listed under a query; kept when the query is cleared again. */
static void
the_desk_picked_is_remembered(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	assert_int_equal(v.picked, SIZE_MAX);
	view_apply(&v, ACT_HELP, 10);
	view_apply(&v, ACT_DOWN, 10); /* scrolls the help */
	view_apply(&v, ACT_HELP, 10);
	assert_int_equal(v.picked, SIZE_MAX);
	view_insert(&v, "shizuoka", strlen("shizuoka"));
	assert_string_equal(desk_cell(&table->desks[v.picked], FIELD_NAME),
	    "静岡");
	view_apply(&v, ACT_CLEAR_QUERY, 10);
	assert_string_equal(desk_cell(&table->desks[v.picked], FIELD_NAME),
	    "静岡");
	view_apply(&v, ACT_DOWN, 10);
	assert_int_equal(v.picked, view_selected(&v));
	view_insert(&v, "xyzzy", 5); /* lists nothing: the last stays */
	assert_int_equal(v.nrows, 0);
	assert_true(v.picked != SIZE_MAX);
	view_free(&v);
	assert_true(view_init(&v, table, NULL, "kanagawa", 0));
	assert_string_equal(desk_cell(&table->desks[v.picked], FIELD_NAME),
	    "神奈川");
	view_free(&v);
}

/* The plan says whether the cursor shows: in the query, while the keys
 * go to it; not in the help, the detail, or a screen too small. A plan
 * kept from frame to frame writes each page in the same memory. */
static void
the_plan_places_the_cursor(void **state)
{
	struct view v;
	struct frame_plan plan = {0};

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	frame_plan_build(&plan, &v, 30, 100, LANG_EN, false);
	assert_true(plan.query.cursor_shown);
	view_apply(&v, ACT_TOGGLE_FOCUS, 10);
	frame_plan_build(&plan, &v, 30, 100, LANG_EN, false);
	assert_false(plan.query.cursor_shown);
	view_apply(&v, ACT_TOGGLE_FOCUS, 10);
	view_apply(&v, ACT_HELP, 10);
	frame_plan_build(&plan, &v, 30, 100, LANG_EN, false);
	assert_false(plan.query.cursor_shown);
	view_apply(&v, ACT_ESCAPE, 10);
	frame_plan_build(&plan, &v, 30, 100, LANG_EN, false);
	assert_true(plan.query.cursor_shown);
	frame_plan_build(&plan, &v, 2, 5, LANG_EN, false);
	assert_false(plan.query.cursor_shown);
	/* After two wide characters, four columns past the prompt (in a
	 * UTF-8 locale, where the C library's widths are the table's). */
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	view_insert(&v, "東京", strlen("東京"));
	frame_plan_build(&plan, &v, 30, 100, LANG_EN, false);
	assert_int_equal(plan.query.from, 0);
	assert_int_equal(plan.query.cursor_x, FRAME_PROMPT_WIDTH + 4);
	assert_string_equal(plan.query.count, "1/47");
	/* A query longer than its field: its start scrolls away, and the
	 * cursor stays inside the field, before the count. */
	for (int i = 0; i < 40; i++)
		view_insert(&v, "a", 1);
	frame_plan_build(&plan, &v, 30, 30, LANG_EN, false);
	assert_true(plan.query.from > 0);
	assert_true(plan.query.cursor_x < 30 - (int)strlen(plan.query.count) - 1);
	assert_true(plan.query.cursor_x >= 30 - (int)strlen(plan.query.count) - 3);
	setlocale(LC_CTYPE, "C");
	frame_plan_free(&plan);
	view_free(&v);
}

/* A frame is painted only when what it shows changed: a key that changes
 * nothing (Up on the first desk) makes no frame; a move, a resize, a
 * status, a query do. The stamp is the fitted view's (frame_plan_build
 * fits it). */
static void
unchanged_frames_are_not_painted(void **state)
{
	struct view v;
	struct frame_stamp stamp = {0};
	struct frame_plan plan = {0};

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	assert_true(frame_stamp_update(&stamp, &v, 30, 100));
	frame_plan_build(&plan, &v, 30, 100, LANG_EN, false);
	frame_plan_free(&plan);
	frame_stamp_update(&stamp, &v, 30, 100);
	assert_false(frame_stamp_update(&stamp, &v, 30, 100));
	view_apply(&v, ACT_UP, 10); /* at the top already */
	assert_false(frame_stamp_update(&stamp, &v, 30, 100));
	view_apply(&v, ACT_DOWN, 10);
	assert_true(frame_stamp_update(&stamp, &v, 30, 100));
	assert_true(frame_stamp_update(&stamp, &v, 24, 80));
	view_say(&v, "copied");
	assert_true(frame_stamp_update(&stamp, &v, 24, 80));
	view_insert(&v, "t", 1);
	assert_true(frame_stamp_update(&stamp, &v, 24, 80));
	view_apply(&v, ACT_CURSOR_LEFT, 10);
	assert_true(frame_stamp_update(&stamp, &v, 24, 80));
	view_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(typing_filters_and_keeps_the_selection),
		cmocka_unit_test(editing_is_by_character),
		cmocka_unit_test(query_is_bounded_on_a_character),
		cmocka_unit_test(list_takes_what_it_needs),
		cmocka_unit_test(initial_query_is_bounded_too),
		cmocka_unit_test(navigation_stays_in_range),
		cmocka_unit_test(leaving_the_list_scrolls_half_a_page),
		cmocka_unit_test(clicks_and_the_status_line),
		cmocka_unit_test(repeated_ends_saturate),
		cmocka_unit_test(escape_steps_back_then_quits),
		cmocka_unit_test(detail_scrolls_when_focused),
		cmocka_unit_test(detail_says_what_the_source_means),
		cmocka_unit_test(labels_stay_in_place),
		cmocka_unit_test(ascii_detail_has_only_ascii),
		cmocka_unit_test(long_urls_wrap_whole),
		cmocka_unit_test(help_has_keys_marks_contacts_and_source),
		cmocka_unit_test(help_has_a_word_for_callers_from_abroad),
		cmocka_unit_test(the_desk_picked_is_remembered),
		cmocka_unit_test(help_keys_stay_in_their_column),
		cmocka_unit_test(unchanged_frames_are_not_painted),
		cmocka_unit_test(the_plan_places_the_cursor),
	};

	return cmocka_run_group_tests_name("view", tests, load, unload);
}
