/* place_keys: building the search keys of loaded places, for places.c;
 * place_search.c searches them. */
#ifndef MADOGUCHI_PLACE_KEYS_H
#define MADOGUCHI_PLACE_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "places.h"

/* No name, in any script, is longer: an address is looked up by at most
 * this many of its first bytes at a time. */
#define PLACE_KEY_MAX 160

/* Where a municipality's county (郡) or designated city (市, before a
 * ward) ends in its name: 0 for none. Only a town or village has a
 * county: 郡上市 and 大和郡山市 have none. */
size_t place_upper_end(const char *name);

/* The bytes of the administrative suffix a reading ends with (し, く,
 * ぐん, ちょう, まち, むら, そん, と, ふ, けん); 0 for none. */
size_t place_suffix_kana(const char *kana, size_t len);

/* The bytes of place i's kana that read its county or city (its first
 * upper bytes of name); 0 when not found. */
size_t place_upper_kana_len(const struct places *p, size_t i, size_t upper);

/* Builds p->keys from p->places (upper_len set); false when out of
 * memory. */
bool place_keys_build(struct places *p);

#endif
