/* table: the desk table read from a buffer or file into one owned
 * allocation, validated, with every problem reported as LINE:COL. No curses,
 * no printing, no exit. Cells are borrowed: valid until table_free. */
#ifndef MADOGUCHI_TABLE_H
#define MADOGUCHI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* A row, 80 bytes whatever its length: its cells lie one after another
 * in text, and its folded cells in fold, so two-byte offsets reach them (a
 * line is at most TSV_MAX_LINE bytes, its folded cells at most twice
 * that). A million rows: 80 MB of rows, not 232. */
struct desk {
	const char *text, *fold;
	uint32_t code;          /* at most 8 digits; a longer one: 10^8 */
	uint32_t line;
	uint16_t cell_at[FIELD_COUNT];
	/* Folded for search (text_fold; romaji also text_fold_romaji; phone
	 * as bare digits); DESK_UNFOLDED for columns that are not searched. */
	uint16_t folded_at[FIELD_COUNT];
	uint16_t kana_romaji_at; /* the kana in Hepburn romaji, folded */
	unsigned char contact;   /* enum contact_type */
};

#define DESK_UNFOLDED UINT16_MAX

static inline const char *
desk_cell(const struct desk *desk, enum field f)
{
	return desk->text + desk->cell_at[f];
}

/* NULL for a column that is not searched. */
static inline const char *
desk_folded(const struct desk *desk, enum field f)
{
	if (desk->folded_at[f] == DESK_UNFOLDED)
		return NULL;
	return desk->fold + desk->folded_at[f];
}

static inline const char *
desk_kana_romaji(const struct desk *desk)
{
	return desk->fold + desk->kana_romaji_at;
}

struct table {
	struct desk *desks;
	size_t count;
	struct meta *meta;
	size_t meta_count;
	char *text;  /* what the cells point into: the file as read */
};

/* Where a consultation is sent: the contact URL, the cyber crime page for
 * 上記ページから, or NULL when none is listed. */
const char *desk_contact_url(const struct desk *desk);

/* Reads len bytes of data. On TSV_OK *out owns a new table; otherwise
 * *out is NULL and d says why (d->count > 0, or errno for I/O). */
enum tsv_status table_load_buffer(const char *data, size_t len,
    struct table **out, struct diags *d);

/* Reads a file, or standard input for "-". TSV_IO_ERROR leaves errno. */
enum tsv_status table_load_file(const char *path, struct table **out,
    struct diags *d);

void table_free(struct table *t);

/* The first metadata line with this key and language ("ja", "en"; NULL
 * matches any) after `after` (NULL: the first of all), or NULL: a loop
 * over all of them reads the lines once. */
const struct meta *table_meta(const struct table *t, const char *key,
    const char *lang, const struct meta *after);

#endif
