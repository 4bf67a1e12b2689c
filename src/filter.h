/* filter: the query language shared by the browser and the command line.
 * A query is compiled once per keystroke; rows are tested against the
 * table's pre-folded cells, and match spans are found for shown rows only. */
#ifndef MADOGUCHI_FILTER_H
#define MADOGUCHI_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "table.h"

#define FILTER_MAX_TERMS 16
#define FILTER_MAX_QUERY 1024

enum term_kind {
	TERM_TEXT,  /* names, kana, romaji, region; bureau when it has 管区 */
	TERM_CODE,  /* one or two digits: the JIS code */
	TERM_PHONE, /* three or more digits, hyphens allowed */
};

struct filter_term {
	enum term_kind kind;
	bool negate;
	const char *text;   /* folded; digits only for TERM_PHONE */
	const char *romaji; /* text with romaji long vowels folded */
	unsigned long code;
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
 * FILTER_MAX_TERMS are ignored). An empty query matches every row. */
void filter_compile(struct filter *f, const char *query);

bool filter_matches(const struct filter *f, const struct desk *k);

/* Writes the indexes of matching rows, in table order, to rows (room for
 * t->count) and returns how many there are. */
size_t filter_run(const struct filter *f, const struct table *t, size_t *rows);

/* Where the positive terms match cell `field` of desk k: up to max spans,
 * sorted and merged. Returns how many were written. */
size_t filter_spans(const struct filter *f, const struct desk *k,
    enum field field, struct span *spans, size_t max);

#endif
