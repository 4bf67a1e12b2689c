/* table: see table.h. One pass over the lines finds and checks cells in a
 * private copy of the input; a second step folds the searchable cells. */
#include "table.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text.h"

static const char *const field_names[FIELD_COUNT] = {
	"code", "name", "prefecture", "kana", "romaji", "region",
	"region_romaji", "bureau", "phone", "phone_kind", "cyber_url",
	"contact", "contact_kind",
};

const char *
table_field_name(enum field f)
{
	return field_names[f];
}

/* Where the parser is: the line being read, in the private copy. */
struct cursor {
	struct diags *d;
	unsigned long line;
	const char *start; /* first byte of the line */
};

static void
report(struct diags *d, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	va_list ap;

	if (d->count == TABLE_MAX_DIAGS) {
		d->dropped++;
		return;
	}
	d->items[d->count].line = line;
	d->items[d->count].col = col;
	va_start(ap, fmt);
	vsnprintf(d->items[d->count].message,
	    sizeof d->items[d->count].message, fmt, ap);
	va_end(ap);
	d->count++;
}

/* 1-based column, in characters, of byte p of the current line. */
static unsigned long
column(const struct cursor *c, const char *p)
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

/* Reports a problem with a cell at byte p: fmt takes the column's name
 * and then the cell's value, made safe and cut to 64 bytes. */
static void
report_cell(const struct cursor *c, const char *p, const char *fmt,
    const char *name, const char *value)
{
	char shown[64 * TEXT_ESCAPE_GROWTH + 1];
	size_t len = strlen(value);

	if (len > 64) {
		len = 64;
		while (len > 0 && ((unsigned char)value[len] & 0xC0) == 0x80)
			len--;
	}
	text_sanitize(shown, sizeof shown, value, len);
	report(c->d, c->line, column(c, p), fmt, name, shown);
}

/* Checks encoding and control characters; true when the line is clean. */
static bool
check_characters(const struct cursor *c, const char *line, size_t len)
{
	bool clean = true;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n;

		if (line[i] >= 0x20 && line[i] < 0x7F) { /* printable ASCII */
			i++;
			continue;
		}
		n = text_decode(line + i, len - i, &cp);

		if (cp == TEXT_INVALID) {
			report(c->d, c->line, column(c, line + i),
			    "invalid UTF-8 (byte 0x%02X)",
			    (unsigned char)line[i]);
			clean = false;
		} else if (cp != '\t' && text_cp_unsafe(cp)) {
			report(c->d, c->line, column(c, line + i),
			    "control or invisible character U+%04X is not "
			    "allowed", (unsigned)cp);
			clean = false;
		}
		i += n;
	}
	return clean;
}

/* Classes of bytes, as tables: these checks run on every cell of a table
 * that may have a million rows, and strspn with a long set is slow. */
enum { CLASS_DIGIT = 1, CLASS_HOST = 2, CLASS_URL = 4, CLASS_LATIN = 8 };

static unsigned char
byte_class(unsigned char c)
{
	static unsigned char table[256];

	if (!table['0']) {
		for (int i = 0; i < 256; i++) {
			bool alpha = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z');
			bool digit = i >= '0' && i <= '9';

			table[i] = (unsigned char)((digit ? CLASS_DIGIT : 0) |
			    (alpha || digit || i == '.' || i == '-' ? CLASS_HOST : 0) |
			    (alpha || digit || (i && strchr("-._~:/?#[]@!$&'()*+,;=%",
			    i)) ? CLASS_URL : 0) |
			    (alpha || i == ' ' || i == '-' || i == '\'' ?
			    CLASS_LATIN : 0));
		}
	}
	return table[c];
}

/* Bytes at the start of s that are all of class `cls`. */
static size_t
span(const char *s, unsigned char cls)
{
	size_t n = 0;

	while (s[n] && (byte_class((unsigned char)s[n]) & cls))
		n++;
	return n;
}

