/* output: the desks as plain text for people, TSV or JSON for scripts.
 * Every cell passes through text_sanitize (or JSON escaping) on its way out. */
#ifndef MADOGUCHI_OUTPUT_H
#define MADOGUCHI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "labels.h"
#include "table.h"

enum format { FORMAT_PLAIN, FORMAT_TSV, FORMAT_JSON };

/* Parses "plain", "tsv" or "json"; false for anything else. */
bool output_parse_format(const char *name, enum format *out);

/* A note for a row (why it matched, when through a place): written to
 * buf, true when there is one; *guessed set when the row is only what a
 * slip of the query may have meant. The plain format says so in lang. */
struct output_notes {
	bool (*note)(void *ctx, size_t row, char *buf, size_t cap,
	    bool *guessed);
	void *ctx;
	enum lang lang;
};

/* Prints rows[0..n) of t with their notes (may be NULL): the plain format
 * after each row, TSV and JSON in their last columns, matched_place (empty
 * or null without) and suggestion (true for a slip's guess). With ascii the plain format is ASCII only (romaji,
 * marks in English), as --ascii has it; TSV and JSON are data, whole.
 * Returns 0, or -1 on a write error. */
int output_print(FILE *out, enum format fmt, const struct table *t,
    const size_t *rows, size_t n, const struct output_notes *notes,
    bool ascii);

#endif
