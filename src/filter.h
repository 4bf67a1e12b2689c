/* filter: the query language shared by the browser and the command line.
 * A query is compiled once per keystroke; rows are tested against the
 * table's pre-folded cells, and match spans are found for shown rows only. */
#ifndef MADOGUCHI_FILTER_H
#define MADOGUCHI_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "places.h"
#include "table.h"

#define FILTER_MAX_TERMS 16
#define FILTER_MAX_QUERY 1024

enum term_kind {
	TERM_TEXT,   /* names, kana, romaji, region; bureau when it has 管区;
	              * municipalities */
	TERM_CODE,   /* one or two digits: the JIS code */
	TERM_PHONE,  /* three or more digits, hyphens allowed; a postal code
	              * too when it has that form (1000001, 100-0001, 100-) */
	TERM_POSTAL, /* 〒 and 3 to 7 digits: a postal code or its start */
};

struct filter_term {
	enum term_kind kind;
	bool negate;
	const char *text;   /* folded; digits only for TERM_PHONE */
	const char *romaji; /* text with romaji long vowels folded */
	unsigned long code;
	struct place_hits places; /* prefectures reached through places */
	bool postal;              /* places came from a postal code */
};

struct filter {
	struct filter_term terms[FILTER_MAX_TERMS];
	size_t count;
	char buf[2 * FILTER_MAX_QUERY + 2 * FILTER_MAX_TERMS];
};

/* A matched byte range [start, end) of a cell as the table holds it. */
struct span {
	size_t start, end;
};

/* Compiles query (UTF-8; bytes past FILTER_MAX_QUERY and terms past
 * FILTER_MAX_TERMS are ignored). An empty query matches every row. With
 * places (may be NULL), terms also find the prefectures of municipalities
 * and postal codes. */
void filter_compile(struct filter *f, const char *query,
    const struct places *places);

/* Writes the indexes of matching rows to rows (room for t->count) and
 * returns how many there are: rows that the query matched on their own
 * cells first, then rows matched through a place, each in table order. */
size_t filter_run(const struct filter *f, const struct table *t, size_t *rows);

/* Where the positive terms match cell `field` of desk k: up to max spans,
 * sorted and merged. Returns how many were written. */
size_t filter_spans(const struct filter *f, const struct desk *k,
    enum field field, struct span *spans, size_t max);

/* Whether any term of the compiled query would search places: a caller
 * that loads them lazily loads them then, and compiles again. */
bool filter_wants_places(const struct filter *f);

/* Whether a term has the form of a postal code (or of its start). */
bool filter_wants_postal(const struct filter *f);

/* Why desk k matched through a place, when it did: the municipality
 * (浜松市), or the postal code and its municipality (〒100-0001 千代田区),
 * written to out; false when every term matched the desk's own cells. */
bool filter_place(const struct filter *f, const struct desk *k,
    const struct places *places, char *out, size_t cap);

#endif
