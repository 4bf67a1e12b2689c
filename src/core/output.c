/* output: see output.h. */
#include "output.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "count_of.h"
#include "text.h"

bool
output_parse_format(const char *name, enum format *out)
{
	static const char *const names[] = {"plain", "tsv", "json"};

	for (size_t i = 0; i < COUNT_OF(names); i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (enum format)i;
			return true;
		}
	return false;
}

/* The JSON and TSV columns: the table's own, and what they derive. */
static const char *const columns[] = {
	"code", "name", "prefecture", "kana", "romaji", "region", "bureau",
	"phone", "phone_kind", "cyber_url", "contact_url", "contact_same_page",
	"contact_kind", "matched_place", "suggestion",
};
#define COLUMN_COUNT (COUNT_OF(columns))

static const char *
none_as_null(const char *cell)
{
	return strcmp(cell, TABLE_NONE) == 0 ? NULL : cell;
}

/* Fills values[] in column order; NULL means JSON null (empty in TSV).
 * The place the row was found through goes to note. */
static void
column_values(const struct table *t, size_t row,
    const struct output_notes *notes, const char *values[COLUMN_COUNT],
    char note[256])
{
	const struct desk *desk = &t->desks[row];
	static const enum field direct[] = {FIELD_CODE, FIELD_NAME,
		FIELD_PREFECTURE, FIELD_KANA, FIELD_ROMAJI, FIELD_REGION,
		FIELD_BUREAU, FIELD_PHONE, FIELD_PHONE_KIND, FIELD_CYBER_URL};
	bool guessed = false;
	size_t i;

	for (i = 0; i < COUNT_OF(direct); i++)
		values[i] = desk_cell(desk, direct[i]);
	values[6] = none_as_null(values[6]);
	values[i++] = desk_contact_url(desk);
	values[i++] = desk->contact == CONTACT_SAME_PAGE ? "true" : "false";
	values[i++] = none_as_null(desk_cell(desk, FIELD_CONTACT_KIND));
	values[i++] = notes && notes->note(notes->ctx, row, note, 256,
	    &guessed) ? note : NULL;
	values[i] = guessed ? "true" : "false";
}

/* A column JSON writes as true or false. */
static bool
is_boolean(const char *column)
{
	return strcmp(column, "contact_same_page") == 0 ||
	    strcmp(column, "suggestion") == 0;
}

static void
print_tsv(FILE *out, const struct table *t, const size_t *rows, size_t n,
    const struct output_notes *notes)
{
	for (size_t c = 0; c < COLUMN_COUNT; c++)
		fprintf(out, "%s%s", columns[c], c + 1 < COLUMN_COUNT ? "\t" : "\n");
	for (size_t r = 0; r < n; r++) {
		const char *values[COLUMN_COUNT];
		char note[256];

		column_values(t, rows[r], notes, values, note);
		for (size_t c = 0; c < COLUMN_COUNT; c++) {
			if (values[c])
				text_print_safe(out, values[c]);
			fputc(c + 1 < COLUMN_COUNT ? '\t' : '\n', out);
		}
	}
}

/* The bytes s (len bytes) starts with that JSON takes as they are:
 * printable ASCII but the quote and the backslash, and characters that
 * are safe to show. */
static size_t
json_plain_run(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t ascii = text_ascii_run(s + i, len - i), n;
		const char *special = memchr(s + i, '"', ascii);
		const char *backslash = memchr(s + i, '\\', ascii);
		uint32_t cp;

		if (special || backslash)
			return (size_t)((special && (!backslash ||
			    special < backslash) ? special : backslash) - s);
		i += ascii;
		if (i == len || (unsigned char)s[i] < 0x80)
			return i;
		n = text_decode(s + i, len - i, &cp);
		if (cp == TEXT_INVALID || text_cp_unsafe(cp))
			return i;
		i += n;
	}
	return i;
}

/* Bytes gathered before they go to stdio: a call of stdio costs more
 * than the few bytes most JSON pieces are (a row was 187 calls). */
struct sink {
	FILE *out;
	size_t len;
	char buf[4096];
};

