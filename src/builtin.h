/* builtin: the tables compiled into the binary from data/ (desks, places,
 * postal codes), loaded like any other. */
#ifndef MADOGUCHI_BUILTIN_H
#define MADOGUCHI_BUILTIN_H

#include <stdbool.h>

#include "places.h"
#include "table.h"

/* The name problems of the built-in tables are reported under. */
#define BUILTIN_NAME "(built-in)"

enum table_status builtin_desks(struct table **out, struct diags *d);

/* The municipalities, and their postal codes too when postal is true;
 * which: 0 when the problem is in places.tsv, 1 in postal.tsv. */
enum table_status builtin_places(struct places **out, struct diags *d,
    bool postal, int *which);

/* Adds the postal codes to places loaded without them. */
enum table_status builtin_postal(struct places *p, struct diags *d);

#endif
