/* filter: see filter.h. */
#include "filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "address.h"
#include "text.h"
#include "words.h"

#define POSTAL_MARK "〒"

static bool
digits_only(const char *s)
{
	return *s && s[strspn(s, "0123456789")] == '\0';
}

/* Digits of a phone-like term (digits and hyphens, three digits or more)
 * into out; false if the term is not one. */
static bool
phone_digits(const char *s, char *out)
{
	if (s[strspn(s, "0123456789-")] != '\0')
		return false;
	return text_fold_phone(s, strlen(s), out, NULL) >= 3;
}

/* Whether s (after an optional 〒) has the form of a postal code or of
 * its start: 1000001, 100-0001, 〒100, 100-, 〒100-00. */
static bool
postal_form(const char *s, bool marked)
{
	size_t digits = strspn(s, "0123456789"), rest;

	if (digits != 3 && !(digits == 7 && !s[7]))
		return marked && digits >= 3 && digits <= 7 && !s[digits];
	if (digits == 7)
		return true;
	if (s[3] != '-')
		return marked && !s[3];
	rest = strspn(s + 4, "0123456789");
	return !s[4 + rest] && rest <= 4;
}

struct compiler {
	struct filter *f;
	struct place_source *source;
	char *free_space;
	size_t glued; /* 1 + the term that took an English suffix last */
};

/* A copy of s after the words in f->buf. Each term keeps at most three
 * copies of itself (romaji, digits, a suffix glued once), which the
 * buffer holds; the cut is only a guard. */
static char *
keep(struct compiler *c, const char *s, size_t len)
{
	char *out = c->free_space;
	size_t room = (size_t)(c->f->buf + sizeof c->f->buf - out);

	if (len >= room)
		len = room - 1;
	memcpy(out, s, len);
	out[len] = '\0';
	c->free_space += len + 1;
	return out;
}

/* A term's romaji form (long vowels folded), next to it. */
static void
set_text(struct compiler *c, struct filter_term *t, const char *text)
{
	char *romaji;

	t->text = text;
	romaji = keep(c, text, strlen(text));
	text_fold_romaji(romaji, strlen(romaji), NULL);
	t->romaji = romaji;
}

static void
classify(struct compiler *c, struct filter_term *t, char *text)
{
	bool marked = text_starts(text, POSTAL_MARK);
	const struct places *places;
	char digits[FILTER_MAX_QUERY + 1];

	memset(&t->hits, 0, sizeof t->hits);
	t->postal = false;
	t->number = words_is_number(text);
	t->house = t->number && text[0] >= '1' && text[0] <= '9' &&
	    text[strspn(text, "0123456789")] != '\0';
	t->text = t->romaji = text;
	if (marked && postal_form(text + strlen(POSTAL_MARK), true)) {
		phone_digits(text + strlen(POSTAL_MARK), digits);
		t->kind = TERM_POSTAL;
		t->text = t->romaji = keep(c, digits, strlen(digits));
	} else if (digits_only(text) && strlen(text) <= 2) {
		t->kind = TERM_CODE;
		t->code = strtoul(text, NULL, 10);
		return;
	} else if (phone_digits(text, digits)) {
		t->kind = TERM_PHONE;
		t->text = t->romaji = keep(c, digits, strlen(digits));
		if (!postal_form(text, false))
			return;
	} else {
		t->kind = TERM_TEXT;
		words_join_romaji(text);
		set_text(c, t, text);
		if ((places = place_source_get(c->source, false)) != NULL)
			places_find(places, t->text, t->romaji, &t->hits);
		return;
	}
	t->postal = true;
	places = place_source_get(c->source, true);
	places_by_postal(places, t->text, &t->hits);
	/* A code that exists is a postal code, not a part of a phone. */
	if (strlen(t->text) == 7 && t->hits.prefectures)
		t->kind = TERM_POSTAL;
}

/* "Hamamatsu City": the word before takes the suffix (hamamatsushi),
 * once; false when word is no such suffix or there is no romaji word
 * before that has not taken one. */
