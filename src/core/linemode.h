/* linemode: madoguchi for screen readers, braille displays, serial
 * consoles and terminals without cursor addressing. A prompt; a query and
 * Enter print the matching desks as numbered lines (one match: its whole
 * detail); a number prints that desk. Plain new lines only: no escape
 * sequence, no carriage return without a newline, nothing redrawn, so a
 * screen reader reads exactly what is new. Lines are read in the
 * terminal's own canonical mode, with its line editing. No curses. */
#ifndef MADOGUCHI_LINEMODE_H
#define MADOGUCHI_LINEMODE_H

#include <stdio.h>

#include "options.h"
#include "places.h"
#include "table.h"

/* Longest line read; the rest of a longer one is dropped, and said so. */
#define LINEMODE_MAX_LINE 16384

/* Runs the line mode over t (and the places, which load when a query
 * needs them) on in and out until q or EOF, with the browser's options
 * (language, ASCII, restricted mode and its limits, an initial query);
 * returns the exit status. */
int linemode_run(const struct table *t, const struct browser_options *o,
    struct place_source *places, FILE *in, FILE *out);

#endif
