/* pages: see pages.h. */
#include "pages.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count_of.h"
#include "text.h"

/* The size of a block of a page's text: a detail page fits in one. */
#define PAGE_TEXT_BLOCK 4096

struct page_text {
	struct page_text *next;
	size_t used, size;
	char bytes[];
};

/* Room for n bytes of text: in the block being filled, the next kept one,
 * or a new one at the end. */
static char *
text_room(struct page *p, size_t n)
{
	struct page_text *b = p->fill ? p->fill : p->text, **end = &p->text;
	char *room;

	while (b && b->size - b->used < n)
		b = b->next;
	if (!b) {
		size_t size = n > PAGE_TEXT_BLOCK ? n : PAGE_TEXT_BLOCK;

		while (*end)
			end = &(*end)->next;
		if (!(b = malloc(sizeof *b + size)))
			return NULL;
		*b = (struct page_text){NULL, 0, size};
		*end = b;
	}
	p->fill = b;
	room = b->bytes + b->used;
	b->used += n;
	return room;
}

static void
push(struct page *p, const char *text, size_t len, size_t indent,
    enum line_style style, const char *link)
{
	struct page_line *line;
	char *copy;

	if (p->failed)
		return;
	if (p->counting) {
		p->count++;
		return;
	}
	if (p->count == p->capacity) {
		size_t cap = p->capacity ? 2 * p->capacity : 32;
		struct page_line *grown = realloc(p->lines, cap * sizeof *grown);

		if (!grown) {
			p->failed = true;
			return;
		}
		p->lines = grown;
		p->capacity = cap;
	}
	if (!(copy = text_room(p, indent + len + 1))) {
		p->failed = true;
		return;
	}
	memset(copy, ' ', indent);
	memcpy(copy + indent, text, len);
	copy[indent + len] = '\0';
	line = &p->lines[p->count++];
	line->text = copy;
	line->style = style;
	line->link = link;
}

/* The columns of the first n bytes of s. */
static size_t
prefix_width(const char *s, size_t n)
{
	size_t used = 0;

	for (size_t i = 0; i < n;) {
		uint32_t cp;

		i += text_decode(s + i, n - i, &cp);
		used += (size_t)(text_cp_width(cp) > 0 ? text_cp_width(cp) : 0);
	}
	return used;
}

/* A URL that can go into an OSC 8 sequence as it is: printable ASCII. */
static bool
linkable(const char *url)
{
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
		return false;
	for (; *url; url++)
		if (*url <= ' ' || *url > '~')
			return false;
	return true;
}

/* Where a URL that does not fit breaks: after the last '/', '?', '&' or
 * '=' of the n bytes that fit, so that each line ends at a boundary of the
 * URL; anywhere only when none is there. */
static size_t
url_break(const char *url, size_t n)
{
	for (size_t at = n; at > 1; at--)
		if (strchr("/?&=", url[at - 1]) && url[at - 2] != '/')
			return at;
	return n;
}

/* Adds text wrapped to the page width after indent columns. Prose breaks
 * after a space where it can; URLs after a '/', '?', '&' or '=', and are
 * never cut; each line of a URL is a link to all of it. */
static void
add(struct page *p, size_t indent, enum line_style style, const char *text)
{
	page_add(p, indent, 0, style, text);
}

/* A break at n moved back a character when what would start the next
 * line is a mark that never starts one (。、」): Japanese line breaking's
 * first rule. */
static size_t
before_closing(const char *s, size_t n)
{
	static const char *const closing[] = {"。", "、", "」", "』", "）",
		")", "，", "．", "・", "ー"};
	size_t back = n;

	for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
		if (strncmp(s + n, closing[i], strlen(closing[i])) == 0) {
			do
				back--;
			while (back > 0 && text_continues(s[back]));
			return back > 0 ? back : n;
		}
	return n;
}