static bool
glue_english_suffix(struct compiler *c, const char *word)
{
	struct filter *f = c->f;
	const char *suffix = words_english_suffix(word);
	struct filter_term *prev = f->count ? &f->terms[f->count - 1] : NULL;
	char joined[FILTER_MAX_QUERY + 16];

	if (!suffix || !prev || c->glued == f->count || prev->kind != TERM_TEXT ||
	    prev->negate ||
	    strlen(prev->text) + strlen(suffix) >= sizeof joined ||
	    prev->text[strspn(prev->text, "abcdefghijklmnopqrstuvwxyz")])
		return false;
	memcpy(joined, prev->text, strlen(prev->text));
	memcpy(joined + strlen(prev->text), suffix, strlen(suffix) + 1);
	classify(c, prev, keep(c, joined, strlen(joined)));
	c->glued = f->count;
	return true;
}

/* Two words that name one place together are that place: yokohama nishi
 * is 横浜市西区, not 上北郡横浜町 and some 西 town; Chuo-ku Sapporo-shi
 * is 札幌市中央区. */
static void
join_place_words(struct compiler *c)
{
	struct filter *f = c->f;

	for (size_t i = 0; f->places && i + 1 < f->count; i++) {
		struct filter_term *a = &f->terms[i], *b = &f->terms[i + 1];
		char text[2 * FILTER_MAX_QUERY + 2], romaji[2 * FILTER_MAX_QUERY + 2];
		struct place_hits both;

		if (a->kind != TERM_TEXT || b->kind != TERM_TEXT || a->negate ||
		    b->negate || !a->hits.prefectures || !b->hits.prefectures)
			continue;
		snprintf(text, sizeof text, "%s%s", a->text, b->text);
		memcpy(romaji, text, strlen(text) + 1);
		text_fold_romaji(romaji, strlen(romaji), NULL);
		places_find(f->places, text, romaji, &both);
		if (!both.whole || !both.prefectures)
			continue;
		both.anchor |= a->hits.anchor || b->hits.anchor;
		a->hits = b->hits = both;
	}
}

/* The words read together as one address (address.h): the words it
 * explains reach its prefectures alone, the others become optional. */
static void
read_address(struct filter *f)
{
	struct address_word words[ADDRESS_MAX_WORDS] = {{0}};
	size_t at[ADDRESS_MAX_WORDS], n = 0;
	struct address *a = &(struct address){0};

	for (size_t i = 0; i < f->count && n < ADDRESS_MAX_WORDS; i++) {
		const struct filter_term *t = &f->terms[i];

		if (t->negate || t->number || (t->kind != TERM_TEXT && !t->postal))
			continue;
		words[n] = (struct address_word){t->text, t->romaji,
			t->postal ? t->hits.prefectures : 0};
		at[n++] = i;
	}
	if (!address_read(f->places, words, n, a))
		return;
	for (size_t j = 0; j < n; j++) {
		struct filter_term *t = &f->terms[at[j]];

		t->in_address = a->explained[j];
		t->optional = !a->explained[j];
		/* A word read alone the same way keeps how it ranked. */
		if (t->in_address && (n > 1 ||
		    t->hits.prefectures != a->hits.prefectures))
			t->hits = a->hits;
	}
	memcpy(f->town, a->town, sizeof f->town);
	f->town_place = a->town_place;
}

/* Words still being typed, or typed before what they belong to, narrow
 * only while rows remain: a word that names no place yet (2-8-1
 * いちきしり, 三笠市: a town typed before its municipality), and a last
 * word shorter than a place search needs (東京都 新, the start of 新宿区).
 * A query of one word is taken as it is. */
static void
mark_unsure(struct filter *f)
{
	for (size_t i = 0; f->count > 1 && i < f->count; i++) {
		struct filter_term *t = &f->terms[i];
		bool letters = t->text[strspn(t->text,
		    "abcdefghijklmnopqrstuvwxyz")] == '\0';

		if (t->negate || t->kind != TERM_TEXT || t->in_address)
			continue;
		if (!t->hits.prefectures || (i + 1 == f->count &&
		    (letters ? strlen(t->text) < 3 : text_chars(t->text) < 2)))
			t->optional = true;
	}
}

