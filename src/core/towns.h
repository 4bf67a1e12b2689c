/* towns: the towns (町域, 大字) of every municipality and their readings,
 * packed so that all 117,000 of them, kanji and kana, take about what the
 * kanji alone took as UTF-8. Each character is a code of one byte (the
 * 191 most frequent) or two; a municipality's towns are sorted by reading,
 * and each name and reading keeps the characters it shares with the one
 * before (北一条東, 北一条西: 3 kept, 1 new). Read a municipality at a time
 * with a cursor, which gives each town back as codes: a word is coded once
 * (towns_code) to be compared with them, and a town found is spelled back
 * in UTF-8 (towns_spell). */
#ifndef MADOGUCHI_TOWNS_H
#define MADOGUCHI_TOWNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest name a town may have, and the longest reading, in bytes of
 * UTF-8; and the most bytes of codes either takes. */
#define TOWN_NAME_MAX 80
#define TOWN_KANA_MAX 160
#define TOWN_CODED_MAX (2 * TOWN_KANA_MAX)

/* What a municipality's towns start with: a word that starts otherwise
 * is none of them, and they need not be read. */
struct town_starts {
	uint64_t bytes[4];  /* the first bytes of their names' and readings'
	                     * codes */
	uint32_t letters;   /* the first letters of their readings' romaji
	                     * (text_romaji_key), a bit each from a */
};

/* The packed towns of nplaces municipalities. No pointer inside: the same
 * structure is compiled into the program (tools/make-places.c). */
struct towns {
	const unsigned char *bytes; /* place i: bytes[at[i] .. at[i + 1]) */
	const uint32_t *at;         /* nplaces + 1 of them */
	const struct town_starts *starts; /* nplaces of them */
	const char (*chars)[4];     /* code c - 1: its UTF-8, NUL-padded */
	const uint16_t *by_text;    /* the codes - 1, in the order of chars */
	size_t nchars;
};

/* A town as the packer takes it: its municipality (ascending) and its
 * folded name and reading. */
struct town_row {
	size_t place;
	const char *name, *kana;
};

/* Packs rows[0..n) (reordered) for nplaces municipalities into one
 * allocation, *storage, which t points into. False when memory or the
 * codes run out (more than 16,511 characters). */
bool towns_pack(struct town_row *rows, size_t n, size_t nplaces,
    struct towns *t, void **storage);

/* One municipality's towns, a town at a time, as codes: a text is
 * compared with them once it is coded too (towns_code). */
struct town_cursor {
	const struct towns *t;
	const unsigned char *at, *end;
	unsigned char name[TOWN_CODED_MAX], kana[TOWN_CODED_MAX];
	size_t name_len, kana_len;
};

/* Whether a town of place may start with the codes (n > 0 bytes), or
 * with a letter of romaji. */
bool towns_may_start(const struct towns *t, size_t place,
    const unsigned char *codes, size_t n);
bool towns_may_spell(const struct towns *t, size_t place, char letter);

/* Starts on the towns of place (none past the places packed). */
void towns_open(const struct towns *t, size_t place, struct town_cursor *c);

/* The next town into c->name and c->kana; false after the last. */
bool towns_next(struct town_cursor *c);

/* The codes of s[0..len) into out (cap bytes), as far as its characters
 * are in some town (no town goes on past one that is not): how many.
 * ends[k] (cap + 1 entries) is how much of s the first k bytes of codes
 * spell, where k ends a character. */
size_t towns_code(const struct towns *t, const char *s, size_t len,
    unsigned char *out, size_t cap, size_t *ends);

/* The UTF-8 of codes[0..n) into out (cap bytes, NUL-terminated); its
 * length. */
size_t towns_spell(const struct towns *t, const unsigned char *codes,
    size_t n, char *out, size_t cap);

#endif
