/* filter: see filter.h. */
#include "filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* The bureau is matched only by a term that names a 管区, so that 関東
 * means the region and 関東管区 the bureau. */
#define BUREAU_MARK "管区"
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
	size_t n = 0;

	if (s[strspn(s, "0123456789-")] != '\0')
		return false;
	for (; *s; s++)
		if (*s != '-')
			out[n++] = *s;
	out[n] = '\0';
	return n >= 3;
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

static void
classify(struct filter_term *t, char *text, char **free_space,
    const struct places *places)
{
	char *extra = *free_space;
	size_t len = strlen(text);
	bool marked = strncmp(text, POSTAL_MARK, strlen(POSTAL_MARK)) == 0;

	memset(&t->places, 0, sizeof t->places);
	t->postal = false;
	t->text = text;
	t->romaji = text;
	if (marked && postal_form(text + strlen(POSTAL_MARK), true)) {
		t->kind = TERM_POSTAL;
		phone_digits(text + strlen(POSTAL_MARK), extra);
		t->text = extra;
		*free_space = extra + strlen(extra) + 1;
	} else if (digits_only(text) && len <= 2) {
		t->kind = TERM_CODE;
		t->code = strtoul(text, NULL, 10);
		return;
	} else if (phone_digits(text, extra)) {
		t->kind = TERM_PHONE;
		t->text = extra;
		*free_space = extra + strlen(extra) + 1;
		if (!postal_form(text, false))
			return;
	} else {
		t->kind = TERM_TEXT;
		memcpy(extra, text, len + 1);
		text_fold_romaji(extra, len, NULL);
		t->romaji = extra;
		*free_space = extra + len + 1;
		places_by_name(places, t->text, t->romaji, &t->places);
		return;
	}
	t->postal = true;
	places_by_postal(places, t->text, &t->places);
}

void
filter_compile(struct filter *f, const char *query,
    const struct places *places)
{
	size_t len = strnlen(query, FILTER_MAX_QUERY);
	char *p = f->buf, *free_space;

	/* Cut a partial character at the end rather than fold half of it. */
	while (len > 0 && len < strlen(query) &&
	    ((unsigned char)query[len] & 0xC0) == 0x80)
		len--;
	f->count = 0;
	free_space = f->buf + text_fold(query, len, f->buf, NULL) + 1;
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
		if (t->negate)
			p++;
		if (*p) {
			classify(t, p, &free_space, places);
			f->count++;
		}
		p = end;
	}
}

static bool
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether the term matches the desk's own cells. */
static bool
matches_cells(const struct filter_term *t, const struct desk *k)
{
	switch (t->kind) {
	case TERM_CODE:
		return k->code == t->code;
	case TERM_PHONE:
		return strstr(k->folded[FIELD_PHONE], t->text) != NULL;
	case TERM_POSTAL:
		return false;
	case TERM_TEXT:
		break;
	}
	return strstr(k->folded[FIELD_NAME], t->text) ||
	    strstr(k->folded[FIELD_PREFECTURE], t->text) ||
	    strstr(k->folded[FIELD_KANA], t->text) ||
	    strstr(k->folded[FIELD_ROMAJI], t->romaji) ||
	    starts_with(k->kana_romaji, t->romaji) ||
	    starts_with(k->folded[FIELD_REGION], t->text) ||
	    starts_with(k->folded[FIELD_REGION_ROMAJI], t->romaji) ||
	    (strstr(t->text, BUREAU_MARK) &&
		strstr(k->folded[FIELD_BUREAU], t->text));
}

/* Whether the term reaches the desk's prefecture through a place. */
static bool
matches_place(const struct filter_term *t, const struct desk *k)
{
	return k->code <= 47 && (t->places.prefectures >> k->code & 1);
}

/* 0: no match; 1: through a place only; 2: on the desk's own cells. */
static int
match(const struct filter *f, const struct desk *k)
{
	int how = 2;

	for (size_t i = 0; i < f->count; i++) {
		const struct filter_term *t = &f->terms[i];
		bool own = matches_cells(t, k);

		if (t->negate) {
			if (own || matches_place(t, k))
				return 0;
		} else if (!own) {
			if (!matches_place(t, k))
				return 0;
			how = 1;
		}
	}
	return how;
}

size_t
filter_run(const struct filter *f, const struct table *t, size_t *rows)
{
	size_t direct = 0, placed = 0, n = t->count;

	/* Direct matches fill rows from the front, place matches from the
	 * back; then the back is turned around to table order. */
	for (size_t i = 0; i < n; i++) {
		int how = match(f, &t->desks[i]);

		if (how == 2)
			rows[direct++] = i;
		else if (how == 1)
			rows[n - ++placed] = i;
	}
	for (size_t i = 0; i < placed; i++)
		rows[direct + i] = rows[n - 1 - i];
	return direct + placed;
}

