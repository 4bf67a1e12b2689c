/* builtin_places_tsv: the place tables embedded as text (embed.sh) and
 * loaded at the first query that needs them, for the static binary: a
 * third of the size of the compiled places (which would take it past
 * 2 MB), at the cost of each session's own copy. */
#include "builtin.h"

extern const unsigned char builtin_places_tsv[], builtin_former_tsv[],
    builtin_postal_tsv[];
extern const unsigned long builtin_places_tsv_len, builtin_former_tsv_len,
    builtin_postal_tsv_len;

enum tsv_status
builtin_postal(struct places *p, struct diags *d)
{
	return places_add_postal(p, (const char *)builtin_postal_tsv,
	    builtin_postal_tsv_len, d);
}

enum tsv_status
builtin_places(struct places **out, struct diags *d, int *which)
{
	return places_load((const char *)builtin_places_tsv,
	    builtin_places_tsv_len, (const char *)builtin_former_tsv,
	    builtin_former_tsv_len, out, d, which);
}
