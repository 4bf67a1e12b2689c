/* browser: the full-screen ncursesw front end. */
#ifndef MADOGUCHI_BROWSER_H
#define MADOGUCHI_BROWSER_H

#include "options.h"
#include "places.h"
#include "table.h"

/* Returned when the terminal cannot run the browser (TERM unset, unknown,
 * or unable to address the cursor); the reason is on stderr. */
#define BROWSER_UNUSABLE (-1)

/* Runs the browser until the user quits; returns the exit status (0) or
 * BROWSER_UNUSABLE. A signal that ended it is raised again after the
 * terminal is restored, so the exit status says which. The places are
 * asked when a query needs them; the caller frees them. */
int browser_run(const struct table *t, const struct browser_options *o,
    struct place_source *places);

#endif
