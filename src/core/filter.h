/* filter: the query language shared by the browser and the command line.
 * A query is compiled once per keystroke; rows are tested against the
 * table's pre-folded cells, and match spans are found for shown rows only. */
#ifndef MADOGUCHI_FILTER_H
#define MADOGUCHI_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "places.h"
#include "table.h"

#define FILTER_MAX_TERMS 16
/* The bureau is matched only by a term that names a 管区, so that 関東
 * means the region and 関東管区 the bureau. */
#define FILTER_BUREAU_MARK "管区"
#define FILTER_MAX_QUERY 1024

enum term_kind {
	TERM_TEXT,   /* names, kana, romaji, region; bureau when it has 管区;
	              * places and addresses */
	TERM_CODE,   /* one or two digits: the JIS code */
	TERM_PHONE,  /* three or more digits, hyphens allowed; the start of a
	              * postal code too when it has that form (100-, 100-00) */
	TERM_POSTAL, /* a postal code that exists (1000001, 100-0001), or 〒
	              * and 3 to 7 digits: never a phone number */
};

struct filter_term {
	enum term_kind kind;
	bool negate;
	bool number;        /* digits, 丁目, 番地, 号...: a part of an address */
	bool house;         /* a house number as written (2-8-1, 3丁目): no
	                     * phone starts so, and it names no place */
	const char *text;   /* folded; digits only for TERM_PHONE, POSTAL */
	const char *romaji; /* text with romaji long vowels folded */
	unsigned long code;
	struct place_hits hits;   /* prefectures reached through places */
	bool postal;              /* places came from a postal code */
	bool in_address;  /* a part of the address the query was read as:
	                   * it reaches that address's prefectures only */
	bool optional;    /* a word that address leaves unexplained (a
	                   * building): asked only while rows remain */
	bool unfinished;  /* the last word, too short for a place search:
	                   * after an address, the start of its next part
	                   * (港区 あ of 赤坂), not asked at all */
	/* When hits has nothing and the query lists nothing else: what
	 * places_near found, and its score (0: nothing); filter_run looks
	 * it up then, and reads the term by it. */
	struct place_hits near;
	unsigned near_score;
};

struct filter {
	struct filter_term terms[FILTER_MAX_TERMS];
	size_t count;
	/* A term is an address, a place with its suffix or a postal code:
	 * numbers, and words that reach no desk (the town, the building),
	 * are parts of the address and do not narrow the list. */
	bool address;
	const struct places *places; /* what the terms were looked up in */
	/* The town the address named in place town_place, folded; "" for
	 * none. */
	char town[TOWN_NAME_MAX + 1];
	size_t town_place;
	/* After filter_run: the near score each term was read at (0: as
	 * typed), the prefectures' desks listed that way, and whether that
	 * was through slips ("did you mean"), not short starts. */
	unsigned near_tier[FILTER_MAX_TERMS];
	pref_mask near_listed;
	bool near_slips;
	char buf[6 * FILTER_MAX_QUERY];
};

/* A matched byte range [start, end) of a cell as the table holds it. */
struct span {
	size_t start, end;
};

/* Compiles query (UTF-8; bytes past FILTER_MAX_QUERY and terms past
 * FILTER_MAX_TERMS are ignored). An empty query matches every row. With
 * a place source (may be NULL), terms also find the prefectures of
 * municipalities, addresses and postal codes; the source loads what they
 * need the first time they need it. */
void filter_compile(struct filter *f, const char *query,
    struct place_source *places);

/* Writes the indexes of matching rows to rows (room for t->count), each
 * once, and returns how many there are. Order: a whole cell of the desk's
 * own (name, prefecture, kana, romaji) matched, then a place the query
 * names (an address, a municipality), then a designated city's ward of
 * that name, then the start of a cell, then the start of a place's name,
 * then a match inside a cell or a region, then the start of a postal
 * code; within each, table order. When a place is named exactly, desks
 * found only inside a cell are left out.
 *
 * When that lists nothing, or only words inside cells, the words that
 * found nothing are read as what they are near (places_near, and the
 * desks' own romaji, kana and region within as many slips): those rows
 * come after, and f->near_listed records them.
 * Words an address leaves unexplained are dropped while rows remain, but
 * never all the words asked. *direct (may be NULL) gets how many matched
 * on their own cells, not through a place or a slip. */
size_t filter_run(struct filter *f, const struct table *t, size_t *rows,
    size_t *direct);

/* Whether filter_run listed desk only as what a slip may have meant. */
bool filter_suggested(const struct filter *f, const struct desk *desk);

/* Where the positive terms match cell `field` of desk: up to max spans,
 * sorted and merged. Returns how many were written. */
size_t filter_spans(const struct filter *f, const struct desk *desk,
    enum field field, struct span *spans, size_t max);

/* Room for what filter_place and filter_place_read write: a place's
 * name, a postal code, and romaji; longer is cut. */
#define FILTER_PLACE_MAX 256

/* Why desk matched through a place, when it did: the municipality
 * (浜松市), or the postal code and its municipality (〒100-0001 千代田区),
 * written to out; with ascii, in ASCII only (Hamamatsu-shi, ZIP 100-0001
 * Chiyoda-ku); for a desk a slip meant (filter_suggested), that place or
 * the desk's prefecture; false when every term matched the desk's own
 * cells. */
bool filter_place(const struct filter *f, const struct desk *desk, bool ascii,
    char *out, size_t cap);

/* The same for a reader of English (english set): the place in kanji
 * with its romaji beside it, once: 浜松市 (Hamamatsu-shi). */
bool filter_place_read(const struct filter *f, const struct desk *desk,
    bool english, bool ascii, char *out, size_t cap);

#endif
