/* words: a folded query as the words of an address, before the filter
 * reads them as terms: separators, 〒 and its code, house numbers, romaji
 * as an envelope from abroad writes it, English words for a suffix. */
#ifndef MADOGUCHI_WORDS_H
#define MADOGUCHI_WORDS_H

#include <stdbool.h>

/* The folded query as words: separators (spaces, commas, 、, line ends,
 * as a pasted address has them) become single spaces; 〒 sticks to its
 * code (〒 100-0001) and leaves what is glued after it (〒1000001東京都);
 * "100 0001" is one code. out needs strlen(in) + 1 bytes, and one more
 * for each 〒. */
void words_split(const char *in, char *out);

/* What an address has besides its places: house numbers and their words
 * (２丁目１－２, 三番地, 3F, #201). */
bool words_is_number(const char *s);

/* Romaji as an envelope from abroad writes it: Kan'onji-shi, Tokyo-to,
 * St. are one word; the apostrophes, hyphens and dots go. */
void words_join_romaji(char *s);

/* English words for an administrative suffix, as in "Hamamatsu City",
 * and romaji suffixes written apart (shinjuku ku): the romaji suffix they
 * stand for, glued to the word before. */
const char *words_english_suffix(const char *word);

/* The country, as an envelope ends (Japan, 日本): every desk is in it. */
bool words_is_country(const char *word);

#endif
