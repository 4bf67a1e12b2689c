/* Slips of the keyboard: the bounded distance against the textbook's full
 * table, and what a slipped word finds against a brute-force reference
 * that measures it against every key of the gazetteer and every desk.
 * The slipped words are made from the keys by random edits (a seeded
 * generator: the same words every run); that the intended place comes
 * first is measured on independent readings by tests/spellings.py. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "filter.h"
#include "text.h"
#include "typo.h"

#include "places_fixture.h"

static uint32_t seed = 19;

static uint32_t
next_random(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

/* The optimal string alignment distance, the whole table. */
static unsigned
textbook(const uint32_t *a, size_t m, const uint32_t *b, size_t n,
    unsigned *start)
{
	static unsigned d[64][400];

	for (size_t i = 0; i <= m; i++)
		d[i][0] = (unsigned)i;
	for (size_t j = 0; j <= n; j++)
		d[0][j] = (unsigned)j;
	for (size_t i = 1; i <= m; i++)
		for (size_t j = 1; j <= n; j++) {
			unsigned v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	*start = d[m][0];
	for (size_t j = 1; j <= n; j++)
		if (d[m][j] < *start)
			*start = d[m][j];
	return d[m][n];
}

static size_t
decode_all(const char *s, uint32_t *out, size_t cap)
{
	size_t n = 0, len = strlen(s);

	for (size_t i = 0; i < len && n < cap;)
		i += text_decode(s + i, len - i, &out[n++]);
	return n;
}

/* Random words and names over a small alphabet (so that they are close),
 * each name measured against the textbook: one scan for a word and all its
 * names in sorted order, so that rows are shared and names given up as a
 * scan of the gazetteer does. */
static int
by_bytes(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void
distance_is_the_textbooks(void **state)
{
	static const char *const alphabet[] = {"a", "b", "c", "か", "き"};
	static char names[40][64];
	size_t compared = 0;

	(void)state;
	/* 80,000 pairs in make check, 20,000 in make test. */
	int rounds = getenv("MADOGUCHI_TEST_THOROUGH") ? 2000 : 500;

	for (int round = 0; round < rounds; round++) {
		char word[64] = "";
		size_t lw = next_random() % 12;
		struct typo_query q;
		struct typo_scan scan;
		uint32_t cw[64], cn[64];

		for (size_t i = 0; i < lw; i++)
			strcat(word, alphabet[next_random() % 5]);
		for (size_t n = 0; n < 40; n++) {
			size_t ln = next_random() % 16;

			names[n][0] = '\0';
			for (size_t i = 0; i < ln; i++)
				strcat(names[n], alphabet[next_random() % 5]);
		}
		qsort(names, 40, sizeof names[0], by_bytes);
		/* Any bound, not only the word's own. */
		q.forms = 1;
		q.hepburn[0] = false;
		q.bound = next_random() % 4;
		q.form[0].len = decode_all(word, q.form[0].cp, TYPO_MAX_CHARS);
		typo_scan_begin(&scan, &q);
		decode_all(word, cw, 64);
		for (size_t n = 0; n < 40; n++) {
			unsigned whole, start, want_start, want, bound = q.bound;

			typo_scan_distance(&scan, 0, names[n], strlen(names[n]),
			    &whole, &start);
			want = textbook(cw, q.form[0].len, cn,
			    decode_all(names[n], cn, 64), &want_start);
			if ((want <= bound ? want : bound + 1) != whole ||
			    (want_start <= bound ? want_start : bound + 1) != start)
				fail_msg("'%s' '%s' bound %u: %u %u, the textbook "
				    "%u %u", word, names[n], bound, whole, start,
				    want, want_start);
			compared++;
		}
	}
	print_message("%zu pairs as the textbook has them\n", compared);
}

static const char *
key(size_t k)
{
	return places->key_text + places->keys[k].text;
}

/* The reference near score of a word on a name: every form of the word,
 * as typo.h describes them, each by the whole table against the name in
 * the spelling it is measured in. */
static unsigned
ref_score(const struct typo_query *q, const char *name)
{
	uint32_t folded[200], hepburn[400];
	char spelled[800];
	size_t nf = decode_all(name, folded, 200), nh;
	unsigned best = UINT32_MAX;

	text_romaji_hepburn(name, strlen(name), spelled);
	nh = decode_all(spelled, hepburn, 400);
	for (size_t f = 0; f < q->forms; f++) {
		size_t m = q->form[f].len, n = q->hepburn[f] ? nh : nf;
		const uint32_t *cb = q->hepburn[f] ? hepburn : folded;
		/* Past m + bound characters, a start is further than the
		 * bound, and so is the whole name. */
		bool longer = n > m + q->bound;
		unsigned start, whole = textbook(q->form[f].cp, m, cb,
		    longer ? m + q->bound + 1 : n, &start);

		if (longer)
			whole = UINT32_MAX;

		if (whole <= q->bound && 4 * whole < best)
			best = 4 * whole;
		if (start <= q->bound && 4 * start + 2 < best)
			best = 4 * start + 2;
	}
	return best;
}

static bool
same_script(const char *a, const char *b)
{
	bool la = text_is_letters(a), lb = text_is_letters(b);
	uint32_t cp;

	if (la || lb)
		return la == lb;
	text_decode(b, strlen(b), &cp);
	return (cp >= 0x3041 && cp <= 0x3096) || cp == 0x30FC;
}

static size_t compared_places, near_rows;

/* One slipped word: its near places against every key, and the rows
 * against every desk. */
static void
check_word(const char *word)
{
	static struct filter f;
	const struct filter_term *t;
	struct typo_query q;
	pref_mask want = 0, rows_want = 0, rows_got = 0;
	unsigned best = UINT32_MAX, own[48], near_score;
	struct place_hits near;
	size_t rows[64], n;

	filter_compile(&f, word, &source);
	n = filter_run(&f, desks, rows, NULL);
	if (f.count != 1 || (t = &f.terms[0])->kind != TERM_TEXT ||
	    t->hits.prefectures || !typo_query_set(&q, t->text, t->romaji))
		return;
	for (size_t k = 0; k < places->nkeys; k++) {
		unsigned s;

		if (!same_script(t->text, key(k)) ||
		    (s = ref_score(&q, key(k))) == UINT32_MAX)
			continue;
		/* A name with its suffix, or a county alone, after. */
		s += (places->keys[k].kind & (PLACE_KEY_SUFFIXED |
		    PLACE_KEY_UPPER)) != 0;
		if (s > best)
			continue;
		if (s < best)
			want = 0;
		best = s;
		want |= key_prefectures(k);
	}
	/* filter_run looks them up only when nothing else is listed: here,
	 * asked whatever was. */
	near_score = places_near(places, t->text, t->romaji, &near);
	if (want != near.prefectures || (want && best != near_score))
		fail_msg("'%s': near %llx at %u, the reference %llx at %u", word,
		    (unsigned long long)near.prefectures, near_score,
		    (unsigned long long)want, best);
	compared_places++;
	/* The rows: the desks of the best score, of the places and of the
	 * desks' own words, when the word found nothing else. */
	for (size_t d = 0; d < desks->count; d++) {
		const struct desk *k = &desks->desks[d];
		const char *cells[3] = {desk_folded(k, FIELD_ROMAJI),
			desk_kana_romaji(k), desk_folded(k, FIELD_REGION_ROMAJI)};

		own[k->code] = UINT32_MAX;
		if (!text_is_letters(t->text))
			cells[0] = desk_folded(k, FIELD_KANA), cells[1] = NULL;
		for (size_t c = 0; c < 3 && cells[c]; c++) {
			unsigned s = ref_score(&q, cells[c]);

			if (s < own[k->code])
				own[k->code] = s;
		}
		if (own[k->code] < best)
			best = own[k->code];
	}
	for (size_t d = 0; best < UINT32_MAX && d < desks->count; d++) {
		unsigned code = desks->desks[d].code;

		if ((near_score == best && want >> code & 1) ||
		    own[code] == best)
			rows_want |= 1ULL << code;
	}
	/* Desks the word is inside a cell of come first, as they are. */
	for (size_t i = 0; i < n; i++)
		rows_got |= 1ULL << desks->desks[rows[i]].code;
	rows_want &= ~(rows_got & ~f.near_listed);
	rows_got = f.near_listed;
	if (f.near_listed && rows_got != rows_want)
		fail_msg("'%s': rows %llx, the reference %llx", word,
		    (unsigned long long)rows_got, (unsigned long long)rows_want);
	if (!n && rows_want)
		fail_msg("'%s': nothing, the reference %llx", word,
		    (unsigned long long)rows_want);
	if (f.near_listed && TYPO_SLIPS(best) > 0 && !f.near_slips)
		fail_msg("'%s': slips not said", word);
	near_rows += f.near_listed != 0;
}

/* A random slip of s (UTF-8) into out: a character left out, doubled,
 * changed for a neighbour's in the name, or two swapped. */
static void
slip(const char *s, char *out)
{
	uint32_t cp[200];
	size_t n = decode_all(s, cp, 200), at = next_random() % n, o = 0;
	unsigned kind = next_random() % 4;

	for (size_t i = 0; i < n; i++) {
		uint32_t c = cp[i];

		if (i == at && kind == 0)
			continue;
		if (i == at && kind == 2)
			c = cp[(i + 1 + next_random() % (n - 1)) % n];
		if (i == at && kind == 3 && i + 1 < n) {
			c = cp[i + 1];
			cp[i + 1] = cp[i];
		}
		o += text_encode(c, out + o);
		if (i == at && kind == 1)
			o += text_encode(c, out + o);
	}
	out[o] = '\0';
}

static void
slipped_keys_find_the_reference(void **state)
{
	char word[800];
	/* Every 251st key (about 100 words, and their starts); with
	 * MADOGUCHI_TEST_THOROUGH (make check), every 11th. */
	size_t step = getenv("MADOGUCHI_TEST_THOROUGH") ? 11 : 251;

	(void)state;
	compared_places = near_rows = 0;
	for (size_t k = 0; k < places->nkeys; k += step) {
		const char *s = key(k);

		if (!same_script("a", s) && !same_script("か", s))
			continue;
		if (strlen(s) > 150)
			continue;
		slip(s, word);
		check_word(word);
		/* The start of the word, as it is being typed. */
		word[strlen(word) * 2 / 3] = '\0';
		word[text_boundary(word, strlen(word))] = '\0';
		check_word(word);
	}
	print_message("%zu slipped words as the reference has them, %zu "
	    "listed near\n", compared_places, near_rows);
	assert_true(compared_places > 80);
	assert_true(near_rows > 70);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(distance_is_the_textbooks),
		cmocka_unit_test(slipped_keys_find_the_reference),
	};

	return cmocka_run_group_tests_name("typos", tests, load, unload);
}
