/* typo: how far what was typed is from a name, in the slips of a keyboard
 * (a character left out, one too many, one wrong, two swapped), as a spell
 * checker bounds them: only up to a few slips, scaled to the word. */
#ifndef MADOGUCHI_TYPO_H
#define MADOGUCHI_TYPO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longer words are not looked for with slips: no name is that long. */
#define TYPO_MAX_CHARS 40
/* Characters of a name that are compared; a name is never longer. */
#define TYPO_NAME_MAX 200

struct typo_word {
	uint32_t cp[TYPO_MAX_CHARS];
	size_t len;
};

/* A word as the search holds it: as typed (its romanisation folded), and
 * as romaji folding left it when that differs (yokohma folds to yokoma,
 * two slips from yokohama); slips are counted from the closer. */
struct typo_query {
	struct typo_word form[2];
	size_t forms;
	unsigned bound; /* how many slips: none under 4 characters (too many
	                 * names are that close), 1 under 8, 2 from 8 */
};

/* q for a search's word: text as text_fold gives it and romaji its
 * text_fold_romaji form. Letters are compared with their romanisation
 * folded, long vowels as typed and as folded; kana as it is. false for
 * other words (kanji come from an IME's list, not from a slip of a key),
 * and for words too long, or too short to have slips. */
bool typo_query_set(struct typo_query *q, const char *text,
    const char *romaji);

/* Whether s is letters a to z only (true), or else kana (false). */
bool typo_is_letters(const char *s);

/* The table of slips between a query and the names it is measured
 * against, row by row of a name's characters, kept from one name to the
 * next: names in sorted order share their first rows (yokohamasi, and
 * yokohamasiisogoku after it), and a name whose start is already too far
 * is given up with every name that shares that start. */
struct typo_scan {
	const struct typo_query *q;
	const char *last;      /* the last name; its first `decoded` chars */
	size_t last_len, decoded;
	size_t end[TYPO_NAME_MAX + 1];  /* bytes of its first j chars */
	uint32_t cp[TYPO_NAME_MAX + 1]; /* its character j, from 1 */
	struct typo_rows {
		size_t rows; /* rows computed: chars 1 .. rows of the name */
		unsigned char d[TYPO_NAME_MAX + 1][TYPO_MAX_CHARS + 1];
		unsigned char start[TYPO_NAME_MAX + 1]; /* fewest to a start
		                                         * of up to j chars */
		unsigned char lowest[TYPO_NAME_MAX + 1]; /* of row j */
	} form[2];
};

/* A scan for q; q must outlive it, and each name must stay as it is
 * until the next is scored. */
void typo_scan_begin(struct typo_scan *s, const struct typo_query *q);

/* The slips between form f of the query and name (len bytes): the whole
 * of it into *whole, and the fewest between it and any start of the name
 * (the name being typed) into *start; each is bound + 1 when more. */
void typo_scan_distance(struct typo_scan *s, size_t f, const char *name,
    size_t len, unsigned *whole, unsigned *start);

/* What the name is to the query, as a score: 2 a slip from the whole
 * name, or 2 a slip and 1 more when only a start of it is within the
 * bound; UINT_MAX when neither is. */
unsigned typo_scan_score(struct typo_scan *s, const char *name, size_t len);

#endif
