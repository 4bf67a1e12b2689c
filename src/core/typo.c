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
#include "tsv.h"

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

static bool
add_form(struct typo_query *q, const char *s, bool hepburn)
{
	if (!word_set(&q->form[q->forms], s))
		return false;
	q->hepburn[q->forms++] = hepburn;
	return true;
}

bool
typo_query_set(struct typo_query *q, const char *text, const char *romaji)
{
	char folded[4 * TYPO_MAX_CHARS + 1];
	bool letters = text_is_letters(text);
	size_t len;

	q->forms = 0;
	if ((!letters && !tsv_is_kana(text)) || strlen(text) >= sizeof folded)
		return false;
	memcpy(folded, text, strlen(text) + 1);
	if (letters)
		folded[text_fold_consonants(folded, strlen(folded), NULL)] = '\0';
	if (!add_form(q, folded, false))
		return false;
	len = q->form[0].len;
	q->bound = len < 4 ? 0 : len < 8 ? 1 : 2;
	if (letters && strcmp(folded, romaji) != 0)
		add_form(q, romaji, false);
	if (letters)
		add_form(q, text, true);
	return q->bound > 0;
}

static void
table_begin(struct typo_table *t, const struct typo_query *q)
{
	t->last = NULL;
	t->last_len = t->decoded = 0;
	t->end[0] = 0;
	for (size_t f = 0; f < q->forms; f++) {
		struct typo_rows *r = &t->form[f];
		size_t m = q->form[f].len;

		r->rows = 0;
		for (size_t k = 0; k <= m; k++)
			r->d[0][k] = (unsigned char)k;
		r->start[0] = (unsigned char)m;
		r->lowest[0] = 0;
	}
}

void
typo_scan_begin(struct typo_scan *s, const struct typo_query *q)
{
	s->q = q;
	s->limit = q->bound;
	s->flip = 0;
	table_begin(&s->as_folded, q);
	table_begin(&s->as_hepburn, q);
}

/* Takes name as the one scanned: its characters after those it shares
 * with the last name are decoded, and rows past those are out of date. */
static void
table_name(struct typo_table *t, size_t forms, const char *name, size_t len)
{
	size_t bytes = 0, same = 0;

	if (t->last) {
		/* Past the characters decoded, nothing is kept to share. */
		size_t most = len < t->last_len ? len : t->last_len;

		if (most > t->end[t->decoded])
			most = t->end[t->decoded];

		while (bytes < most && name[bytes] == t->last[bytes])
			bytes++;
		while (same < t->decoded && t->end[same + 1] <= bytes)
			same++;
	}
	t->last = name;
	t->last_len = len;
	t->decoded = same;
	for (size_t f = 0; f < forms; f++)
		if (t->form[f].rows > same)
			t->form[f].rows = same;
}

/* Character j (from 1) of the name, decoding it when it is new. */
static bool
char_at(struct typo_table *t, size_t j)
{
	size_t at;

	if (j <= t->decoded)
		return true;
	at = t->end[j - 1];
	if (j > TYPO_NAME_MAX || at >= t->last_len)
		return false;
	t->end[j] = at + text_decode(t->last + at, t->last_len - at, &t->cp[j]);
	t->decoded = j;
	return true;
}

static unsigned char
min_uc(unsigned a, unsigned b)
{
	return (unsigned char)(a < b ? a : b);
}

/* Row j of a form's table, from rows j - 1 and j - 2. */
static void
fill_row(const struct typo_table *t, struct typo_rows *r,
    const struct typo_word *w, size_t j)
{
	unsigned char *row = r->d[j], *last = r->d[j - 1];
	uint32_t cp = t->cp[j];
	unsigned lowest = row[0] = (unsigned char)j;

	for (size_t k = 1; k <= w->len; k++) {
		unsigned d = min_uc(min_uc(last[k], row[k - 1]) + 1U,
		    last[k - 1] + (unsigned)(w->cp[k - 1] != cp));

		if (k > 1 && j > 1 && w->cp[k - 1] == t->cp[j - 1] &&
		    w->cp[k - 2] == cp)
			d = min_uc(d, r->d[j - 2][k - 2] + 1U);
		row[k] = (unsigned char)d;
		lowest = min_uc(lowest, d);
	}
	r->lowest[j] = (unsigned char)lowest;
	r->start[j] = min_uc(r->start[j - 1], row[w->len]);
}

