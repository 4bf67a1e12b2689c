/* places: the prefectures and municipalities of Japan, names they had
 * until recently, and their postal codes, so that a town, a ward, a postal
 * code or a whole address finds the prefecture whose desk serves it. Read
 * with tsv and validated like the desks; searched by filter. */
#ifndef MADOGUCHI_PLACES_H
#define MADOGUCHI_PLACES_H

#include <stdbool.h>
#include <stdint.h>

#include "towns.h"
#include "tsv.h"

/* Prefecture codes are 1..47; a mask of them fits one word. */
typedef uint64_t pref_mask;

struct place {
	unsigned code;       /* 5 digits; the first two: the prefecture;
	                      * NN000: the prefecture itself */
	uint32_t name, kana; /* offsets in places.text; kana is "" for a
	                      * former name */
	unsigned char upper_len; /* bytes of name that are its county (郡)
	                          * or designated city (市); 0: none */
	unsigned char nnow;  /* a former name: the places it is now part of,
	                      * now[first_now ..]; 0 for a current place */
	unsigned short first_now;
};

/* A form of a place's name that a search looks up: the whole name, its
 * own part without the county or city, the county or city alone, each in
 * kanji, kana and romaji, with and without the suffix (市, く, shi). */
struct place_key {
	uint32_t text;       /* offset of its folded text in key_text */
	unsigned short place;
	unsigned char kind;  /* PLACE_KEY_* */
};

enum {
	PLACE_KEY_SUFFIXED = 1, /* ends with 都道府県郡市区町村 or its reading */
	PLACE_KEY_PREF = 2,     /* the place is a prefecture */
	PLACE_KEY_UPPER = 4,    /* the county or designated city alone */
	PLACE_KEY_PART = 8,     /* the place's own name without its county
	                         * or city */
};

/* The most municipalities one postal code is shared by. */
#define POSTAL_MAX_CITIES 8

struct postal_range {
	uint64_t endings[2];    /* bit n: the code prefix*100 + n exists */
	unsigned prefix;        /* the first five digits */
	unsigned short first;   /* its municipalities: postal_places[first..] */
	unsigned char nplaces;
};

/* Read-only once built: the built-in places are compiled into the program
 * (tools/make-places.c) as this same structure, shared by every process
 * that runs it; no pointer inside an array, so no page of them is written
 * when the program starts. */
struct places {
	const struct place *list; /* by code, then the former names */
	size_t count, current;  /* all of them; the current ones */
	const char *text;       /* their names and readings */
	const unsigned short *now; /* the places former names are part of */
	const struct place_key *keys; /* sorted by text */
	size_t nkeys;
	const char *key_text;
	const struct postal_range *postal; /* NULL until places_add_postal */
	size_t npostal;
	const unsigned short *postal_places; /* indexes into places */
	size_t npostal_places;
	unsigned long postal_codes; /* codes the ranges hold */
	/* The towns (町域) of the current places and their readings, packed
	 * (towns.h); no bytes until places_add_towns. */
	struct towns towns;
	/* What places_free gives back; all NULL for the compiled places. */
	void *storage, *key_storage, *key_text_storage, *postal_storage,
	    *town_storage;
};

static inline const char *
place_name(const struct places *p, const struct place *pl)
{
	return p->text + pl->name;
}

static inline const char *
place_kana(const struct places *p, const struct place *pl)
{
	return p->text + pl->kana;
}

/* Reads the place table and the former names (doc/data-format.md) and
 * builds the search keys; problems are reported with their line and
 * column, *which saying in which table (0: places, 1: former names). */
enum tsv_status places_load(const char *places_tsv, size_t places_len,
    const char *former_tsv, size_t former_len, struct places **out,
    struct diags *d, int *which);

/* Adds the postal table, in an allocation of its own: a session that never
 * asks for a postal code never reads it. On failure p has no postal codes. */
enum tsv_status places_add_postal(struct places *p, const char *postal_tsv,
    size_t postal_len, struct diags *d);

/* Adds the towns (code, town, reading; grouped by code in ascending
 * order), folded and packed (towns.h) in an allocation of their own. On
 * failure p has no towns. */
enum tsv_status places_add_towns(struct places *p, const char *towns_tsv,
    size_t towns_len, struct diags *d);

void places_free(struct places *p);

