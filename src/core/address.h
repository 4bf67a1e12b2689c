/* address: the words of a query read together as one address. Each word
 * is parsed from its start as parts of a place (prefecture, county or
 * designated city, municipality or ward, town, then house numbers), and
 * every place a part names is a candidate; the candidate that explains the
 * most parts of the whole query, in any order, is the address. A town
 * counts only inside its municipality, so 栄 after 名古屋市中区 is a town
 * of Nagoya, not 栄町 of elsewhere, and 北区田端 is Tokyo's 北区. */
#ifndef MADOGUCHI_ADDRESS_H
#define MADOGUCHI_ADDRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "places.h"

/* At most this many words are read as one address. */
#define ADDRESS_MAX_WORDS 16

struct address_word {
	const char *text;      /* folded */
	const char *romaji;    /* text with romaji folded, for a word of
	                        * letters */
	pref_mask postal;      /* a postal code's prefectures, or 0 */
};

struct address {
	struct place_hits hits;   /* the prefectures of the best reading,
	                           * each with its place */
	bool explained[ADDRESS_MAX_WORDS]; /* words that reading explains */
	size_t town_place;        /* a place whose town was named, and */
	char town[TOWN_NAME_MAX + 1]; /* the town, folded; "" when none */
};

/* Reads words[0..n) as one address. True when a reading explains at least
 * two parts (a prefecture and its municipality, a city and its ward, a
 * municipality and one of its towns): then *out holds it. False when the
 * words name no more than one part of any place: each word then keeps its
 * own meaning. */
bool address_read(const struct places *p, const struct address_word *words,
    size_t n, struct address *out);

#endif
