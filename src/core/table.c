/* table: see table.h. tsv reads the lines of a private copy of the input
 * and hands each row to check_desk; a second step folds the searchable
 * cells. */
#include "table.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count_of.h"
#include "text.h"

/* Codes have at most 8 digits; a longer one is reported as such. */
#define CODE_LIMIT 100000000UL

static const char *const field_names[FIELD_COUNT] = {
	"code", "name", "prefecture", "kana", "romaji", "region",
	"region_romaji", "bureau", "phone", "phone_kind", "cyber_url",
	"contact", "contact_kind",
};

static bool
one_of(const char *s, const char *const *choices)
{
	for (; *choices; choices++)
		if (strcmp(s, *choices) == 0)
			return true;
	return false;
}

static void
check_url(const struct tsv_cursor *c, const char *cell, const char *name)
{
	const char *p = cell;
	size_t host;

	if (strncmp(p, "https://", 8) == 0)
		p += 8;
	else if (strncmp(p, "http://", 7) == 0)
		p += 7;
	else {
		tsv_report_cell(c, cell, "column '%s' is not an http:// or "
		    "https:// URL: '%s'", name, cell);
		return;
	}
	host = tsv_span(p, TSV_HOST);
	if (host == 0) {
		tsv_report_at(c, p, "URL in column '%s' has no host name", name);
		return;
	}
	p += host;
	if (*p == ':')
		p += 1 + tsv_span(p + 1, TSV_DIGIT);
	if (*p != '\0' && *p != '/' && *p != '?' && *p != '#') {
		tsv_report_cell(c, p, "URL in column '%s' has a bad host name: "
		    "'%s'", name, cell);
		return;
	}
	p += tsv_span(p, TSV_URL);
	if (*p != '\0')
		tsv_report_cell(c, p, "URL in column '%s' has a character that a "
		    "URL cannot hold: '%s'", name, p);
}

/* 0AB-CDE-FGHI: three groups of digits, 10 or 11 digits, leading 0. */
static void
check_phone(const struct tsv_cursor *c, const char *cell)
{
	size_t digits = 0, groups = 0;
	const char *p = cell;

	while (*p) {
		size_t n = tsv_span(p, TSV_DIGIT);

		if (n == 0)
			break;
		digits += n;
		groups++;
		p += n;
		if (*p != '-')
			break;
		p++;
	}
	if (*p != '\0')
		tsv_report_cell(c, p, "column '%s' has a character other than a "
		    "digit or a single hyphen: '%s'", "phone", cell);
	else if (cell[0] != '0' || groups != 3 || digits < 10 || digits > 11)
		tsv_report_cell(c, cell, "column '%s' is not a phone number of the "
		    "form 0AB-CDE-FGHI (10 or 11 digits): '%s'", "phone", cell);
}

static const char *const phone_kinds[] = {"総", "代", "専", NULL};
static const char *const contact_kinds[] = {"全", "専", "情報・専", TABLE_NONE,
	NULL};

static void
check_text_cells(const struct tsv_cursor *c, struct desk *desk)
{
	static const enum field required[] = {FIELD_NAME, FIELD_PREFECTURE,
		FIELD_REGION, FIELD_BUREAU};
	static const enum field latin[] = {FIELD_ROMAJI, FIELD_REGION_ROMAJI};

	for (size_t i = 0; i < COUNT_OF(required); i++)
		if (desk_cell(desk, required[i])[0] == '\0')
			tsv_report_at(c, desk_cell(desk, required[i]),
			    "column '%s' is empty", field_names[required[i]]);
	if (!tsv_is_kana(desk_cell(desk, FIELD_KANA)))
		tsv_report_cell(c, desk_cell(desk, FIELD_KANA),
		    "column '%s' must be hiragana: '%s'", "kana",
		    desk_cell(desk, FIELD_KANA));
	for (size_t i = 0; i < COUNT_OF(latin); i++)
		if (!tsv_all_of(desk_cell(desk, latin[i]), TSV_LATIN))
			tsv_report_cell(c, desk_cell(desk, latin[i]),
			    "column '%s' must be Latin letters: '%s'",
			    field_names[latin[i]], desk_cell(desk, latin[i]));
}

static void
check_contact(const struct tsv_cursor *c, struct desk *desk)
{
	const char *contact = desk_cell(desk, FIELD_CONTACT);
	const char *kind = desk_cell(desk, FIELD_CONTACT_KIND);

	if (strcmp(contact, TABLE_NONE) == 0 || contact[0] == '\0')
		desk->contact = CONTACT_NONE; /* 「-」 in the source, or no line */
	else if (strcmp(contact, TABLE_SAME_PAGE) == 0)
		desk->contact = CONTACT_SAME_PAGE;
	else {
		desk->contact = CONTACT_URL;
		check_url(c, contact, "contact");
	}
	if (!one_of(kind, contact_kinds))
		tsv_report_cell(c, kind, "column '%s' is not one of 全, 専, "
		    "情報・専 or -: '%s'", "contact_kind", kind);
	else if (desk->contact == CONTACT_NONE && strcmp(kind, TABLE_NONE) != 0)
		tsv_report_cell(c, kind, "column '%s' gives a mark but there is "
		    "no address: '%s'", "contact_kind", kind);
}

