/* Screen tests: the real drawing code paints into a curses screen that
 * writes to /dev/null; the screen is read back cell by cell and compared
 * with expected text (tests/screen/expected), at several sizes. Run with
 * UPDATE=1 to write the expected files after checking a change by eye. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <locale.h>

#include <cmocka.h>

#include "../unit/desk_fixture.h"
#include "draw.h"
#include "help.h"
#include "text.h"

static struct table *table;
static SCREEN *screen;
static FILE *out, *in;
static struct theme theme;

static int
setup(void **state)
{
	struct diags d;

	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		return -1;
	if (table_load_file("data/desks.tsv", &table, &d) != TSV_OK)
		return -1;
	out = tmpfile(); /* what curses sends, for the byte-level test */
	in = fopen("/dev/null", "r");
	screen = newterm("xterm-256color", out, in);
	if (!screen)
		return -1;
	theme_init(&theme, false);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	endwin();
	delscreen(screen);
	fclose(out);
	fclose(in);
	table_free(table);
	return 0;
}

/* Draws v as the browser does (frame_plan_build, draw_frame) at lines x
 * cols. */
static void
paint_as(struct view *v, int lines, int cols, enum lang lang, bool ascii)
{
	struct frame_plan plan = {0};
	struct frame f = {v, &plan.layout, &plan.page, plan.hint, &plan.query, &theme, lang,
		ascii, NULL, NULL};

	resize_term(lines, cols);
	frame_plan_build(&plan, v, lines, cols, lang, ascii);
	draw_frame(stdscr, &f);
	frame_plan_free(&plan);
}

static void
paint(struct view *v, int lines, int cols, enum lang lang)
{
	paint_as(v, lines, cols, lang, false);
}

/* The character in cell (y, x), and its attributes. */
static wchar_t
cell(int y, int x, attr_t *attr)
{
	cchar_t c;
	wchar_t wc[CCHARW_MAX + 1];
	short pair;
	attr_t a;

	mvwin_wch(stdscr, y, x, &c);
	getcchar(&c, wc, &a, &pair, NULL);
	if (attr)
		*attr = a;
	return wc[0];
}

/* The screen as UTF-8 text, one line a row, trailing blanks cut. A wide
 * character stands once, for its two cells. */
static char *
dump(void)
{
	size_t cap = (size_t)(LINES * (COLS * 4 + 1) + 1), n = 0;
	char *s = malloc(cap);

	for (int y = 0; y < LINES; y++) {
		size_t line_start = n;

		for (int x = 0; x < COLS; x++) {
			wchar_t wc = cell(y, x, NULL);
			mbstate_t mb;

			memset(&mb, 0, sizeof mb);
			n += wcrtomb(s + n, wc ? wc : L' ', &mb);
			if (wcwidth(wc) == 2)
				x++;
		}
		while (n > line_start && s[n - 1] == ' ')
			n--;
		s[n++] = '\n';
	}
	s[n] = '\0';
	return s;
}

static void
expect_screen(const char *name)
{
	char path[256], *got = dump(), *want = NULL;
	FILE *f;
	long size;

	snprintf(path, sizeof path, "tests/screen/expected/%s.txt", name);
	if (getenv("UPDATE")) {
		f = fopen(path, "w");
		fputs(got, f);
		fclose(f);
	}
	f = fopen(path, "r");
	if (!f)
		fail_msg("no expected screen %s", path);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	want = calloc((size_t)size + 1, 1);
	if (fread(want, 1, (size_t)size, f) != (size_t)size)
		fail_msg("cannot read %s", path);
	fclose(f);
	if (strcmp(got, want) != 0) {
		fprintf(stderr, "screen %s differs; got:\n%s", name, got);
		fail_msg("screen %s differs from %s", name, path);
	}
	free(got);
	free(want);
}

static void
start_at_sizes(void **state)
{
	static const int sizes[][2] = {{30, 100}, {24, 80}, {20, 60},
		{12, 40}, {3, 10}};
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		char name[32];

		snprintf(name, sizeof name, "%dx%d-start", sizes[i][1],
		    sizes[i][0]);
		paint(&v, sizes[i][0], sizes[i][1], LANG_EN);
		expect_screen(name);
	}
	view_free(&v);
}