void
filter_compile(struct filter *f, const char *query,
    struct place_source *places)
{
	size_t len = strnlen(query, FILTER_MAX_QUERY);
	char *folded = f->buf + 2 * FILTER_MAX_QUERY, *p = f->buf;
	struct compiler c = {f, places, NULL, 0};

	/* Cut a partial character at the end rather than fold half of it. */
	if (len < strlen(query))
		len = text_boundary(query, len);
	f->count = 0;
	f->address = false;
	f->places = NULL;
	f->town[0] = '\0';
	/* The words, then the terms' own strings, in buf. */
	text_fold(query, len, folded, NULL);
	words_split(folded, f->buf);
	c.free_space = f->buf + strlen(f->buf) + 1;
	while (f->count < FILTER_MAX_TERMS) {
		struct filter_term *t = &f->terms[f->count];
		char *end;

		p += strspn(p, " ");
		if (*p == '\0')
			break;
		end = p + strcspn(p, " ");
		if (*end)
			*end++ = '\0';
		t->negate = *p == '!';
		t->in_address = t->optional = false;
		if (t->negate)
			p++;
		else if (words_is_country(p)) {
			p = end;
			continue;
		}
		if (*p && (t->negate || !glue_english_suffix(&c, p))) {
			classify(&c, t, p);
			f->count++;
		}
		p = end;
	}
	f->places = places ? places->places : NULL;
	join_place_words(&c);
	if (f->places)
		read_address(f);
	mark_unsure(f);
	for (size_t i = 0; i < f->count; i++)
		f->address |= !f->terms[i].negate && f->terms[i].hits.anchor;
}

/* How well a term matches a desk, best first, as a person ranks: the
 * desk's own name whole, a place the term names, a designated city's ward
 * of that name, the start of the desk's name, the start of a place's,
 * then the start of its region or bureau, then a word inside the desk's
 * cells; MATCH_NONE when it does not. */
enum match_rank {
	MATCH_WHOLE, MATCH_PLACE, MATCH_PLACE_WARD, MATCH_START,
	MATCH_PLACE_START, MATCH_REGION, MATCH_INSIDE, MATCH_NONE,
};

static enum match_rank
text_rank(const char *cell, const char *needle)
{
	const char *at = strstr(cell, needle);

	if (!at)
		return MATCH_NONE;
	if (at != cell)
		return MATCH_INSIDE;
	return cell[strlen(needle)] ? MATCH_START : MATCH_WHOLE;
}

static enum match_rank
best(enum match_rank a, enum match_rank b)
{
	return a < b ? a : b;
}

/* How the term matches the desk's own cells. */
static enum match_rank
own_rank(const struct filter_term *t, const struct desk *k)
{
	enum match_rank r;

	switch (t->kind) {
	case TERM_CODE:
		return k->code == t->code ? MATCH_WHOLE : MATCH_NONE;
	case TERM_PHONE:
		return text_rank(desk_folded(k, FIELD_PHONE), t->text);
	case TERM_POSTAL:
		return MATCH_NONE;
	case TERM_TEXT:
		break;
	}
	r = best(best(text_rank(desk_folded(k, FIELD_NAME), t->text),
	    text_rank(desk_folded(k, FIELD_PREFECTURE), t->text)),
	    best(text_rank(desk_folded(k, FIELD_KANA), t->text),
	    text_rank(desk_folded(k, FIELD_ROMAJI), t->romaji)));
	if (text_starts(desk_kana_romaji(k), t->romaji))
		r = best(r, desk_kana_romaji(k)[strlen(t->romaji)] ?
		    MATCH_START : MATCH_WHOLE);
	if (r == MATCH_NONE &&
	    (text_starts(desk_folded(k, FIELD_REGION), t->text) ||
	    text_starts(desk_folded(k, FIELD_REGION_ROMAJI), t->romaji) ||
	    (strstr(t->text, FILTER_BUREAU_MARK) &&
	    strstr(desk_folded(k, FIELD_BUREAU), t->text))))
		r = MATCH_REGION;
	return r;
}