static void
sink_put(struct sink *sink, const char *s, size_t n)
{
	if (sink->len + n > sizeof sink->buf) {
		fwrite(sink->buf, 1, sink->len, sink->out);
		sink->len = 0;
		if (n > sizeof sink->buf) {
			fwrite(s, 1, n, sink->out);
			return;
		}
	}
	memcpy(sink->buf + sink->len, s, n);
	sink->len += n;
}

static void
sink_puts(struct sink *sink, const char *s)
{
	sink_put(sink, s, strlen(s));
}

/* A JSON string: runs that need no escape as they are, the rest escaped. */
static void
json_string(struct sink *sink, const char *s)
{
	size_t len = strlen(s), i = 0;

	sink_put(sink, "\"", 1);
	while (i < len) {
		size_t run = json_plain_run(s + i, len - i), n;
		char escape[16];
		uint32_t cp;

		sink_put(sink, s + i, run);
		if ((i += run) == len)
			break;
		n = text_decode(s + i, len - i, &cp);
		if (cp == '"' || cp == '\\')
			snprintf(escape, sizeof escape, "\\%c", (char)cp);
		else
			snprintf(escape, sizeof escape, "\\u%04x", cp == TEXT_INVALID ?
			    0xfffdU : (unsigned)cp);
		sink_puts(sink, escape);
		i += n;
	}
	sink_put(sink, "\"", 1);
}

static void
print_json(FILE *out, const struct table *t, const size_t *rows, size_t n,
    const struct output_notes *notes)
{
	struct sink json = {.out = out};

	sink_puts(&json, "[");
	for (size_t r = 0; r < n; r++) {
		const char *values[COLUMN_COUNT];
		char note[256];

		column_values(t, rows[r], notes, values, note);
		sink_puts(&json, r ? ",\n {" : "\n {");
		for (size_t c = 0; c < COLUMN_COUNT; c++) {
			sink_puts(&json, c ? ", \"" : "\"");
			sink_puts(&json, columns[c]);
			sink_puts(&json, "\": ");
			if (!values[c])
				sink_puts(&json, "null");
			else if (is_boolean(columns[c]))
				sink_puts(&json, values[c]);
			else
				json_string(&json, values[c]);
		}
		sink_puts(&json, "}");
	}
	sink_puts(&json, n ? "\n]\n" : "]\n");
	fwrite(json.buf, 1, json.len, out);
}

/* The plain columns: code, name, prefecture, phone with its mark, the
 * cyber crime page, and the consultation address with its mark. */
#define PLAIN_COLUMNS 6

/* A mark in ASCII: the English word of its meaning. */
static const char *
ascii_mark(const char *mark, bool phone)
{
	if (strcmp(mark, "総") == 0)
		return "general";
	if (strcmp(mark, "代") == 0)
		return "switchboard";
	if (strcmp(mark, "全") == 0)
		return "all";
	if (strcmp(mark, "情報・専") == 0)
		return "info only";
	return phone ? "cyber" : "cyber only";
}

/* A plain cell made safe takes at most this many bytes. */
#define PLAIN_CELL_MAX 1024

/* "value(mark)", or value alone when mark is NULL, into out (512 bytes,
 * cut there); returns the length. */
static size_t
with_mark(char out[512], const char *value, const char *mark)
{
	size_t n = strnlen(value, 511), m = mark ? strnlen(mark, 508 - n) : 0;

	memcpy(out, value, n);
	if (mark && n + m + 2 < 512) {
		out[n++] = '(';
		memcpy(out + n, mark, m);
		n += m;
		out[n++] = ')';
	}
	out[n] = '\0';
	return n;
}

/* The cells as shown, before they are made safe (each at most 511 bytes),
 * the phone and address put together in the caller's buffers. With ascii,
 * only ASCII (as --ascii has the browser): the romaji for the name, the
 * region's romaji for the prefecture, the marks in English. */