void
page_add(struct page *p, size_t indent, size_t hang, enum line_style style,
    const char *text)
{
	size_t len = strlen(text), cap = TEXT_ESCAPE_GROWTH * len + 1;
	/* A line of a page is short: on the stack, not one allocation each. */
	char small[1024], *rest;
	char *safe = cap <= sizeof small ? small : malloc(cap);
	bool prose = style != STYLE_URL;
	const char *link = !prose && linkable(text) ? text : NULL;

	if (!safe) {
		p->failed = true;
		return;
	}
	text_sanitize(safe, cap, text, len);
	/* The line mode's URLs are whole, however long: a screen reader
	 * reads one piece, and a hand copies all of it. */
	if (!prose && p->setup.line_mode) {
		push(p, safe, strlen(safe), indent, style, link);
		if (safe != small)
			free(safe);
		return;
	}
	if (indent + 8 > p->setup.width)
		indent = 0;
	if (indent + hang + 12 > p->setup.width)
		hang = 0;
	rest = safe;
	do {
		size_t used, n = text_fit(rest, p->setup.width - indent, &used);

		if (n == 0) { /* a wide character in one column: drawn cut */
			uint32_t cp;

			n = text_decode(rest, strlen(rest), &cp);
		}
		if (prose && rest[n] != '\0') {
			size_t space = n;

			while (space > 0 && rest[space - 1] != ' ')
				space--;
			/* Not inside a key's column: there the line would hold
			 * the key alone (Japanese text has no spaces to break
			 * at, and breaks anywhere). */
			if (space > 0 && hang > 0 && rest == safe &&
			    prefix_width(rest, space) <= hang)
				space = 0;
			/* Japanese breaks anywhere: a space early in the line
			 * (#9110 は..., 一部の IP 電話) is no place to leave the
			 * rest of it empty. */
			if (space > 0 && space * 3 < n * 2 &&
			    text_ascii_run(rest + space, n - space) != n - space)
				space = 0;
			if (space > 0)
				n = space;
			else
				n = before_closing(rest, n);
		} else if (rest[n] != '\0') {
			n = url_break(rest, n);
		}
		push(p, rest, n, indent, style, link);
		rest += n;
		if (rest != safe) { /* the lines after the first */
			indent += hang;
			hang = 0;
		}
		while (prose && *rest == ' ')
			rest++;
	} while (*rest);
	if (safe != small)
		free(safe);
}

void
page_blank(struct page *p)
{
	push(p, "", 0, 0, STYLE_TEXT, NULL);
}

/* The lines text takes when added with this indent and style. */
static size_t
height_of(const struct page *p, size_t indent, enum line_style style,
    const char *text)
{
	struct page scratch = {.setup = p->setup, .counting = true};

	add(&scratch, indent, style, text);
	return scratch.count;
}

/* The lines a URL of the detail is given. */
static size_t
url_lines(const struct page *p)
{
	return p->setup.fixed ? p->setup.fixed->url : 0;
}

/* Ends a section that began at line `start` with blank lines up to
 * `height`, so that every desk puts each label on the same line and a move
 * sends the terminal only what changed. */
static void
pad_section(struct page *p, size_t start, size_t height)
{
	if (!p->setup.fixed) /* compact: no padding at all */
		return;
	while (p->count - start < height && !p->failed)
		page_blank(p);
}

static void add_v(struct page *p, size_t indent, enum line_style style,
    const char *fmt, va_list ap) PAGE_PRINTF(4, 0);

/* Formats into a buffer of two cells' size and adds it. */
static void
add_v(struct page *p, size_t indent, enum line_style style, const char *fmt,
    va_list ap)
{
	char buf[2 * TSV_MAX_LINE + 256];

	vsnprintf(buf, sizeof buf, fmt, ap);
	add(p, indent, style, buf);
}

void
page_addf(struct page *p, size_t indent, enum line_style style,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_v(p, indent, style, fmt, ap);
	va_end(ap);
}

void
page_add_label(struct page *p, size_t indent, enum line_style style,
    enum label id, ...)
{
	char buf[2 * TSV_MAX_LINE + 256];
	va_list ap;

	va_start(ap, id);
	label_vformat(buf, sizeof buf, p->setup.lang, id, ap);
	va_end(ap);
	add(p, indent, style, buf);
}

/* A label, followed by the source's own mark where it can be shown. */
static void
add_marked(struct page *p, enum line_style style, enum label id,
    const char *mark)
{
	if (p->setup.ascii || strcmp(mark, TABLE_NONE) == 0)
		add(p, 2, style, label(p->setup.lang, id));
	else
		page_addf(p, 2, style, "(%s) %s", mark, label(p->setup.lang, id));
}

/* The code first, as in the list: "13 警視庁  東京都", "13 Tokyo". */
static void
detail_title(struct page *p, const struct desk *desk)
{
	char title[3 * TSV_MAX_LINE];

	if (p->setup.ascii)
		snprintf(title, sizeof title, "%s %s", desk_cell(desk, FIELD_CODE),
		    desk_cell(desk, FIELD_ROMAJI));
	else if (strcmp(desk_cell(desk, FIELD_NAME),
	    desk_cell(desk, FIELD_PREFECTURE)) == 0)
		snprintf(title, sizeof title, "%s %s", desk_cell(desk, FIELD_CODE),
		    desk_cell(desk, FIELD_NAME));
	else
		snprintf(title, sizeof title, "%s %s  %s",
		    desk_cell(desk, FIELD_CODE), desk_cell(desk, FIELD_NAME),
		    desk_cell(desk, FIELD_PREFECTURE));
	add(p, 0, STYLE_TEXT, title);
}

