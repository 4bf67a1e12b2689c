/* tsv: see tsv.h. */
#include "tsv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text.h"

static void report_v(struct diags *d, unsigned long line, unsigned long col,
    const char *fmt, va_list ap) TSV_PRINTF(4, 0);

static void
report_v(struct diags *d, unsigned long line, unsigned long col,
    const char *fmt, va_list ap)
{
	if (d->count == TSV_MAX_DIAGS) {
		d->dropped++;
		return;
	}
	d->items[d->count].line = line;
	d->items[d->count].col = col;
	vsnprintf(d->items[d->count].message,
	    sizeof d->items[d->count].message, fmt, ap);
	d->count++;
}

void
tsv_report(struct diags *d, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_v(d, line, col, fmt, ap);
	va_end(ap);
}

/* 1-based column, in characters, of byte p of the current line. */
static unsigned long
column(const struct tsv_cursor *c, const char *p)
{
	unsigned long col = 1;
	const char *s = c->start;

	while (s < p) {
		uint32_t cp;

		s += text_decode(s, (size_t)(p - s), &cp);
		col++;
	}
	return col;
}

void
tsv_print_diags(FILE *out, const char *name, const struct diags *d)
{
	for (size_t i = 0; i < d->count; i++) {
		text_print_safe(out, name);
		fprintf(out, ":%lu:%lu: %s\n", d->items[i].line,
		    d->items[i].col, d->items[i].message);
	}
	if (d->dropped) {
		text_print_safe(out, name);
		fprintf(out, ": %zu more problems not shown\n", d->dropped);
	}
}

void
tsv_report_at(const struct tsv_cursor *c, const char *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_v(c->d, c->line, column(c, p), fmt, ap);
	va_end(ap);
}

void
tsv_report_cell(const struct tsv_cursor *c, const char *p, const char *fmt,
    ...)
{
	char shown[64 * TEXT_ESCAPE_GROWTH + 1];
	char message[sizeof c->d->items[0].message];
	const char *name, *value;
	size_t len;
	va_list ap;

	va_start(ap, fmt);
	name = va_arg(ap, const char *);
	value = va_arg(ap, const char *);
	va_end(ap);
	len = strlen(value);
	if (len > 64)
		len = text_boundary(value, 64);
	text_sanitize(shown, sizeof shown, value, len);
	/* fmt was checked where tsv_report_cell is called (its attribute:
	 * the two strings); here it is a parameter, filled without printf. */
	text_fill(message, sizeof message, fmt, (const char *const[]){name,
	    shown}, 2);
	tsv_report_at(c, p, "%s", message);
}

/* The tabs of the line being read, found while its characters are
 * checked: a row is split where they are, not searched again. */
#define TSV_MAX_TABS 32

struct reader {
	struct tsv_cursor c;
	const struct tsv_schema *schema;
	void *ctx;
	struct meta *meta;
	size_t *meta_count, rows;
	bool seen_header, header_ok;
	unsigned short tab[TSV_MAX_TABS];
	size_t tabs;               /* all of them, kept or not */
};

/* Three bytes from U+3000 to U+9FFF (kana, kanji, CJK punctuation), all
 * of them safe but the Hangul filler U+3164 (E3 85 A4): most of what is
 * not ASCII in a table, told without decoding it. */
static bool
common_cjk(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	return len >= 3 && u[0] >= 0xE3 && u[0] <= 0xE9 &&
	    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
	    !(u[0] == 0xE3 && u[1] == 0x85 && u[2] == 0xA4);
}

/* Checks encoding and control characters; true when the line is clean.
 * The column is counted along, not found again for each problem: a line
 * of bad bytes costs its length, not its length squared. */