/* The distances of form f to the table's name, each limit + 1 (or more)
 * when more than limit. Rows are exact where computed; a limit that only
 * narrows leaves them good for the names after. */
static void
distance(const struct typo_query *q, struct typo_table *t, size_t f,
    unsigned limit, unsigned *whole, unsigned *start)
{
	struct typo_rows *r = &t->form[f];
	const struct typo_word *w = &q->form[f];
	size_t j = r->rows;

	while (r->lowest[j] <= limit && char_at(t, j + 1)) {
		fill_row(t, r, w, ++j);
		r->rows = j;
	}
	/* Stopped at the name's end, or where every later cell is more. */
	*whole = t->end[j] == t->last_len ? r->d[j][w->len] : limit + 1;
	*start = r->start[j];
}

/* The table for form f, with the name in its spelling. */
static struct typo_table *
table_for(struct typo_scan *s, size_t f)
{
	return s->q->hepburn[f] ? &s->as_hepburn : &s->as_folded;
}

/* Takes name (as folded) as the one scanned, in both spellings: its
 * Hepburn in the buffer the name before last had. */
static void
scan_name(struct typo_scan *s, const char *name, size_t len)
{
	bool hepburn = false;
	size_t reach = 0;

	for (size_t f = 0; f < s->q->forms; f++) {
		hepburn |= s->q->hepburn[f];
		if (s->q->form[f].len > reach)
			reach = s->q->form[f].len;
	}
	reach += s->q->bound + 1;
	table_name(&s->as_folded, s->q->forms, name, len);
	if (!hepburn)
		return;
	s->flip ^= 1;
	/* Rows end before a name's character `reach` (every cell there is
	 * past the bound): what comes after is converted as one more
	 * character, which says that the name goes on. */
	if (len > reach) {
		len = reach;
		len = text_romaji_hepburn(name, len, s->hepburn[s->flip]);
		s->hepburn[s->flip][len++] = '-';
	} else {
		len = text_romaji_hepburn(name, len, s->hepburn[s->flip]);
	}
	table_name(&s->as_hepburn, s->q->forms, s->hepburn[s->flip], len);
}

void
typo_scan_narrow(struct typo_scan *s, unsigned slips)
{
	if (slips < s->limit)
		s->limit = slips;
}

size_t
typo_scan_dead_bytes(const struct typo_scan *s)
{
	size_t need = 0;

	for (size_t f = 0; f < s->q->forms; f++) {
		const struct typo_table *t = s->q->hepburn[f] ? &s->as_hepburn :
		    &s->as_folded;
		const struct typo_rows *r = &t->form[f];
		size_t j = r->rows, bytes = t->end[j];

		if (r->lowest[j] <= s->limit || r->start[j] <= s->limit)
			return 0;
		/* Hepburn is never shorter than the folded spelling, and a
		 * folded letter's Hepburn depends on the next one. */
		if (s->q->hepburn[f])
			bytes++;
		if (bytes > need)
			need = bytes;
	}
	return need;
}

void
typo_scan_distance(struct typo_scan *s, size_t f, const char *name,
    size_t len, unsigned *whole, unsigned *start)
{
	unsigned bound = s->q->bound;

	scan_name(s, name, len);
	distance(s->q, table_for(s, f), f, bound, whole, start);
	*whole = min_uc(*whole, bound + 1);
	*start = min_uc(*start, bound + 1);
}

unsigned
typo_scan_score(struct typo_scan *s, const char *name, size_t len)
{
	unsigned score = UINT_MAX, whole, start;

	scan_name(s, name, len);
	for (size_t f = 0; f < s->q->forms; f++) {
		distance(s->q, table_for(s, f), f, s->limit, &whole, &start);
		if (whole <= s->limit && 4 * whole < score)
			score = 4 * whole;
		if (start <= s->limit && 4 * start + 2 < score)
			score = 4 * start + 2;
	}
	return score;
}
