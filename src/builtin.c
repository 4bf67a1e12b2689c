/* builtin: see builtin.h. The desks come from data/ through embed.sh, the
 * places through tools/make-places.c. */
#include "builtin.h"

extern const unsigned char builtin_table[];
extern const unsigned long builtin_table_len;
extern struct places builtin_compiled_places;

const char *const builtin_place_tables[3] = {
	BUILTIN_NAME " places.tsv", BUILTIN_NAME " former.tsv",
	BUILTIN_NAME " postal.tsv",
};

enum table_status
builtin_desks(struct table **out, struct diags *d)
{
	return table_load_buffer((const char *)builtin_table, builtin_table_len,
	    out, d);
}

/* Compiled in with their postal codes: there is nothing to load. */
enum table_status
builtin_postal(struct places *p, struct diags *d)
{
	(void)p, (void)d;
	return TABLE_OK;
}

enum table_status
builtin_places(struct places **out, struct diags *d, int *which)
{
	(void)d;
	*which = 0;
	*out = &builtin_compiled_places;
	return TABLE_OK;
}

struct place_source
builtin_place_source(void)
{
	return (struct place_source){.load = builtin_places,
		.load_postal = builtin_postal};
}
