/* place_search: looking up names, addresses and postal codes in the
 * places' keys and ranges (places.h). */
#define _GNU_SOURCE /* memmem */
#include "places.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "place_keys.h"
#include "text.h"
#include "typo.h"

/* The shortest partial name that searches places: shorter ones would find
 * some town in nearly every prefecture and stop the list from narrowing. */
#define MIN_KANJI_KANA 2
#define MIN_LETTERS 3

/* Records that place (an index) matched with this rank: per prefecture,
 * the best rank, then a county or city found as itself, then the first
 * place. */
static void
hit(const struct places *p, struct place_hits *hits, size_t place,
    enum place_rank rank, bool upper)
{
	const struct place *pl = &p->list[place];
	size_t n = pl->nnow ? pl->nnow : 1;

	for (size_t k = 0; k < n; k++) {
		unsigned pref = (pl->nnow ? p->list[p->now[pl->first_now + k]].code
		    : pl->code) / 1000;
		bool had = hits->prefectures >> pref & 1;

		if (had && (rank > hits->rank[pref] || (rank == hits->rank[pref] &&
		    (hits->upper[pref] > upper || (hits->upper[pref] == upper &&
		    hits->first[pref] <= place)))))
			continue;
		hits->prefectures |= 1ULL << pref;
		hits->first[pref] = (unsigned short)place;
		hits->rank[pref] = (unsigned char)rank;
		hits->upper[pref] = upper;
	}
}

static const char *
key_text(const struct places *p, size_t k)
{
	return p->key_text + p->keys[k].text;
}

