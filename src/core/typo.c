/* typo: see typo.h. The distance is Damerau's restricted form (optimal
 * string alignment): a swap of two neighbours is one slip. Rows of the
 * table are the name's characters, so that a name is read once, left to
 * right, and given up as soon as no cell of a row is within the bound:
 * every later cell is more still (a swap's cell too, being one more than
 * a cell diagonal to one of that row). */
#include "typo.h"

#include <limits.h>
#include <string.h>

#include "text.h"

static bool
word_set(struct typo_word *w, const char *s)
{
	size_t len = 0, bytes = strlen(s);

	for (size_t i = 0; i < bytes; len++) {
		if (len == TYPO_MAX_CHARS)
			return false;
		i += text_decode(s + i, bytes - i, &w->cp[len]);
		if (w->cp[len] == TEXT_INVALID)
			return false;
	}
	w->len = len;
	return true;
}

bool
typo_is_letters(const char *s)
{
	return *s && s[strspn(s, "abcdefghijklmnopqrstuvwxyz")] == '\0';
}

static bool
is_kana(const char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		uint32_t cp;

		i += text_decode(s + i, len - i, &cp);
		if (!((cp >= 0x3041 && cp <= 0x3096) || cp == 0x30FC))
			return false;
	}
	return len > 0;
}

bool
typo_query_set(struct typo_query *q, const char *text, const char *romaji)
{
	char typed[4 * TYPO_MAX_CHARS + 1];
	bool letters = typo_is_letters(text);
	size_t len;

	if ((!letters && !is_kana(text)) || strlen(text) >= sizeof typed)
		return false;
	memcpy(typed, text, strlen(text) + 1);
	if (letters)
		typed[text_fold_consonants(typed, strlen(typed), NULL)] = '\0';
	if (!word_set(&q->form[0], typed))
		return false;
	len = q->form[0].len;
	q->bound = len < 4 ? 0 : len < 8 ? 1 : 2;
	q->forms = 1;
	if (letters && strcmp(typed, romaji) != 0 &&
	    word_set(&q->form[1], romaji))
		q->forms = 2;
	return q->bound > 0;
}

void
typo_scan_begin(struct typo_scan *s, const struct typo_query *q)
{
	s->q = q;
	s->last = NULL;
	s->last_len = s->decoded = 0;
	s->end[0] = 0;
	for (size_t f = 0; f < 2; f++) {
		struct typo_rows *r = &s->form[f];
		size_t m = q->form[f].len;

		r->rows = 0;
		for (size_t k = 0; f < q->forms && k <= m; k++)
			r->d[0][k] = (unsigned char)k;
		r->start[0] = (unsigned char)m;
		r->lowest[0] = 0;
	}
}

/* Decodes name's characters after those it shares with the last name
 * (whose rows stay good); returns how many are shared. */
static size_t
decode_name(struct typo_scan *s, const char *name, size_t len)
{
	size_t bytes = 0, same = 0;

	if (s->last) {
		size_t most = len < s->last_len ? len : s->last_len;

		while (bytes < most && name[bytes] == s->last[bytes])
			bytes++;
		while (same < s->decoded && s->end[same + 1] <= bytes)
			same++;
	}
	s->last = name;
	s->last_len = len;
	s->decoded = same;
	return same;
}

/* Character j (from 1) of the name, decoding it when it is new. */
static bool
char_at(struct typo_scan *s, size_t j)
{
	size_t at;

	if (j <= s->decoded)
		return true;
	at = s->end[j - 1];
	if (j > TYPO_NAME_MAX || at >= s->last_len)
		return false;
	s->end[j] = at + text_decode(s->last + at, s->last_len - at, &s->cp[j]);
	s->decoded = j;
	return true;
}

static unsigned char
min_uc(unsigned a, unsigned b)
{
	return (unsigned char)(a < b ? a : b);
}

/* Row j of form f's table, from rows j - 1 and j - 2. */
static void
fill_row(struct typo_scan *s, struct typo_rows *r, const struct typo_word *w,
    size_t j)
{
	unsigned char *row = r->d[j], *last = r->d[j - 1];
	uint32_t cp = s->cp[j];
	unsigned lowest = row[0] = (unsigned char)j;

	for (size_t k = 1; k <= w->len; k++) {
		unsigned d = min_uc(min_uc(last[k], row[k - 1]) + 1U,
		    last[k - 1] + (unsigned)(w->cp[k - 1] != cp));

		if (k > 1 && j > 1 && w->cp[k - 1] == s->cp[j - 1] &&
		    w->cp[k - 2] == cp)
			d = min_uc(d, r->d[j - 2][k - 2] + 1U);
		row[k] = (unsigned char)d;
		lowest = min_uc(lowest, d);
	}
	r->lowest[j] = (unsigned char)lowest;
	r->start[j] = min_uc(r->start[j - 1], row[w->len]);
}

/* Takes name as the one scanned: rows past what it shares with the last
 * name are out of date. */
static void
scan_name(struct typo_scan *s, const char *name, size_t len)
{
	size_t same = decode_name(s, name, len);

	for (size_t f = 0; f < s->q->forms; f++)
		if (s->form[f].rows > same)
			s->form[f].rows = same;
}

static void
distance(struct typo_scan *s, size_t f, unsigned *whole, unsigned *start)
{
	struct typo_rows *r = &s->form[f];
	const struct typo_word *w = &s->q->form[f];
	unsigned bound = s->q->bound;
	size_t j = r->rows;

	while (r->lowest[j] <= bound && char_at(s, j + 1)) {
		fill_row(s, r, w, ++j);
		r->rows = j;
	}
	/* Stopped at the name's end, or where every later cell is more. */
	*whole = s->end[j] == s->last_len ?
	    min_uc(r->d[j][w->len], bound + 1) : bound + 1;
	*start = min_uc(r->start[j], bound + 1);
}

void
typo_scan_distance(struct typo_scan *s, size_t f, const char *name,
    size_t len, unsigned *whole, unsigned *start)
{
	scan_name(s, name, len);
	distance(s, f, whole, start);
}

unsigned
typo_scan_score(struct typo_scan *s, const char *name, size_t len)
{
	unsigned score = UINT_MAX, whole, start;

	scan_name(s, name, len);
	for (size_t f = 0; f < s->q->forms; f++) {
		distance(s, f, &whole, &start);
		if (whole <= s->q->bound && 2 * whole < score)
			score = 2 * whole;
		else if (start <= s->q->bound && 2 * start + 1 < score)
			score = 2 * start + 1;
	}
	return score;
}
