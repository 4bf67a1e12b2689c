/* places: see places.h. */
#include "places.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "place_keys.h"
#include "text.h"


static const char *const place_columns[] = {"code", "name", "kana"};
static const char *const former_columns[] = {"name", "now"};
static const char *const postal_columns[] = {"prefix", "cities", "endings"};
static const char *const town_columns[] = {"code", "town", "kana"};
static const struct meta_key place_meta_keys[] = {
	{"source", 1, false}, {"date", 1, false}, {"count", 1, false},
};

/* The tables being built, writable until they are handed to p. */
struct loader {
	struct places *p;
	struct place *list;
	unsigned short *now;
	struct postal_range *postal;
	unsigned short *postal_places;
	uint32_t empty;         /* the offset of a "" in text */
	unsigned long counted;  /* postal codes or towns, for @count */
	struct town_row *town_rows;
	char *town_text;        /* the towns' folded names and readings */
	size_t town_text_len;
	long last_place;        /* the place of the last town row */
	const char *promised;   /* the postal table's @count, if any */
	char promise[24];
};

static void
place_row(void *ctx, const struct tsv_cursor *c, char **cells)
{
	struct loader *l = ctx;
	struct place *pl = &l->list[l->p->count++];
	unsigned long code = strtoul(cells[0], NULL, 10);

	if (strlen(cells[0]) != 5 || !tsv_all_of(cells[0], TSV_DIGIT) ||
	    code / 1000 < 1 || code / 1000 > 47)
		tsv_report_cell(c, cells[0], "column '%s' is not a municipality "
		    "code (5 digits, prefecture 01 to 47): '%s'", "code",
		    cells[0]);
	else if (l->p->count > 1 && pl[-1].code >= code)
		tsv_report_cell(c, cells[0], "column '%s' is not ascending: '%s'",
		    "code", cells[0]);
	if (!*cells[1] || strlen(cells[1]) > PLACE_KEY_MAX / 2)
		tsv_report_cell(c, cells[1], "column '%s' is empty or longer "
		    "than 80 bytes: '%s'", "name", cells[1]);
	if (!tsv_is_kana(cells[2]) || strlen(cells[2]) > PLACE_KEY_MAX / 2)
		tsv_report_cell(c, cells[2], "column '%s' must be hiragana, at "
		    "most 80 bytes: '%s'", "kana", cells[2]);
	memset(pl, 0, sizeof *pl);
	pl->code = (unsigned)code;
	pl->name = (uint32_t)(cells[1] - l->p->text);
	pl->kana = (uint32_t)(cells[2] - l->p->text);
}