/* How a place matched a term, from best to worst: its name, a designated
 * city's ward by its own name (北区 is Tokyo's ward before Sapporo's), the
 * start of its name, the start of its postal codes typed without 〒
 * (430: also the middle of a phone number). */
enum place_rank {
	PLACE_EXACT, PLACE_WARD, PLACE_BY_START, PLACE_CODE_START, PLACE_RANKS
};

/* What a search found: the prefectures, and for each the place that
 * matched there best (an index into places), for saying why. */
struct place_hits {
	pref_mask prefectures;
	unsigned short first[48];
	unsigned char rank[48];  /* enum place_rank */
	bool upper[48];          /* found by its county or city alone */
	bool anchor;  /* the term names a place with its suffix (市, -shi), or
	               * is an address or a postal code: the words around it
	               * may be parts of an address that name no place */
	bool whole;   /* the whole term is a name or the start of one */
	bool former;  /* a name no place has now, found as the ward or town
	               * it lives on as (浦和市 → さいたま市浦和区) */
};

/* Places that the folded term names or starts, or an address the term
 * begins with: 〒 code aside, an optional prefecture, then the longest
 * municipality name (county, city and ward) that fits; what follows (town,
 * 丁目, building) is not needed. A term that names a prefecture and a
 * municipality not in it finds the prefecture. romaji is the term with
 * romaji long vowels folded, used when the term is all letters. Partial
 * names need 2 kana or kanji, or 3 letters; whole ones, one (津, 森). A
 * whole name with its suffix is that place alone: tsushi is 津市, not
 * also the start of 津島市. */
void places_find(const struct places *p, const char *term,
    const char *romaji, struct place_hits *hits);

/* The keys equal to s[0..len): how many, the first at *first. */
size_t places_keys_equal(const struct places *p, const char *s, size_t len,
    size_t *first);

/* The keys that start with s[0..len): how many, the first at *first. */
size_t places_keys_starting(const struct places *p, const char *s,
    size_t len, size_t *first);

/* Whether a key starts with s[0..len). */
bool places_keys_start(const struct places *p, const char *s, size_t len);

/* What places_near found, as a score (typo_scan_score's): NEAR_START for
 * the places a word too short for places_find starts (ha, 浜), a start
 * with no slip; else 4 a slip, 2 more when only the start of a name is
 * that close (hamamt: hamamatsu), 1 more for a name with its suffix or a
 * county alone. */
#define NEAR_START 2

/* For a term that places_find found nothing for: the places it starts
 * though it is short (2 letters or 1 kana or kanji), or else, in romaji
 * or kana of 4 characters or more, those within the fewest slips
 * (typo.h): tokio 東京都, hamamtsu 浜松市. Returns the score of what it
 * found (0 for nothing). */
unsigned places_near(const struct places *p, const char *term,
    const char *romaji, struct place_hits *hits);

/* Postal codes that start with the digits (3 to 7 of them; 7: that code),
 * as hits of this rank: PLACE_EXACT for what has a postal code's form
 * (〒430, 430-), PLACE_CODE_START for digits alone, which may as well be
 * a phone's (430); only the first anchor an address. */
void places_by_postal(const struct places *p, const char *digits,
    enum place_rank rank, struct place_hits *hits);

/* The place as a search shows it: its name, its county or city alone when
 * found by that, and a former name with what it is now (浜松市中区 →
 * 浜松市中央区). */
void place_display_name(const struct places *p, size_t place, bool upper,
    bool ascii,
    char *out, size_t cap);

/* The built-in places, loaded the first time a query needs them: the
 * names when a term could be one, the postal codes when a term has the
 * form of one. The filter asks; whoever holds the source never loads. */
struct place_source {
	enum tsv_status (*load)(struct places **out, struct diags *d,
	    int *which);
	enum tsv_status (*load_postal)(struct places *p, struct diags *d);
	struct places *places;
	bool tried, postal_tried;
	enum tsv_status status;  /* of the first load that failed */
	int which;                 /* 0, 1: as places_load; 2: postal */
	struct diags *diags;       /* its problems, when it failed */
};

/* The places with or without postal codes; NULL when they could not be
 * loaded (source->status says why). */
const struct places *place_source_get(struct place_source *s, bool postal);

void place_source_free(struct place_source *s);

#endif