/* The first key not before s[0..len). */
static size_t
lower_bound(const struct places *p, const char *s, size_t len)
{
	size_t lo = 0, hi = p->nkeys;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *k = key_text(p, mid);
		int c = strncmp(k, s, len);

		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
key_is(const struct places *p, size_t k, const char *s, size_t len)
{
	const char *t = key_text(p, k);

	return strncmp(t, s, len) == 0 && t[len] == '\0';
}

static bool
in_pref(const struct places *p, size_t k, unsigned pref)
{
	const struct place *pl = &p->list[p->keys[k].place];

	if (!pref)
		return true;
	if (!pl->nnow)
		return pl->code / 1000 == pref;
	for (size_t i = 0; i < pl->nnow; i++)
		if (p->list[p->now[pl->first_now + i]].code / 1000 == pref)
			return true;
	return false;
}

/* Whether key k may begin an address of more than itself: a name with its
 * suffix, or a prefecture's in kanji or kana (東京千代田区); 森 or 中央
 * only alone, and so nara in narashino. */
static bool
may_lead(const struct places *p, size_t k, bool alone)
{
	unsigned kind = p->keys[k].kind;

	return alone || kind & PLACE_KEY_SUFFIXED || (kind & PLACE_KEY_PREF &&
	    (unsigned char)key_text(p, k)[0] >= 0x80);
}

/* The longest key, in pref (0: any) and not a prefecture when pref is
 * set, that s starts with: its length, and its first index in *at; 0 when
 * none. */
static size_t
longest_key(const struct places *p, const char *s, unsigned pref, size_t *at)
{
	size_t len = strlen(s);

	for (size_t n = len < PLACE_KEY_MAX ? len : PLACE_KEY_MAX; n > 0; n--) {
		if (text_continues(s[n]))
			continue;
		for (size_t k = lower_bound(p, s, n); k < p->nkeys &&
		    key_is(p, k, s, n); k++)
			if (may_lead(p, k, n == len) && in_pref(p, k, pref) &&
			    !(pref && p->keys[k].kind & PLACE_KEY_PREF)) {
				*at = k;
				return n;
			}
	}
	return 0;
}

size_t
places_keys_equal(const struct places *p, const char *s, size_t len,
    size_t *first)
{
	size_t k = *first = lower_bound(p, s, len);

	while (k < p->nkeys && key_is(p, k, s, len))
		k++;
	return k - *first;
}

size_t
places_keys_starting(const struct places *p, const char *s, size_t len,
    size_t *first)
{
	size_t k = *first = lower_bound(p, s, len);

	while (k < p->nkeys && strncmp(key_text(p, k), s, len) == 0)
		k++;
	return k - *first;
}

bool
places_keys_start(const struct places *p, const char *s, size_t len)
{
	size_t k = lower_bound(p, s, len);

	return k < p->nkeys && strncmp(key_text(p, k), s, len) == 0;
}

/* A designated city's ward found by its own name ranks after a
 * municipality of that name: a Tokyo ward is a municipality. */
static enum place_rank
exact_rank(const struct places *p, size_t k)
{
	const struct place *pl = &p->list[p->keys[k].place];

	return p->keys[k].kind & PLACE_KEY_PART && pl->upper_len >= 3 &&
	    memcmp(place_name(p, pl) + pl->upper_len - 3, "市", 3) == 0 ?
	    PLACE_WARD : PLACE_EXACT;
}

/* Every key equal to s[0..len) in pref (0: any), as exact hits; whether
 * one had its suffix. */
static bool
hit_equal(const struct places *p, const char *s, size_t len, unsigned pref,
    struct place_hits *hits)
{
	bool suffixed = false;

	for (size_t k = lower_bound(p, s, len); k < p->nkeys &&
	    key_is(p, k, s, len); k++)
		if (in_pref(p, k, pref) && !(pref && p->keys[k].kind &
		    PLACE_KEY_PREF)) {
			hit(p, hits, p->keys[k].place, exact_rank(p, k),
			    p->keys[k].kind & PLACE_KEY_UPPER);
			suffixed |= p->keys[k].kind & PLACE_KEY_SUFFIXED;
		}
	return suffixed;
}

/* Every key that starts with s, in pref (0: any), with this rank; whether
 * there was one. */
static bool
hit_starting(const struct places *p, const char *s, unsigned pref,
    enum place_rank rank, struct place_hits *hits)
{
	size_t len = strlen(s);
	bool any = false;

	for (size_t k = lower_bound(p, s, len); k < p->nkeys &&
	    strncmp(key_text(p, k), s, len) == 0; k++)
		if (in_pref(p, k, pref) && !(pref && p->keys[k].kind &
		    PLACE_KEY_PREF)) {
			hit(p, hits, p->keys[k].place, rank,
			    p->keys[k].kind & PLACE_KEY_UPPER);
			any = true;
		}
	return any;
}

static bool
long_enough(const char *s, bool romaji)
{
	return romaji ? strlen(s) >= MIN_LETTERS : text_chars(s) >= MIN_KANJI_KANA;
}

/* After a prefecture: the municipality in it that s starts with, or
 * starts; else the prefecture itself, when it was written with its suffix
 * (宮城県 and a town) or s begins with a municipality of elsewhere
 * (大阪 and 狭山市). false when it is neither (宮城x). */
static bool
find_in_prefecture(const struct places *p, size_t key, const char *s,
    bool romaji, struct place_hits *hits)
{
	size_t pref_place = p->keys[key].place, at;
	unsigned pref = p->list[pref_place].code / 1000;
	size_t n = longest_key(p, s, pref, &at);

	if (n > 0)
		hit_equal(p, s, n, pref, hits);
	else if (long_enough(s, romaji) &&
	    hit_starting(p, s, pref, PLACE_EXACT, hits))
		return true;
	else if (p->keys[key].kind & PLACE_KEY_SUFFIXED ||
	    longest_key(p, s, 0, &at) > 0)
		hit(p, hits, pref_place, PLACE_EXACT, false);
	else
		return false;
	return true;
}

/* The municipalities with the most towns starting with s[0..len), as
 * hits: a merged town's 大字 keep its name before theirs (平良西里,
 * 平良下里 of 宮古島市; 大宮町周枳 of 京丹後市). Whether there was one. */
static bool
hit_most_towns(const struct places *p, const char *s, size_t len,
    struct place_hits *hits)
{
	unsigned char want[TOWN_CODED_MAX];
	size_t ends[TOWN_CODED_MAX + 1], most = 0, n;

	n = towns_code(&p->towns, s, len, want, sizeof want, ends);
	if (len == 0 || ends[n] != len)
		return false; /* some character is in no town */
	for (size_t place = 0; place < p->current; place++) {
		struct town_cursor c;
		size_t run = 0;

		towns_open(&p->towns, place, &c);
		while (towns_next(&c))
			run += c.name_len >= n && memcmp(c.name, want, n) == 0;
		if (run > most) { /* a new best: only places as good count */
			memset(hits, 0, sizeof *hits);
			most = run;
		}
		if (run && run == most)
			hit(p, hits, place, PLACE_EXACT, false);
	}
	return most > 0;
}

/* A municipality merged away (浦和市, 清水市, 田無市, 平良市) most often
 * lives on as a ward or a town of its name: 浦和区 of さいたま市, 田無町 of
 * 西東京市, 平良 of 宮古島市. When no place has the name, the wards named
 * X区 and the towns named X, X町 or starting with the name (大宮町周枳);
 * whether there were any. */
static bool
find_former(const struct places *p, const char *s, struct place_hits *hits)
{
	static const char *const suffixes[] = {"市", "町", "村"};
	char ward[PLACE_KEY_MAX + 1];
	size_t len = strlen(s), base = 0, first = 0, count;

	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
		if (len > 6 && len <= PLACE_KEY_MAX - 3 &&
		    strcmp(s + len - 3, suffixes[i]) == 0)
			base = len - 3;
	if (!base)
		return false;
	/* A city lives on as a ward; a town or village as a town. */
	memcpy(ward, s, base);
	memcpy(ward + base, "区", strlen("区") + 1);
	count = strcmp(s + base, "市") == 0 ?
	    places_keys_equal(p, ward, base + 3, &first) : 0;
	for (size_t k = first; k < first + count; k++)
		hit(p, hits, p->keys[k].place, PLACE_EXACT, false);
	/* A ward that was a city and is gone too (浜北市, 浜松市浜北区). */
	for (size_t i = p->current; strcmp(s + base, "市") == 0 && i < p->count;
	    i++) {
		const struct place *pl = &p->list[i];

		if (pl->upper_len && strcmp(place_name(p, pl) + pl->upper_len,
		    ward) == 0) {
			hit(p, hits, i, PLACE_EXACT, false);
			count++;
		}
	}
	/* 大宮町 as the start of towns, else 大宮. */
	if (!count && !hit_most_towns(p, s, len, hits))
		hit_most_towns(p, s, base, hits);
	hits->former = hits->anchor = hits->whole = hits->prefectures != 0;
	return hits->former;
}

void
places_find(const struct places *p, const char *term, const char *romaji,
    struct place_hits *hits)
{
	bool by_romaji = text_is_letters(term);
	const char *s = by_romaji ? romaji : term;
	size_t len = strlen(s), at, n;

	memset(hits, 0, sizeof *hits);
	if (!p || len == 0)
		return;
	if (!by_romaji && longest_key(p, s, 0, &at) == 0 &&
	    !places_keys_start(p, s, len) && find_former(p, s, hits))
		return;
	n = longest_key(p, s, 0, &at);
	if (n == len) { /* a name; without its suffix, maybe the start of
	                 * longer ones (tsu-shi is 津市, tsu 津島 too) */
		hits->anchor = hit_equal(p, s, n, 0, hits);
		hits->whole = true;
		if (!hits->anchor && long_enough(s, by_romaji))
			hit_starting(p, s, 0, PLACE_BY_START, hits);
		return;
	}
	/* An address: what follows the name does not matter, but a
	 * prefecture is followed by the municipality in it. */
	if (n > 0 && p->keys[at].kind & PLACE_KEY_PREF)
		hits->anchor = find_in_prefecture(p, at, s + n, by_romaji, hits);
	else if (n > 0) {
		hit_equal(p, s, n, 0, hits);
		hits->anchor = true;
	}
	if (!hits->anchor) { /* the start of names, or nothing */
		hits->whole = long_enough(s, by_romaji) &&
		    hit_starting(p, s, 0, PLACE_BY_START, hits);
		return;
	}
	/* Still being typed: 札幌市中 is also the start of 札幌市中央区. */
	if (long_enough(s, by_romaji))
		hit_starting(p, s, 0, PLACE_BY_START, hits);
}

/* A key of letters, or of hiragana (and ー): the scripts a slip is looked
 * for in; kanji come from an IME's list, not from a slip of a key. */
static bool
same_script(const char *key, bool letters)
{
	unsigned char c = (unsigned char)key[0];

	/* Hiragana is E3 81 81 to E3 82 96 (no key starts with ー). */
	return letters ? c >= 'a' && c <= 'z' : c == 0xE3 &&
	    ((unsigned char)key[1] == 0x81 || (unsigned char)key[1] == 0x82);
}

/* The places within the fewest slips of q: a whole name before the start
 * of one, each at its own score (places.h). The keys are in order, so the
 * scan shares the rows of their shared starts. */
static unsigned
hit_slips(const struct places *p, const struct typo_query *q, bool letters,
    struct place_hits *hits)
{
	struct typo_scan scan;
	unsigned best = UINT_MAX;
	const char *dead_start = "";
	size_t dead = 0;

	typo_scan_begin(&scan, q);
	for (size_t k = 0; k < p->nkeys; k++) {
		const char *key = key_text(p, k);
		unsigned score;

		if (!same_script(key, letters) ||
		    (dead && strncmp(key, dead_start, dead) == 0))
			continue;
		score = typo_scan_score(&scan, key, strlen(key));
		dead = typo_scan_dead_bytes(&scan);
		dead_start = key;
		if (score == UINT_MAX)
			continue;
		/* Of names as close, a municipality by its name is meant
		 * before one with its suffix, whose slip may be in the
		 * suffix (kasamatsi: 笠松, not 笠間市), and before a county
		 * or a designated city alone (tokaachi: 十日町, not 十勝郡). */
		score += (p->keys[k].kind & (PLACE_KEY_SUFFIXED |
		    PLACE_KEY_UPPER)) != 0;
		if (score > best)
			continue;
		if (score < best)
			memset(hits, 0, sizeof *hits);
		best = score;
		typo_scan_narrow(&scan, TYPO_SLIPS(best));
		hit(p, hits, p->keys[k].place, TYPO_ONLY_START(score) ?
		    PLACE_BY_START :
		    exact_rank(p, k), p->keys[k].kind & PLACE_KEY_UPPER);
	}
	return hits->prefectures ? best : 0;
}

unsigned
places_near(const struct places *p, const char *term, const char *romaji,
    struct place_hits *hits)
{
	bool letters = text_is_letters(term);
	const char *s = letters ? romaji : term;
	struct typo_query q;

	memset(hits, 0, sizeof *hits);
	if (!p || !*s)
		return 0;
	if (!long_enough(s, letters) && (!letters || strlen(s) >= 2) &&
	    hit_starting(p, s, 0, PLACE_BY_START, hits))
		return NEAR_START;
	if (!typo_query_set(&q, term, romaji))
		return 0;
	return hit_slips(p, &q, letters, hits);
}

void
places_by_postal(const struct places *p, const char *digits,
    enum place_rank rank, struct place_hits *hits)
{
	size_t len = strlen(digits);
	unsigned long value = strtoul(digits, NULL, 10), scale = 1;

	memset(hits, 0, sizeof *hits);
	if (!p || len < 3 || len > 7)
		return;
	for (size_t i = len; i < 7; i++)
		scale *= 10;
	/* The codes the digits stand for: [low, high] of 7-digit values. */
	for (size_t i = 0; i < p->npostal; i++) {
		const struct postal_range *r = &p->postal[i];
		unsigned long low = value * scale, high = low + scale - 1;
		unsigned long base = r->prefix * 100UL;

		if (base + 99 < low || base > high)
			continue;
		for (unsigned long n = low > base ? low - base : 0;
		    n <= 99 && base + n <= high; n++)
			if (r->endings[n / 64] >> (n % 64) & 1) {
				for (unsigned k = 0; k < r->nplaces; k++)
					hit(p, hits, p->postal_places[r->first + k],
					    rank, false);
				break;
			}
	}
	hits->anchor = hits->whole = rank == PLACE_EXACT &&
	    hits->prefectures != 0;
}

/* Kana as Hepburn romaji the way an envelope writes it, long vowels
 * plain and its suffix set off: よこはまし Yokohama-shi, なかく Naka-ku. */
static size_t
put_romaji_part(const char *kana, size_t len, char *out, size_t cap)
{
	char romaji[2 * PLACE_KEY_MAX + 2];
	size_t suffix = place_suffix_kana(kana, len), n;

	n = text_kana_romaji(kana, len - suffix, romaji);
	if (suffix) {
		romaji[n++] = '-';
		n += text_kana_romaji(kana + len - suffix, suffix, romaji + n);
	}
	romaji[text_fold_long_vowels(romaji, n, NULL)] = '\0';
	if (romaji[0] >= 'a' && romaji[0] <= 'z')
		romaji[0] = (char)(romaji[0] - 'a' + 'A');
	n = (size_t)snprintf(out, cap, "%s", romaji);
	return n < cap ? n : cap - 1;
}

/* A place's reading (or, upper, its county's or city's) in romaji, its
 * parts apart: Yokohama-shi Naka-ku, Hamamatsu-shi. */
static void
romaji_name(const struct places *p, size_t place, bool upper, char *out,
    size_t cap)
{
	const struct place *pl = &p->list[place];
	const char *kana = place_kana(p, pl);
	size_t len = strlen(kana), split = pl->upper_len ?
	    place_upper_kana_len(p, place, pl->upper_len) : 0, n;

	if (len > PLACE_KEY_MAX)
		len = PLACE_KEY_MAX;
	if (split == 0 || split >= len) {
		put_romaji_part(kana, len, out, cap);
		return;
	}
	n = put_romaji_part(kana, split, out, cap);
	if (upper || n + 1 >= cap)
		return;
	out[n++] = ' ';
	put_romaji_part(kana + split, len - split, out + n, cap - n);
}

void
place_display_name(const struct places *p, size_t place, bool upper,
    bool ascii, char *out, size_t cap)
{
	const struct place *pl = &p->list[place];
	const char *name = place_name(p, pl);
	size_t len = upper && pl->upper_len ? pl->upper_len : strlen(name);
	int n;

	/* ASCII: the reading in romaji (a former name has none: the names it
	 * is part of now stand for it). */
	if (ascii && *place_kana(p, pl)) {
		romaji_name(p, place, upper, out, cap);
		return;
	}
	out[0] = '\0';
	n = ascii ? 0 : snprintf(out, cap, "%.*s", (int)len, name);
	for (size_t i = 0; i < pl->nnow && n >= 0 && (size_t)n < cap; i++) {
		const struct place *now = &p->list[p->now[pl->first_now + i]];
		char shown[256];
		int more;

		if (ascii)
			romaji_name(p, p->now[pl->first_now + i], false, shown,
			    sizeof shown);
		more = snprintf(out + n, cap - (size_t)n, "%s%s",
		    i ? ", " : ascii ? "" : " → ", ascii ? shown : place_name(p, now));
		n = more < 0 ? more : n + more;
	}
}