static void
query_detail_and_help(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, "関東 !tokyo", 0));
	view_apply(&v, ACT_DOWN, 10);
	view_apply(&v, ACT_DOWN, 10);
	paint(&v, 24, 80, LANG_JA);
	expect_screen("80x24-kanto-ja");
	view_apply(&v, ACT_CLEAR_QUERY, 10);
	view_insert(&v, "kanagawa", 8);
	view_apply(&v, ACT_OPEN, 10);
	paint(&v, 12, 40, LANG_EN);
	expect_screen("40x12-kanagawa-detail");
	view_apply(&v, ACT_DOWN, 12);
	view_apply(&v, ACT_DOWN, 12);
	paint(&v, 12, 40, LANG_EN);
	expect_screen("40x12-kanagawa-detail-scrolled");
	view_apply(&v, ACT_ESCAPE, 10);
	view_apply(&v, ACT_CLEAR_QUERY, 10);
	view_apply(&v, ACT_HELP, 10);
	paint(&v, 30, 100, LANG_EN);
	expect_screen("100x30-help");
	view_apply(&v, ACT_HELP, 10);
	view_insert(&v, "zzz", 3);
	paint(&v, 24, 80, LANG_EN);
	expect_screen("80x24-nothing");
	view_apply(&v, ACT_CLEAR_QUERY, 10);
	view_insert(&v, "kanto", 5);
	paint_as(&v, 24, 80, LANG_EN, true);
	expect_screen("80x24-ascii");
	view_free(&v);
}

/* The x of the first cell of each list row's romaji must be the same on
 * every row, whatever the width of the names before it. */
static void
cjk_columns_align(void **state)
{
	struct view v;
	int romaji_x = -1;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	paint(&v, 50, 100, LANG_EN);
	for (int y = 1; y <= 47; y++) {
		int x = 4; /* after the marker and the code */

		while (x < 40 && !(cell(y, x, NULL) >= L'A' &&
		    cell(y, x, NULL) <= L'Z'))
			x++;
		if (romaji_x < 0)
			romaji_x = x;
		assert_int_equal(x, romaji_x);
		assert_int_equal(cell(y, 45, NULL), L'|'); /* 45% of 100 */
	}
	assert_true(romaji_x > 4 && romaji_x < 40);
	view_free(&v);
}

static void
selection_and_matches_are_marked(void **state)
{
	struct view v;
	attr_t a;

	(void)state;
	assert_true(view_init(&v, table, NULL, "tok", 0));
	paint(&v, 24, 80, LANG_EN);
	/* Row 1 is selected: reverse from the marker through the name, not
	 * beyond (a move rewrites only that); 'Tok' marked. */
	assert_int_equal(cell(1, 0, &a), L'>');
	assert_true(a & A_REVERSE);
	cell(1, 8, &a); /* in 警視庁 */
	assert_true(a & A_REVERSE);
	cell(1, 30, &a);
	assert_false(a & A_REVERSE);
	cell(2, 0, &a);
	assert_false(a & A_REVERSE);
	for (int x = 0; x < 40; x++)
		if (cell(1, x, NULL) == L'T') {
			cell(1, x + 2, &a);
			assert_true(a & A_BOLD);
			cell(1, x + 3, &a);
			assert_false(a & A_BOLD);
			break;
		}
	/* With the focus in the detail, the selection is underlined, not
	 * reversed: the pane the keys go to is the one that looks it. */
	view_apply(&v, ACT_TOGGLE_FOCUS, 10);
	paint(&v, 24, 80, LANG_EN);
	cell(1, 8, &a);
	assert_false(a & A_REVERSE);
	assert_true(a & A_UNDERLINE);
	view_free(&v);
}

/* At every size from 1x1 to 100x32, in the list, the detail and the help:
 * no cell holds a control, and no pane draws over the query's prompt or
 * the hint's row (curses clips at the screen's edge, not at a pane's). */
