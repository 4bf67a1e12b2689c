/* Fuzzing entry point: any bytes, read as a desk table (loaded, validated,
 * and when valid, filtered, printed and paged), as a place and a postal
 * table, and as a query over the built-in tables. Built with libFuzzer by `make fuzz`; replayed over the
 * saved corpus and every crash ever found by `make check` (replay.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "filter.h"
#include "output.h"
#include "pages.h"
#include "table.h"

static struct place_source places;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Filters t with query and pages and prints what matches. */
static void
exercise(const struct table *t, const char *query)
{
	static FILE *sink;
	size_t *rows = malloc((t->count + 1) * sizeof *rows), n;
	struct filter f;

	if (!sink)
		sink = fopen("/dev/null", "w");
	filter_compile(&f, query, &places);
	n = filter_run(&f, t, rows, NULL);
	for (size_t i = 0; i < n && i < 64; i++) {
		const struct desk *k = &t->desks[rows[i]];
		struct page_setup setup = {i % 2 ? LANG_JA : LANG_EN, i % 3 == 0,
			1 + i % 40, NULL, false};
		struct page_heights heights;
		struct span spans[8];
		struct page p = {0};

		char note[256];

		for (size_t c = 0; c < FIELD_COUNT; c++)
			filter_spans(&f, k, (enum field)c, spans, 8);
		filter_place(&f, k, i % 3 == 0, note, sizeof note);
		page_heights_of(t, &setup, &heights);
		setup.fixed = &heights; /* padded, as the wide layout has it */
		page_detail(&p, k, &setup, NULL, false);
		page_free(&p);
	}
	for (int fmt = FORMAT_PLAIN; fmt <= FORMAT_JSON; fmt++)
		output_print(sink, (enum format)fmt, t, rows, n < 64 ? n : 64,
		    NULL, fmt == 2);
	free(rows);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct table *builtin;
	struct diags *d = malloc(sizeof *d);
	char *query = malloc(size + 1);
	struct places *fuzzed;
	struct table *t;
	int which;

	if (!builtin) {
		builtin_desks(&builtin, d);
		places = builtin_place_source();
	}
	if (places_load((const char *)data, size, (const char *)data, size,
	    &fuzzed, d, &which) == TSV_OK) {
		places_add_postal(fuzzed, (const char *)data, size, d);
		places_free(fuzzed);
	}
	memcpy(query, data, size);
	query[size] = '\0';
	if (table_load_buffer((const char *)data, size, &t, d) == TSV_OK) {
		exercise(t, "");
		exercise(t, desk_cell(&t->desks[0], FIELD_NAME));
		table_free(t);
	}
	exercise(builtin, query);
	free(query);
	free(d);
	return 0;
}