static void
check_desk(const struct tsv_cursor *c, struct desk *desk)
{
	const char *code = desk_cell(desk, FIELD_CODE);
	unsigned long value = strtoul(code, NULL, 10);

	if (!tsv_all_of(code, TSV_DIGIT) || strlen(code) > 8)
		tsv_report_cell(c, code, "column '%s' is not a number of 1 to 8 "
		    "digits: '%s'", "code", code);
	desk->code = (uint32_t)(value < CODE_LIMIT ? value : CODE_LIMIT);
	check_text_cells(c, desk);
	check_phone(c, desk_cell(desk, FIELD_PHONE));
	if (!one_of(desk_cell(desk, FIELD_PHONE_KIND), phone_kinds))
		tsv_report_cell(c, desk_cell(desk, FIELD_PHONE_KIND),
		    "column '%s' is not one of 総, 代 or 専: '%s'", "phone_kind",
		    desk_cell(desk, FIELD_PHONE_KIND));
	check_url(c, desk_cell(desk, FIELD_CYBER_URL), "cyber_url");
	check_contact(c, desk);
}

static void
desk_row(void *ctx, const struct tsv_cursor *c, char **cells)
{
	struct table *t = ctx;
	struct desk *desk = &t->desks[t->count++];

	/* The cells follow each other in the line, split at its tabs. */
	desk->text = cells[0];
	for (size_t i = 0; i < FIELD_COUNT; i++)
		desk->cell_at[i] = (uint16_t)(cells[i] - cells[0]);
	desk->line = (uint32_t)c->line;
	check_desk(c, desk);
}

static const struct meta_key desk_meta_keys[] = {
	{"title", 1, false}, {"publisher", 1, false}, {"provenance", 1, true},
	{"note", 1, true}, {"national", 2, true},
};

static const struct tsv_schema desk_schema = {
	field_names, FIELD_COUNT, desk_meta_keys,
	COUNT_OF(desk_meta_keys), desk_row, NULL,
};


struct code_at {
	unsigned long code;
	size_t row;
};