static bool
check_characters(struct reader *r, const char *line, size_t len)
{
	const struct tsv_cursor *c = &r->c;
	unsigned long col = column(c, line);
	bool clean = true;
	size_t i = 0;

	r->tabs = 0;
	for (; i < len; col++) {
		uint32_t cp;
		size_t n;

		if (line[i] == '\t') {
			if (r->tabs < TSV_MAX_TABS)
				r->tab[r->tabs] = (unsigned short)i;
			r->tabs++;
			i++;
			continue;
		}
		if (line[i] >= 0x20 && line[i] < 0x7F) { /* printable ASCII */
			size_t run = text_ascii_run(line + i, len - i);

			i += run;
			col += run - 1;
			continue;
		}
		if (common_cjk(line + i, len - i)) {
			i += 3;
			continue;
		}
		n = text_decode(line + i, len - i, &cp);
		if (cp == TEXT_INVALID) {
			tsv_report(c->d, c->line, col,
			    "invalid UTF-8 (byte 0x%02X)",
			    (unsigned char)line[i]);
			clean = false;
		} else if (text_cp_unsafe(cp)) {
			tsv_report(c->d, c->line, col,
			    "control or invisible character U+%04X is not "
			    "allowed", (unsigned)cp);
			clean = false;
		}
		i += n;
	}
	return clean;
}

/* The classes of every byte, made at the first use. */
static const unsigned char *
byte_classes(void)
{
	static unsigned char table[256];

	if (!table['0']) {
		for (int i = 0; i < 256; i++) {
			bool alpha = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z');
			bool digit = i >= '0' && i <= '9';

			table[i] = (unsigned char)((digit ? TSV_DIGIT : 0) |
			    (alpha || digit || i == '.' || i == '-' ? TSV_HOST : 0) |
			    (alpha || digit || (i && strchr("-._~:/?#[]@!$&'()*+,;=%",
			    i)) ? TSV_URL : 0) |
			    (alpha || i == ' ' || i == '-' || i == '\'' ?
			    TSV_LATIN : 0));
		}
	}
	return table;
}

size_t
tsv_span(const char *s, unsigned char cls)
{
	const unsigned char *u = (const unsigned char *)s, *classes = byte_classes();
	size_t n = 0;

	/* '\0' is in no class: the string's end stops it. */
	while (classes[u[n]] & cls)
		n++;
	return n;
}

bool
tsv_all_of(const char *s, unsigned char cls)
{
	return *s != '\0' && s[tsv_span(s, cls)] == '\0';
}

bool
tsv_is_kana(const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		uint32_t cp;

		i += text_decode(s + i, len - i, &cp);
		if (!((cp >= 0x3041 && cp <= 0x3096) || cp == 0x30FC))
			return false;
	}
	return len > 0;
}

static size_t
split(char *line, char **cells, size_t max)
{
	size_t n = 0;

	for (;;) {
		char *tab = strchr(line, '\t');

		if (n < max)
			cells[n] = line;
		n++;
		if (!tab)
			return n;
		*tab = '\0';
		line = tab + 1;
	}
}


static void
parse_meta(struct reader *r, char *line)
{
	const struct tsv_schema *s = r->schema;
	char *cells[5];
	size_t n = split(line + 1, cells, 5);

	if (r->seen_header) {
		tsv_report(r->c.d, r->c.line, 1, "metadata after the header line");
		return;
	}
	for (size_t i = 0; i < s->nmeta_keys; i++) {
		const struct meta_key *k = &s->meta_keys[i];
		size_t want = 1 + k->has_lang + k->values;
		struct meta *m;

		if (strcmp(cells[0], k->key) != 0)
			continue;
		if (n != want) {
			tsv_report(r->c.d, r->c.line, 1, "@%s takes %zu fields, "
			    "found %zu", k->key, want - 1, n - 1);
			return;
		}
		if (k->has_lang && strcmp(cells[1], "ja") != 0 &&
		    strcmp(cells[1], "en") != 0) {
			tsv_report_cell(&r->c, cells[1], "@%s: language must be ja "
			    "or en, found '%s'", k->key, cells[1]);
			return;
		}
		m = &r->meta[(*r->meta_count)++];
		m->key = cells[0];
		m->lang = k->has_lang ? cells[1] : NULL;
		m->value = cells[1 + k->has_lang];
		m->extra = k->values > 1 ? cells[n - 1] : NULL;
		if (s->meta)
			s->meta(r->ctx, m);
		return;
	}
	tsv_report_cell(&r->c, line, "unknown metadata %s '@%s'", "key",
	    cells[0]);
}

