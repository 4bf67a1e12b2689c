/* The packed towns (towns.c): every town and reading of data/towns.tsv
 * comes back from them as the loader folded it, the program's compiled
 * copy is the same bytes, coding a text and spelling it back agree, what
 * a municipality's towns start with is what they do start with, and
 * broken bytes or a broken table stop, never overrun. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "places_fixture.h"
#include "text.h"
#include "towns.h"

extern struct places builtin_compiled_places;

/* A town as the table has it, folded as the loader folds it. */
struct row {
	size_t place;
	char name[TOWN_NAME_MAX + 1], kana[TOWN_KANA_MAX + 1];
};

static int
by_place_name_kana(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c;

	if (x->place != y->place)
		return x->place < y->place ? -1 : 1;
	c = strcmp(x->name, y->name);
	return c ? c : strcmp(x->kana, y->kana);
}

/* The place of a municipality code, by a search of its own. */
static size_t
place_of(const char *code)
{
	unsigned want = (unsigned)strtoul(code, NULL, 10);

	for (size_t i = 0; i < places->current; i++)
		if (places->list[i].code == want)
			return i;
	fail_msg("no place %s", code);
	return 0;
}

/* The rows of data/towns.tsv, read here with sscanf, not tsv.c. */
static struct row *
table_rows(size_t *n)
{
	struct row *rows = calloc(130000, sizeof *rows);
	char *copy = strndup(shipped_towns, towns_len), *save = NULL;

	assert_non_null(rows);
	*n = 0;
	for (char *line = strtok_r(copy, "\n", &save); line;
	    line = strtok_r(NULL, "\n", &save)) {
		char code[8], *name = strchr(line, '\t'), *kana;

		if (!name || line[0] == '#' || line[0] == '@' ||
		    strncmp(line, "code\t", 5) == 0)
			continue;
		kana = strchr(name + 1, '\t');
		assert_non_null(kana);
		snprintf(code, sizeof code, "%.*s", (int)(name - line), line);
		rows[*n].place = place_of(code);
		*kana = '\0';
		text_fold(name + 1, strlen(name + 1), rows[*n].name, NULL);
		text_fold(kana + 1, strlen(kana + 1), rows[*n].kana, NULL);
		assert_true(++*n < 130000);
	}
	free(copy);
	qsort(rows, *n, sizeof *rows, by_place_name_kana);
	return rows;
}

/* Every town of a packing, spelled back in UTF-8, sorted as table_rows. */
static struct row *
packed_rows(const struct towns *t, size_t nplaces, size_t *n)
{
	struct row *rows = calloc(130000, sizeof *rows);

	assert_non_null(rows);
	*n = 0;
	for (size_t place = 0; place < nplaces; place++) {
		struct town_cursor c;

		towns_open(t, place, &c);
		while (towns_next(&c)) {
			struct row *r = &rows[(*n)++];

			r->place = place;
			towns_spell(t, c.name, c.name_len, r->name, sizeof r->name);
			towns_spell(t, c.kana, c.kana_len, r->kana, sizeof r->kana);
			assert_true(*n < 130000);
			/* What they start with says so. */
			assert_true(towns_may_start(t, place, c.name, c.name_len));
			if (c.kana_len)
				assert_true(towns_may_start(t, place, c.kana,
				    c.kana_len));
		}
		assert_ptr_equal(c.at, c.end); /* read to the end, exactly */
	}
	qsort(rows, *n, sizeof *rows, by_place_name_kana);
	return rows;
}

static void
every_town_comes_back(void **state)
{
	size_t n, m;
	struct row *want = table_rows(&n), *got = packed_rows(&places->towns,
	    places->current, &m);

	(void)state;
	assert_int_equal(n, 117199);
	assert_int_equal(m, n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(got[i].place, want[i].place);
		assert_string_equal(got[i].name, want[i].name);
		assert_string_equal(got[i].kana, want[i].kana);
	}
	free(want);
	free(got);
}

/* They take about what the names alone took as UTF-8 (1,320,003 bytes),
 * readings included. */
static void
packed_small(void **state)
{
	const struct towns *t = &places->towns;
	size_t bytes = t->at[places->current];

	(void)state;
	printf("towns packed: %zu bytes, %zu characters\n", bytes, t->nchars);
	assert_true(bytes < 1400000);
}

static void
compiled_towns_are_the_table(void **state)
{
	const struct towns *c = &builtin_compiled_places.towns,
	    *l = &places->towns;
	size_t nplaces = places->current;

	(void)state;
	assert_int_equal(c->nchars, l->nchars);
	assert_memory_equal(c->at, l->at, (nplaces + 1) * sizeof *c->at);
	assert_memory_equal(c->bytes, l->bytes, c->at[nplaces]);
	assert_memory_equal(c->starts, l->starts, nplaces * sizeof *c->starts);
	assert_memory_equal(c->chars, l->chars, c->nchars * sizeof *c->chars);
	assert_memory_equal(c->by_text, l->by_text,
	    c->nchars * sizeof *c->by_text);
}