static int
by_code_then_row(const void *a, const void *b)
{
	const struct code_at *x = a, *y = b;

	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* Duplicates by sorting the codes with their rows: memory in proportion to
 * the rows (not a bitmap of every possible code), reported in row order,
 * each with the line of the first row of its code. */
static enum tsv_status
check_duplicates(const struct table *t, struct diags *d)
{
	struct code_at *sorted = malloc((t->count + 1) * sizeof *sorted);
	unsigned *first = calloc(t->count + 1, sizeof *first);
	bool in_order = true;

	if (!sorted || !first) {
		free(sorted);
		free(first);
		return TSV_IO_ERROR;
	}
	for (size_t i = 0; i < t->count; i++) {
		sorted[i] = (struct code_at){t->desks[i].code, i};
		in_order = in_order && (i == 0 || sorted[i - 1].code <= sorted[i].code);
	}
	/* Tables are kept in code order: then they are sorted already. */
	if (!in_order)
		qsort(sorted, t->count, sizeof *sorted, by_code_then_row);
	for (size_t i = 0, j; i < t->count; i = j)
		for (j = i + 1; j < t->count && sorted[j].code == sorted[i].code;
		    j++)
			if (sorted[i].code < CODE_LIMIT) /* else: too long, said */
				first[sorted[j].row] = t->desks[sorted[i].row].line;
	for (size_t i = 0; i < t->count; i++)
		if (first[i])
			tsv_report(d, t->desks[i].line, 1, "duplicate code %s "
			    "(first on line %u)",
			    desk_cell(&t->desks[i], FIELD_CODE),
			    first[i]);
	free(sorted);
	free(first);
	return TSV_OK;
}

/* Fills desk->folded_at from the fold area; returns its next byte. */
static char *
fold_desk(struct desk *desk, char *out)
{
	static const enum field searched[] = {FIELD_NAME, FIELD_PREFECTURE,
		FIELD_KANA, FIELD_ROMAJI, FIELD_REGION, FIELD_REGION_ROMAJI,
		FIELD_BUREAU};
	char *kana = NULL;
	size_t n, kana_len = 0;

	desk->fold = out;
	for (size_t i = 0; i < FIELD_COUNT; i++)
		desk->folded_at[i] = DESK_UNFOLDED;
	for (size_t i = 0; i < COUNT_OF(searched); i++) {
		enum field f = searched[i];
		/* No searched column is the last: the next cell's start, less
		 * the NUL between them, is where this one ends. */
		size_t len = (size_t)(desk->cell_at[f + 1] - desk->cell_at[f] - 1);

		n = text_fold(desk_cell(desk, f), len, out, NULL);
		if (f == FIELD_ROMAJI || f == FIELD_REGION_ROMAJI)
			n = text_fold_romaji(out, n, NULL);
		if (f == FIELD_KANA) {
			kana = out;
			kana_len = n;
		}
		desk->folded_at[f] = (uint16_t)(out - desk->fold);
		out += n + 1;
	}
	desk->kana_romaji_at = (uint16_t)(out - desk->fold);
	n = text_kana_romaji(kana, kana_len, out);
	out += text_fold_romaji(out, n, NULL) + 1;
	desk->folded_at[FIELD_PHONE] = (uint16_t)(out - desk->fold);
	n = text_fold_phone(desk_cell(desk, FIELD_PHONE),
	    strlen(desk_cell(desk, FIELD_PHONE)), out, NULL);
	return out + n + 1;
}

/* The rows, the metadata and the folded cells (never longer than the text,
 * and the kana's romaji never longer than the kana: twice the text) in one
 * allocation; the text, parsed in place, is another. */
static struct table *
allocate(const char *text, size_t len, char **fold)
{
	size_t metas, lines = tsv_count_lines(text, len, &metas);
	/* A row has FIELD_COUNT cells, so FIELD_COUNT - 1 tabs and its end:
	 * room for more rows than the bytes could hold would be wasted (empty
	 * lines once asked for a row each). */
	size_t rows = lines < (len + 1) / FIELD_COUNT + 1 ? lines :
	    (len + 1) / FIELD_COUNT + 1;
	size_t sizes[4];
	void *parts[4];
	struct table *t;

	if (rows > TSV_MAX_ROWS)
		rows = TSV_MAX_ROWS;
	sizes[0] = sizeof *t;
	sizes[1] = rows * sizeof(struct desk);
	sizes[2] = metas * sizeof(struct meta);
	sizes[3] = 2 * (len + 1);
	if (!(t = tsv_alloc_parts(4, sizes, parts)))
		return NULL;
	memset(t, 0, sizeof *t);
	t->desks = parts[1];
	t->meta = parts[2];
	*fold = parts[3];
	return t;
}

/* Parses text (len bytes, and room for one more) in place; the table owns
 * it from here on, whatever happens. */
static enum tsv_status
load_text(char *text, size_t len, struct table **out, struct diags *d)
{
	struct table *t;
	const char *start = tsv_skip_bom(text, &len);
	char *rows = text + (start - text), *fold;

	*out = NULL;
	if (!(t = allocate(rows, len, &fold))) {
		free(text);
		return TSV_IO_ERROR;
	}
	t->text = text;
	rows[len] = '\0';
	tsv_parse(rows, len, &desk_schema, t, t->meta, &t->meta_count, d);
	if (check_duplicates(t, d) != TSV_OK) {
		table_free(t);
		return TSV_IO_ERROR;
	}
	if (d->count > 0) {
		table_free(t);
		return TSV_INVALID;
	}
	for (size_t i = 0; i < t->count; i++)
		fold = fold_desk(&t->desks[i], fold);
	*out = t;
	return TSV_OK;
}

enum tsv_status
table_load_buffer(const char *data, size_t len, struct table **out,
    struct diags *d)
{
	char *text = malloc(len + 1);

	*out = NULL;
	memset(d, 0, sizeof *d);
	if (!text)
		return TSV_IO_ERROR;
	memcpy(text, data, len);
	return load_text(text, len, out, d);
}

enum tsv_status
table_load_file(const char *path, struct table **out, struct diags *d)
{
	enum tsv_refusal refused;
	size_t len = 0;
	char *data;

	*out = NULL;
	memset(d, 0, sizeof *d);
	if (!(data = tsv_read_file(path, &len, &refused))) {
		if (refused == TSV_READ_ERROR)
			return TSV_IO_ERROR;
		tsv_report(d, 1, 1, "%s", tsv_refusal_text(refused));
		return TSV_INVALID;
	}
	/* Read once and parsed where it lies: no copy. */
	return load_text(data, len, out, d);
}

const char *
desk_contact_url(const struct desk *desk)
{
	if (desk->contact == CONTACT_URL)
		return desk_cell(desk, FIELD_CONTACT);
	return desk->contact == CONTACT_SAME_PAGE ?
	    desk_cell(desk, FIELD_CYBER_URL) : NULL;
}

void
table_free(struct table *t)
{
	if (t)
		free(t->text);
	free(t);
}

const struct meta *
table_meta(const struct table *t, const char *key, const char *lang,
    const struct meta *after)
{
	return tsv_meta(t->meta, t->meta_count, key, lang, after);
}
