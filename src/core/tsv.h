/* tsv: the line-oriented, tab-separated format every madoguchi table uses
 * (desks, places, postal codes): reading a file with limits, lines with
 * BOM/CRLF/length/encoding/control checks, metadata, the header, and rows
 * handed to a schema; problems reported as LINE:COL. No curses, no
 * printing, no exit. */
#ifndef MADOGUCHI_TSV_H
#define MADOGUCHI_TSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define TSV_MAX_MIB 512
#define TSV_MAX_BYTES ((unsigned long)TSV_MAX_MIB << 20)
#define TSV_MAX_LINE 4096
#define TSV_MAX_ROWS 2000000UL
#define TSV_MAX_DIAGS 100

struct diag {
	unsigned long line, col;
	char message[192];
};

struct diags {
	struct diag items[TSV_MAX_DIAGS];
	size_t count;
	size_t dropped; /* problems past TSV_MAX_DIAGS, counted only */
};

enum tsv_status { TSV_OK, TSV_INVALID, TSV_IO_ERROR };

/* A metadata line: @key [lang] value [extra]. */
struct meta {
	const char *key, *lang, *value, *extra;
};

/* A metadata key a schema allows: its values after the language, if any. */
struct meta_key {
	const char *key;
	size_t values;
	bool has_lang;
};

/* Where the reader is: the line being read. */
struct tsv_cursor {
	struct diags *d;
	unsigned long line;
	const char *start; /* the line's first byte */
};

struct tsv_schema {
	const char *const *columns;
	size_t ncolumns;
	const struct meta_key *meta_keys;
	size_t nmeta_keys;
	/* A row with exactly ncolumns cells; ctx is tsv_parse's. */
	void (*row)(void *ctx, const struct tsv_cursor *c, char **cells);
	/* Each metadata line, if not NULL (for tsv_parse_stream, whose
	 * metadata is not kept). */
	void (*meta)(void *ctx, const struct meta *m);
};

/* Lines in data (an upper bound on rows) and lines that start with '@'. */
size_t tsv_count_lines(const char *data, size_t len, size_t *meta);

/* Skips a UTF-8 byte order mark. */
const char *tsv_skip_bom(const char *data, size_t *len);

/* Reads text in place: text[len] must be '\0'; tabs and line ends become
 * NULs, so cells handed to the schema point into text. Metadata goes to
 * meta (room for the '@' lines tsv_count_lines found). Returns the rows
 * handed to the schema. */
size_t tsv_parse(char *text, size_t len, const struct tsv_schema *schema,
    void *ctx, struct meta *meta, size_t *meta_count, struct diags *d);

/* Like tsv_parse, but reads data in place of a copy of it, a line at a
 * time: cells are valid only during the schema's calls, and metadata is
 * not kept. For tables whose rows are turned into something else. */
size_t tsv_parse_stream(const char *data, size_t len,
    const struct tsv_schema *schema, void *ctx, struct diags *d);

/* A table in one allocation: n parts of sizes[i] bytes, each aligned for
 * any type, their starts written to parts[]. Returns the block (free it
 * alone), or NULL when out of memory. */
void *tsv_alloc_parts(size_t n, const size_t sizes[], void *parts[]);

/* Why tsv_read_file read nothing, besides an I/O error (errno). */
enum tsv_refusal {
	TSV_READ_ERROR,  /* errno says */
	TSV_TOO_LARGE,   /* more than TSV_MAX_BYTES */
	TSV_NOT_A_FILE,  /* a device: /dev/zero would be read to the limit */
};

/* Reads a file ("-": standard input) up to TSV_MAX_BYTES, into a buffer
 * with room for one byte more (a NUL, to parse it in place). NULL, with
 * *refused saying why, when it cannot. */
char *tsv_read_file(const char *path, size_t *len, enum tsv_refusal *refused);

/* What a refusal other than TSV_READ_ERROR says, as a problem at 1:1. */
const char *tsv_refusal_text(enum tsv_refusal refused);

#if defined(__GNUC__)
#define TSV_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TSV_PRINTF(f, a)
#endif

void tsv_report(struct diags *d, unsigned long line, unsigned long col,
    const char *fmt, ...) TSV_PRINTF(4, 5);

/* Prints d's problems as NAME:LINE:COL: message on out, the name made
 * safe to show, and how many more there were. */
void tsv_print_diags(FILE *out, const char *name, const struct diags *d);

/* Reports a problem at byte p of the current line. */
void tsv_report_at(const struct tsv_cursor *c, const char *p,
    const char *fmt, ...) TSV_PRINTF(3, 4);

/* Reports a problem at byte p of the current line that quotes a value:
 * the arguments are the column's name and then the value (two %s), which
 * is shown made safe and cut to 64 bytes. */
void tsv_report_cell(const struct tsv_cursor *c, const char *p,
    const char *fmt, ...) TSV_PRINTF(3, 4);

/* Byte classes for cell checks, as tables: they run on every cell of
 * tables that may have a million rows. */
enum { TSV_DIGIT = 1, TSV_HOST = 2, TSV_URL = 4, TSV_LATIN = 8 };

/* Bytes at the start of s that are all of a class. */
size_t tsv_span(const char *s, unsigned char cls);

/* True when s is not empty and every byte is of the class. */
bool tsv_all_of(const char *s, unsigned char cls);

/* True when s is not empty and all hiragana (and ー). */
bool tsv_is_kana(const char *s);

/* The first metadata line with this key and language (NULL: any) after
 * `after` (NULL: from the start): a loop over them is one pass. */
const struct meta *tsv_meta(const struct meta *meta, size_t count,
    const char *key, const char *lang, const struct meta *after);

#endif
