/* filter_spans: where a query's terms match the cells of a shown desk,
 * for the highlight (filter.h). Apart from filter.c: matching decides what
 * is listed, this only marks it, for the rows on screen. */
#include "filter.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Cells up to this many bytes are folded on the stack. */
#define SMALL_CELL 128

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
		return t->kind == TERM_TEXT && strstr(t->text, FILTER_BUREAU_MARK) ?
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
	size_t len = strlen(cell), n;

	if (field == FIELD_PHONE)
		return text_fold_phone(cell, len, out, map);
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
filter_spans(const struct filter *f, const struct desk *desk, enum field field,
    struct span *spans, size_t max)
{
	const char *cell = desk_cell(desk, field);
	size_t len = strlen(cell), n = 0;

	if (f->count == 0)
		return 0;
	/* Folding never lengthens: len + 1 of each. A list's cells are short
	 * and take the stack (no allocation as the list is drawn); a long
	 * one the heap (a frame of the largest cell's size would be most of
	 * the stack touched). */
	size_t small[SMALL_CELL + 1 + (SMALL_CELL + 1) / sizeof(size_t) + 1];
	size_t *map = len <= SMALL_CELL ? small :
	    malloc((len + 1) * (sizeof *map + 1));
	char *folded = (char *)(map + len + 1);

	if (!map)
		return 0;
	fold_cell(cell, field, folded, map);
	for (size_t i = 0; i < f->count; i++) {
		const struct filter_term *t = &f->terms[i];
		bool prefix_only;
		const char *needle, *hit;

		if (t->negate)
			continue;
		if (t->kind == TERM_CODE && field == FIELD_CODE &&
		    desk->code == t->code)
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
	if (map != small)
		free(map);
	return n;
}
