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
	t->near_score = 0;
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
	} else {
		t->kind = TERM_TEXT;
		words_join_romaji(text);
		set_text(c, t, text);
		if ((places = place_source_get(c->source, false)) == NULL)
			return;
		places_find(places, t->text, t->romaji, &t->hits);
		return;
	}
	if (t->kind == TERM_PHONE && !postal_form(text, false)) {
		/* 430: the start of a postal code, after any phone. */
		if (strlen(t->text) > 6 || strlen(t->text) != strlen(text) ||
		    (places = place_source_get(c->source, true)) == NULL)
			return;
		places_by_postal(places, t->text, PLACE_CODE_START, &t->hits);
		return;
	}
	t->postal = true;
	places = place_source_get(c->source, true);
	places_by_postal(places, t->text, PLACE_EXACT, &t->hits);
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
	    !text_is_letters(prev->text))
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
		bool letters = text_is_letters(t->text);

		if (t->negate || t->kind != TERM_TEXT || t->in_address)
			continue;
		t->unfinished = i + 1 == f->count && (letters ?
		    strlen(t->text) < 3 : text_chars(t->text) < 2);
		if (!t->hits.prefectures || t->unfinished)
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
		t->in_address = t->optional = t->unfinished = false;
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
