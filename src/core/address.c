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

/* How well a reading explains the query: bytes covered, parts named,
 * towns among them, towns named by their start alone (taba of tabata). */
struct tally {
	size_t bytes;
	unsigned parts, towns, started;
};

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
	struct tally scored[MAX_CANDIDATES];
	unsigned char seen[MAX_PLACES / 8]; /* candidates so far, by place */
	/* The romaji initial of a reading by its first byte of codes, once
	 * known (0: not yet; 0xFF: none). */
	unsigned char initials[256];
};

/* How a candidate explains the query: parts named, bytes covered. */
struct score {
	struct tally tally;
	bool explained[ADDRESS_MAX_WORDS];
	unsigned named;           /* enum part: what was named already */
	char town[TOWN_NAME_MAX + 1]; /* the town named, or "" */
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

/* How s starts with a town's form (f, flen bytes), if better than *best,
 * which it then becomes: with the whole form, or (typing) with its first
 * part bytes. Lengths are in bytes of f and s, which ends[] (NULL: the
 * same) turns into bytes of the query. */
enum town_found { TOWN_NOT, TOWN_WHOLE, TOWN_STARTED };

static enum town_found
town_form(const unsigned char *s, size_t len, size_t part, const size_t *ends,
    const unsigned char *f, size_t flen, size_t *best)
{
	size_t whole = ends ? ends[flen <= len ? flen : len] : flen;

	if (flen <= len && whole > *best && memcmp(s, f, flen) == 0) {
		*best = whole;
		return TOWN_WHOLE;
	}
	if (part && part < flen && (ends ? ends[part] : part) > *best &&
	    memcmp(s, f, part) == 0) {
		*best = ends ? ends[part] : part;
		return TOWN_STARTED;
	}
	return TOWN_NOT;
}

/* The first letter of a reading's romaji, as text_romaji_key spells it: a
 * town whose reading starts otherwise is not spelled out. Kept by the
 * reading's first byte, which is a whole character's code for kana. */
static unsigned char
romaji_initial(struct reader *r, const unsigned char *kana, size_t len)
{
	char first[8];
	bool two = len > 1 && kana[0] >= 0xC0;
	unsigned char initial;

	if (!len)
		return 0xFF;
	if (!two && r->initials[kana[0]])
		return r->initials[kana[0]];
	initial = text_romaji_initial(first, towns_spell(&r->p->towns, kana,
	    two ? 2 : 1, first, sizeof first));
	initial = initial ? initial : 0xFF;
	if (!two)
		r->initials[kana[0]] = initial;
	return initial;
}

/* How much of s, a word of letters, is a town of place m by its reading's
 * romaji (or its start, the first part bytes); its name into town. */
static size_t
town_by_romaji(struct reader *r, size_t m, const char *s, size_t part,
    char *town, bool *started)
{
	const struct places *p = r->p;
	const unsigned char *word = (const unsigned char *)s;
	size_t best = 0, len = strlen(s);
	struct town_cursor c;

	towns_open(&p->towns, m, &c);
	while (towns_next(&c)) {
		char kana[TOWN_KANA_MAX + 1], spelled[2 * TOWN_KANA_MAX + 1];
		size_t n;
		enum town_found found;

		if (word[0] != romaji_initial(r, c.kana, c.kana_len))
			continue;
		n = towns_spell(&p->towns, c.kana, c.kana_len, kana, sizeof kana);
		n = text_romaji_key(kana, n, spelled);
		if ((found = town_form(word, len, part, NULL,
		    (const unsigned char *)spelled, n, &best)) != TOWN_NOT) {
			towns_spell(&p->towns, c.name, c.name_len, town,
			    TOWN_NAME_MAX + 1);
			*started = found == TOWN_STARTED;
		}
	}
	return best;
}

/* The longest town of place m that s starts with, by its name or its
 * reading, in kana or (for a word of letters) romaji; or the town part of
 * s (up to its house number) when a town starts with it (保原町 of
 * 保原町大泉; a word still being typed: 田 of 田端, taba of tabata): its
 * length, 0 for none. The town's name goes to town, and whether only its
 * start was there to *started. */
static size_t
town_at(struct reader *r, size_t m, const char *s, bool romaji, bool typing,
    char *town, bool *started)
{
	const struct places *p = r->p;
	size_t best = 0, len = strlen(s), part = strcspn(s, "0123456789-");
	size_t chars = 0, coded, coded_part = 0;
	unsigned char want[TOWN_CODED_MAX];
	size_t ends[TOWN_CODED_MAX + 1];
	struct town_cursor c;

	if (m >= p->current)
		return 0;
	for (size_t i = 0; i < part; i++)
		chars += !text_continues(s[i]);
	typing = (typing || part < len) && chars >= (romaji ? 3u : 2u);
	if (romaji)
		return towns_may_spell(&p->towns, m, *s) ? town_by_romaji(r, m,
		    s, typing ? part : 0, town, started) : 0;
	coded = towns_code(&p->towns, s, len, want, sizeof want, ends);
	if (!towns_may_start(&p->towns, m, want, coded))
		return 0;
	/* The town part as codes, if every character of it is in a town. */
	while (typing && coded_part < coded && ends[coded_part] < part)
		coded_part++;
	if (coded_part == 0 || ends[coded_part] != part)
		coded_part = 0;
	towns_open(&p->towns, m, &c);
	while (towns_next(&c)) {
		enum town_found found = town_form(want, coded, coded_part, ends,
		    c.name, c.name_len, &best), by_kana = town_form(want, coded,
		    coded_part, ends, c.kana, c.kana_len, &best);

		if (by_kana)
			found = by_kana;
		if (found) {
			towns_spell(&p->towns, c.name, c.name_len, town,
			    TOWN_NAME_MAX + 1);
			*started = found == TOWN_STARTED;
		}
	}
	return best;
}

/* How far candidate m explains word w from its start: keys of its parts
 * not named before, then one of its towns, then house numbers. */
static size_t
explain_word(struct reader *r, size_t w, size_t m, struct score *sc)
{
	const char *s = word_text(&r->words[w]);
	size_t len = strnlen(s, MAX_WORD), pos = 0;
	bool romaji = s != r->words[w].text;
	unsigned last = 0; /* within a word, parts come large to small */
	bool started;

	while (pos < len) {
		size_t best = 0;
		unsigned part = 0;

		for (size_t i = 0; i < r->nmatches; i++) {
			const struct match *k = &r->matches[i];
			unsigned named;

			if (k->word == w && k->pos == pos && k->len > best &&
			    (named = part_named(r->p, k, m)) &&
			    !(sc->named & named) && named > last) {
				best = k->len;
				part = named;
			}
		}
		if (best == 0 && !(sc->named & PART_TOWN) &&
		    (best = town_at(r, m, s + pos, romaji, w + 1 == r->n,
		    sc->town, &started)) > 0) {
			part = PART_TOWN;
			sc->tally.towns++;
			sc->tally.started += started;
		}
		if (best == 0)
			break;
		pos += best;
		sc->named |= part;
		last = part;
		sc->tally.parts++;
	}
	if (pos > 0 && pos < len && words_is_number(s + pos))
		pos = len;
	return pos;
}

static void
score(struct reader *r, size_t m, struct score *sc)
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
			sc->tally.parts++;
		sc->tally.bytes += got;
		sc->explained[w] = got > 0;
	}
}

