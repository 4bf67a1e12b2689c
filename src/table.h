/* table: the desk table read from a buffer or file into one owned
 * allocation, validated, with every problem reported as LINE:COL. No curses,
 * no printing, no exit. Cells are borrowed: valid until table_free. */
#ifndef MADOGUCHI_TABLE_H
#define MADOGUCHI_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "tsv.h"

/* The columns, in file order (doc/data-format.md). */
enum field {
	FIELD_CODE,
	FIELD_NAME,
	FIELD_PREFECTURE,
	FIELD_KANA,
	FIELD_ROMAJI,
	FIELD_REGION,
	FIELD_REGION_ROMAJI,
	FIELD_BUREAU,
	FIELD_PHONE,
	FIELD_PHONE_KIND,
	FIELD_CYBER_URL,
	FIELD_CONTACT,
	FIELD_CONTACT_KIND,
	FIELD_COUNT
};

enum contact_type { CONTACT_NONE, CONTACT_URL, CONTACT_SAME_PAGE };

/* What the source writes for "reached from the page above". */
#define TABLE_SAME_PAGE "上記ページから"
/* What the table writes for an empty cell: no bureau, no address, no mark. */
#define TABLE_NONE "-"

struct desk {
	const char *cell[FIELD_COUNT];
	/* Folded for search (text_fold; romaji also text_fold_romaji; phone
	 * as bare digits); NULL for columns that are not searched. */
	const char *folded[FIELD_COUNT];
	const char *kana_romaji; /* the kana in Hepburn romaji, folded */
	unsigned long code;
	unsigned line;
	enum contact_type contact;
};

struct table {
	struct desk *desks;
	size_t count;
	struct meta *meta;
	size_t meta_count;
};

/* Where a consultation is sent: the contact URL, the cyber crime page for
 * 上記ページから, or NULL when none is listed. */
const char *desk_contact_url(const struct desk *k);

/* Reads len bytes of data. On TABLE_OK *out owns a new table; otherwise
 * *out is NULL and d says why (d->count > 0, or errno for I/O). */
enum table_status table_load_buffer(const char *data, size_t len,
    struct table **out, struct diags *d);

/* Reads a file, or standard input for "-". TABLE_IO_ERROR leaves errno. */
enum table_status table_load_file(const char *path, struct table **out,
    struct diags *d);

void table_free(struct table *t);

/* The n-th (from 0) metadata line with this key and language ("ja", "en";
 * NULL matches any), or NULL. */
const struct meta *table_meta(const struct table *t, const char *key,
    const char *lang, size_t n);

#endif
