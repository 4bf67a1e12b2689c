/* pages: the detail panel of a desk and the help screen as lines of text
 * wrapped to a width, each with a style. No curses; the drawing code only
 * paints these lines. */
#ifndef MADOGUCHI_PAGES_H
#define MADOGUCHI_PAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "labels.h"
#include "table.h"

enum line_style {
	STYLE_TEXT, STYLE_TITLE, STYLE_LABEL, STYLE_URL, STYLE_PHONE,
	STYLE_NOTE,
};

struct page_line {
	char *text; /* safe to show (text_sanitize), fits the width */
	enum line_style style;
};

struct page {
	struct page_line *lines;
	size_t count, capacity;
	size_t width;
	bool failed; /* out of memory: the page is cut short */
};

/* The detail of desk k, wrapped to width columns. */
void page_detail(struct page *p, const struct table *t, const struct desk *k,
    enum lang lang, size_t width);

/* The help screen: keys, query language, marks, national contacts, source. */
void page_help(struct page *p, const struct table *t, enum lang lang,
    size_t width);

void page_free(struct page *p);

#endif