static void
parse_header(struct reader *r, char *line)
{
	const struct tsv_schema *s = r->schema;
	char *cells[32];
	size_t n = split(line, cells, 32);

	r->seen_header = true;
	r->header_ok = n == s->ncolumns;
	if (n != s->ncolumns)
		tsv_report(r->c.d, r->c.line, 1, "header has %zu columns, "
		    "expected %zu", n, s->ncolumns);
	for (size_t i = 0; i < n && i < s->ncolumns; i++)
		if (strcmp(cells[i], s->columns[i]) != 0) {
			tsv_report_cell(&r->c, cells[i], "header column %s is "
			    "'%s'", s->columns[i], cells[i]);
			r->header_ok = false;
		}
}

static void
parse_row(struct reader *r, char *line)
{
	char *cells[TSV_MAX_TABS + 1];
	size_t n = r->tabs + 1;

	if (n != r->schema->ncolumns) {
		tsv_report(r->c.d, r->c.line, 1, "row has %zu fields, expected "
		    "%zu", n, r->schema->ncolumns);
		return;
	}
	if (r->rows == TSV_MAX_ROWS) {
		tsv_report(r->c.d, r->c.line, 1, "more than %lu rows, the limit",
		    TSV_MAX_ROWS);
		return;
	}
	cells[0] = line;
	for (size_t k = 0; k < r->tabs; k++) {
		line[r->tab[k]] = '\0';
		cells[k + 1] = line + r->tab[k] + 1;
	}
	r->schema->row(r->ctx, &r->c, cells);
	r->rows++;
}

static void
parse_line(struct reader *r, char *line, size_t len)
{
	if (len > TSV_MAX_LINE) {
		tsv_report(r->c.d, r->c.line, TSV_MAX_LINE + 1, "line is "
		    "longer than %d bytes, the limit", TSV_MAX_LINE);
		return;
	}
	if (!check_characters(r, line, len))
		return;
	line[len] = '\0';
	if (len == 0 || line[0] == '#')
		return;
	if (line[0] == '@')
		parse_meta(r, line);
	else if (!r->seen_header)
		parse_header(r, line);
	else if (r->header_ok)
		parse_row(r, line);
}

/* The problems of a table as a whole, once its lines are read. */
static size_t
finish(const struct reader *r, struct diags *d)
{
	if (!r->seen_header)
		tsv_report(d, r->c.line + 1, 1, "no header line (%s ...)",
		    r->schema->columns[0]);
	else if (r->header_ok && r->rows == 0 && d->count == 0)
		tsv_report(d, r->c.line + 1, 1, "no rows after the header");
	return r->rows;
}

/* The length of the line at p, before end, without its CR LF or LF. */
static size_t
line_length(const char *p, const char *end, const char **next)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

	*next = nl ? nl + 1 : end;
	return n > 0 && p[n - 1] == '\r' ? n - 1 : n;
}

size_t
tsv_parse(char *text, size_t len, const struct tsv_schema *schema, void *ctx,
    struct meta *meta, size_t *meta_count, struct diags *d)
{
	struct reader r = {.c = {.d = d}, .schema = schema, .ctx = ctx,
		.meta = meta, .meta_count = meta_count};
	const char *next;

	for (char *line = text; line < text + len; line = (char *)next) {
		size_t n = line_length(line, text + len, &next);

		r.c.line++;
		r.c.start = line;
		parse_line(&r, line, n);
	}
	return finish(&r, d);
}