static bool
all_of(const char *s, unsigned char cls)
{
	return *s != '\0' && s[span(s, cls)] == '\0';
}

static bool
one_of(const char *s, const char *const *choices)
{
	for (; *choices; choices++)
		if (strcmp(s, *choices) == 0)
			return true;
	return false;
}


static void
check_url(const struct cursor *c, const char *cell, const char *name)
{
	const char *p = cell;
	size_t host;

	if (strncmp(p, "https://", 8) == 0)
		p += 8;
	else if (strncmp(p, "http://", 7) == 0)
		p += 7;
	else {
		report_cell(c, cell, "column '%s' is not an http:// or "
		    "https:// URL: '%s'", name, cell);
		return;
	}
	host = span(p, CLASS_HOST);
	if (host == 0) {
		report_cell(c, p, "URL in column '%s' has no host name%s", name,
		    "");
		return;
	}
	p += host;
	if (*p == ':')
		p += 1 + span(p + 1, CLASS_DIGIT);
	if (*p != '\0' && *p != '/' && *p != '?' && *p != '#') {
		report_cell(c, p, "URL in column '%s' has a bad host name: "
		    "'%s'", name, cell);
		return;
	}
	p += span(p, CLASS_URL);
	if (*p != '\0')
		report_cell(c, p, "URL in column '%s' has a character that a "
		    "URL cannot hold: '%s'", name, p);
}

/* 0AB-CDE-FGHI: three groups of digits, 10 or 11 digits, leading 0. */
static void
check_phone(const struct cursor *c, const char *cell)
{
	size_t digits = 0, groups = 0;
	const char *p = cell;

	while (*p) {
		size_t n = span(p, CLASS_DIGIT);

		if (n == 0)
			break;
		digits += n, groups++, p += n;
		if (*p != '-')
			break;
		p++;
	}
	if (*p != '\0')
		report_cell(c, p, "column '%s' has a character other than a "
		    "digit or a single hyphen: '%s'", "phone", cell);
	else if (cell[0] != '0' || groups != 3 || digits < 10 || digits > 11)
		report_cell(c, cell, "column '%s' is not a phone number of the "
		    "form 0AB-CDE-FGHI (10 or 11 digits): '%s'", "phone", cell);
}

static bool
is_kana(const char *s)
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

static const char *const phone_kinds[] = {"総", "代", "専", NULL};
static const char *const contact_kinds[] = {"全", "専", "情報・専", TABLE_NONE,
	NULL};

static void
check_text_cells(const struct cursor *c, struct desk *k)
{
	static const enum field required[] = {FIELD_NAME, FIELD_PREFECTURE,
		FIELD_REGION, FIELD_BUREAU};
	static const enum field latin[] = {FIELD_ROMAJI, FIELD_REGION_ROMAJI};

	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (k->cell[required[i]][0] == '\0')
			report_cell(c, k->cell[required[i]], "column '%s' is "
			    "empty%s", field_names[required[i]], "");
	if (!is_kana(k->cell[FIELD_KANA]))
		report_cell(c, k->cell[FIELD_KANA], "column '%s' must be "
		    "hiragana: '%s'", "kana", k->cell[FIELD_KANA]);
	for (size_t i = 0; i < sizeof latin / sizeof latin[0]; i++)
		if (!all_of(k->cell[latin[i]], CLASS_LATIN))
			report_cell(c, k->cell[latin[i]], "column '%s' must be "
			    "Latin letters: '%s'", field_names[latin[i]],
			    k->cell[latin[i]]);
}