/* The reading that explains more of the query, then in fewer parts (a
 * name whole, 長野原町's 長野原, before the same text cut in two, 長野 and
 * 原村), then with fewer of them towns, then fewer towns only started: a
 * town is the weaker word (yokohama nishi is 横浜市西区, not the town
 * 横浜 of 福岡市西区, nor 西大口 of 横浜市神奈川区 being typed). */
static bool
better(const struct tally *a, const struct tally *b)
{
	if (a->bytes != b->bytes)
		return a->bytes > b->bytes;
	if (a->parts != b->parts)
		return a->parts < b->parts;
	if (a->towns != b->towns)
		return a->towns < b->towns;
	return a->started < b->started;
}

static bool
as_good(const struct tally *a, const struct tally *b)
{
	return !better(a, b) && !better(b, a);
}

bool
address_read(const struct places *p, const struct address_word *words,
    size_t n, struct address *out)
{
	static struct reader r; /* 8 kB of matches: not on the stack of every
	                         * keystroke, and only the pages used */
	struct tally best = {.parts = ~0u};
	struct score sc;

	memset(out, 0, sizeof *out);
	if (!p || n == 0)
		return false;
	memset(r.seen, 0, sizeof r.seen);
	memset(r.initials, 0, sizeof r.initials);
	r.p = p;
	r.words = words;
	r.n = n < ADDRESS_MAX_WORDS ? n : ADDRESS_MAX_WORDS;
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
		r.scored[c] = sc.tally;
		if (better(&sc.tally, &best))
			best = sc.tally;
	}
	if (best.bytes == 0 || best.parts < 2)
		return false;
	/* Every candidate as good as the best: a town both 中央区 have
	 * leaves both. Only those are read again, for their words. */
	for (size_t c = 0; c < r.ncandidates; c++) {
		size_t m = r.candidates[c];
		unsigned pref = pref_of(p, m);

		if (!as_good(&r.scored[c], &best))
			continue;
		score(&r, m, &sc);
		for (size_t w = 0; w < r.n; w++)
			out->explained[w] |= sc.explained[w];
		if (out->hits.prefectures >> pref & 1)
			continue;
		out->hits.prefectures |= 1ULL << pref;
		out->hits.first[pref] = (unsigned short)m;
		out->hits.rank[pref] = PLACE_EXACT;
		if (sc.town[0] && !out->town[0]) {
			memcpy(out->town, sc.town, sizeof sc.town);
			out->town_place = m;
		}
	}
	out->hits.anchor = out->hits.whole = true;
	return true;
}