/* How the term reaches the desk's prefecture through a place. */
static enum match_rank
place_rank(const struct filter_term *t, const struct desk *k)
{
	static const enum match_rank by_place[PLACE_RANKS] = {
		[PLACE_EXACT] = MATCH_PLACE, [PLACE_WARD] = MATCH_PLACE_WARD,
		[PLACE_BY_START] = MATCH_PLACE_START,
	};

	if (k->code > 47 || !(t->hits.prefectures >> k->code & 1))
		return MATCH_NONE;
	return by_place[t->hits.rank[k->code]];
}

/* A part of the address the query was read as reaches its places alone:
 * 福島 in "伊達市 福島" is not also the desk of 福島. */
static enum match_rank
term_rank(const struct filter_term *t, const struct desk *k)
{
	return t->in_address ? place_rank(t, k) :
	    best(own_rank(t, k), place_rank(t, k));
}

/* Which terms count: in an address, the numbers, and the words that reach
 * no desk at all, are not asked of any. */
static void
terms_in_use(const struct filter *f, const struct table *t, bool *use)
{
	for (size_t i = 0; i < f->count; i++) {
		const struct filter_term *term = &f->terms[i];

		use[i] = true;
		/* 2-8-1 says nothing of where, in an address or on its way
		 * to one (typed first in English order). */
		if (term->house && !term->negate && !term->hits.prefectures) {
			use[i] = false;
			continue;
		}
		if (!f->address || term->negate || term->hits.anchor)
			continue;
		if (term->number) {
			use[i] = false;
			continue;
		}
		use[i] = false;
		for (size_t r = 0; r < t->count && !use[i]; r++)
			use[i] = term_rank(term, &t->desks[r]) != MATCH_NONE;
	}
}

/* The row's rank: its worst term's. */
static enum match_rank
row_rank(const struct filter *f, const bool *use, const struct desk *k)
{
	enum match_rank rank = MATCH_WHOLE;

	for (size_t i = 0; i < f->count; i++) {
		const struct filter_term *t = &f->terms[i];
		enum match_rank r;

		if (!use[i])
			continue;
		r = term_rank(t, k);
		if (t->negate) {
			if (r != MATCH_NONE)
				return MATCH_NONE;
		} else if (r > rank) {
			rank = r;
		}
	}
	return rank;
}

/* Whether the term lists desk k through a place, not its own cells (the
 * prefecture itself is the desk's own: とうきょう is 東京都's desk). */
static bool
term_via_place(const struct filter *f, const struct filter_term *t,
    const struct desk *k)
{
	enum match_rank place = place_rank(t, k), own = own_rank(t, k);

	if (t->negate || place == MATCH_NONE)
		return false;
	if (own != MATCH_NONE &&
	    f->places->list[t->hits.first[k->code]].code % 1000 == 0)
		return false;
	return t->in_address || place < own;
}

static bool
found_through_place(const struct filter *f, const struct desk *k)
{
	for (size_t i = 0; f->places && i < f->count; i++)
		if (term_via_place(f, &f->terms[i], k))
			return true;
	return false;
}

/* The rows that match with the terms in use, their ranks and how many
 * of each rank there are. */
static size_t
match_rows(const struct filter *f, const struct table *t, const bool *use,
    size_t *rows, unsigned char *ranks, size_t *count)
{
	size_t n = 0;

	memset(count, 0, MATCH_NONE * sizeof *count);
	for (size_t i = 0; i < t->count; i++) {
		enum match_rank r = row_rank(f, use, &t->desks[i]);

		if (r == MATCH_NONE)
			continue;
		count[r]++;
		if (ranks)
			ranks[n] = (unsigned char)r;
		rows[n++] = i;
	}
	return n;
}

/* Removes the rows of rank MATCH_INSIDE; needs the ranks. */
static size_t
drop_inside(size_t *rows, unsigned char *ranks, size_t n, size_t *count)
{
	size_t kept = 0;

	if (!ranks)
		return n;
	for (size_t i = 0; i < n; i++)
		if (ranks[i] != MATCH_INSIDE) {
			ranks[kept] = ranks[i];
			rows[kept++] = rows[i];
		}
	count[MATCH_INSIDE] = 0;
	return kept;
}

