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

/* A word as the search holds it, in the forms slips are counted from:
 * letters with their romanisation folded, as the names are (sinjyuku),
 * with their long vowels folded too (toukyoo), and as typed, against the
 * names in Hepburn (a slip breaks a folding: shziuoka folds to syjiuoka,
 * four from sizuoka but one from shizuoka); kana as it is. */
struct typo_query {
	struct typo_word form[3];
	bool hepburn[3]; /* form i is measured against names in Hepburn */
	size_t forms;
	unsigned bound; /* how many slips: none under 4 characters (too many
	                 * names are that close), 1 under 8, 2 from 8 */
};

/* q for a search's word: text as text_fold gives it and romaji its
 * text_fold_romaji form. false for other words than letters and kana
 * (kanji come from an IME's list, not from a slip of a key), and for
 * words too long, or too short to have slips. */
bool typo_query_set(struct typo_query *q, const char *text,
    const char *romaji);

/* The table of slips between a query's forms and a spelling of the names
 * it is measured against, row by row of a name's characters, kept from
 * one name to the next: names in sorted order share their first rows
 * (yokohamasi, and yokohamasiisogoku after it), and a name whose start is
 * already too far is given up with every name that shares that start. */
struct typo_table {
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
	} form[3];
};

struct typo_scan {
	const struct typo_query *q;
	unsigned limit; /* the most slips still wanted: at most q->bound */
	struct typo_table as_folded, as_hepburn;
	char hepburn[2][2 * 4 * TYPO_NAME_MAX + 1]; /* the last two names */
	size_t flip;
};

/* A scan for q; q must outlive it, and each name must stay as it is
 * until the next is scored. */
void typo_scan_begin(struct typo_scan *s, const struct typo_query *q);

/* The slips between form f of the query and name (len bytes, as folded):
 * the whole of it into *whole, and the fewest between the form and any
 * start of the name (the name being typed) into *start; each is bound + 1
 * when more. */
void typo_scan_distance(struct typo_scan *s, size_t f, const char *name,
    size_t len, unsigned *whole, unsigned *start);

/* What the name (as folded) is to the query, as a score: 4 a slip from
 * the whole name, or from a start of it (2 more) when only that is within
 * the bound; UINT_MAX when neither is. The score is even: 1 more is for
 * the caller to add for a name less likely meant than its equals. */
unsigned typo_scan_score(struct typo_scan *s, const char *name, size_t len);

/* Names with more than `slips` slips are no longer wanted (a closer one
 * was found): they are given up sooner. Never more than before. */
void typo_scan_narrow(struct typo_scan *s, unsigned slips);

/* After a name is scored: how many of its first bytes (as folded) no
 * name that starts with them can be wanted for, every form being past the
 * limit there; 0 when that is not known. A sorted scan skips the names
 * after that start so, as a spell checker skips a branch of its trie. */
size_t typo_scan_dead_bytes(const struct typo_scan *s);

#define TYPO_SLIPS(score) ((score) / 4)
#define TYPO_ONLY_START(score) (((score) & 2) != 0)

#endif
