/* filter_run: which desks a compiled query lists, in what order, and why
 * (filter.h). Apart from filter.c, which reads the query once a keystroke:
 * this ranks the table with it. */
#include "filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

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
