/* Fuzzing a query: any bytes, typed a character at a time as the browser
 * would refilter (the first 48 characters) and then whole, through the
 * filter over the built-in desks and places, and for each desk listed
 * through what every front end shows of it: the match spans of every
 * cell, the note (a place or a slip's guess) in both languages and ASCII,
 * and the detail page with it. Built with libFuzzer by `make fuzz`;
 * replayed over tests/fuzz/query-corpus by `make check` (replay.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "filter.h"
#include "pages.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct table *desks;
static struct place_source places;

static void
listed(struct filter *f, const char *query)
{
	size_t rows[64], n;

	filter_compile(f, query, &places);
	n = filter_run(f, desks, rows, NULL);
	if (n > desks->count)
		abort();
	for (size_t i = 0; i < n; i++) {
		const struct desk *k = &desks->desks[rows[i]];
		struct page_setup setup = {i % 2 ? LANG_JA : LANG_EN, i % 3 == 0,
			1 + i % 50, NULL, false};
		struct page_heights heights;
		char note[FILTER_PLACE_MAX + 64], read[FILTER_PLACE_MAX];
		struct span spans[8];
		struct page p = {0};

		if (i % 4) { /* padded, as the wide layout has it */
			page_heights_of(desks, &setup, &heights);
			setup.fixed = &heights;
		}

		/* Each desk once: a slip's guesses come after the rest. */
		for (size_t j = 0; j < i; j++)
			if (rows[j] == rows[i])
				abort();
		for (size_t c = 0; c < FIELD_COUNT; c++)
			if (filter_spans(f, k, (enum field)c, spans, 8) > 8)
				abort();
		page_row_note(f, k, setup.lang, setup.ascii, note, sizeof note);
		page_detail(&p, k, &setup, filter_place_read(f, k, i % 2 == 0,
		    setup.ascii, read, sizeof read) ? read : NULL,
		    filter_suggested(f, k));
		page_free(&p);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct filter f;
	char query[FILTER_MAX_QUERY + 1];
	size_t len = size < FILTER_MAX_QUERY ? size : FILTER_MAX_QUERY, typed;

	if (!desks) {
		struct diags d;

		if (builtin_desks(&desks, &d) != TSV_OK)
			abort();
		places = builtin_place_source();
	}
	memcpy(query, data, len);
	query[len] = '\0';
	/* Typed: each prefix that ends on a character's boundary. */
	for (typed = 1; typed <= len && typed <= 48; typed++) {
		char prefix[49];

		if (typed < len && text_continues(query[typed]))
			continue;
		memcpy(prefix, query, typed);
		prefix[typed] = '\0';
		listed(&f, prefix);
	}
	listed(&f, query);
	return 0;
}