static void
every_size_is_safe(void **state)
{
	struct view v;

	(void)state;
	assert_true(view_init(&v, table, NULL, "東", 0));
	for (int lines = 1; lines <= 32; lines += 1)
		for (int cols = 1; cols <= 100; cols += 1) {
			v.help = cols % 3 == 0;
			v.detail_shown = cols % 2 == 0;
			v.focus = v.detail_shown ? FOCUS_DETAIL : FOCUS_LIST;
			struct layout l;

			paint(&v, lines, cols, cols % 5 ? LANG_EN : LANG_JA);
			layout_compute(&l, lines, cols, view_list_width(&v));
			for (int y = 0; y < LINES; y++)
				for (int x = 0; x < COLS; x++) {
					attr_t a;
					wchar_t c = cell(y, x, &a);

					/* Nothing a terminal would obey. */
					if (c < 0x20 || (c >= 0x7f && c < 0xa0))
						fail_msg("control %#x at %dx%d %d,%d",
						    (unsigned)c, cols, lines, y, x);
					/* Nothing drawn over the hint's row. */
					if (l.mode != LAYOUT_TOO_SMALL &&
					    y == l.hint.y && !(a & A_REVERSE))
						fail_msg("hint row overdrawn at "
						    "%dx%d col %d", cols, lines, x);
				}
			/* Nor over the query's start. */
			if (l.mode != LAYOUT_TOO_SMALL && cols >= 2 &&
			    (cell(0, 0, NULL) != '>' || cell(0, 1, NULL) != ' '))
				fail_msg("query line overdrawn at %dx%d", cols,
				    lines);
		}
	assert_string_equal(v.query, "東");
	view_free(&v);
}

static bool
contains(const char *hay, size_t size, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; i + n <= size; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return true;
	return false;
}

/* A desk whose cells carry what a terminal would obey: the bytes curses
 * sends must hold none of it. */
static void
hostile_text_is_harmless(void **state)
{
	static const char *const evil[FIELD_COUNT] = {
		"99", "\x1b]0;pwned-title\x07", "\x1b]52;c;cHduZWQ=\x07",
		"\xe2\x80\xae" "evil", "\x1b[6n\x1b[2;1H", "\xc2\x9b" "31m",
		"r\xe2\x81\xa6", "\x1bP+q\x1b\\", "0\x7f", "\x08",
		"http://a\x1b[1A", "\xe2\x80\xa8", "\xef\xbb\xbf",
	};
	static const char *const payloads[] = {"\x1b]0;pwned", "\x1b]52;",
		"\xe2\x80\xae", "\xe2\x81\xa6", "\x1b[6n", "\xc2\x9b", "\x1bP",
		"\xe2\x80\xa8", "\x1b[1A", "\x7f"}; /* not \b: curses moves with it */
	struct desk k = {.contact = CONTACT_NONE};
	struct table t = {.desks = &k, .count = 1};
	struct view v;
	char *bytes, cells[512];
	long size;

	(void)state;
	assert_true(desk_set_cells(&k, cells, sizeof cells, evil));
	fflush(out);
	fseek(out, 0, SEEK_END);
	size = ftell(out);
	assert_true(view_init(&v, &t, NULL, NULL, 0));
	paint(&v, 30, 100, LANG_EN);
	refresh();
	view_set_narrow(&v, true);
	view_apply(&v, ACT_OPEN, 10);
	paint(&v, 20, 60, LANG_JA);
	refresh();
	fflush(out);
	fseek(out, 0, SEEK_END);
	assert_true(ftell(out) > size + 100); /* curses did draw */
	bytes = calloc((size_t)(ftell(out) - size) + 1, 1);
	fseek(out, size, SEEK_SET);
	size = (long)fread(bytes, 1, 1 << 20, out);
	for (size_t i = 0; i < sizeof payloads / sizeof payloads[0]; i++)
		if (contains(bytes, (size_t)size, payloads[i]))
			fail_msg("payload %zu reached the terminal", i);
	assert_true(contains(bytes, (size_t)size, "<U+202E>"));
	assert_true(contains(bytes, (size_t)size, "]0;pwned"));
	free(bytes);
	view_free(&v);
}

/* One name of 120 columns, or with 100 combining marks: every row's phone
 * stays on the screen, and the long name is cut with a '~'. */
