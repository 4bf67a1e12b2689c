/* address: see address.h. */
#include "address.h"

#include <string.h>

#include "place_keys.h"
#include "text.h"
#include "words.h"

/* Bounds on what one query can make: the rest is not read (a query has
 * at most 1,024 bytes, and real addresses make a few dozen of each). */
#define MAX_MATCHES 768
#define MAX_CANDIDATES 384
#define MAX_WORD 1024
/* Places a bit each for the candidates found (Japan has about 1,950; a
 * place past this is compared with the candidates one by one). */
#define MAX_PLACES 4096

/* A key found in a word: at pos, len bytes long. */
struct match {
	unsigned short word, pos, len;
	unsigned short place;
	unsigned char kind;
};

struct reader {
	const struct places *p;
	const struct address_word *words;
	size_t n;
	struct match matches[MAX_MATCHES];
	size_t nmatches;
	unsigned short candidates[MAX_CANDIDATES];
	size_t ncandidates;
	struct { size_t bytes; unsigned parts; } scored[MAX_CANDIDATES];
	unsigned char seen[MAX_PLACES / 8]; /* candidates so far, by place */
};

/* How a candidate explains the query: parts named, bytes covered. */
struct score {
	unsigned parts;
	size_t bytes;
	bool explained[ADDRESS_MAX_WORDS];
	unsigned named;           /* enum part: what was named already */
	size_t town_len;          /* the town named, in */
	const char *town;
};

/* The form of a word its keys are looked up in. */
static const char *
word_text(const struct address_word *w)
{
	return text_is_letters(w->text) ? w->romaji : w->text;
}

static void
add_candidate(struct reader *r, size_t place)
{
	if (r->ncandidates == MAX_CANDIDATES)
		return;
	if (place < MAX_PLACES) {
		if (r->seen[place / 8] >> (place % 8) & 1)
			return;
		r->seen[place / 8] |= (unsigned char)(1u << (place % 8));
	} else {
		for (size_t i = 0; i < r->ncandidates; i++)
			if (r->candidates[i] == place)
				return;
	}
	r->candidates[r->ncandidates++] = (unsigned short)place;
}

/* Keys [first, first + count) found at pos of word w, n bytes of it. */
static void
add_matches(struct reader *r, size_t w, size_t pos, size_t n, size_t first,
    size_t count)
{
	const struct places *p = r->p;

	for (size_t k = first; k < first + count && r->nmatches < MAX_MATCHES;
	    k++) {
		const struct place_key *key = &p->keys[k];
		const struct place *pl = &p->list[key->place];

		r->matches[r->nmatches++] = (struct match){(unsigned short)w,
			(unsigned short)pos, (unsigned short)n, key->place,
			key->kind};
		if (!pl->nnow)
			add_candidate(r, key->place);
		for (size_t i = 0; i < pl->nnow; i++)
			add_candidate(r, p->now[pl->first_now + i]);
	}
}

/* Every key at every position of the word that a chain of keys from its
 * start reaches (東京都|港区|赤坂: the town is not a key), and the places
 * they name as candidates. The last word may end in the start of a name
 * still being typed (2-8-1 千代田町, 八幡 of 八幡浜市): from two characters
 * or three letters, every name it starts is one. */
static void
find_keys(struct reader *r, size_t w)
{
	const struct places *p = r->p;
	const char *s = word_text(&r->words[w]);
	size_t len = strnlen(s, MAX_WORD), first, count;
	unsigned char reach[MAX_WORD + 1] = {1};
	bool typing = w + 1 == r->n;

	for (size_t pos = 0; pos < len; pos++) {
		if (!reach[pos])
			continue;
		for (size_t n = 1; pos + n <= len && n <= PLACE_KEY_MAX; n++) {
			if (text_continues(s[pos + n]))
				continue;
			if (!places_keys_start(p, s + pos, n))
				break;
			count = places_keys_equal(p, s + pos, n, &first);
			if (count)
				reach[pos + n] = 1;
			add_matches(r, w, pos, n, first, count);
		}
		if (typing && (s == r->words[w].text ?
		    text_chars(s + pos) >= 2 : len - pos >= 3) &&
		    (count = places_keys_starting(p, s + pos, len - pos,
		    &first)) > 0)
			add_matches(r, w, pos, len - pos, first, count);
	}
}

static unsigned
pref_of(const struct places *p, size_t place)
{
	return p->list[place].code / 1000;
}

/* The parts of a place an address may name, each once. */
enum part {
	PART_PREFECTURE = 1, PART_UPPER = 2, PART_OWN = 4, PART_TOWN = 8,
};

/* Which part of candidate m a key names: its prefecture, its county or
 * designated city, itself (or a name it had); 0 when none. */
static unsigned
part_named(const struct places *p, const struct match *k, size_t m)
{
	const struct place *kp = &p->list[k->place], *mp = &p->list[m];

	if (k->kind & PLACE_KEY_PREF)
		return pref_of(p, k->place) == pref_of(p, m) ?
		    PART_PREFECTURE : 0;
	if (k->kind & PLACE_KEY_UPPER)
		return kp->upper_len && kp->upper_len == mp->upper_len &&
		    pref_of(p, k->place) == pref_of(p, m) &&
		    memcmp(place_name(p, kp), place_name(p, mp),
		    kp->upper_len) == 0 ? PART_UPPER : 0;
	if (k->place == m)
		return PART_OWN;
	for (size_t i = 0; i < kp->nnow; i++)
		if (p->now[kp->first_now + i] == m)
			return PART_OWN;
	return 0;
}

