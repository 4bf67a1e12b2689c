/* help: what the browser says of its keys: the help screen's rows of keys
 * (page_help, in pages.h, with the rest of the help; both man pages' KEYS
 * lists, by src/tools/make-man-keys.c) and the hint line of each state,
 * all made from the key table (keys.c). */
#ifndef MADOGUCHI_HELP_H
#define MADOGUCHI_HELP_H

#include <stddef.h>

#include "labels.h"
#include "view.h"

/* The hint line of each state of the browser. */
enum hint {
	HINT_WIDE, HINT_WIDE_QUERY, /* a query typed: Esc clears it, ? types */
	HINT_NARROW_LIST, HINT_NARROW_QUERY,
	HINT_MISS,                  /* nothing listed: nothing to open, copy */
	HINT_DETAIL, HINT_HELP,
};

/* The hint for v in its state h: items two spaces apart, the most needed
 * first, each the keys that do it there and a word or two in lang: "Esc
 * quit  Tab detail  F2/C-y copy". */
void help_hint(enum hint h, const struct view *v, enum lang lang,
    char *out, size_t cap);

/* The help's rows of keys: how many, and row i in lang, its keys (names
 * a space apart, in the key table's order; or a word, "typing") and what
 * they do. */
size_t help_key_rows(void);
void help_key_row(size_t i, enum lang lang, char *keys, size_t keys_cap,
    char *what, size_t what_cap);

#endif