size_t
filter_run(const struct filter *f, const struct table *t, size_t *rows,
    size_t *direct)
{
	size_t count[MATCH_NONE], n;
	bool use[FILTER_MAX_TERMS], dropped = false;
	unsigned char *ranks;

	terms_in_use(f, t, use);
	ranks = malloc(t->count + 1);
	n = match_rows(f, t, use, rows, ranks, count);
	/* Words an address leaves unexplained never empty the list. */
	for (size_t i = 0; n == 0 && i < f->count; i++)
		if (use[i] && f->terms[i].optional)
			use[i] = false, dropped = true;
	if (dropped)
		n = match_rows(f, t, use, rows, ranks, count);
	/* A place the query names exactly outranks words found inside
	 * others' cells: Tama is 多摩市, not also saiTAMA. */
	if (count[MATCH_INSIDE] < n && (count[MATCH_WHOLE] ||
	    count[MATCH_PLACE] || count[MATCH_PLACE_WARD]))
		n = drop_inside(rows, ranks, n, count);
	if (direct) {
		bool placed = false;

		for (size_t i = 0; i < f->count; i++)
			placed |= f->terms[i].hits.prefectures != 0;
		*direct = n;
		for (size_t i = 0; placed && i < n; i++)
			*direct -= found_through_place(f, &t->desks[rows[i]]);
	}
	/* A stable sort by rank, when there is more than one; without
	 * memory, table order alone. */
	size_t *sorted = NULL;

	for (int r = 0; ranks && r < MATCH_NONE; r++)
		if (count[r] && count[r] < n) {
			sorted = malloc((n + 1) * sizeof *sorted);
			break;
		}

	if (sorted) {
		size_t at[MATCH_NONE], pos = 0;

		for (int r = 0; r < MATCH_NONE; r++) {
			at[r] = pos;
			pos += count[r];
		}
		for (size_t i = 0; i < n; i++)
			sorted[at[ranks[i]]++] = rows[i];
		memcpy(rows, sorted, n * sizeof *rows);
	}
	free(sorted);
	free(ranks);
	return n;
}

bool
filter_place(const struct filter *f, const struct desk *k, bool ascii,
    char *out, size_t cap)
{
	for (size_t i = 0; f->places && i < f->count; i++) {
		const struct filter_term *t = &f->terms[i];
		char name[256];

		if (!term_via_place(f, t, k))
			continue;
		place_display_name(f->places, t->hits.first[k->code],
		    t->hits.upper[k->code], ascii, name, sizeof name);
		if (t->in_address && f->town[0] && !ascii &&
		    f->town_place == t->hits.first[k->code] &&
		    strlen(name) + strlen(f->town) < sizeof name)
			strcat(name, f->town);
		if (t->hits.former && !ascii)
			snprintf(out, cap, "%s → %s", t->text, name);
		else if (!t->postal)
			snprintf(out, cap, "%s", name);
		else if (strlen(t->text) > 3)
			snprintf(out, cap, "%s%.3s-%s %s", ascii ? "ZIP " : "〒",
			    t->text, t->text + 3, name);
		else
			snprintf(out, cap, "%s%s %s", ascii ? "ZIP " : "〒", t->text,
			    name);
		return true;
	}
	return false;
}

bool
filter_place_read(const struct filter *f, const struct desk *k,
    bool english, bool ascii, char *out, size_t cap)
{
	char kanji[256], romaji[256];

	if (ascii || !english)
		return filter_place(f, k, ascii, out, cap);
	if (!filter_place(f, k, false, kanji, sizeof kanji) ||
	    !filter_place(f, k, true, romaji, sizeof romaji))
		return false;
	/* A postal code stands once: 〒100-0001 千代田区 (Chiyoda-ku). */
	snprintf(out, cap, "%s (%s)", kanji, strncmp(romaji, "ZIP ", 4) == 0 &&
	    strchr(romaji + 4, ' ') ? strchr(romaji + 4, ' ') + 1 : romaji);
	return true;
}