static void
long_names_leave_the_phones(void **state)
{
	static const char *const names[] = {
		"警視庁警視庁警視庁警視庁警視庁警視庁警視庁警視庁警視庁警視庁"
		"警視庁警視庁警視庁警視庁警視庁警視庁警視庁警視庁警視庁警視庁",
		"e\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
		"\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"};
	struct desk *copy = malloc(table->count * sizeof *copy);
	struct table t = {.desks = copy, .count = table->count};

	(void)state;
	memcpy(copy, table->desks, table->count * sizeof *copy);
	for (size_t n = 0; n < sizeof names / sizeof names[0]; n++) {
		struct view v;
		char *shown, text[TSV_MAX_LINE];
		const char *cells[FIELD_COUNT];

		for (size_t f = 0; f < FIELD_COUNT; f++)
			cells[f] = desk_cell(&table->desks[7], (enum field)f);
		cells[FIELD_NAME] = names[n]; /* 13 警視庁, 8th row */
		assert_true(desk_set_cells(&copy[7], text, sizeof text, cells));
		assert_true(view_init(&v, &t, NULL, NULL, 0));
		assert_true(v.widths[1] <= VIEW_COLUMN_MAX);
		paint(&v, 30, 100, LANG_EN);
		shown = dump();
		if (getenv("SHOW"))
			fputs(shown, stderr);
		for (size_t i = 0; i < 28; i++)
			if (!strstr(shown, desk_cell(&copy[i], FIELD_PHONE)))
				fail_msg("name %zu: the phone of row %zu is gone", n, i);
		if (n == 0) /* cut, with its mark, and the romaji whole */
			assert_non_null(strstr(shown, "視~ Tokyo"));
		free(shown);
		view_free(&v);
	}
	free(copy);
}

/* A phone's screen and a small pane, in both languages: the detail of a
 * desk shows its whole phone, at 40x20 its consultation address too, and
 * the hint line holds whole items only. */
static void
small_screens_keep_what_matters(void **state)
{
	static const int sizes[][2] = {{20, 40}, {16, 50}, {8, 30}, {40, 120}};
	struct view v;

	(void)state;
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		for (int lang = LANG_EN; lang <= LANG_JA; lang++) {
			char *shown, *hint, full[512];

			assert_true(view_init(&v, table, NULL, "kanagawa", 0));
			view_apply(&v, ACT_OPEN, 10);
			paint(&v, sizes[i][0], sizes[i][1], (enum lang)lang);
			shown = dump();
			if (getenv("SHOW"))
				fputs(shown, stderr);
			if (!strstr(shown, "045-664-9110"))
				fail_msg("%dx%d: the phone is cut", sizes[i][1],
				    sizes[i][0]);
			if (sizes[i][0] >= 16 && !strstr(shown,
			    "fmhi-tec.htm")) /* its end: all of it */
				fail_msg("%dx%d: no consultation address", sizes[i][1],
				    sizes[i][0]);
			/* The last line is the hint: the full one, or the full
			 * one up to an item's end. */
			shown[strlen(shown) - 1] = '\0';
			hint = strrchr(shown, '\n') + 1;
			/* After where the page is, "1-18/30", when it goes on. */
			if (strspn(hint, "0123456789-/") && strstr(hint, "  "))
				hint = strstr(hint, "  ") + 2;
			else if (sizes[i][0] <= 8)
				fail_msg("%dx%d: no position on a page that goes on",
				    sizes[i][1], sizes[i][0]);
			help_hint(HINT_DETAIL, &v, (enum lang)lang, full,
			    sizeof full - 2);
			strcat(full, "  ");
			if (strncmp(full, hint, strlen(hint)) != 0 ||
			    strncmp(full + strlen(hint), "  ", 2) != 0)
				fail_msg("%dx%d: the hint is cut: '%s'", sizes[i][1],
				    sizes[i][0], hint);
			free(shown);
			view_free(&v);
		}
}

/* The hint's last line, as shown. */
static char *
hint_line(char *shown)
{
	shown[strlen(shown) - 1] = '\0';
	return strrchr(shown, '\n') + 1;
}

/* The hint says what the keys do in the state it is shown in: with a
 * query typed, Esc clears it and ? is typed into it; in the detail at a
 * phone's 40 columns, Esc goes back. */
