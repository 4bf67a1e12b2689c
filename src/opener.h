/* opener: starts a web browser on a URL, as one argument of an argument
 * vector, never through a shell. */
#ifndef MADOGUCHI_OPENER_H
#define MADOGUCHI_OPENER_H

#include <stddef.h>

/* Tries each program of $BROWSER (a colon-separated list of commands, as
 * man(1) and others read it), then xdg-open, then open, with the URL as
 * its only argument, and waits for it: a text browser (w3m, lynx) uses the
 * terminal meanwhile. Returns 0 when one ran (its name in used), -1 when
 * none could be started. */
int opener_open(const char *url, char *used, size_t cap);

#endif