/* The place with this code (current places are sorted by code), or -1. */
static long
find_place(const struct places *p, unsigned code)
{
	size_t lo = 0, hi = p->current;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (p->list[mid].code == code)
			return (long)mid;
		if (p->list[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* "01102,01103": codes of current places, at most max of them, into out
 * (indexes); false when one is not a place. */
static bool
parse_codes(const struct places *p, const char *s, unsigned short *out,
    size_t max, size_t *n)
{
	for (*n = 0; *s; (*n)++) {
		size_t digits = tsv_span(s, TSV_DIGIT);
		long at = digits == 5 ? find_place(p, (unsigned)strtoul(s, NULL,
		    10)) : -1;

		if (at < 0 || *n == max || (s[digits] && s[digits] != ','))
			return false;
		out[*n] = (unsigned short)at;
		s += digits + (s[digits] == ',');
	}
	return *n > 0;
}

static void
former_row(void *ctx, const struct tsv_cursor *c, char **cells)
{
	struct loader *l = ctx;
	struct places *p = l->p;
	struct place *pl = &l->list[p->count];
	size_t n;

	memset(pl, 0, sizeof *pl);
	if (!*cells[0] || strlen(cells[0]) > PLACE_KEY_MAX / 2) {
		tsv_report_cell(c, cells[0], "column '%s' is empty or longer "
		    "than 80 bytes: '%s'", "name", cells[0]);
		return;
	}
	pl->first_now = (unsigned short)(pl - l->list - (long)p->current) *
	    POSTAL_MAX_CITIES;
	if (!parse_codes(p, cells[1], l->now + pl->first_now,
	    POSTAL_MAX_CITIES, &n)) {
		tsv_report_cell(c, cells[1], "column '%s' names no municipality "
		    "of places.tsv, or more than 8: '%s'", "now", cells[1]);
		return;
	}
	pl->name = (uint32_t)(cells[0] - p->text);
	pl->kana = l->empty;
	pl->nnow = (unsigned char)n;
	pl->code = p->list[p->now[pl->first_now]].code;
	p->count++;
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
	struct places *p = l->p;
	struct postal_range *r = &l->postal[p->npostal++];
	size_t n;

	memset(r, 0, sizeof *r);
	if (strlen(cells[0]) != 5 || !tsv_all_of(cells[0], TSV_DIGIT))
		tsv_report_cell(c, cells[0], "column '%s' is not 5 digits: '%s'",
		    "prefix", cells[0]);
	r->prefix = (unsigned)strtoul(cells[0], NULL, 10);
	if (!parse_codes(p, cells[1], l->postal_places + p->npostal_places,
	    POSTAL_MAX_CITIES, &n)) {
		tsv_report_cell(c, cells[1], "column '%s' names no municipality "
		    "of places.tsv, or more than 8: '%s'", "cities", cells[1]);
		return;
	}
	r->first = (unsigned short)p->npostal_places;
	r->nplaces = (unsigned char)n;
	p->npostal_places += n;
	if (!parse_endings(cells[2], r->endings, &l->counted))
		tsv_report_cell(c, cells[2], "column '%s' is not ascending "
		    "two-digit endings and ranges (00 10-40): '%s'", "endings",
		    cells[2]);
}

/* A town's reading: hiragana, and the digits and Latin letters of a
 * building's name (中央SS30: ちゅうおうSS30); empty where Japan Post
 * gives none (市円行寺 of 南あわじ市). */
static bool
is_reading(const char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		uint32_t cp;

		i += text_decode(s + i, len - i, &cp);
		if (!((cp >= 0x3041 && cp <= 0x3096) || cp == 0x30FC ||
		    (cp >= '0' && cp <= '9') || cp == '-' ||
		    ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')))
			return false;
	}
	return true;
}

/* Folds s into the towns' text: where it starts there. */
static const char *
keep_folded(struct loader *l, const char *s)
{
	char *out = l->town_text + l->town_text_len;

	l->town_text_len += text_fold(s, strlen(s), out, NULL) + 1;
	return out;
}

static void
town_row(void *ctx, const struct tsv_cursor *c, char **cells)
{
	struct loader *l = ctx;
	struct places *p = l->p;
	long at = strlen(cells[0]) == 5 && tsv_all_of(cells[0], TSV_DIGIT) ?
	    find_place(p, (unsigned)strtoul(cells[0], NULL, 10)) : -1;

	if (at < 0 || at < l->last_place) {
		tsv_report_cell(c, cells[0], "column '%s' is not a municipality "
		    "of places.tsv in ascending order: '%s'", "code", cells[0]);
		return;
	}
	if (!*cells[1] || strlen(cells[1]) > TOWN_NAME_MAX) {
		tsv_report_cell(c, cells[1], "column '%s' is empty or longer "
		    "than 80 bytes: '%s'", "town", cells[1]);
		return;
	}
	if (!is_reading(cells[2]) || strlen(cells[2]) > TOWN_KANA_MAX) {
		tsv_report_cell(c, cells[2], "column '%s' must be hiragana (or "
		    "a building's digits and letters), at most 160 bytes: '%s'",
		    "kana", cells[2]);
		return;
	}
	l->last_place = at;
	/* Folding never lengthens: the text has room for the table. */
	l->town_rows[l->counted++] = (struct town_row){(size_t)at,
		keep_folded(l, cells[1]), keep_folded(l, cells[2])};
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

static const struct tsv_schema former_schema = {
	former_columns, 2, place_meta_keys, 3, former_row, NULL,
};

static const struct tsv_schema postal_schema = {
	postal_columns, 3, place_meta_keys, 3, postal_row, postal_meta,
};

/* Its @count is kept as the postal table's. */
static const struct tsv_schema town_schema = {
	town_columns, 3, place_meta_keys, 3, town_row, postal_meta,
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

enum tsv_status
places_load(const char *places_tsv, size_t places_len, const char *former_tsv,
    size_t former_len, struct places **out, struct diags *d, int *which)
{
	size_t pm, plines = tsv_count_lines(places_tsv, places_len, &pm);
	size_t fm, flines = tsv_count_lines(former_tsv, former_len, &fm);
	size_t rows = plines + flines;
	struct places *p = calloc(1, sizeof *p);
	struct loader l = {.p = p};
	struct meta *meta;
	size_t sizes[4];
	void *parts[4];
	size_t nmeta = 0;
	const struct meta *m;
	char *text;

	*out = NULL;
	*which = 0;
	memset(d, 0, sizeof *d);
	if (!p)
		return TSV_IO_ERROR;
	/* One block: the places, the places former names are part of, the
	 * metadata lines, and the text of both tables (cells point into it;
	 * the places keep offsets from its start). */
	sizes[0] = rows * sizeof(struct place);
	sizes[1] = flines * POSTAL_MAX_CITIES * sizeof(unsigned short);
	sizes[2] = (pm > fm ? pm : fm) * sizeof(struct meta);
	sizes[3] = places_len + former_len + 2;
	if (!(p->storage = tsv_alloc_parts(4, sizes, parts))) {
		free(p);
		return TSV_IO_ERROR;
	}
	p->list = l.list = parts[0];
	p->now = l.now = parts[1];
	meta = parts[2];
	p->text = text = parts[3];
	memcpy(text, places_tsv, places_len);
	text[places_len] = '\0';
	l.empty = (uint32_t)places_len;
	tsv_parse(text, places_len, &place_schema, &l, meta, &nmeta, d);
	m = tsv_meta(meta, nmeta, "count", NULL, NULL);
	check_count(d, m ? m->value : NULL, p->count, "places");
	p->current = p->count;
	if (d->count == 0) {
		text += places_len + 1;
		memcpy(text, former_tsv, former_len);
		text[former_len] = '\0';
		*which = 1;
		nmeta = 0;
		tsv_parse(text, former_len, &former_schema, &l, meta, &nmeta, d);
		m = tsv_meta(meta, nmeta, "count", NULL, NULL);
		check_count(d, m ? m->value : NULL, p->count - p->current,
		    "former names");
	}
	if (d->count > 0) {
		places_free(p);
		return TSV_INVALID;
	}
	for (size_t i = 0; i < p->count; i++)
		l.list[i].upper_len =
		    (unsigned char)place_upper_end(place_name(p, &l.list[i]));
	if (!place_keys_build(p)) {
		places_free(p);
		return TSV_IO_ERROR;
	}
	*out = p;
	return TSV_OK;
}

enum tsv_status
places_add_postal(struct places *p, const char *postal_tsv, size_t postal_len,
    struct diags *d)
{
	size_t qm, qlines = tsv_count_lines(postal_tsv, postal_len, &qm);
	struct postal_range *ranges = malloc(qlines * (sizeof *ranges +
	    POSTAL_MAX_CITIES * sizeof(unsigned short)));
	struct loader l = {.p = p, .postal = ranges};

	memset(d, 0, sizeof *d);
	if (!ranges)
		return TSV_IO_ERROR;
	/* No pointer is made from the result before it is checked. */
	l.postal_places = (unsigned short *)(ranges + qlines);
	free(p->postal_storage);
	p->postal = p->postal_storage = ranges;
	p->postal_places = l.postal_places;
	p->npostal = p->npostal_places = 0;
	/* Only the ranges stay: read a line at a time, not copied. */
	tsv_parse_stream(postal_tsv, postal_len, &postal_schema, &l, d);
	check_count(d, l.promised, l.counted, "postal codes");
	if (d->count > 0) {
		free(p->postal_storage);
		p->postal = p->postal_storage = NULL;
		p->postal_places = NULL;
		p->npostal = p->npostal_places = 0;
		return TSV_INVALID;
	}
	p->postal_codes = l.counted;
	return TSV_OK;
}

enum tsv_status
places_add_towns(struct places *p, const char *towns_tsv, size_t towns_len,
    struct diags *d)
{
	size_t metas, lines = tsv_count_lines(towns_tsv, towns_len, &metas);
	struct loader l = {.p = p, .last_place = 0,
		.town_rows = malloc((lines + 1) * sizeof *l.town_rows),
		.town_text = malloc(towns_len + 1)};
	struct towns packed;
	void *storage = NULL;
	enum tsv_status status = TSV_OK;

	memset(d, 0, sizeof *d);
	if (!l.town_rows || !l.town_text) {
		status = TSV_IO_ERROR;
		goto done;
	}
	tsv_parse_stream(towns_tsv, towns_len, &town_schema, &l, d);
	check_count(d, l.promised, l.counted, "towns");
	if (d->count > 0)
		status = TSV_INVALID;
	else if (!towns_pack(l.town_rows, l.counted, p->current, &packed,
	    &storage))
		status = TSV_IO_ERROR;
	else {
		free(p->town_storage);
		p->town_storage = storage;
		p->towns = packed;
	}
done:
	free(l.town_rows);
	free(l.town_text);
	return status;
}

void
places_free(struct places *p)
{
	if (!p || !p->storage)
		return; /* none, or compiled in */
	free(p->town_storage);
	free(p->postal_storage);
	free(p->key_storage);
	free(p->key_text_storage);
	free(p->storage);
	free(p);
}

const struct places *
place_source_get(struct place_source *s, bool postal)
{
	if (!s)
		return NULL;
	if (!s->tried) {
		s->tried = true;
		if (!s->diags)
			s->diags = malloc(sizeof *s->diags);
		s->status = s->diags ? s->load(&s->places, s->diags, &s->which)
		    : TSV_IO_ERROR;
	}
	if (postal && s->places && !s->postal_tried) {
		enum tsv_status st;

		s->postal_tried = true;
		st = s->load_postal(s->places, s->diags);
		if (st != TSV_OK) {
			s->status = st;
			s->which = 2;
		}
	}
	return s->places;
}

void
place_source_free(struct place_source *s)
{
	places_free(s->places);
	free(s->diags);
	s->places = NULL;
	s->diags = NULL;
}