static void
check_contact(const struct cursor *c, struct desk *k)
{
	const char *contact = k->cell[FIELD_CONTACT];
	const char *kind = k->cell[FIELD_CONTACT_KIND];

	if (strcmp(contact, TABLE_NONE) == 0)
		k->contact = CONTACT_NONE;
	else if (strcmp(contact, TABLE_SAME_PAGE) == 0)
		k->contact = CONTACT_SAME_PAGE;
	else {
		k->contact = CONTACT_URL;
		check_url(c, contact, "contact");
	}
	if (!one_of(kind, contact_kinds))
		report_cell(c, kind, "column '%s' is not one of 全, 専, "
		    "情報・専 or -: '%s'", "contact_kind", kind);
	else if (k->contact == CONTACT_NONE && strcmp(kind, TABLE_NONE) != 0)
		report_cell(c, kind, "column '%s' gives a mark but there is "
		    "no address: '%s'", "contact_kind", kind);
}

static void
check_desk(const struct cursor *c, struct desk *k)
{
	const char *code = k->cell[FIELD_CODE];

	if (!all_of(code, CLASS_DIGIT) || strlen(code) > 8)
		report_cell(c, code, "column '%s' is not a number of 1 to 8 "
		    "digits: '%s'", "code", code);
	k->code = strtoul(code, NULL, 10);
	check_text_cells(c, k);
	check_phone(c, k->cell[FIELD_PHONE]);
	if (!one_of(k->cell[FIELD_PHONE_KIND], phone_kinds))
		report_cell(c, k->cell[FIELD_PHONE_KIND], "column '%s' is not "
		    "one of 総, 代 or 専: '%s'", "phone_kind",
		    k->cell[FIELD_PHONE_KIND]);
	check_url(c, k->cell[FIELD_CYBER_URL], "cyber_url");
	check_contact(c, k);
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

struct parser {
	struct cursor c;
	struct table *t;
	size_t meta_capacity;
	bool seen_header, header_ok;
};

static void
parse_meta(struct parser *p, char *line)
{
	static const struct {
		const char *key;
		size_t values; /* after the language, if any */
		bool has_lang;
	} keys[] = {
		{"title", 1, false}, {"publisher", 1, false},
		{"provenance", 1, true}, {"note", 1, true},
		{"national", 2, true},
	};
	char *cells[5];
	size_t n = split(line + 1, cells, 5);

	if (p->seen_header) {
		report(p->c.d, p->c.line, 1, "metadata after the header line");
		return;
	}
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		size_t want = 1 + keys[i].has_lang + keys[i].values;
		struct meta *m;

		if (strcmp(cells[0], keys[i].key) != 0)
			continue;
		if (n != want) {
			report(p->c.d, p->c.line, 1, "@%s takes %zu fields, found "
			    "%zu", keys[i].key, want - 1, n - 1);
			return;
		}
		if (keys[i].has_lang && strcmp(cells[1], "ja") != 0 &&
		    strcmp(cells[1], "en") != 0) {
			report_cell(&p->c, cells[1], "@%s: language must be ja or "
			    "en, found '%s'", keys[i].key, cells[1]);
			return;
		}
		m = &p->t->meta[p->t->meta_count++];
		m->key = cells[0];
		m->lang = keys[i].has_lang ? cells[1] : NULL;
		m->value = cells[1 + keys[i].has_lang];
		m->extra = keys[i].values > 1 ? cells[n - 1] : NULL;
		return;
	}
	report_cell(&p->c, line, "unknown metadata key%s '@%s'", "", cells[0]);
}

static void
parse_header(struct parser *p, char *line)
{
	char *cells[FIELD_COUNT];
	size_t n = split(line, cells, FIELD_COUNT);

	p->seen_header = true;
	p->header_ok = n == FIELD_COUNT;
	if (n != FIELD_COUNT)
		report(p->c.d, p->c.line, 1, "header has %zu columns, expected "
		    "%d", n, FIELD_COUNT);
	for (size_t i = 0; i < n && i < FIELD_COUNT; i++)
		if (strcmp(cells[i], field_names[i]) != 0) {
			report_cell(&p->c, cells[i], "header column %s is '%s'",
			    field_names[i], cells[i]);
			p->header_ok = false;
		}
}

