/* Unit tests for table: loading, every validation error with its line and
 * column, and the accepted variations (BOM, CRLF, no final newline). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "table.h"

#define HEADER "code\tname\tprefecture\tkana\tromaji\tregion\tregion_romaji\t" \
	"bureau\tphone\tphone_kind\tcyber_url\tcontact\tcontact_kind\n"
#define ROW13 "13\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t" \
	"03-3431-8109\t専\thttp://www.keishicho.metro.tokyo.jp/a.htm\t" \
	"http://www.keishicho.metro.tokyo.jp/\t全\n"
#define ROW04 "04\t宮城\t宮城県\tみやぎけん\tMiyagi\t東北\tTohoku\t東北管区警察局\t" \
	"022-266-9110\t総\thttp://www.police.pref.miyagi.jp/\t上記ページから\t専\n"

static struct diags diags;

static struct table *
load_ok(const char *text)
{
	struct table *t;

	assert_int_equal(table_load_buffer(text, strlen(text), &t, &diags),
	    TSV_OK);
	assert_int_equal(diags.count, 0);
	return t;
}

/* Loads text, which must be invalid, and checks its first problem. */
static void
expect_error(const char *text, size_t len, unsigned long line,
    unsigned long col, const char *words)
{
	struct table *t = (struct table *)1;

	assert_int_equal(table_load_buffer(text, len, &t, &diags),
	    TSV_INVALID);
	assert_null(t);
	assert_true(diags.count > 0);
	if (!strstr(diags.items[0].message, words))
		fail_msg("message '%s' lacks '%s'", diags.items[0].message, words);
	assert_int_equal(diags.items[0].line, line);
	assert_int_equal(diags.items[0].col, col);
}

static void
expect_row_error(const char *row, unsigned long col, const char *words)
{
	char text[2048];

	snprintf(text, sizeof text, "# comment\n" HEADER ROW13 "%s", row);
	expect_error(text, strlen(text), 4, col, words);
}

static void
loads_cells_and_contact_types(void **state)
{
	struct table *t = load_ok("@title\tT\n" HEADER ROW13 ROW04);

	(void)state;
	assert_int_equal(t->count, 2);
	assert_string_equal(desk_cell(&t->desks[0], FIELD_NAME), "警視庁");
	assert_string_equal(desk_cell(&t->desks[0], FIELD_CONTACT_KIND), "全");
	assert_int_equal(t->desks[0].code, 13);
	assert_int_equal(t->desks[0].contact, CONTACT_URL);
	assert_int_equal(t->desks[1].contact, CONTACT_SAME_PAGE);
	assert_string_equal(desk_folded(&t->desks[0], FIELD_PHONE),
	    "0334318109");
	assert_string_equal(desk_folded(&t->desks[0], FIELD_ROMAJI), "tokyo");
	assert_string_equal(table_meta(t, "title", NULL, NULL)->value, "T");
	assert_null(table_meta(t, "title", NULL, table_meta(t, "title", NULL,
	    NULL)));
	table_free(t);
}

static void
accepts_bom_crlf_and_no_final_newline(void **state)
{
	const char *text = "\xEF\xBB\xBF" "code\tname\tprefecture\tkana\tromaji\t"
	    "region\tregion_romaji\tbureau\tphone\tphone_kind\tcyber_url\t"
	    "contact\tcontact_kind\r\n13\t警視庁\t東京都\tとうきょうと\tTokyo\t"
	    "関東\tKanto\t-\t03-3431-8109\t専\thttp://a.jp/\t-\t-";
	struct table *t = load_ok(text);

	(void)state;
	assert_int_equal(t->count, 1);
	assert_string_equal(desk_cell(&t->desks[0], FIELD_CONTACT_KIND), "-");
	assert_int_equal(t->desks[0].contact, CONTACT_NONE);
	table_free(t);
}

/* How many metadata lines of this key and language, one after another,
 * each after the one before it in the table. */
static size_t
metas(const struct table *t, const char *key, const char *lang)
{
	const struct meta *m = NULL, *before = NULL;
	size_t n = 0;

	while ((m = table_meta(t, key, lang, m))) {
		assert_true(!before || m > before);
		before = m;
		n++;
	}
	return n;
}

static void
loads_the_shipped_table(void **state)
{
	struct table *t;

	(void)state;
	assert_int_equal(table_load_file("data/desks.tsv", &t, &diags),
	    TSV_OK);
	assert_int_equal(t->count, 47);
	assert_string_equal(desk_cell(&t->desks[7], FIELD_NAME), "警視庁");
	assert_int_equal(metas(t, "note", "ja"), 3);
	assert_int_equal(metas(t, "national", "en"), 3);
	table_free(t);
}

static void
header_errors(void **state)
{
	const char *short_header = "code\tname\n" ROW13;
	const char *wrong = "code\tname\tprefecture\tkana\tromaji\tregion\t"
	    "region_romaji\tbureau\tphone\tphone_kind\tcyber\tcontact\t"
	    "contact_kind\n" ROW13;

	(void)state;
	expect_error(short_header, strlen(short_header), 1, 1,
	    "header has 2 columns");
	expect_error(wrong, strlen(wrong), 1, 79, "header column cyber_url");
	expect_error("", 0, 1, 1, "no header");
	expect_error("# only\n", 7, 2, 1, "no header");
	expect_error(HEADER, strlen(HEADER), 2, 1, "no rows");
}

static void
row_shape_errors(void **state)
{
	(void)state;
	expect_row_error("14\tx\n", 1, "row has 2 fields");
	expect_row_error("13\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\thttp://a.jp/\t-\t-\n", 1, "duplicate code 13");
	expect_row_error("1x\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\thttp://a.jp/\t-\t-\n", 1, "code");
}