static const char *const bureau_names[][2] = {
	/* As the region line has it, "関東 (Kanto)": the help's Words say what
	 * a 管区警察局 is. */
	{"東北管区警察局", "Tohoku"},
	{"関東管区警察局", "Kanto"},
	{"中部管区警察局", "Chubu"},
	{"近畿管区警察局", "Kinki"},
	{"中国四国管区警察局", "Chugoku-Shikoku"},
	{"九州管区警察局", "Kyushu"},
};

/* The bureau line: in English with the bureau's region in romaji beside
 * it; in ASCII, its English name alone (empty for a bureau of another
 * table, which has none); "none" for Tokyo and Hokkaido. */
static void
bureau_line(char *out, size_t cap, enum lang lang, bool ascii,
    const char *bureau)
{
	const char *english = NULL;

	for (size_t i = 0; i < COUNT_OF(bureau_names);
	    i++)
		if (strcmp(bureau, bureau_names[i][0]) == 0)
			english = bureau_names[i][1];
	if (strcmp(bureau, TABLE_NONE) == 0)
		snprintf(out, cap, "%s: %s", label(lang, L_BUREAU),
		    label(lang, L_BUREAU_NONE));
	else if (ascii && !english)
		out[0] = '\0';
	else if (ascii)
		snprintf(out, cap, "%s: %s Regional Police Bureau",
		    label(lang, L_BUREAU), english);
	else if (lang == LANG_EN && english)
		snprintf(out, cap, "%s: %.4096s (%s)", label(lang, L_BUREAU),
		    bureau, english);
	else
		snprintf(out, cap, "%s: %.4096s", label(lang, L_BUREAU), bureau);
}

/* Reading, region and bureau, after the title. */
static void
detail_names(struct page *p, const struct desk *desk)
{
	enum lang lang = p->setup.lang;
	const char *bureau = desk_cell(desk, FIELD_BUREAU);
	char line[2 * TSV_MAX_LINE];
	size_t start;

	if (p->setup.ascii) {
		page_add_label(p, 0, STYLE_TEXT, L_REGION_ASCII,
		    desk_cell(desk, FIELD_REGION_ROMAJI));
	} else {
		page_addf(p, 0, STYLE_TEXT, "%s  %s", desk_cell(desk, FIELD_KANA),
		    desk_cell(desk, FIELD_ROMAJI));
		page_add_label(p, 0, STYLE_TEXT, L_REGION,
		    desk_cell(desk, FIELD_REGION), desk_cell(desk, FIELD_REGION_ROMAJI));
	}
	start = p->count;
	bureau_line(line, sizeof line, lang, p->setup.ascii, bureau);
	if (*line)
		add(p, 0, STYLE_TEXT, line);
	/* As many lines as the longest bureau line takes, for every desk: the
	 * labels below stay put. */
	if (p->setup.fixed)
		pad_section(p, start, p->setup.fixed->bureau);
}

static void
detail_phone(struct page *p, const struct desk *desk)
{
	const char *kind = desk_cell(desk, FIELD_PHONE_KIND);
	const char *note = label(p->setup.lang, L_PHONE_ALSO_GENERAL);
	enum label kind_label = strcmp(kind, "総") == 0 ? L_PHONE_KIND_GENERAL :
	    strcmp(kind, "代") == 0 ? L_PHONE_KIND_SWITCHBOARD :
	    L_PHONE_KIND_CYBER;
	size_t start = p->count;

	add(p, 0, STYLE_LABEL, label(p->setup.lang, L_PHONE));
	add(p, 2, STYLE_PHONE, desk_cell(desk, FIELD_PHONE));
	add_marked(p, STYLE_TEXT, kind_label, kind);
	if (kind_label != L_PHONE_KIND_GENERAL)
		add(p, 2, STYLE_TEXT, note);
	pad_section(p, start, 3 + height_of(p, 2, STYLE_TEXT, note));
}

static void
detail_contact(struct page *p, const struct desk *desk)
{
	enum lang lang = p->setup.lang;
	const char *kind = desk_cell(desk, FIELD_CONTACT_KIND);

	add(p, 0, STYLE_LABEL, label(lang, L_CONTACT));
	if (desk->contact == CONTACT_URL)
		add(p, 2, STYLE_URL, desk_cell(desk, FIELD_CONTACT));
	else
		add(p, 2, STYLE_TEXT, label(lang, desk->contact == CONTACT_NONE ?
		    (desk_cell(desk, FIELD_CONTACT)[0] ? L_CONTACT_NONE :
		    L_CONTACT_NO_LINE) : L_CONTACT_SAME_PAGE));
	if (desk->contact == CONTACT_NONE)
		return;
	add_marked(p, STYLE_TEXT, strcmp(kind, "全") == 0 ? L_CONTACT_KIND_ALL :
	    strcmp(kind, "専") == 0 ? L_CONTACT_KIND_CYBER :
	    strcmp(kind, "情報・専") == 0 ? L_CONTACT_KIND_INFO :
	    L_CONTACT_KIND_NONE, kind);
}

