/* builtin: see builtin.h. The arrays come from data/ through embed.sh. */
#include "builtin.h"

extern const unsigned char builtin_table[], builtin_places_tsv[],
    builtin_former_tsv[], builtin_postal_tsv[];
extern const unsigned long builtin_table_len, builtin_places_tsv_len,
    builtin_former_tsv_len, builtin_postal_tsv_len;

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

enum table_status
builtin_postal(struct places *p, struct diags *d)
{
	return places_add_postal(p, (const char *)builtin_postal_tsv,
	    builtin_postal_tsv_len, d);
}

enum table_status
builtin_places(struct places **out, struct diags *d, int *which)
{
	return places_load((const char *)builtin_places_tsv,
	    builtin_places_tsv_len, (const char *)builtin_former_tsv,
	    builtin_former_tsv_len, out, d, which);
}

struct place_source
builtin_place_source(void)
{
	return (struct place_source){.load = builtin_places,
		.load_postal = builtin_postal};
}
