/* builtin: see builtin.h. The desks come from data/ through embed.sh; the
 * places are compiled in (builtin_places.c, tools/make-places.c). */
#include "builtin.h"

extern const unsigned char builtin_table[];
extern const unsigned long builtin_table_len;

const char *const builtin_place_tables[3] = {
	BUILTIN_NAME " places.tsv", BUILTIN_NAME " former.tsv",
	BUILTIN_NAME " postal.tsv",
};

enum tsv_status
builtin_desks(struct table **out, struct diags *d)
{
	return table_load_buffer((const char *)builtin_table, builtin_table_len,
	    out, d);
}

struct place_source
builtin_place_source(void)
{
	return (struct place_source){.load = builtin_places,
		.load_postal = builtin_postal};
}