static void
cell_errors_name_their_column(void **state)
{
	(void)state;
	/* Columns count characters: 警視庁 is 3, not 9 bytes. */
	expect_row_error("14\t\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\thttp://a.jp/\t-\t-\n", 4, "'name' is empty");
	expect_row_error("14\t警視庁\t東京都\tトウキョウト\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\thttp://a.jp/\t-\t-\n", 12, "hiragana");
	expect_row_error("14\t警視庁\t東京都\tとうきょうと\tTokyo1\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\thttp://a.jp/\t-\t-\n", 19, "Latin");
	expect_row_error("14\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431=8109\t専\thttp://a.jp/\t-\t-\n", 43, "digit");
	expect_row_error("14\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "3-3431-8109\t専\thttp://a.jp/\t-\t-\n", 36, "phone number");
	expect_row_error("14\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t総合\thttp://a.jp/\t-\t-\n", 49, "総, 代 or 専");
}

static void
url_and_contact_errors(void **state)
{
	(void)state;
	expect_row_error("14\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\tftp://a.jp/\t-\t-\n", 51, "http://");
	expect_row_error("14\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\thttp:///x\t-\t-\n", 58, "no host");
	expect_row_error("14\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\thttp://a.jp/a b\t-\t-\n", 64, "cannot hold");
	expect_row_error("14\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\thttp://a.jp/\t-\t全\n", 66, "no address");
	expect_row_error("14\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\thttp://a.jp/\t上記ページから\t総\n", 72, "全, 専");
	expect_row_error("14\t警視庁\t東京都\tとうきょうと\tTokyo\t関東\tKanto\t-\t"
	    "03-3431-8109\t専\thttp://a.jp/\tmailto:x\t全\n", 64, "contact");
}

static void
encoding_and_control_errors(void **state)
{
	char text[8192];

	(void)state;
	expect_row_error("14\t警\xFF視\n", 5, "invalid UTF-8");
	expect_row_error("14\t警\x1b[31m\n", 5, "U+001B");
	expect_row_error("14\t警\xE2\x80\xAE\n", 5, "U+202E");
	/* Among kanji, which are checked without decoding: still seen. */
	expect_row_error("14\t警視\xE3\x85\xA4庁\n", 6, "U+3164");
	expect_row_error("14\t警\rx\n", 5, "U+000D");
	expect_row_error("14\t\xC2\x85\n", 4, "U+0085");
	/* An overlong line is reported once, at the limit. */
	snprintf(text, sizeof text, HEADER "%0*d\n", TSV_MAX_LINE + 1, 0);
	expect_error(text, strlen(text), 2, TSV_MAX_LINE + 1, "longer than");
	/* A NUL byte inside the data. */
	expect_error(HEADER "1\0", strlen(HEADER) + 2, 2, 2, "U+0000");
}

static void
reports_every_problem(void **state)
{
	const char *text = HEADER
	    "1x\t\t東京都\tトウ\tTokyo\t関東\tKanto\t-\t03\t総合\tx\t-\t-\n";

	(void)state;
	expect_error(text, strlen(text), 2, 1, "code");
	assert_int_equal(diags.count, 6);
	assert_int_equal(diags.items[1].col, 4);
}

static void
caps_the_number_of_reports(void **state)
{
	size_t n = 300, len = strlen(HEADER);
	char *text = malloc(len + n * 3 + 1);

	(void)state;
	memcpy(text, HEADER, len);
	for (size_t i = 0; i < n; i++)
		memcpy(text + len + i * 3, "x\t\n", 3);
	text[len + n * 3] = '\0';
	expect_error(text, strlen(text), 2, 1, "row has 2 fields");
	assert_int_equal(diags.count, TSV_MAX_DIAGS);
	assert_int_equal(diags.dropped, n - TSV_MAX_DIAGS);
	free(text);
}

static void
meta_errors(void **state)
{
	const char *unknown = "@colour\tred\n" HEADER ROW13;
	const char *lang = "@note\tfr\tbonjour\n" HEADER ROW13;
	const char *count = "@national\tja\t110\n" HEADER ROW13;
	const char *late = HEADER ROW13 "@title\tx\n";

	(void)state;
	expect_error(unknown, strlen(unknown), 1, 1, "unknown metadata");
	expect_error(lang, strlen(lang), 1, 7, "language");
	expect_error(count, strlen(count), 1, 1, "takes 3 fields");
	expect_error(late, strlen(late), 3, 1, "after the header");
}

static void
missing_file_is_an_io_error(void **state)
{
	struct table *t;

	(void)state;
	assert_int_equal(table_load_file("tests/no/such/file", &t, &diags),
	    TSV_IO_ERROR);
	assert_null(t);
	assert_int_equal(table_load_file("tests", &t, &diags), TSV_IO_ERROR);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_cells_and_contact_types),
		cmocka_unit_test(accepts_bom_crlf_and_no_final_newline),
		cmocka_unit_test(loads_the_shipped_table),
		cmocka_unit_test(header_errors),
		cmocka_unit_test(row_shape_errors),
		cmocka_unit_test(cell_errors_name_their_column),
		cmocka_unit_test(url_and_contact_errors),
		cmocka_unit_test(encoding_and_control_errors),
		cmocka_unit_test(reports_every_problem),
		cmocka_unit_test(caps_the_number_of_reports),
		cmocka_unit_test(meta_errors),
		cmocka_unit_test(missing_file_is_an_io_error),
	};

	return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
