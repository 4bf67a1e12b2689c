/* places: the municipalities of Japan and their postal codes, so that a
 * town, a ward or a postal code finds the prefecture whose desk serves it.
 * Read with tsv and validated like the desks; searched by filter. */
#ifndef MADOGUCHI_PLACES_H
#define MADOGUCHI_PLACES_H

#include <stdbool.h>
#include <stdint.h>

#include "tsv.h"

/* Prefecture codes are 1..47; a mask of them fits one word. */
typedef uint64_t pref_mask;

struct place {
	unsigned code;          /* 5 digits; the first two: the prefecture */
	const char *name, *kana;
	const char *folded_name, *folded_kana, *romaji; /* for search */
};

/* Where a second word starts in a place's folded name (after its 郡, or
 * after the city of a ward), so that 中央区 finds 札幌市中央区 and 木曽岬
 * finds 桑名郡木曽岬町; NULL when there is none. Found when asked, rather
 * than kept, as the places stay in memory for a whole session. */
const char *place_name_word(const struct place *pl);

/* The place's name as a search for the folded term shows it (NULL: found
 * by postal code): a ward found by its city's name, reading or romaji is
 * shown as the city, so 浜松 and hamamatsu say 浜松市, not 浜松市中央区. */
void place_display_name(const struct place *pl, const char *term, char *out,
    size_t cap);

/* The most municipalities one postal code is shared by. */
#define POSTAL_MAX_CITIES 8

struct postal_range {
	uint64_t endings[2];    /* bit n: the code prefix*100 + n exists */
	unsigned prefix;        /* the first five digits */
	unsigned short first;   /* its municipalities: postal_places[first..] */
	unsigned char nplaces;
};

struct places {
	struct place *places;
	size_t count;
	struct postal_range *postal; /* NULL until places_add_postal */
	size_t npostal;
	unsigned short *postal_places; /* indexes into places */
	size_t npostal_places;
	unsigned long postal_codes; /* codes the ranges hold */
	struct meta *meta;
	size_t meta_count;
};

/* Reads the municipality table (doc/data-format.md) into one owned
 * allocation; problems are reported with their line and column. */
enum table_status places_load(const char *places_tsv, size_t places_len,
    struct places **out, struct diags *d);

/* Adds the postal table, in an allocation of its own: a session that never
 * asks for a postal code never reads it. On failure p has no postal codes. */
enum table_status places_add_postal(struct places *p, const char *postal_tsv,
    size_t postal_len, struct diags *d);

void places_free(struct places *p);

/* What a search found: the prefectures, and for each the first place that
 * matched there (an index into places), for saying why. */
struct place_hits {
	pref_mask prefectures;
	unsigned short first[48];
};

/* Municipalities whose name, reading or romaji starts (or has a word that
 * starts) with the folded term; romaji is the term with romaji long vowels
 * folded. Short terms find nothing: a place needs 2 kana or kanji, or 3
 * letters. */
void places_by_name(const struct places *p, const char *term,
    const char *romaji, struct place_hits *hits);

/* Whether places_by_name searches for this folded term: it is long
 * enough (2 kana or kanji, 3 letters). */
bool places_term_searches(const char *term, const char *romaji);

/* Postal codes that start with the digits (3 to 7 of them; 7: that code). */
void places_by_postal(const struct places *p, const char *digits,
    struct place_hits *hits);

#endif
