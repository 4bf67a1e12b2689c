/* filter_run: which desks a compiled query lists, in what order, and why
 * (filter.h). Apart from filter.c, which reads the query once a keystroke:
 * this ranks the table with it. */
#include "filter.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "typo.h"

/* How well a term matches a desk, best first, as a person ranks: the
 * desk's own name whole, a place the term names, a designated city's ward
 * of that name, the start of the desk's name, the start of a place's,
 * then the start of its region or bureau, then a word inside the desk's
 * cells, then the start of a postal code without its 〒; MATCH_NONE when
 * it does not. */
enum match_rank {
	MATCH_WHOLE, MATCH_PLACE, MATCH_PLACE_WARD, MATCH_START,
	MATCH_PLACE_START, MATCH_REGION, MATCH_INSIDE, MATCH_CODE_START,
	MATCH_NONE,
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
own_rank(const struct filter_term *t, const struct desk *desk)
{
	enum match_rank r;

	switch (t->kind) {
	case TERM_CODE:
		return desk->code == t->code ? MATCH_WHOLE : MATCH_NONE;
	case TERM_PHONE:
		return text_rank(desk_folded(desk, FIELD_PHONE), t->text);
	case TERM_POSTAL:
		return MATCH_NONE;
	case TERM_TEXT:
		break;
	}
	r = best(best(text_rank(desk_folded(desk, FIELD_NAME), t->text),
	    text_rank(desk_folded(desk, FIELD_PREFECTURE), t->text)),
	    best(text_rank(desk_folded(desk, FIELD_KANA), t->text),
	    text_rank(desk_folded(desk, FIELD_ROMAJI), t->romaji)));
	if (text_starts(desk_kana_romaji(desk), t->romaji))
		r = best(r, desk_kana_romaji(desk)[strlen(t->romaji)] ?
		    MATCH_START : MATCH_WHOLE);
	if (r == MATCH_NONE &&
	    (text_starts(desk_folded(desk, FIELD_REGION), t->text) ||
	    text_starts(desk_folded(desk, FIELD_REGION_ROMAJI), t->romaji) ||
	    (strstr(t->text, FILTER_BUREAU_MARK) &&
	    strstr(desk_folded(desk, FIELD_BUREAU), t->text))))
		r = MATCH_REGION;
	return r;
}

/* How places reached the desk's prefecture. */
static enum match_rank
hits_rank(const struct place_hits *h, const struct desk *desk)
{
	static const enum match_rank by_place[PLACE_RANKS] = {
		[PLACE_EXACT] = MATCH_PLACE, [PLACE_WARD] = MATCH_PLACE_WARD,
		[PLACE_BY_START] = MATCH_PLACE_START,
		[PLACE_CODE_START] = MATCH_CODE_START,
	};

	if (desk->code > 47 || !(h->prefectures >> desk->code & 1))
		return MATCH_NONE;
	return by_place[h->rank[desk->code]];
}

static enum match_rank
place_rank(const struct filter_term *t, const struct desk *desk)
{
	return hits_rank(&t->hits, desk);
}

/* A part of the address the query was read as reaches its places alone:
 * 福島 in "伊達市 福島" is not also the desk of 福島. */
static enum match_rank
term_rank(const struct filter_term *t, const struct desk *desk)
{
	return t->in_address ? place_rank(t, desk) :
	    best(own_rank(t, desk), place_rank(t, desk));
}

/* One pass over the table: the terms it asks, and, in a pass for words
 * that found nothing, what each such word is read as instead. */
struct pass {
	bool use[FILTER_MAX_TERMS];
	/* 0: the term as typed; else the near score (places.h) it is read
	 * at: its near places of that score, and the desks whose own words
	 * are that close (own[term][code]). */
	unsigned tier[FILTER_MAX_TERMS];
	unsigned char own[FILTER_MAX_TERMS][48];
};

/* Which terms count: in an address, the numbers, the words that reach no
 * desk at all, and a last word only begun, are not asked of any. */
static void
terms_in_use(const struct filter *f, const struct table *t, struct pass *pass)
{
	memset(pass->tier, 0, sizeof pass->tier);
	for (size_t i = 0; i < f->count; i++) {
		const struct filter_term *term = &f->terms[i];
		bool *use = &pass->use[i];

		*use = true;
		/* 2-8-1 says nothing of where, in an address or on its way
		 * to one (typed first in English order). */
		if (term->house && !term->negate && !term->hits.prefectures) {
			*use = false;
			continue;
		}
		if (!f->address || term->negate || term->hits.anchor)
			continue;
		if (term->number || term->unfinished) {
			*use = false;
			continue;
		}
		*use = false;
		for (size_t r = 0; r < t->count && !*use; r++)
			*use = term_rank(term, &t->desks[r]) != MATCH_NONE;
	}
}

/* How a term read at its near score matches the desk. */
static enum match_rank
near_rank(const struct filter_term *t, const struct pass *pass, size_t i,
    const struct desk *desk)
{
	unsigned tier = pass->tier[i];
	enum match_rank r = t->near_score == tier ? hits_rank(&t->near, desk) :
	    MATCH_NONE;

	if (desk->code <= 47 && pass->own[i][desk->code] == tier)
		r = best(r, TYPO_ONLY_START(tier) ? MATCH_START : MATCH_WHOLE);
	return r;
}

/* The row's rank: its worst term's. */
static enum match_rank
row_rank(const struct filter *f, const struct pass *pass,
    const struct desk *desk)
{
	enum match_rank rank = MATCH_WHOLE;

	for (size_t i = 0; i < f->count; i++) {
		const struct filter_term *t = &f->terms[i];
		enum match_rank r;

		if (!pass->use[i])
			continue;
		r = pass->tier[i] ? near_rank(t, pass, i, desk) : term_rank(t, desk);
		if (t->negate) {
			if (r != MATCH_NONE)
				return MATCH_NONE;
		} else if (r > rank) {
			rank = r;
		}
	}
	return rank;
}

/* Whether term i lists desk through a place, not its own cells (the
 * prefecture itself is the desk's own: とうきょう is 東京都's desk); the
 * place is *hits' first there. A desk listed near is so through the near
 * places of the term's tier. */
static bool
term_via_place(const struct filter *f, size_t i, const struct desk *desk,
    const struct place_hits **hits)
{
	const struct filter_term *t = &f->terms[i];
	enum match_rank place, own;

	if (t->negate || desk->code > 47)
		return false;
	if (f->near_listed >> desk->code & 1) {
		*hits = &t->near;
		return f->near_tier[i] && f->near_tier[i] == t->near_score &&
		    hits_rank(&t->near, desk) != MATCH_NONE;
	}
	*hits = &t->hits;
	place = place_rank(t, desk);
	own = own_rank(t, desk);
	if (place == MATCH_NONE)
		return false;
	if (own != MATCH_NONE &&
	    f->places->list[t->hits.first[desk->code]].code % 1000 == 0)
		return false;
	return t->in_address || place < own;
}

static bool
found_through_place(const struct filter *f, const struct desk *desk)
{
	const struct place_hits *hits;

	for (size_t i = 0; f->places && i < f->count; i++)
		if (term_via_place(f, i, desk, &hits))
			return true;
	return false;
}

/* The rows that match in the pass (but not in `before`, when given),
 * their ranks and how many of each rank there are. */
static size_t
match_rows(const struct filter *f, const struct table *t,
    const struct pass *pass, const struct pass *before, size_t *rows,
    unsigned char *ranks, size_t *count)
{
	size_t n = 0;

	memset(count, 0, MATCH_NONE * sizeof *count);
	for (size_t i = 0; i < t->count; i++) {
		enum match_rank r = row_rank(f, pass, &t->desks[i]);

		if (r == MATCH_NONE ||
		    (before && row_rank(f, before, &t->desks[i]) != MATCH_NONE))
			continue;
		count[r]++;
		if (ranks)
			ranks[n] = (unsigned char)r;
		rows[n++] = i;
	}
	return n;
}

/* match_rows; when nothing matches, again without the words an address
 * leaves unexplained (they never empty the list), as long as a word that
 * is asked remains, or a house number says an address is being typed
 * (2-8-1 いちきしり, a town before its municipality): two unknown words
 * alone are a miss, not every desk. */
static size_t
match_or_drop(const struct filter *f, const struct table *t,
    struct pass *pass, const struct pass *before, size_t *rows,
    unsigned char *ranks, size_t *count)
{
	size_t n = match_rows(f, t, pass, before, rows, ranks, count);
	bool dropped = false, asked = false;

	for (size_t i = 0; i < f->count; i++)
		asked |= !f->terms[i].negate && (f->terms[i].house ||
		    (pass->use[i] && !f->terms[i].optional));
	for (size_t i = 0; n == 0 && asked && i < f->count; i++)
		if (pass->use[i] && f->terms[i].optional) {
			pass->use[i] = false;
			dropped = true;
		}
	return dropped ? match_rows(f, t, pass, before, rows, ranks, count) : n;
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

/* A stable sort of rows[0..n) by rank; without memory (or ranks), they
 * stay in table order. */
static void
sort_by_rank(size_t *rows, const unsigned char *ranks, size_t n,
    const size_t *count)
{
	size_t *sorted = NULL, at[MATCH_NONE], pos = 0;

	for (int r = 0; ranks && r < MATCH_NONE; r++)
		if (count[r] && count[r] < n) {
			sorted = malloc((n + 1) * sizeof *sorted);
			break;
		}
	if (!sorted)
		return;
	for (int r = 0; r < MATCH_NONE; r++) {
		at[r] = pos;
		pos += count[r];
	}
	for (size_t i = 0; i < n; i++)
		sorted[at[ranks[i]]++] = rows[i];
	memcpy(rows, sorted, n * sizeof *rows);
	free(sorted);
}

/* The near score of the scan's query on desk's own words (its
 * prefecture's romaji or kana, its region's romaji); UINT_MAX when none is
 * within its bound. */
static unsigned
own_near_score(struct typo_scan *scan, bool letters, const struct desk *desk)
{
	const char *cells[3] = {desk_folded(desk, FIELD_KANA), NULL, NULL};
	unsigned score = UINT_MAX;

	if (letters) {
		cells[0] = desk_folded(desk, FIELD_ROMAJI);
		cells[1] = desk_kana_romaji(desk);
		cells[2] = desk_folded(desk, FIELD_REGION_ROMAJI);
	}
	for (size_t c = 0; c < 3 && cells[c]; c++) {
		unsigned s = typo_scan_score(scan, cells[c], strlen(cells[c]));

		score = s < score ? s : score;
	}
	return score;
}

/* Whether a term found nothing of its own: no place, and no desk but
 * inside a cell (tokio, hamamtsu, kanagwa). */
static bool
lost(const struct filter_term *t, const struct table *tb)
{
	if (t->negate || t->kind != TERM_TEXT || t->hits.prefectures)
		return false;
	for (size_t r = 0; r < tb->count; r++)
		if (own_rank(t, &tb->desks[r]) < MATCH_INSIDE)
			return false;
	return true;
}

/* The near scores of term t on the own words of each prefecture's desk,
 * into own[code] (0: none); returns the best (UINT_MAX: none). */
static unsigned
own_near(const struct filter_term *t, const struct table *tb,
    unsigned char own[48])
{
	struct typo_query q;
	struct typo_scan scan;
	unsigned best = UINT_MAX;

	memset(own, 0, 48);
	if (!typo_query_set(&q, t->text, t->romaji))
		return best;
	typo_scan_begin(&scan, &q);
	for (size_t r = 0; r < tb->count; r++) {
		const struct desk *desk = &tb->desks[r];
		unsigned s;

		if (desk->code > 47 || (s = own_near_score(&scan,
		    text_is_letters(t->text), desk)) == UINT_MAX)
			continue;
		own[desk->code] = (unsigned char)s;
		best = s < best ? s : best;
	}
	return best;
}

/* Reads each lost term at the best near score of its places (looked up
 * now: only a query that lists nothing else pays for it) and of the
 * desks' own words; false when no term has anything near. */
static bool
read_near(struct filter *f, const struct table *tb, struct pass *pass)
{
	bool any = false;

	for (size_t i = 0; i < f->count; i++) {
		struct filter_term *t = &f->terms[i];
		unsigned tier;

		memset(pass->own[i], 0, sizeof pass->own[i]);
		if (!pass->use[i] || !lost(t, tb))
			continue;
		if (f->places)
			t->near_score = places_near(f->places, t->text,
			    t->romaji, &t->near);
		tier = own_near(t, tb, pass->own[i]);
		if (t->near_score && t->near_score < tier)
			tier = t->near_score;
		if (tier == UINT_MAX)
			continue;
		pass->tier[i] = tier;
		any = true;
	}
	return any;
}

/* How many of rows[0..n) matched on their own cells, not through a place
 * (near places, for rows read near) nor as a slip's guess. */
static size_t
count_direct(const struct filter *f, const struct table *t,
    const size_t *rows, size_t n)
{
	size_t direct = n;
	bool placed = false;

	for (size_t i = 0; i < f->count; i++)
		placed |= f->terms[i].hits.prefectures != 0 ||
		    f->near_tier[i] != 0;
	for (size_t i = 0; placed && i < n; i++)
		direct -= found_through_place(f, &t->desks[rows[i]]) ||
		    filter_suggested(f, &t->desks[rows[i]]);
	return direct;
}

size_t
filter_run(struct filter *f, const struct table *t, size_t *rows,
    size_t *direct)
{
	size_t count[MATCH_NONE], n, more = 0;
	struct pass exact, near;
	unsigned char *ranks;

	f->near_listed = 0;
	f->near_slips = false;
	memset(f->near_tier, 0, sizeof f->near_tier);
	terms_in_use(f, t, &exact);
	near = exact;
	ranks = malloc(t->count + 1);
	n = match_or_drop(f, t, &exact, NULL, rows, ranks, count);
	/* A place the query names exactly outranks words found inside
	 * others' cells: Tama is 多摩市, not also saiTAMA. */
	if (count[MATCH_INSIDE] < n && (count[MATCH_WHOLE] ||
	    count[MATCH_PLACE] || count[MATCH_PLACE_WARD]))
		n = drop_inside(rows, ranks, n, count);
	sort_by_rank(rows, ranks, n, count);
	/* Nothing, or only words inside cells: what the words that found
	 * nothing are near, after. */
	if (count[MATCH_INSIDE] == n && read_near(f, t, &near)) {
		more = match_or_drop(f, t, &near, &exact, rows + n,
		    ranks ? ranks + n : NULL, count);
		sort_by_rank(rows + n, ranks ? ranks + n : NULL, more, count);
		for (size_t i = 0; more && i < f->count; i++) {
			f->near_tier[i] = near.use[i] ? near.tier[i] : 0;
			f->near_slips |= TYPO_SLIPS(f->near_tier[i]) > 0;
		}
		for (size_t i = n; i < n + more; i++)
			f->near_listed |= 1ULL << t->desks[rows[i]].code;
	}
	if (direct)
		*direct = count_direct(f, t, rows, n + more);
	free(ranks);
	return n + more;
}

bool
filter_suggested(const struct filter *f, const struct desk *desk)
{
	return f->near_slips && desk->code <= 47 && f->near_listed >> desk->code & 1;
}

bool
filter_place(const struct filter *f, const struct desk *desk, bool ascii,
    char *out, size_t cap)
{
	for (size_t i = 0; f->places && i < f->count; i++) {
		const struct filter_term *t = &f->terms[i];
		const struct place_hits *hits;
		char name[256];

		if (!term_via_place(f, i, desk, &hits))
			continue;
		place_display_name(f->places, hits->first[desk->code],
		    hits->upper[desk->code], ascii, name, sizeof name);
		if (hits == &t->near) {
			snprintf(out, cap, "%s", name);
			return true;
		}
		if (t->in_address && f->town[0] && !ascii &&
		    f->town_place == t->hits.first[desk->code] &&
		    strlen(name) + strlen(f->town) < sizeof name)
			strcat(name, f->town);
		if (t->hits.former && !ascii)
			snprintf(out, cap, "%s → %s", t->text, name);
		else if (!t->postal && t->kind != TERM_PHONE)
			snprintf(out, cap, "%s", name);
		else if (strlen(t->text) > 3)
			snprintf(out, cap, "%s%.3s-%s %s", ascii ? "ZIP " : "〒",
			    t->text, t->text + 3, name);
		else
			snprintf(out, cap, "%s%s %s", ascii ? "ZIP " : "〒", t->text,
			    name);
		return true;
	}
	/* A desk a slip meant by its own words: its own name. */
	if (!filter_suggested(f, desk))
		return false;
	snprintf(out, cap, "%s", desk_cell(desk, ascii ? FIELD_ROMAJI :
	    FIELD_PREFECTURE));
	return true;
}

bool
filter_place_read(const struct filter *f, const struct desk *desk,
    bool english, bool ascii, char *out, size_t cap)
{
	char kanji[256], romaji[256];

	if (ascii || !english)
		return filter_place(f, desk, ascii, out, cap);
	if (!filter_place(f, desk, false, kanji, sizeof kanji) ||
	    !filter_place(f, desk, true, romaji, sizeof romaji))
		return false;
	/* A postal code stands once: 〒100-0001 千代田区 (Chiyoda-ku). */
	snprintf(out, cap, "%s (%s)", kanji, strncmp(romaji, "ZIP ", 4) == 0 &&
	    strchr(romaji + 4, ' ') ? strchr(romaji + 4, ' ') + 1 : romaji);
	return true;
}
