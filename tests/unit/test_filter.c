/* Unit tests for filter, over the shipped table: the query language's
 * examples, and the match spans the browser highlights. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "filter.h"

#include "fixture.h"

/* The names the query finds, in their order, joined by spaces. */
static const char *
names(const char *query)
{
	static char out[1024];
	size_t rows[64], n;
	struct filter f;

	filter_compile(&f, query, NULL);
	n = filter_run(&f, table, rows, NULL);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, desk_cell(&table->desks[rows[i]], FIELD_NAME));
	}
	return out;
}

static void
tokyo_in_every_script(void **state)
{
	static const char *const queries[] = {"tokyo", "東京", "とうきょう",
		"トウキョウ", "警視庁", "TOKYO", "ＴＯＫＹＯ", "toukyou", "Tōkyō",
		"ﾄｳｷｮｳ", "13", "033431", "03-3431-8109", "０３－３４３１"};

	(void)state;
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		if (strcmp(names(queries[i]), "警視庁") != 0)
			fail_msg("'%s' found '%s'", queries[i], names(queries[i]));
}

static void
regions_and_bureaus(void **state)
{
	const char *kanto = "警視庁 茨城 栃木 群馬 埼玉 千葉 神奈川";

	(void)state;
	assert_string_equal(names("kanto"), kanto);
	assert_string_equal(names("関東"), kanto);
	assert_string_equal(names("関東 !tokyo"), "茨城 栃木 群馬 埼玉 千葉 神奈川");
	assert_string_equal(names("関東　!tokyo"), "茨城 栃木 群馬 埼玉 千葉 神奈川");
	assert_string_equal(names("関東管区"),
	    "茨城 栃木 群馬 埼玉 千葉 神奈川 新潟 山梨 長野 静岡");
	assert_string_equal(names("関東管区警察局 !静岡"),
	    "茨城 栃木 群馬 埼玉 千葉 神奈川 新潟 山梨 長野");
	assert_string_equal(names("kinki"), "三重 滋賀 京都 大阪 兵庫 奈良 和歌山");
	assert_string_equal(names("四国"), "徳島 香川 愛媛 高知");
	/* A region matches from its start: 沖縄 is the prefecture, not
	 * the whole 九州・沖縄 region. */
	assert_string_equal(names("沖縄"), "沖縄");
	assert_string_equal(names("kyuushuu !沖縄"),
	    "福岡 佐賀 長崎 熊本 大分 宮崎 鹿児島");
}

static void
readings_and_long_vowels(void **state)
{
	(void)state;
	assert_string_equal(names("ｏｓａｋａ"), "大阪");
	assert_string_equal(names("oosaka"), "大阪");
	assert_string_equal(names("hyougo"), "兵庫");
	assert_string_equal(names("kouchi"), "高知");
	assert_string_equal(names("ooita"), "大分");
	assert_string_equal(names("Ōita"), "大分");
	assert_string_equal(names("ほっかいどう"), "北海道");
	assert_string_equal(names("ホッカイドウ hokkaido"), "北海道");
}

static void
codes_and_phones(void **state)
{
	(void)state;
	assert_string_equal(names("1"), "北海道");
	assert_string_equal(names("01"), "北海道");
	assert_string_equal(names("47"), "沖縄");
	assert_string_equal(names("48"), "");
	assert_string_equal(names("0120"), "愛媛");
	assert_string_equal(names("9110 関東"), "栃木 千葉 神奈川");
	assert_string_equal(names("!9110 東北"), "秋田");
}

static void
empty_unknown_and_odd_queries(void **state)
{
	char big[4096];

	(void)state;
	assert_string_equal(names("zzz"), "");
	assert_int_equal(strlen(names("")), strlen(names("   ")));
	assert_string_equal(names("! tokyo"), "警視庁");
	assert_string_equal(names("!!"), names("")); /* excludes "!" */
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_string_equal(names(big), "");
	/* Seventeen terms: the first sixteen count. */
	assert_string_equal(names("t t t t t t t t t t t t t t t t zzz"),
	    names("t"));
}

static void
spans_mark_the_matched_text(void **state)
{
	const struct desk *tokyo = &table->desks[7];
	struct filter f;
	struct span s[4];

	(void)state;
	filter_compile(&f, "toukyou", NULL);
	assert_int_equal(filter_spans(&f, tokyo, FIELD_ROMAJI, s, 4), 1);
	assert_int_equal(s[0].start, 0);
	assert_int_equal(s[0].end, 5);
	filter_compile(&f, "東京 警視", NULL);
	assert_int_equal(filter_spans(&f, tokyo, FIELD_PREFECTURE, s, 4), 1);
	assert_int_equal(s[0].end, 6);
	assert_int_equal(filter_spans(&f, tokyo, FIELD_NAME, s, 4), 1);
	assert_int_equal(s[0].start, 0);
	assert_int_equal(s[0].end, 6);
	filter_compile(&f, "3431 !東京", NULL);
	assert_int_equal(filter_spans(&f, tokyo, FIELD_PHONE, s, 4), 1);
	assert_int_equal(s[0].start, 3);
	assert_int_equal(s[0].end, 7);
	assert_int_equal(filter_spans(&f, tokyo, FIELD_PREFECTURE, s, 4), 0);
	filter_compile(&f, "13", NULL);
	assert_int_equal(filter_spans(&f, tokyo, FIELD_CODE, s, 4), 1);
	filter_compile(&f, "o", NULL);
	/* Every occurrence: t-o-k-y-o. */
	assert_int_equal(filter_spans(&f, tokyo, FIELD_ROMAJI, s, 4), 2);
	assert_int_equal(s[1].start, 4);
	filter_compile(&f, "to ky", NULL);
	assert_int_equal(filter_spans(&f, tokyo, FIELD_ROMAJI, s, 4), 1);
	assert_int_equal(s[0].end, 4);
}

/* "Hamamatsu City" glues the suffix to the word before, once: a query
 * of one word and hundreds of "city" stays within the filter's buffer
 * (under ASan, an overflow is a crash) and is one term. */
static void
english_suffixes_glue_once(void **state)
{
	static struct filter f;
	char query[FILTER_MAX_QUERY + 1] = "a";

	(void)state;
	while (strlen(query) + 5 <= FILTER_MAX_QUERY)
		strcat(query, " city");
	filter_compile(&f, query, NULL);
	assert_string_equal(f.terms[0].text, "ashi");
	assert_int_equal(f.count, FILTER_MAX_TERMS);
	filter_compile(&f, "Hamamatsu City", NULL);
	assert_int_equal(f.count, 1);
	assert_string_equal(f.terms[0].text, "hamamatsushi");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tokyo_in_every_script),
		cmocka_unit_test(english_suffixes_glue_once),
		cmocka_unit_test(regions_and_bureaus),
		cmocka_unit_test(readings_and_long_vowels),
		cmocka_unit_test(codes_and_phones),
		cmocka_unit_test(empty_unknown_and_odd_queries),
		cmocka_unit_test(spans_mark_the_matched_text),
	};

	return cmocka_run_group_tests_name("filter", tests, load, unload);
}