static void
parse_desk(struct parser *p, char *line)
{
	struct desk *k = &p->t->desks[p->t->count];
	char *cells[FIELD_COUNT];
	size_t n = split(line, cells, FIELD_COUNT);

	if (n != FIELD_COUNT) {
		report(p->c.d, p->c.line, 1, "row has %zu fields, expected %d",
		    n, FIELD_COUNT);
		return;
	}
	if (p->t->count == TABLE_MAX_ROWS) {
		report(p->c.d, p->c.line, 1, "more than %lu rows, the limit",
		    TABLE_MAX_ROWS);
		return;
	}
	for (size_t i = 0; i < FIELD_COUNT; i++)
		k->cell[i] = cells[i];
	k->line = (unsigned)p->c.line;
	check_desk(&p->c, k);
	p->t->count++;
}

static void
parse_line(struct parser *p, char *line, size_t len)
{
	if (len > TABLE_MAX_LINE) {
		report(p->c.d, p->c.line, TABLE_MAX_LINE + 1, "line is longer "
		    "than %d bytes, the limit", TABLE_MAX_LINE);
		return;
	}
	if (!check_characters(&p->c, line, len))
		return;
	line[len] = '\0';
	if (len == 0 || line[0] == '#')
		return;
	if (line[0] == '@')
		parse_meta(p, line);
	else if (!p->seen_header)
		parse_header(p, line);
	else if (p->header_ok)
		parse_desk(p, line);
}

/* Codes have at most 8 digits: one bit each says whether it was seen, so
 * finding duplicates costs one pass, however many rows. */
#define CODE_LIMIT 100000000UL

static unsigned
first_line_with(const struct table *t, unsigned long code)
{
	for (size_t i = 0; i < t->count; i++)
		if (t->desks[i].code == code)
			return t->desks[i].line;
	return 0;
}

static enum table_status
check_duplicates(const struct table *t, struct diags *d)
{
	unsigned char *seen = calloc(CODE_LIMIT / 8, 1);

	if (!seen)
		return TABLE_IO_ERROR;
	for (size_t i = 0; i < t->count; i++) {
		unsigned long code = t->desks[i].code;
		unsigned char bit = (unsigned char)(1u << (code % 8));

		if (code >= CODE_LIMIT) /* reported already as too long */
			continue;
		if (seen[code / 8] & bit && d->count < TABLE_MAX_DIAGS)
			report(d, t->desks[i].line, 1, "duplicate code %s (first "
			    "on line %u)", t->desks[i].cell[FIELD_CODE],
			    first_line_with(t, code));
		else if (seen[code / 8] & bit)
			d->dropped++;
		seen[code / 8] |= bit;
	}
	free(seen);
	return TABLE_OK;
}

/* Fills desk->folded from the fold area; returns the area's next byte. */
static char *
fold_desk(struct desk *k, char *out)
{
	static const enum field searched[] = {FIELD_NAME, FIELD_PREFECTURE,
		FIELD_KANA, FIELD_ROMAJI, FIELD_REGION, FIELD_REGION_ROMAJI,
		FIELD_BUREAU};
	char *digits = out;

	for (size_t i = 0; i < sizeof searched / sizeof searched[0]; i++) {
		enum field f = searched[i];
		size_t n = text_fold(k->cell[f], strlen(k->cell[f]), out, NULL);

		if (f == FIELD_ROMAJI || f == FIELD_REGION_ROMAJI)
			n = text_fold_romaji(out, n, NULL);
		k->folded[f] = out;
		out += n + 1;
	}
	digits = out;
	for (const char *s = k->cell[FIELD_PHONE]; *s; s++)
		if (*s != '-')
			*out++ = *s;
	*out++ = '\0';
	k->folded[FIELD_PHONE] = digits;
	return out;
}

/* Lines in the input, an upper bound on rows, and lines that start with
 * '@', one on metadata. */
static size_t
count_lines(const char *data, size_t len, size_t *meta)
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

