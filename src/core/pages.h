/* pages: the detail panel of a desk and the help screen as lines of text
 * wrapped to a width, each with a style. No curses; the drawing code only
 * paints these lines. */
#ifndef MADOGUCHI_PAGES_H
#define MADOGUCHI_PAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "filter.h"
#include "labels.h"
#include "table.h"

enum line_style {
	STYLE_TEXT, STYLE_LABEL, STYLE_URL, STYLE_PHONE,
	STYLE_NOTE,
};

struct page_line {
	char *text; /* safe to show (text_sanitize), fits the width */
	enum line_style style;
	/* STYLE_URL: the whole URL this line shows (part of), printable
	 * ASCII, for a terminal's hyperlink; NULL for other lines. It points
	 * into the table, which outlives the page. */
	const char *link;
};

/* How a page is written: the language, the width, and whether only ASCII
 * can be shown (no UTF-8 locale, or --ascii): then names are in romaji. */
/* What is the same for every desk of a table at a width, in a language:
 * the lines its longest URL takes, and its longest police bureau line. */
struct page_heights {
	size_t url, bureau;
};

struct page_setup {
	enum lang lang;
	bool ascii;
	size_t width;
	/* The heights every desk's sections are padded to (page_heights_of),
	 * so that moving between desks leaves every label where it was and
	 * the terminal is sent only what changed. NULL: compact, no padding
	 * (a phone's screen, the line mode). */
	const struct page_heights *fixed;
	bool line_mode; /* the help names the line mode's commands, not keys */
};

/* The lines' text, in blocks a page keeps from one writing to the next:
 * a frame's page costs no allocation once the blocks are there. */
struct page_text;

/* A page starts zeroed ({0}); page_begin (which every builder calls)
 * keeps its memory, page_free gives it back. */
struct page {
	struct page_line *lines;
	size_t count, capacity;
	struct page_text *text, *fill; /* the blocks; the one being filled */
	struct page_setup setup;
	bool failed; /* out of memory: the page is cut short */
	bool counting; /* lines are counted, not kept (a height measured) */
};

/* The detail of desk; found_via names the place (a municipality or a
 * postal code) through which it was found, or, guessed, the place (or
 * the desk) that a slip of the query may have meant. It is "" when k was found
 * directly but other desks of the list through a place: the line stays,
 * blank, so that a move between them shifts nothing. NULL: no such line. */
void page_detail(struct page *p, const struct desk *desk,
    const struct page_setup *setup, const char *found_via, bool guessed);

/* The help screen: national contacts, keys, query language, the source's
 * notes and marks, and where the data comes from. */
void page_help(struct page *p, const struct table *t,
    const struct page_setup *setup);

/* What a query that lists nothing shows: that nothing matches, what can
 * be typed, and the national contacts, which answer wherever one is. */
void page_miss(struct page *p, const struct table *t,
    const struct page_setup *setup);

void page_free(struct page *p);

/* The heights of t's desks at setup's width and language: worked out once
 * for them, not for every frame. */
void page_heights_of(const struct table *t, const struct page_setup *setup,
    struct page_heights *out);

/* The page's lines that show something: the padding after the last one
 * is not scrolled to. */
size_t page_content(const struct page *p);

/* The note of a listed desk, as every front end writes it: the place it
 * was found through (浜松市), or what a slip may have meant (もしかして:
 * 浜松市; did you mean Hamamatsu-shi?). false when there is none. */
bool page_row_note(const struct filter *f, const struct desk *desk,
    enum lang lang, bool ascii, char *out, size_t cap);

/* For the page builders (pages.c, help.c): an empty page written so (a
 * width of at least 1), in the memory p had. */
void page_begin(struct page *p, const struct page_setup *setup);

/* For the page builders (pages.c, help.c): adds text wrapped to the page
 * width after indent columns, the lines after the first hang columns more
 * (a wrapped line goes on under its text, not its key); prose breaks after
 * a space, URLs after / ? & = and are links. */
void page_add(struct page *p, size_t indent, size_t hang,
    enum line_style style, const char *text);
#if defined(__GNUC__)
#define PAGE_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PAGE_PRINTF(f, a)
#endif
void page_addf(struct page *p, size_t indent, enum line_style style,
    const char *fmt, ...) PAGE_PRINTF(4, 5);
/* A label that is a format (label_format), filled and added. */
void page_add_label(struct page *p, size_t indent, enum line_style style,
    enum label id, ...);
void page_blank(struct page *p);

#endif
