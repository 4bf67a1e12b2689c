/* builtin: the tables compiled into the binary from data/ (desks, places,
 * former names, postal codes), loaded like any other. */
#ifndef MADOGUCHI_BUILTIN_H
#define MADOGUCHI_BUILTIN_H

#include <stdbool.h>

#include "places.h"
#include "table.h"

/* The name problems of the built-in tables are reported under. */
#define BUILTIN_NAME "(built-in)"

/* The names of the place tables, by place_source's which. */
extern const char *const builtin_place_tables[3];

enum tsv_status builtin_desks(struct table **out, struct diags *d);

/* The places and former names; which: 0 when the problem is in
 * places.tsv, 1 in former.tsv. Compiled in (builtin_places.c), ready:
 * nothing can fail, in the installed and the static binary alike. */
enum tsv_status builtin_places(struct places **out, struct diags *d,
    int *which);

/* Adds the postal codes to places loaded without them (the compiled
 * places have them already). */
enum tsv_status builtin_postal(struct places *p, struct diags *d);

/* A source that loads the built-in places when a query first needs them. */
struct place_source builtin_place_source(void);

#endif
