/* places: see places.h. */
#include "places.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* The shortest term that searches places: shorter ones would find some
 * town in nearly every prefecture and stop the list from narrowing. */
#define MIN_KANJI_KANA 2
#define MIN_LETTERS 3

static const char *const place_columns[] = {"code", "name", "kana"};
static const char *const postal_columns[] = {"prefix", "cities", "endings"};
static const struct meta_key place_meta_keys[] = {
	{"source", 1, false}, {"date", 1, false}, {"count", 1, false},
};

struct loader {
	struct places *p;
	unsigned long counted;  /* postal codes, for @count */
	const char *promised;   /* the postal table's @count, if any */
	char promise[24];
};

static void
place_row(void *ctx, const struct tsv_cursor *c, char **cells)
{
	struct loader *l = ctx;
	struct place *pl = &l->p->places[l->p->count++];
	unsigned long code = strtoul(cells[0], NULL, 10);

	if (strlen(cells[0]) != 5 || !tsv_all_of(cells[0], TSV_DIGIT) ||
	    code / 1000 < 1 || code / 1000 > 47)
		tsv_report_cell(c, cells[0], "column '%s' is not a municipality "
		    "code (5 digits, prefecture 01 to 47): '%s'", "code",
		    cells[0]);
	if (!*cells[1])
		tsv_report_cell(c, cells[1], "column '%s' is empty%s", "name", "");
	if (!tsv_is_kana(cells[2]))
		tsv_report_cell(c, cells[2], "column '%s' must be hiragana: '%s'",
		    "kana", cells[2]);
	pl->code = (unsigned)code;
	pl->name = cells[1];
	pl->kana = cells[2];
}