static void
plain_cells(const struct desk *desk, bool ascii, const char *raw[PLAIN_COLUMNS],
    size_t len[PLAIN_COLUMNS], char phone[512], char address[512])
{
	const char *contact = desk_cell(desk, FIELD_CONTACT);
	const char *kind = desk_cell(desk, FIELD_CONTACT_KIND);
	const char *phone_kind = desk_cell(desk, FIELD_PHONE_KIND);

	if (ascii && desk->contact == CONTACT_SAME_PAGE)
		contact = "from the page above";
	raw[0] = desk_cell(desk, FIELD_CODE);
	raw[1] = desk_cell(desk, ascii ? FIELD_ROMAJI : FIELD_NAME);
	raw[2] = desk_cell(desk, ascii ? FIELD_REGION_ROMAJI : FIELD_PREFECTURE);
	raw[3] = phone;
	raw[4] = desk_cell(desk, FIELD_CYBER_URL);
	raw[5] = address;
	for (size_t c = 0; c < PLAIN_COLUMNS; c++)
		if (c != 3 && c != 5)
			len[c] = strnlen(raw[c], 511);
	len[3] = with_mark(phone, desk_cell(desk, FIELD_PHONE),
	    ascii ? ascii_mark(phone_kind, true) : phone_kind);
	len[5] = with_mark(address, contact, strcmp(kind, TABLE_NONE) == 0 ?
	    NULL : ascii ? ascii_mark(kind, false) : kind);
}

static void
pad(FILE *out, size_t spaces)
{
	static const char blanks[] = "                                ";

	for (; spaces > sizeof blanks - 1; spaces -= sizeof blanks - 1)
		fputs(blanks, out);
	fwrite(blanks, 1, spaces, out);
}

/* Two passes over the rows, measuring then printing, so that a million
 * rows need no more than two bytes a cell. */
static void
print_plain(FILE *out, const struct table *t, const size_t *rows, size_t n,
    const struct output_notes *notes, bool ascii)
{
	char note[512], guess[600], phone[512], address[512];
	char cell[PLAIN_CELL_MAX];
	bool guessed;
	const char *raw[PLAIN_COLUMNS];
	size_t len[PLAIN_COLUMNS], width[PLAIN_COLUMNS] = {0};
	/* Each cell's width, kept from the first pass (a cell is at most
	 * 1,023 bytes wide); without the memory, measured again. */
	unsigned short (*widths)[PLAIN_COLUMNS] = malloc((n + 1) *
	    sizeof *widths);

	for (size_t r = 0; r < n; r++) {
		plain_cells(&t->desks[rows[r]], ascii, raw, len, phone, address);
		for (size_t c = 0; c + 1 < PLAIN_COLUMNS; c++) {
			size_t w = text_sanitized_width(raw[c], len[c],
			    PLAIN_CELL_MAX);

			if (widths)
				widths[r][c] = (unsigned short)w;
			if (w > width[c])
				width[c] = w;
		}
	}
	for (size_t r = 0; r < n; r++) {
		plain_cells(&t->desks[rows[r]], ascii, raw, len, phone, address);
		for (size_t c = 0; c < PLAIN_COLUMNS; c++) {
			size_t w = c + 1 == PLAIN_COLUMNS ? 0 : widths ?
			    widths[r][c] : text_sanitized_width(raw[c], len[c],
			    PLAIN_CELL_MAX);

			/* A cell of printable ASCII is shown as it is. */
			if (text_ascii_run(raw[c], len[c]) == len[c]) {
				fwrite(raw[c], 1, len[c], out);
			} else {
				text_sanitize(cell, sizeof cell, raw[c], len[c]);
				fputs(cell, out);
			}
			if (c + 1 < PLAIN_COLUMNS)
				pad(out, width[c] - w + 2);
		}
		if (notes && notes->note(notes->ctx, rows[r], note, sizeof note,
		    &guessed)) {
			fputs("  (", out);
			if (guessed) {
				label_format(guess, sizeof guess, notes->lang,
				    L_DID_YOU_MEAN, note);
				text_print_safe(out, guess);
			} else {
				text_print_safe(out, note);
			}
			fputc(')', out);
		}
		fputc('\n', out);
	}
	free(widths);
}

int
output_print(FILE *out, enum format fmt, const struct table *t,
    const size_t *rows, size_t n, const struct output_notes *notes,
    bool ascii)
{
	switch (fmt) {
	case FORMAT_TSV:
		print_tsv(out, t, rows, n, notes);
		break;
	case FORMAT_JSON:
		print_json(out, t, rows, n, notes);
		break;
	case FORMAT_PLAIN:
		print_plain(out, t, rows, n, notes, ascii);
		break;
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