static void
coding_and_spelling_agree(void **state)
{
	const struct towns *t = &places->towns;
	unsigned char codes[TOWN_CODED_MAX];
	size_t ends[TOWN_CODED_MAX + 1], n;
	char back[TOWN_KANA_MAX + 1];
	/* 田端 and たばた are in towns; 🚀 in none: coding stops there. */
	const char *s = "田端たばた🚀栄";

	(void)state;
	n = towns_code(t, s, strlen(s), codes, sizeof codes, ends);
	assert_true(n >= 6);
	assert_int_equal(ends[n], strlen("田端たばた"));
	towns_spell(t, codes, n, back, sizeof back);
	assert_string_equal(back, "田端たばた");
	/* A code is cut where the room ends, never in half. */
	n = towns_code(t, s, strlen(s), codes, 1, ends);
	assert_true(n <= 1);
	assert_int_equal(towns_spell(t, codes, 0, back, sizeof back), 0);
	assert_string_equal(back, "");
	/* Romaji initials: 北区 (Tokyo) has 田端, so t; no town of it
	 * reads with an x. */
	assert_true(towns_may_spell(t, place_of("13117"), 't'));
	assert_false(towns_may_spell(t, place_of("13117"), 'x'));
	assert_false(towns_may_spell(t, place_of("13117"), 'T'));
}

/* A hand-made packing: the towns it is given back, in reading order,
 * sharing their starts. */
static void
small_packing(void **state)
{
	struct town_row rows[] = {
		{1, "北一条西", "きたいちじょうにし"},
		{0, "栄", "さかえ"},
		{1, "北一条東", "きたいちじょうひがし"},
		{1, "大通", "おおどおり"},
		{2, "市円行寺", ""},
	};
	struct towns t;
	void *storage = NULL;
	struct town_cursor c;
	char name[TOWN_NAME_MAX + 1], kana[TOWN_KANA_MAX + 1];
	const char *order[] = {"大通", "北一条西", "北一条東"};

	(void)state;
	assert_true(towns_pack(rows, 5, 4, &t, &storage));
	towns_open(&t, 1, &c);
	for (size_t i = 0; i < 3; i++) {
		assert_true(towns_next(&c));
		towns_spell(&t, c.name, c.name_len, name, sizeof name);
		assert_string_equal(name, order[i]);
	}
	assert_false(towns_next(&c));
	/* Each text: a count of bytes kept, its own codes (a byte each
	 * here), a 0. 大通 おおどおり: 4 + 7; 北一条西 きたいちじょうにし,
	 * nothing kept: 6 + 11; 北一条東 keeps 北一条, its reading
	 * きたいちじょう: 3 + 5. */
	assert_int_equal(t.at[2] - t.at[1], 4 + 7 + 6 + 11 + 3 + 5);
	towns_open(&t, 2, &c);
	assert_true(towns_next(&c));
	towns_spell(&t, c.kana, c.kana_len, kana, sizeof kana);
	assert_string_equal(kana, "");
	towns_open(&t, 3, &c); /* no towns */
	assert_false(towns_next(&c));
	free(storage);
}

/* Broken bytes stop the cursor at its end: a start kept longer than the
 * town before, no 0, a code past the alphabet. */
static void
broken_bytes_stop(void **state)
{
	static const unsigned char keep_too_much[] = {3, 1, 0, 0, 0};
	static const unsigned char no_end[] = {0, 1, 2, 3};
	static const unsigned char past[] = {0, 0xFF, 0xFF, 0, 0, 0};
	const unsigned char *cases[] = {keep_too_much, no_end, past};
	size_t lens[] = {sizeof keep_too_much, sizeof no_end, sizeof past};
	const struct towns *real = &places->towns;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		uint32_t at[2] = {0, (uint32_t)lens[i]};
		struct towns t = {cases[i], at, NULL, real->chars,
			real->by_text, real->nchars};
		struct town_cursor c;
		char out[TOWN_KANA_MAX + 1];

		towns_open(&t, 0, &c);
		while (towns_next(&c))
			towns_spell(&t, c.name, c.name_len, out, sizeof out);
		assert_ptr_equal(c.at, c.end);
		assert_false(towns_may_start(&t, 0, cases[i], 1));
	}
}

/* A broken table is refused with its line and column. */
static void
bad_town_rows(void **state)
{
	static const struct {
		const char *row, *message;
	} cases[] = {
		{"99999\t栄\tさかえ\n", "5:1: column 'code' is not a municipality"},
		{"13117\t\tさかえ\n", "5:7: column 'town' is empty"},
		{"13117\t栄\tサカエ\n", "5:9: column 'kana' must be hiragana"},
		{"13117\t栄\tさか。\n", "5:9: column 'kana' must be hiragana"},
		{"13117\t栄\n", "5:"},
	};
	struct places *p;
	struct diags d;
	int which;

	(void)state;
	assert_int_equal(places_load(shipped_places, place_len, shipped_former,
	    former_len, &p, &d, &which), TSV_OK);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char table[256], said[512];

		snprintf(table, sizeof table, "# towns\n@count\t2\ncode\ttown\t"
		    "kana\n13117\t田端\tたばた\n%s", cases[i].row);
		assert_int_equal(places_add_towns(p, table, strlen(table), &d),
		    TSV_INVALID);
		snprintf(said, sizeof said, "%lu:%lu: %s", d.items[0].line,
		    d.items[0].col, d.items[0].message);
		if (!strstr(said, cases[i].message))
			fail_msg("%s: said '%s'", cases[i].row, said);
	}
	/* @count is checked. */
	{
		const char *table = "@count\t3\ncode\ttown\tkana\n13117\t田端\t"
		    "たばた\n";

		assert_int_equal(places_add_towns(p, table, strlen(table), &d),
		    TSV_INVALID);
	}
	assert_null(p->towns.bytes); /* a failed add leaves none */
	places_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_town_comes_back),
		cmocka_unit_test(packed_small),
		cmocka_unit_test(compiled_towns_are_the_table),
		cmocka_unit_test(coding_and_spelling_agree),
		cmocka_unit_test(small_packing),
		cmocka_unit_test(broken_bytes_stop),
		cmocka_unit_test(bad_town_rows),
	};

	return cmocka_run_group_tests_name("towns", tests, load, unload);
}
