/* browser: the full-screen ncursesw front end. */
#ifndef MADOGUCHI_BROWSER_H
#define MADOGUCHI_BROWSER_H

#include <stdbool.h>

#include "labels.h"
#include "table.h"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct browser_options {
	const char *query; /* initial query, may be NULL */
	enum lang lang;
	enum color_mode color;
	bool mouse;
	bool ascii;        /* show ASCII only, even where UTF-8 works */
	bool restricted;   /* kiosk: no suspend, a short query, no copy/open */
	bool osc52;        /* copying to the clipboard (OSC 52, tmux) */
	bool hyperlinks;   /* URLs as OSC 8 links, where the terminal has them */
	unsigned idle_timeout; /* seconds without a key before quitting; 0: never */
	unsigned max_session;  /* seconds in all before quitting; 0: never */
};

/* Returned when the terminal cannot run the browser (TERM unset, unknown,
 * or unable to address the cursor); the reason is on stderr. */
#define BROWSER_UNUSABLE (-1)

/* The longest query in restricted mode, in bytes. */
#define BROWSER_RESTRICTED_QUERY 64

/* Runs the browser until the user quits; returns the exit status (0) or
 * BROWSER_UNUSABLE. A signal that ended it is raised again after the
 * terminal is restored, so the exit status says which. */
int browser_run(const struct table *t, const struct browser_options *o);

#endif
