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
};

/* Runs the browser on the terminal until the user quits; returns the exit
 * status (0, or 2 when the terminal cannot be used). */
int browser_run(const struct table *t, const struct browser_options *o);

#endif
