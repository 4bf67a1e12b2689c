/* options: what the user asked for, as both front ends take it: the
 * browser (src/tui) and the line mode. */
#ifndef MADOGUCHI_OPTIONS_H
#define MADOGUCHI_OPTIONS_H

#include <stdbool.h>

#include "labels.h"

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
	bool print_picked; /* the desk picked, printed when the browser ends */
	const char *ascii_why; /* why ASCII was chosen by itself, said once;
	                        * NULL when it was not */
	unsigned idle_timeout; /* seconds without a key before quitting; 0: never */
	unsigned max_session;  /* seconds in all before quitting; 0: never */
};

/* The longest query in restricted mode, in bytes. */
#define BROWSER_RESTRICTED_QUERY 64

#endif