size_t
tsv_parse_stream(const char *data, size_t len, const struct tsv_schema *schema,
    void *ctx, struct diags *d)
{
	struct meta scratch;
	size_t nmeta = 0;
	struct reader r = {.c = {.d = d}, .schema = schema, .ctx = ctx,
		.meta = &scratch, .meta_count = &nmeta};
	char line[TSV_MAX_LINE + 1];
	const char *next;

	for (const char *p = data; p < data + len; p = next) {
		size_t n = line_length(p, data + len, &next);

		r.c.line++;
		nmeta = 0;
		/* A line over the limit is reported without being read. */
		r.c.start = n > TSV_MAX_LINE ? p : line;
		if (n <= TSV_MAX_LINE)
			memcpy(line, p, n);
		parse_line(&r, line, n);
	}
	return finish(&r, d);
}

size_t
tsv_count_lines(const char *data, size_t len, size_t *meta)
{
	size_t n = 1;

	*meta = len > 0 && data[0] == '@';
	for (const char *p = data; (p = memchr(p, '\n', len - (size_t)(p - data)));
	    p++) {
		n++;
		if (p + 1 < data + len && p[1] == '@')
			(*meta)++;
	}
	return n;
}

const char *
tsv_skip_bom(const char *data, size_t *len)
{
	if (*len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		*len -= 3;
		return data + 3;
	}
	return data;
}

void *
tsv_alloc_parts(size_t n, const size_t sizes[], void *parts[])
{
	const size_t align = _Alignof(max_align_t);
	size_t total = 0;
	char *block;

	for (size_t i = 0; i < n; i++)
		total += (sizes[i] + align - 1) / align * align;
	if (!(block = malloc(total ? total : 1)))
		return NULL;
	for (size_t i = 0, at = 0; i < n; i++) {
		parts[i] = block + at;
		at += (sizes[i] + align - 1) / align * align;
	}
	return block;
}

/* Reads all of f, up to TSV_MAX_BYTES + 1 bytes; a regular file in one
 * allocation of its size (and one larger than the limit not at all), a
 * pipe in doubling steps that stop at the limit. */
static char *
read_all(FILE *f, size_t *len, enum tsv_refusal *refused)
{
	struct stat st;
	size_t cap = 1 << 16, n = 0;
	char *buf, *grown;

	if (fstat(fileno(f), &st) == 0 && (S_ISCHR(st.st_mode) ||
	    S_ISBLK(st.st_mode))) {
		*refused = TSV_NOT_A_FILE;
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > TSV_MAX_BYTES) {
		*refused = TSV_TOO_LARGE;
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1; /* + 1: to see the end at once */
	buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (ferror(f) || feof(f) || n > TSV_MAX_BYTES)
			break;
		cap = cap > TSV_MAX_BYTES / 2 ? TSV_MAX_BYTES + 1 : cap * 2;
		if (!(grown = realloc(buf, cap)))
			free(buf);
		buf = grown;
	}
	if (buf && ferror(f)) {
		int saved = errno;

		free(buf);
		errno = saved;
		return NULL;
	}
	*len = n;
	return buf;
}

const char *
tsv_refusal_text(enum tsv_refusal refused)
{
#define TEXT_OF(n) #n
#define NUMBER_TEXT(n) TEXT_OF(n)
	return refused == TSV_NOT_A_FILE ? "not a regular file or a pipe" :
	    "file is larger than " NUMBER_TEXT(TSV_MAX_MIB) " MiB, the limit";
}

char *
tsv_read_file(const char *path, size_t *len, enum tsv_refusal *refused)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	char *data;

	*refused = TSV_READ_ERROR;
	if (!f)
		return NULL;
	data = read_all(f, len, refused);
	if (!is_stdin) {
		int saved = errno;

		fclose(f);
		errno = saved;
	}
	if (data && *len > TSV_MAX_BYTES) {
		free(data);
		*refused = TSV_TOO_LARGE;
		return NULL;
	}
	return data;
}

const struct meta *
tsv_meta(const struct meta *meta, size_t count, const char *key,
    const char *lang, const struct meta *after)
{
	for (size_t i = after ? (size_t)(after - meta) + 1 : 0; i < count;
	    i++) {
		const struct meta *m = &meta[i];

		if (strcmp(m->key, key) != 0)
			continue;
		if (lang && m->lang && strcmp(m->lang, lang) != 0)
			continue;
		return m;
	}
	return NULL;
}