bool
filter_wants_places(const struct filter *f)
{
	for (size_t i = 0; i < f->count; i++) {
		const struct filter_term *t = &f->terms[i];

		if (t->postal || (t->kind == TERM_TEXT &&
		    places_term_searches(t->text, t->romaji)))
			return true;
	}
	return false;
}

bool
filter_wants_postal(const struct filter *f)
{
	for (size_t i = 0; i < f->count; i++)
		if (f->terms[i].postal)
			return true;
	return false;
}

bool
filter_place(const struct filter *f, const struct desk *k,
    const struct places *places, char *out, size_t cap)
{
	for (size_t i = 0; places && i < f->count; i++) {
		const struct filter_term *t = &f->terms[i];
		char name[256];

		if (t->negate || matches_cells(t, k) || !matches_place(t, k))
			continue;
		place_display_name(&places->places[t->places.first[k->code]],
		    t->postal ? NULL : t->text, name, sizeof name);
		if (!t->postal)
			snprintf(out, cap, "%s", name);
		else if (strlen(t->text) > 3)
			snprintf(out, cap, "〒%.3s-%s %s", t->text, t->text + 3, name);
		else
			snprintf(out, cap, "〒%s %s", t->text, name);
		return true;
	}
	return false;
}

/* How a term meets a cell: which of the term's forms, anywhere or only as
 * a prefix; NULL when this kind of term never matches this cell. */
static const char *
needle_for(const struct filter_term *t, enum field field, bool *prefix_only)
{
	*prefix_only = field == FIELD_REGION || field == FIELD_REGION_ROMAJI;
	switch (field) {
	case FIELD_PHONE:
		return t->kind == TERM_PHONE ? t->text : NULL;
	case FIELD_ROMAJI:
	case FIELD_REGION_ROMAJI:
		return t->kind == TERM_TEXT ? t->romaji : NULL;
	case FIELD_BUREAU:
		return t->kind == TERM_TEXT && strstr(t->text, BUREAU_MARK) ?
		    t->text : NULL;
	case FIELD_NAME:
	case FIELD_PREFECTURE:
	case FIELD_KANA:
	case FIELD_REGION:
		return t->kind == TERM_TEXT ? t->text : NULL;
	default:
		return NULL;
	}
}

/* Folds cell the way the table folds it for search, keeping a map. */
static size_t
fold_cell(const char *cell, enum field field, char *out, size_t *map)
{
	size_t len = strlen(cell), n = 0;

	if (field == FIELD_PHONE) {
		for (size_t i = 0; i < len; i++)
			if (cell[i] != '-') {
				map[n] = i;
				out[n++] = cell[i];
			}
		out[n] = '\0';
		map[n] = len;
		return n;
	}
	n = text_fold(cell, len, out, map);
	if (field == FIELD_ROMAJI || field == FIELD_REGION_ROMAJI)
		n = text_fold_romaji(out, n, map);
	return n;
}

static void
add_span(struct span *spans, size_t *n, size_t max, size_t start, size_t end)
{
	size_t i = 0;

	if (end <= start)
		return;
	for (i = 0; i < *n; i++)
		if (start <= spans[i].end && end >= spans[i].start) {
			if (start < spans[i].start)
				spans[i].start = start;
			if (end > spans[i].end)
				spans[i].end = end;
			return;
		}
	if (*n == max)
		return;
	while (i > 0 && spans[i - 1].start > start) {
		spans[i] = spans[i - 1];
		i--;
	}
	spans[i] = (struct span){start, end};
	(*n)++;
}

size_t
filter_spans(const struct filter *f, const struct desk *k, enum field field,
    struct span *spans, size_t max)
{
	char folded[TABLE_MAX_LINE + 1];
	size_t map[TABLE_MAX_LINE + 1], n = 0;
	const char *cell = k->cell[field];

	if (strlen(cell) > TABLE_MAX_LINE)
		return 0;
	fold_cell(cell, field, folded, map);
	for (size_t i = 0; i < f->count; i++) {
		const struct filter_term *t = &f->terms[i];
		bool prefix_only;
		const char *needle, *hit;

		if (t->negate)
			continue;
		if (t->kind == TERM_CODE && field == FIELD_CODE &&
		    k->code == t->code)
			add_span(spans, &n, max, 0, strlen(cell));
		if (!(needle = needle_for(t, field, &prefix_only)) || !*needle)
			continue;
		for (hit = strstr(folded, needle); hit;
		    hit = prefix_only ? NULL : strstr(hit + 1, needle)) {
			size_t at = (size_t)(hit - folded);

			if (prefix_only && at != 0)
				break;
			size_t end = at + strlen(needle);

			/* A phone's digits skip hyphens: end after the last
			 * digit, not before the next one. */
			add_span(spans, &n, max, map[at], field == FIELD_PHONE ?
			    map[end - 1] + 1 : map[end]);
		}
	}
	return n;
}