static struct table *
allocate(const char *data, size_t len, char **text, char **fold)
{
	size_t metas, lines = count_lines(data, len, &metas);
	size_t head = sizeof(struct table) + lines * sizeof(struct desk) +
	    metas * sizeof(struct meta);
	struct table *t = malloc(head + 2 * (len + 1));

	if (!t)
		return NULL;
	memset(t, 0, sizeof *t);
	t->desks = (struct desk *)(t + 1);
	t->meta = (struct meta *)(t->desks + lines);
	*text = (char *)(t->meta + metas);
	*fold = *text + len + 1;
	memcpy(*text, data, len);
	(*text)[len] = '\0';
	return t;
}

static const char utf8_bom[] = "\xEF\xBB\xBF";

enum table_status
table_load_buffer(const char *data, size_t len, struct table **out,
    struct diags *d)
{
	struct parser p = {.c = {.d = d}};
	char *text, *fold, *line, *end;

	*out = NULL;
	memset(d, 0, sizeof *d);
	if (len >= 3 && memcmp(data, utf8_bom, 3) == 0)
		data += 3, len -= 3;
	if (!(p.t = allocate(data, len, &text, &fold)))
		return TABLE_IO_ERROR;
	end = text + len;
	for (line = text; line < end; ) {
		char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);

		p.c.line++;
		p.c.start = line;
		if (n > 0 && line[n - 1] == '\r')
			line[n - 1] = '\0', n--;
		parse_line(&p, line, n);
		line += (nl ? (size_t)(nl - line) + 1 : n);
	}
	if (!p.seen_header)
		report(d, p.c.line + 1, 1, "no header line (%s ...)",
		    field_names[0]);
	else if (p.header_ok && p.t->count == 0 && d->count == 0)
		report(d, p.c.line + 1, 1, "no rows after the header");
	if (check_duplicates(p.t, d) != TABLE_OK) {
		table_free(p.t);
		return TABLE_IO_ERROR;
	}
	if (d->count > 0) {
		table_free(p.t);
		return TABLE_INVALID;
	}
	for (size_t i = 0; i < p.t->count; i++)
		fold = fold_desk(&p.t->desks[i], fold);
	*out = p.t;
	return TABLE_OK;
}

/* Reads all of f, up to TABLE_MAX_BYTES + 1 bytes; a regular file in one
 * allocation of its size, a pipe in doubling steps. */
static char *
read_all(FILE *f, size_t *len)
{
	struct stat st;
	size_t cap = 1 << 16, n = 0;
	char *buf, *grown;

	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 0 && (unsigned long long)st.st_size <= TABLE_MAX_BYTES)
		cap = (size_t)st.st_size + 1; /* + 1: to see the end at once */
	buf = malloc(cap);

	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (ferror(f) || feof(f) || n > TABLE_MAX_BYTES)
			break;
		cap *= 2;
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

enum table_status
table_load_file(const char *path, struct table **out, struct diags *d)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	enum table_status status;
	size_t len = 0;
	char *data;

	*out = NULL;
	memset(d, 0, sizeof *d);
	if (!f)
		return TABLE_IO_ERROR;
	data = read_all(f, &len);
	if (!is_stdin) {
		int saved = errno;

		fclose(f);
		errno = saved;
	}
	if (!data)
		return TABLE_IO_ERROR;
	if (len > TABLE_MAX_BYTES) {
		free(data);
		report(d, 1, 1, "file is larger than %lu MiB, the limit",
		    TABLE_MAX_BYTES >> 20);
		return TABLE_INVALID;
	}
	status = table_load_buffer(data, len, out, d);
	free(data);
	return status;
}

void
table_free(struct table *t)
{
	free(t);
}

const struct meta *
table_meta(const struct table *t, const char *key, const char *lang, size_t n)
{
	for (size_t i = 0; i < t->meta_count; i++) {
		const struct meta *m = &t->meta[i];

		if (strcmp(m->key, key) != 0)
			continue;
		if (lang && m->lang && strcmp(m->lang, lang) != 0)
			continue;
		if (n-- == 0)
			return m;
	}
	return NULL;
}
