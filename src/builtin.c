/* builtin: see builtin.h. The arrays come from data/ through embed.sh. */
#include "builtin.h"

extern const unsigned char builtin_table[], builtin_places_tsv[],
    builtin_postal_tsv[];
extern const unsigned long builtin_table_len, builtin_places_tsv_len,
    builtin_postal_tsv_len;

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
builtin_places(struct places **out, struct diags *d, bool postal, int *which)
{
	enum table_status s = places_load((const char *)builtin_places_tsv,
	    builtin_places_tsv_len, out, d);

	*which = 0;
	if (s != TABLE_OK || !postal)
		return s;
	*which = 1;
	if ((s = builtin_postal(*out, d)) != TABLE_OK) {
		places_free(*out);
		*out = NULL;
	}
	return s;
}