/* The cyber crime page and the consultation address, each in a section
 * of the height the longest URL of the table takes (padded layout). */
static void
detail_addresses(struct page *p, const struct desk *desk)
{
	size_t start = p->count;

	add(p, 0, STYLE_LABEL, label(p->setup.lang, L_CYBER_PAGE));
	add(p, 2, STYLE_URL, desk_cell(desk, FIELD_CYBER_URL));
	pad_section(p, start, 1 + url_lines(p));
	page_blank(p);
	start = p->count;
	detail_contact(p, desk);
	pad_section(p, start, 1 + url_lines(p) + 1);
}

static void
detail_via(struct page *p, const char *found_via, bool guessed)
{
	if (found_via && *found_via)
		page_add_label(p, 0, STYLE_NOTE, guessed ? L_DID_YOU_MEAN :
		    L_FOUND_VIA, found_via);
	else if (found_via && p->setup.fixed)
		page_blank(p);
}

void
page_begin(struct page *p, const struct page_setup *setup)
{
	p->count = 0;
	p->failed = false;
	for (struct page_text *b = p->text; b; b = b->next)
		b->used = 0;
	p->fill = p->text;
	p->setup = *setup;
	if (p->setup.width == 0)
		p->setup.width = 1;
}

void
page_detail(struct page *p, const struct desk *desk,
    const struct page_setup *setup, const char *found_via, bool guessed)
{
	page_begin(p, setup);
	detail_title(p, desk);
	/* Compact (a phone's screen, the line mode): what a caller needs
	 * first, the phone, its page and where to write, and then the
	 * names, region and bureau, the first to go where they do not fit. */
	if (!p->setup.fixed) {
		detail_phone(p, desk);
		page_blank(p);
		detail_addresses(p, desk);
		page_blank(p);
		detail_names(p, desk);
		detail_via(p, found_via, guessed);
		return;
	}
	detail_names(p, desk);
	detail_via(p, found_via, guessed);
	page_blank(p);
	detail_phone(p, desk);
	page_blank(p);
	detail_addresses(p, desk);
}

void
page_free(struct page *p)
{
	while (p->text) {
		struct page_text *next = p->text->next;

		free(p->text);
		p->text = next;
	}
	free(p->lines);
	memset(p, 0, sizeof *p);
}

bool
page_row_note(const struct filter *f, const struct desk *desk, enum lang lang,
    bool ascii, char *out, size_t cap)
{
	char via[FILTER_PLACE_MAX];

	if (!filter_place(f, desk, ascii, via, sizeof via))
		return false;
	if (filter_suggested(f, desk))
		label_format(out, cap, lang, L_DID_YOU_MEAN, via);
	else
		snprintf(out, cap, "%s", via);
	return true;
}

/* The page's lines that show something: the padding after the last one
 * is not scrolled to. */
size_t
page_content(const struct page *p)
{
	size_t n = p->count;

	while (n > 0 && p->lines[n - 1].text[strspn(p->lines[n - 1].text, " ")]
	    == '\0')
		n--;
	return n;
}

void
page_heights_of(const struct table *t, const struct page_setup *setup,
    struct page_heights *out)
{
	struct page p = {0};
	char line[2 * TSV_MAX_LINE];

	page_begin(&p, setup);
	p.setup.fixed = NULL;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < t->count; i++) {
		const struct desk *desk = &t->desks[i];
		size_t page = height_of(&p, 2, STYLE_URL,
		    desk_cell(desk, FIELD_CYBER_URL));
		size_t contact = desk->contact == CONTACT_URL ?
		    height_of(&p, 2, STYLE_URL, desk_cell(desk, FIELD_CONTACT)) : 0;
		size_t own;

		bureau_line(line, sizeof line, p.setup.lang, p.setup.ascii,
		    desk_cell(desk, FIELD_BUREAU));
		own = *line ? height_of(&p, 0, STYLE_TEXT, line) : 0;
		out->url = page > out->url ? page : out->url;
		out->url = contact > out->url ? contact : out->url;
		out->bureau = own > out->bureau ? own : out->bureau;
	}
	for (size_t i = 0; i <= COUNT_OF(bureau_names); i++) {
		size_t h;

		bureau_line(line, sizeof line, p.setup.lang, p.setup.ascii,
		    i == 0 ? TABLE_NONE : bureau_names[i - 1][0]);
		h = height_of(&p, 0, STYLE_TEXT, line);
		out->bureau = h > out->bureau ? h : out->bureau;
	}
}