static void
hints_follow_the_state(void **state)
{
	static const int widths[] = {40, 80, 120};
	struct view v;

	(void)state;
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++)
		for (int lang = LANG_EN; lang <= LANG_JA; lang++) {
			const char *esc_quit = lang == LANG_EN ? "Esc quit" :
			    "Esc 終了";
			const char *esc_clear = lang == LANG_EN ? "Esc clear" :
			    "Esc 消去";
			const char *esc_back = lang == LANG_EN ? "Esc back" :
			    "Esc 戻る";
			char *shown;

			assert_true(view_init(&v, table, NULL, NULL, 0));
			paint(&v, 20, widths[i], (enum lang)lang);
			shown = dump();
			if (!strstr(hint_line(shown), esc_quit))
				fail_msg("%d: no query, no '%s': %s", widths[i],
				    esc_quit, hint_line(shown));
			free(shown);
			view_insert(&v, "静岡", strlen("静岡"));
			paint(&v, 20, widths[i], (enum lang)lang);
			shown = dump();
			if (!strstr(hint_line(shown), esc_clear) ||
			    strstr(hint_line(shown), "/?"))
				fail_msg("%d: a query, but: %s", widths[i],
				    hint_line(shown));
			free(shown);
			view_apply(&v, ACT_OPEN, 10);
			paint(&v, 20, widths[i], (enum lang)lang);
			shown = dump();
			if (!strstr(hint_line(shown), esc_back))
				fail_msg("%d: the detail, but: %s", widths[i],
				    hint_line(shown));
			free(shown);
			/* Nothing listed: nothing to open or copy. */
			view_apply(&v, ACT_BACK, 10);
			view_insert(&v, "xyzzyq", 6);
			paint(&v, 20, widths[i], (enum lang)lang);
			shown = dump();
			if (!strstr(hint_line(shown), esc_clear) ||
			    strstr(hint_line(shown), "Enter") ||
			    strstr(hint_line(shown), "Tab"))
				fail_msg("%d: nothing listed, but: %s", widths[i],
				    hint_line(shown));
			free(shown);
			view_free(&v);
		}
}

/* A row's reason cut at the pane's edge says so, as a cut cell does:
 * "(did you mean 東京都?)" at 80 columns is "(did~", never "(did". */
static void
cut_notes_say_so(void **state)
{
	struct view v;
	char *shown, *row;

	(void)state;
	assert_true(view_init(&v, table, NULL, "tokio", 0));
	paint(&v, 24, 80, LANG_EN);
	shown = dump();
	row = strstr(shown, ">13 ");
	assert_non_null(row);
	row[strcspn(row, "|")] = '\0';
	while (row[strlen(row) - 1] == ' ')
		row[strlen(row) - 1] = '\0';
	if (strstr(row, "(did") && row[strlen(row) - 1] != '~' &&
	    row[strlen(row) - 1] != ')')
		fail_msg("a reason cut without a mark: '%s'", row);
	free(shown);
	view_free(&v);
}

/* What a copy or an open says is never cut: too long for the hint row,
 * it takes the rows above, whole, in both languages, at a phone's width;
 * the next key gives the rows back. */
static void
a_long_status_is_whole(void **state)
{
	static const int widths[] = {30, 40, 50, 80};

	(void)state;
	for (int lang = LANG_EN; lang <= LANG_JA; lang++)
		for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
			struct view v;
			char said[512], *shown, *joined, *o;

			assert_true(view_init(&v, table, NULL, "shizuoka", 0));
			label_format(said, sizeof said, (enum lang)lang,
			    L_COPY_SENT, "054-254-9110");
			view_say(&v, said);
			paint(&v, 20, widths[i], (enum lang)lang);
			shown = dump();
			/* The screen's last rows, joined without their breaks
			 * and the spaces a break leaves, hold the status. */
			joined = malloc(strlen(shown) + 1);
			o = joined;
			for (const char *c = shown; *c; c++)
				if (*c != '\n')
					*o++ = *c;
			*o = '\0';
			{
				char bare[512];
				size_t n = 0;

				for (const char *c = said; *c; c++)
					if (*c != ' ')
						bare[n++] = *c;
				bare[n] = '\0';
				o = joined;
				for (const char *c = joined; *c; c++)
					if (*c != ' ')
						*o++ = *c;
				*o = '\0';
				if (!strstr(joined, bare))
					fail_msg("%s at %d columns: the status is "
					    "cut:\n%s", lang ? "ja" : "en",
					    widths[i], shown);
			}
			free(joined);
			free(shown);
			view_say(&v, "");
			paint(&v, 20, widths[i], (enum lang)lang);
			shown = dump();
			assert_null(strstr(shown, "OSC 52"));
			free(shown);
			view_free(&v);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_long_status_is_whole),
		cmocka_unit_test(cut_notes_say_so),
		cmocka_unit_test(hints_follow_the_state),
		cmocka_unit_test(small_screens_keep_what_matters),
		cmocka_unit_test(long_names_leave_the_phones),
		cmocka_unit_test(start_at_sizes),
		cmocka_unit_test(query_detail_and_help),
		cmocka_unit_test(cjk_columns_align),
		cmocka_unit_test(selection_and_matches_are_marked),
		cmocka_unit_test(every_size_is_safe),
		cmocka_unit_test(hostile_text_is_harmless),
	};

	return cmocka_run_group_tests_name("screen", tests, setup, teardown);
}