/* The longest town of place m that s starts with, or the town part of s
 * (up to its house number) when a town starts with it (保原町 of
 * 保原町大泉; a word still being typed: 田 of 田端): its length, 0 for
 * none. */
static size_t
town_at(const struct places *p, size_t m, const char *s, bool typing,
    const char **town)
{
	size_t best = 0, len = strlen(s), part = strcspn(s, "0123456789-");
	size_t chars = 0;

	if (!p->towns || m >= p->current)
		return 0;
	for (size_t i = 0; i < part; i++)
		chars += !text_continues(s[i]);
	typing = (typing || part < len) && chars >= 2;
	for (const char *t = p->towns + p->town_at[m],
	    *end = p->towns + p->town_at[m + 1]; t < end; t += strlen(t) + 1) {
		size_t n = strlen(t);

		if (n > best && n <= len && memcmp(s, t, n) == 0)
			best = n, *town = t;
		else if (typing && part > best && part < n &&
		    memcmp(s, t, part) == 0)
			best = part, *town = t;
	}
	return best;
}

/* How far candidate m explains word w from its start: keys of its parts
 * not named before, then one of its towns, then house numbers. */
static size_t
explain_word(const struct reader *r, size_t w, size_t m, struct score *sc)
{
	const char *s = word_text(&r->words[w]);
	size_t len = strnlen(s, MAX_WORD), pos = 0;
	bool towns = s == r->words[w].text; /* no town is in romaji */
	unsigned last = 0; /* within a word, parts come large to small */

	while (pos < len) {
		size_t best = 0;
		unsigned part = 0;

		for (size_t i = 0; i < r->nmatches; i++) {
			const struct match *k = &r->matches[i];
			unsigned named;

			if (k->word == w && k->pos == pos && k->len > best &&
			    (named = part_named(r->p, k, m)) &&
			    !(sc->named & named) && named > last)
				best = k->len, part = named;
		}
		if (best == 0 && towns && !(sc->named & PART_TOWN) &&
		    (best = town_at(r->p, m, s + pos, w + 1 == r->n,
		    &sc->town)) > 0) {
			part = PART_TOWN;
			sc->town_len = strlen(sc->town);
		}
		if (best == 0)
			break;
		pos += best;
		sc->named |= part;
		last = part;
		sc->parts++;
	}
	if (pos > 0 && pos < len && words_is_number(s + pos))
		pos = len;
	return pos;
}

static void
score(const struct reader *r, size_t m, struct score *sc)
{
	memset(sc, 0, sizeof *sc);
	for (size_t w = 0; w < r->n; w++) {
		size_t got;

		if (r->words[w].postal)
			got = r->words[w].postal >> pref_of(r->p, m) & 1 ?
			    strlen(r->words[w].text) : 0;
		else
			got = explain_word(r, w, m, sc);
		if (r->words[w].postal && got)
			sc->parts++;
		sc->bytes += got;
		sc->explained[w] = got > 0;
	}
}

/* The reading that explains more of the query, then in fewer parts: a
 * name whole (長野原町's 長野原) before the same text cut in two (長野 and
 * 原村). */
static bool
better(const struct score *a, const struct score *b)
{
	return a->bytes > b->bytes || (a->bytes == b->bytes &&
	    a->parts < b->parts);
}

bool
address_read(const struct places *p, const struct address_word *words,
    size_t n, struct address *out)
{
	static struct reader r; /* 8 kB of matches: not on the stack of every
	                         * keystroke, and only the pages used */
	struct score best = {.parts = ~0u}, sc;

	memset(out, 0, sizeof *out);
	if (!p || n == 0)
		return false;
	memset(r.seen, 0, sizeof r.seen);
	r.p = p, r.words = words, r.n = n < ADDRESS_MAX_WORDS ? n :
	    ADDRESS_MAX_WORDS;
	r.nmatches = r.ncandidates = 0;
	/* One word that is a name, or the start of one, is that name being
	 * typed (きたあい of きたあいきむら), not an address cut in parts. */
	if (r.n == 1 && !words[0].postal && places_keys_start(p,
	    word_text(&words[0]), strlen(word_text(&words[0]))))
		return false;
	for (size_t w = 0; w < r.n; w++)
		if (!words[w].postal)
			find_keys(&r, w);
	for (size_t c = 0; c < r.ncandidates; c++) {
		score(&r, r.candidates[c], &sc);
		r.scored[c].bytes = sc.bytes, r.scored[c].parts = sc.parts;
		if (better(&sc, &best))
			best = sc;
	}
	if (best.bytes == 0 || best.parts < 2)
		return false;
	/* Every candidate as good as the best: a town both 中央区 have
	 * leaves both. Only those are read again, for their words. */
	for (size_t c = 0; c < r.ncandidates; c++) {
		size_t m = r.candidates[c];
		unsigned pref = pref_of(p, m);

		if (r.scored[c].bytes != best.bytes ||
		    r.scored[c].parts != best.parts)
			continue;
		score(&r, m, &sc);
		for (size_t w = 0; w < r.n; w++)
			out->explained[w] |= sc.explained[w];
		if (out->hits.prefectures >> pref & 1)
			continue;
		out->hits.prefectures |= 1ULL << pref;
		out->hits.first[pref] = (unsigned short)m;
		out->hits.rank[pref] = PLACE_EXACT;
		if (sc.town && !out->town[0] && sc.town_len < sizeof out->town) {
			memcpy(out->town, sc.town, sc.town_len);
			out->town[sc.town_len] = '\0';
			out->town_place = m;
		}
	}
	out->hits.anchor = out->hits.whole = true;
	return true;
}
