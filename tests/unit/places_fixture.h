/* places_fixture.h: the shipped desks and places, read from data/ as the
 * build embeds them, behind a place source as the browser has it; loaded
 * once for a group of tests: cmocka_run_group_tests_name(name, tests,
 * load, unload). */
#ifndef MADOGUCHI_TEST_PLACES_FIXTURE_H
#define MADOGUCHI_TEST_PLACES_FIXTURE_H

#include <stdlib.h>

#include "places.h"
#include "table.h"

static struct table *desks;
static struct diags diags;
static char *shipped_places, *shipped_former, *shipped_postal, *shipped_towns;
static size_t place_len, former_len, postal_len, towns_len;

static char *
slurp(const char *path, size_t *len)
{
	enum tsv_refusal refused;
	char *text = tsv_read_file(path, len, &refused);

	assert_non_null(text);
	return text;
}

/* The shipped tables, read from data/ as the build embeds them. */
/* The names with their towns, as make-places compiles them. */
static enum tsv_status
load_names(struct places **out, struct diags *d, int *which)
{
	enum tsv_status s = places_load(shipped_places, place_len,
	    shipped_former, former_len, out, d, which);

	if (s == TSV_OK && (s = places_add_towns(*out, shipped_towns,
	    towns_len, d)) != TSV_OK)
		*which = 3;
	return s;
}

static enum tsv_status
load_postal(struct places *p, struct diags *d)
{
	return places_add_postal(p, shipped_postal, postal_len, d);
}

static struct place_source source = {.load = load_names,
	.load_postal = load_postal};
static const struct places *places;

/* The prefectures of the place of key k (a former name's, now), for the
 * brute-force references. */
static inline pref_mask
key_prefectures(size_t k)
{
	const struct place *pl = &places->list[places->keys[k].place];
	pref_mask m = 0;

	if (!pl->nnow)
		return 1ULL << (pl->code / 1000);
	for (size_t i = 0; i < pl->nnow; i++)
		m |= 1ULL << (places->list[places->now[pl->first_now + i]].code /
		    1000);
	return m;
}

static int
load(void **state)
{
	(void)state;
	shipped_places = slurp("data/places.tsv", &place_len);
	shipped_former = slurp("data/former.tsv", &former_len);
	shipped_postal = slurp("data/postal.tsv", &postal_len);
	shipped_towns = slurp("data/towns.tsv", &towns_len);
	if (table_load_file("data/desks.tsv", &desks, &diags) != TSV_OK ||
	    !(places = place_source_get(&source, true)) || !places->postal)
		return -1;
	return 0;
}

static int
unload(void **state)
{
	(void)state;
	table_free(desks);
	place_source_free(&source);
	free(shipped_places);
	free(shipped_former);
	free(shipped_postal);
	free(shipped_towns);
	return 0;
}

#endif