/* The place with this code (places are sorted by code), or -1. */
static long
find_place(const struct places *p, unsigned code)
{
	size_t lo = 0, hi = p->count;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (p->places[mid].code == code)
			return (long)mid;
		if (p->places[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* "00 10-40 45": two-digit endings and ranges of them, ascending. */
static bool
parse_endings(const char *s, uint64_t endings[2], unsigned long *count)
{
	int last = -1;

	while (*s) {
		char *end;
		long first = strtol(s, &end, 10), to = first;

		if (end != s + 2 || first <= last)
			return false;
		if (*end == '-') {
			to = strtol(end + 1, &end, 10);
			if (end != s + 5 || to <= first)
				return false;
		}
		for (long n = first; n <= to; n++)
			endings[n / 64] |= 1ULL << (n % 64);
		*count += (unsigned long)(to - first + 1);
		last = (int)to;
		s = end;
		if (*s == ' ' && s[1])
			s++;
		else if (*s)
			return false;
	}
	return last >= 0;
}

static void
postal_row(void *ctx, const struct tsv_cursor *c, char **cells)
{
	struct loader *l = ctx;
	struct postal_range *r = &l->p->postal[l->p->npostal++];
	char *city = cells[1];

	memset(r, 0, sizeof *r);
	if (strlen(cells[0]) != 5 || !tsv_all_of(cells[0], TSV_DIGIT))
		tsv_report_cell(c, cells[0], "column '%s' is not 5 digits: '%s'",
		    "prefix", cells[0]);
	r->prefix = (unsigned)strtoul(cells[0], NULL, 10);
	for (size_t i = 0; *city; i++) {
		size_t n = tsv_span(city, TSV_DIGIT);
		long at = n == 5 ? find_place(l->p, (unsigned)strtoul(city,
		    NULL, 10)) : -1;

		if (at < 0 || i == POSTAL_MAX_CITIES) {
			tsv_report_cell(c, city, "column '%s' names no municipality "
			    "of places.tsv, or more than 8: '%s'", "cities", city);
			return;
		}
		if (i == 0)
			r->first = (unsigned short)l->p->npostal_places;
		l->p->postal_places[l->p->npostal_places++] = (unsigned short)at;
		r->nplaces++;
		city += n + (city[n] == ',');
	}
	if (!parse_endings(cells[2], r->endings, &l->counted))
		tsv_report_cell(c, cells[2], "column '%s' is not ascending "
		    "two-digit endings and ranges (00 10-40): '%s'", "endings",
		    cells[2]);
}

/* The postal table is read a line at a time: its @count is kept here. */
static void
postal_meta(void *ctx, const struct meta *m)
{
	struct loader *l = ctx;

	if (strcmp(m->key, "count") == 0) {
		snprintf(l->promise, sizeof l->promise, "%s", m->value);
		l->promised = l->promise;
	}
}

static const struct tsv_schema place_schema = {
	place_columns, 3, place_meta_keys, 3, place_row, NULL,
};

static const struct tsv_schema postal_schema = {
	postal_columns, 3, place_meta_keys, 3, postal_row, postal_meta,
};

/* The row count a table's @count promises (NULL: none), checked against
 * what loaded. */
static void
check_count(struct diags *d, const char *promised, unsigned long found,
    const char *what)
{
	if (promised && strtoul(promised, NULL, 10) != found)
		tsv_report(d, 1, 1, "@count says %s %s, the table has %lu",
		    promised, what, found);
}

/* Folds s to out, unless folding leaves it as it is (as for most kanji
 * and all hiragana): then *folded is s itself and out is not used. */
static char *
fold_shared(const char *s, const char **folded, char *out)
{
	size_t n = text_fold(s, strlen(s), out, NULL);

	if (strcmp(out, s) == 0) {
		*folded = s;
		return out;
	}
	*folded = out;
	return out + n + 1;
}

/* Folds a place's name, kana and romaji and finds their second words. */
static char *
fold_place(struct place *pl, char *out)
{
	size_t n;

	out = fold_shared(pl->name, &pl->folded_name, out);
	out = fold_shared(pl->kana, &pl->folded_kana, out);
	pl->romaji = out;
	n = text_kana_romaji(pl->folded_kana, strlen(pl->folded_kana), out);
	return out + text_fold_romaji(out, n, NULL) + 1;
}

const char *
place_name_word(const struct place *pl)
{
	const char *w = strstr(pl->folded_name, "郡");

	if (w)
		return w + strlen("郡");
	w = strstr(pl->folded_name + 1, "市");
	return w && strstr(w, "区") ? w + strlen("市") : NULL;
}

void
place_display_name(const struct place *pl, const char *term, char *out,
    size_t cap)
{
	const char *city = strstr(pl->name, "市"), *word = place_name_word(pl);
	size_t len = strlen(pl->name), tlen = term ? strlen(term) : 0;
	size_t city_len = city ? (size_t)(city - pl->name) + strlen("市") : 0;
	bool ward = term && city && word && strncmp(word, term, tlen) != 0;
	bool by_name = term && strncmp(pl->folded_name, term, tlen) == 0;

	if (ward && (!by_name || tlen <= city_len))
		len = city_len;
	snprintf(out, cap, "%.*s", (int)len, pl->name);
}

/* The same for the reading and the romaji: after the county's ぐん. */
static const char *
after(const char *s, const char *mark)
{
	const char *w = strstr(s, mark);

	return w ? w + strlen(mark) : NULL;
}

enum table_status
places_load(const char *places_tsv, size_t places_len, struct places **out,
    struct diags *d)
{
	size_t pm, plines = tsv_count_lines(places_tsv, places_len, &pm);
	/* The text, then its folded name and kana (never longer) and romaji
	 * (never longer than the kana: a 3-byte kana gives at most 3
	 * letters): twice the text after it. */
	size_t size = sizeof(struct places) + plines * sizeof(struct place) +
	    pm * sizeof(struct meta) + 3 * (places_len + 1);
	struct places *p = malloc(size);
	struct loader l = {.p = p};
	const struct meta *m;
	char *text, *fold;

	*out = NULL;
	memset(d, 0, sizeof *d);
	if (!p)
		return TABLE_IO_ERROR;
	memset(p, 0, sizeof *p);
	p->places = (struct place *)(p + 1);
	p->meta = (struct meta *)(p->places + plines);
	text = (char *)(p->meta + pm);
	fold = text + places_len + 1;
	memcpy(text, places_tsv, places_len);
	text[places_len] = '\0';
	tsv_parse(text, places_len, &place_schema, &l, p->meta, &p->meta_count, d);
	m = tsv_meta(p->meta, p->meta_count, "count", NULL, 0);
	check_count(d, m ? m->value : NULL, p->count, "municipalities");
	if (d->count > 0) {
		free(p);
		return TABLE_INVALID;
	}
	for (size_t i = 0; i < p->count; i++)
		fold = fold_place(&p->places[i], fold);
	*out = p;
	return TABLE_OK;
}

enum table_status
places_add_postal(struct places *p, const char *postal_tsv, size_t postal_len,
    struct diags *d)
{
	size_t qm, qlines = tsv_count_lines(postal_tsv, postal_len, &qm);
	struct postal_range *ranges = malloc(qlines * (sizeof *ranges +
	    POSTAL_MAX_CITIES * sizeof(unsigned short)));
	struct loader l = {.p = p};

	memset(d, 0, sizeof *d);
	if (!ranges)
		return TABLE_IO_ERROR;
	free(p->postal);
	p->postal = ranges;
	p->postal_places = (unsigned short *)(ranges + qlines);
	p->npostal = p->npostal_places = 0;
	/* Only the ranges stay: read a line at a time, not copied. */
	tsv_parse_stream(postal_tsv, postal_len, &postal_schema, &l, d);
	check_count(d, l.promised, l.counted, "postal codes");
	if (d->count > 0) {
		free(p->postal);
		p->postal = NULL;
		p->postal_places = NULL;
		p->npostal = p->npostal_places = 0;
		return TABLE_INVALID;
	}
	p->postal_codes = l.counted;
	return TABLE_OK;
}

void
places_free(struct places *p)
{
	if (p)
		free(p->postal);
	free(p);
}

static void
hit(struct place_hits *hits, unsigned place_code, size_t index)
{
	unsigned pref = place_code / 1000;

	if (!(hits->prefectures >> pref & 1)) {
		hits->prefectures |= 1ULL << pref;
		hits->first[pref] = (unsigned short)index;
	}
}

static bool
starts(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static size_t
characters(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static bool
is_romaji(const char *term)
{
	return term[strspn(term, "abcdefghijklmnopqrstuvwxyz")] == '\0';
}

bool
places_term_searches(const char *term, const char *romaji)
{
	return is_romaji(term) ? strlen(romaji) >= MIN_LETTERS :
	    characters(term) >= MIN_KANJI_KANA;
}

void
places_by_name(const struct places *p, const char *term, const char *romaji,
    struct place_hits *hits)
{
	bool by_romaji = is_romaji(term);

	memset(hits, 0, sizeof *hits);
	if (!p || !places_term_searches(term, romaji))
		return;
	for (size_t i = 0; i < p->count; i++) {
		const struct place *pl = &p->places[i];

		if ((!by_romaji && (starts(pl->folded_name, term) ||
		    starts(place_name_word(pl), term) ||
		    starts(pl->folded_kana, term) ||
		    starts(after(pl->folded_kana, "ぐん"), term))) || (by_romaji &&
		    (starts(pl->romaji, romaji) ||
		    (strstr(pl->folded_kana, "ぐん") &&
		    starts(after(pl->romaji, "gun"), romaji)))))
			hit(hits, pl->code, i);
	}
}

void
places_by_postal(const struct places *p, const char *digits,
    struct place_hits *hits)
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
				for (unsigned k = 0; k < r->nplaces; k++) {
					unsigned at = p->postal_places[r->first + k];

					hit(hits, p->places[at].code, at);
				}
				break;
			}
	}
}
