/* pages: see pages.h. */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static void
push(struct page *p, const char *text, size_t len, size_t indent,
    enum line_style style, const char *link)
{
	struct page_line *line;
	char *copy;

	if (p->failed)
		return;
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
	if (!(copy = malloc(indent + len + 1))) {
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
add_hanging(struct page *p, size_t indent, size_t hang,
    enum line_style style, const char *text);

static void
add(struct page *p, size_t indent, enum line_style style, const char *text)
{
	add_hanging(p, indent, 0, style, text);
}

/* Like add, with the lines after the first indented hang more: a wrapped
 * line goes on under its text, not under its key. */
static void
add_hanging(struct page *p, size_t indent, size_t hang,
    enum line_style style, const char *text)
{
	size_t len = strlen(text), cap = TEXT_ESCAPE_GROWTH * len + 1;
	char *safe = malloc(cap), *rest;
	bool prose = style != STYLE_URL;
	const char *link = !prose && linkable(text) ? text : NULL;

	if (!safe) {
		p->failed = true;
		return;
	}
	text_sanitize(safe, cap, text, len);
	if (indent + 8 > p->style.width)
		indent = 0;
	if (indent + hang + 12 > p->style.width)
		hang = 0;
	rest = safe;
	do {
		size_t used, n = text_fit(rest, p->style.width - indent, &used);

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
			if (space > 0)
				n = space;
		} else if (rest[n] != '\0') {
			n = url_break(rest, n);
		}
		push(p, rest, n, indent, style, link);
		rest += n;
		if (rest != safe) /* the lines after the first */
			indent += hang, hang = 0;
		while (prose && *rest == ' ')
			rest++;
	} while (*rest);
	free(safe);
}

static void
blank(struct page *p)
{
	push(p, "", 0, 0, STYLE_TEXT, NULL);
}

/* The lines text takes when added with this indent and style. */
static size_t
height_of(const struct page *p, size_t indent, enum line_style style,
    const char *text)
{
	struct page scratch = {.style = p->style};
	size_t lines;

	add(&scratch, indent, style, text);
	lines = scratch.count;
	page_free(&scratch);
	return lines;
}

/* The most lines a URL of the table takes at this width. */
static size_t
url_lines(const struct page *p)
{
	const struct table *t = p->style.urls;
	size_t most = 0;

	for (size_t i = 0; t && i < t->count; i++) {
		const struct desk *k = &t->desks[i];
		size_t page = height_of(p, 2, STYLE_URL, k->cell[FIELD_CYBER_URL]);
		size_t contact = k->contact == CONTACT_URL ?
		    height_of(p, 2, STYLE_URL, k->cell[FIELD_CONTACT]) : 0;

		most = page > most ? page : most;
		most = contact > most ? contact : most;
	}
	return most;
}

/* Ends a section that began at line `start` with blank lines up to
 * `height`, so that every desk puts each label on the same line and a move
 * sends the terminal only what changed. */
static void
pad_section(struct page *p, size_t start, size_t height)
{
	if (!p->style.urls) /* compact: no padding at all */
		return;
	while (p->count - start < height && !p->failed)
		blank(p);
}

/* Formats into a small buffer and adds it. */
static void
addf(struct page *p, size_t indent, enum line_style style, const char *fmt,
    const char *a, const char *b)
{
	char buf[2 * TABLE_MAX_LINE + 256];

	snprintf(buf, sizeof buf, fmt, a, b);
	add(p, indent, style, buf);
}

/* A label, followed by the source's own mark where it can be shown. */
static void
add_marked(struct page *p, enum line_style style, enum label id,
    const char *mark)
{
	if (p->style.ascii || strcmp(mark, TABLE_NONE) == 0)
		add(p, 2, style, label(p->style.lang, id));
	else
		addf(p, 2, style, "(%s) %s", mark, label(p->style.lang, id));
}

/* The code first, as in the list: "13 警視庁  東京都", "13 Tokyo". */
static void
detail_title(struct page *p, const struct desk *k)
{
	char title[3 * TABLE_MAX_LINE];

	if (p->style.ascii)
		snprintf(title, sizeof title, "%s %s", k->cell[FIELD_CODE],
		    k->cell[FIELD_ROMAJI]);
	else if (strcmp(k->cell[FIELD_NAME], k->cell[FIELD_PREFECTURE]) == 0)
		snprintf(title, sizeof title, "%s %s", k->cell[FIELD_CODE],
		    k->cell[FIELD_NAME]);
	else
		snprintf(title, sizeof title, "%s %s  %s", k->cell[FIELD_CODE],
		    k->cell[FIELD_NAME], k->cell[FIELD_PREFECTURE]);
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
 * it; "none" for Tokyo and Hokkaido. */
static void
bureau_line(char *out, size_t cap, enum lang lang, const char *bureau)
{
	const char *english = NULL;

	for (size_t i = 0; i < sizeof bureau_names / sizeof bureau_names[0];
	    i++)
		if (strcmp(bureau, bureau_names[i][0]) == 0)
			english = bureau_names[i][1];
	if (strcmp(bureau, TABLE_NONE) == 0)
		snprintf(out, cap, "%s: %s", label(lang, L_BUREAU),
		    label(lang, L_BUREAU_NONE));
	else if (lang == LANG_EN && english)
		snprintf(out, cap, "%s: %.4096s (%s)", label(lang, L_BUREAU),
		    bureau, english);
	else
		snprintf(out, cap, "%s: %.4096s", label(lang, L_BUREAU), bureau);
}

/* Reading, region and bureau, after the title. */
static void
detail_names(struct page *p, const struct desk *k)
{
	enum lang lang = p->style.lang;
	const char *bureau = k->cell[FIELD_BUREAU];
	char line[2 * TABLE_MAX_LINE];
	size_t start;

	if (p->style.ascii) {
		addf(p, 0, STYLE_TEXT, label(lang, L_REGION_ASCII),
		    k->cell[FIELD_REGION_ROMAJI], "");
		return;
	}
	addf(p, 0, STYLE_TEXT, "%s  %s", k->cell[FIELD_KANA],
	    k->cell[FIELD_ROMAJI]);
	addf(p, 0, STYLE_TEXT, label(lang, L_REGION), k->cell[FIELD_REGION],
	    k->cell[FIELD_REGION_ROMAJI]);
	start = p->count;
	bureau_line(line, sizeof line, lang, bureau);
	add(p, 0, STYLE_TEXT, line);
	/* As many lines as the longest bureau line takes, for every desk: the
	 * labels below stay put. */
	if (p->style.urls) {
		size_t most = height_of(p, 0, STYLE_TEXT, line);

		for (size_t i = 0; i <= sizeof bureau_names /
		    sizeof bureau_names[0]; i++) {
			size_t h;

			bureau_line(line, sizeof line, lang, i == 0 ? TABLE_NONE :
			    bureau_names[i - 1][0]);
			h = height_of(p, 0, STYLE_TEXT, line);
			most = h > most ? h : most;
		}
		pad_section(p, start, most);
	}
}

static void
detail_phone(struct page *p, const struct desk *k)
{
	const char *kind = k->cell[FIELD_PHONE_KIND];
	const char *note = label(p->style.lang, L_PHONE_ALSO_GENERAL);
	enum label kind_label = strcmp(kind, "総") == 0 ? L_PHONE_KIND_GENERAL :
	    strcmp(kind, "代") == 0 ? L_PHONE_KIND_SWITCHBOARD :
	    L_PHONE_KIND_CYBER;
	size_t start = p->count;

	add(p, 0, STYLE_LABEL, label(p->style.lang, L_PHONE));
	add(p, 2, STYLE_PHONE, k->cell[FIELD_PHONE]);
	add_marked(p, STYLE_TEXT, kind_label, kind);
	if (kind_label != L_PHONE_KIND_GENERAL)
		add(p, 2, STYLE_TEXT, note);
	pad_section(p, start, 3 + height_of(p, 2, STYLE_TEXT, note));
}

static void
detail_contact(struct page *p, const struct desk *k)
{
	enum lang lang = p->style.lang;
	const char *kind = k->cell[FIELD_CONTACT_KIND];

	add(p, 0, STYLE_LABEL, label(lang, L_CONTACT));
	if (k->contact == CONTACT_URL)
		add(p, 2, STYLE_URL, k->cell[FIELD_CONTACT]);
	else
		add(p, 2, STYLE_TEXT, label(lang, k->contact == CONTACT_NONE ?
		    (k->cell[FIELD_CONTACT][0] ? L_CONTACT_NONE :
		    L_CONTACT_NO_LINE) : L_CONTACT_SAME_PAGE));
	if (k->contact == CONTACT_NONE)
		return;
	add_marked(p, STYLE_TEXT, strcmp(kind, "全") == 0 ? L_CONTACT_KIND_ALL :
	    strcmp(kind, "専") == 0 ? L_CONTACT_KIND_CYBER :
	    strcmp(kind, "情報・専") == 0 ? L_CONTACT_KIND_INFO :
	    L_CONTACT_KIND_NONE, kind);
	if (strcmp(kind, "情報・専") == 0)
		add(p, 2, STYLE_NOTE, label(lang, L_NOTE_INFO_ONLY));
}

void
page_detail(struct page *p, const struct desk *k,
    const struct page_style *style, const char *found_via)
{
	size_t start;

	memset(p, 0, sizeof *p);
	p->style = *style;
	if (p->style.width == 0)
		p->style.width = 1;
	detail_title(p, k);
	/* Compact (a phone's screen, the line mode): the phone right after
	 * the name, the first thing a victim needs and the last to be cut. */
	if (!p->style.urls) {
		detail_phone(p, k);
		blank(p);
	}
	detail_names(p, k);
	if (found_via && *found_via)
		addf(p, 0, STYLE_NOTE, label(p->style.lang, L_FOUND_VIA),
		    found_via, "");
	else if (found_via && p->style.urls)
		blank(p);
	blank(p);
	if (p->style.urls) {
		detail_phone(p, k);
		blank(p);
	}
	start = p->count;
	add(p, 0, STYLE_LABEL, label(p->style.lang, L_CYBER_PAGE));
	add(p, 2, STYLE_URL, k->cell[FIELD_CYBER_URL]);
	pad_section(p, start, 1 + url_lines(p));
	blank(p);
	start = p->count;
	detail_contact(p, k);
	pad_section(p, start, 1 + url_lines(p) + 1 +
	    height_of(p, 2, STYLE_NOTE, label(p->style.lang, L_NOTE_INFO_ONLY)));
}

/* Each key and what it does, in both languages; the man page's KEYS. */
static const char *const help_keys[][2] = {
	{"typing        filter: kanji, kana, romaji, code, phone",
	 "文字入力      絞り込み (漢字・かな・ローマ字・番号・電話)"},
	{"Up Down C-p C-n C-k C-j  move the selection",
	 "上下 C-p C-n C-k C-j  選択を移動"},
	{"PgUp PgDn Home End  a page, the first, the last",
	 "PgUp PgDn Home End  1画面・先頭・末尾へ"},
	{"Tab           list / detail (then Up Down scroll it)",
	 "Tab           一覧と詳細の切り替え (詳細は上下でスクロール)"},
	{"Enter         show the detail", "Enter         詳細を表示"},
	{"Esc Left      back; Esc clears the query, then quits",
	 "Esc 左        戻る。Esc は入力を消去、空なら終了"},
	{"Backspace Delete C-d  delete a character",
	 "Backspace Delete C-d  1文字を削除"},
	{"C-w M-Backspace M-d C-u  delete a word, the next word, all",
	 "C-w M-Backspace M-d C-u  前の語・次の語・全部を削除"},
	{"Left Right C-a C-e  move in the query",
	 "左右 C-a C-e  入力内のカーソル移動"},
	{"C-Left C-Right M-b M-f  move by a word",
	 "C-左 C-右 M-b M-f  語単位で移動"},
	{"F1 ?          this help (? with an empty query)",
	 "F1 ?          このヘルプ (? は入力が空のとき)"},
	{"F2 C-y M-y    copy the phone", "F2 C-y M-y    電話番号をコピー"},
	{"F3 M-u        copy the cyber crime page",
	 "F3 M-u        サイバー犯罪対策のページをコピー"},
	{"F4 M-c        copy the consultation address",
	 "F4 M-c        相談窓口をコピー"},
	{"F5 C-o M-o    open the page; F6 M-O the consultation address",
	 "F5 C-o M-o    ページを開く。F6 M-O 相談窓口を開く"},
	{"y u c  in the detail: copy the phone, the page, the address",
	 "y u c  詳細で: 電話番号・ページ・相談窓口をコピー"},
	{"o O  in the detail: open the page, the consultation address",
	 "o O  詳細で: ページ・相談窓口を開く"},
	{"j k g G Space b q  in the detail: scroll, and q goes back",
	 "j k g G Space b q  詳細で: スクロール、q で戻る"},
	{"C-l           redraw the screen", "C-l           画面を再描画"},
	{"C-c C-g F10   quit", "C-c C-g F10   終了"},
	{"mouse         the wheel scrolls what is under it, a click selects",
	 "マウス        ホイールでその下をスクロール、クリックで選択。"},
	{"Shift-drag  select text by hand (Ctrl-drag in Tera Term)",
	 "Shift+ドラッグ  文字を手で選択 (Tera Term では Ctrl+ドラッグ)"},
	{"M-  Alt, or Esc and then the key", "M-  Alt、または Esc の後にキー"},
};

/* The words of the data a reader of English, or of the source, meets. */
static const char *const help_words[][2] = {
	{"警視庁  Keishicho, the Tokyo Metropolitan Police Department: Tokyo's "
	 "prefectural police",
	 "警視庁  東京都の警察 (Tokyo Metropolitan Police Department)"},
	{"管区警察局  a regional police bureau of the National Police Agency; "
	 "Tokyo and Hokkaido are under none",
	 "管区警察局  警察庁の地方機関。警視庁と北海道警察はどの管区にも属しません"},
	{"NPA  the National Police Agency (警察庁), which publishes the list",
	 "警察庁  この一覧を公表している国の機関 (NPA)"},
	{"JIS code  a prefecture's number, 01 to 47 (JIS X 0401)",
	 "JIS コード  都道府県の番号 01〜47 (JIS X 0401)"},
	{"(府中市)  after a desk in the list: the town it was found through",
	 "(府中市)  一覧の窓口の後: 窓口が見つかった市区町村"},
	{"関東 !tokyo  Kanto (関東) but not Tokyo: ! leaves a word out",
	 "関東 !tokyo  関東のうち東京を除く (! の語は除外)"},
	{"(情報・専)  Kanagawa's address: it takes information only",
	 "(情報・専)  神奈川県警察の窓口: 情報受理専用"},
};

/* Under --ascii, what the query rows and the notes say without a kanji:
 * the marks by their meaning, examples in romaji. */
static const char *const help_query_ascii[][2] = {
	{"Words must all match; !word leaves a word out: kanto !tokyo", ""},
	{"1 or 2 digits: the JIS code (13). 3 or more: the phone (033431).", ""},
	{"Regions: kanto, tohoku. A town or ward finds its prefecture: "
	 "hamamatsu, chuoku.", ""},
	{"So does a postal code: 100-0001, 100- (its start).", ""},
};

static const char *const help_notes_ascii[][2] = {
	{"Each prefectural police site may carry cyber crime information on "
	 "pages other than the ones listed here.", ""},
	{"Phone marks: general, the general consultation line; switchboard, the "
	 "police HQ switchboard; cyber, a dedicated cyber crime line. Those "
	 "marked cyber or switchboard also take consultations on the general "
	 "consultation line.", ""},
	{"Address marks: all, for police business in general; cyber only, cyber "
	 "crime consultations only. Kanagawa's address takes information only.",
	 ""},
	{"Source: the National Police Agency's list of the cyber crime "
	 "consultation desks of the prefectural police headquarters "
	 "(Todofuken keisatsu honbu no saiba hanzai sodan madoguchi to ichiran)."
	 " It is undated; its URLs and numbers may have moved or changed since.",
	 ""},
};

/* The line mode's commands, in both languages. */
static const char *const help_commands[][2] = {
	{"a query     the desks it matches (one: its whole detail)",
	 "検索語      一致する窓口 (一つならその詳細)"},
	{"a number    that desk of the list shown, whole (a code: 09, 13)",
	 "番号        表示中の一覧のその窓口の詳細 (コードは 09、13)"},
	{"all         every desk", "all         すべての窓口"},
	{"copy [phone|page|contact]  copy from the desk shown (tmux)",
	 "copy [phone|page|contact]  表示中の窓口からコピー (tmux)"},
	{"open [page|contact]  open it (over SSH: show it)",
	 "open [page|contact]  開く (SSH 経由では表示)"},
	{"?           this help", "?           このヘルプ"},
	{"q           quit (also Ctrl-D)", "q           終了 (Ctrl-D でも)"},
};

static const char *const help_query[][2] = {
	{"Words must all match; !word excludes: 関東 !tokyo",
	 "すべての語に一致するものを表示。!語 は除外: 関東 !tokyo"},
	{"1 or 2 digits: the JIS code (13). 3 or more: the phone (033431).",
	 "1〜2桁の数字は都道府県コード (13)、3桁以上は電話番号 (033431)。"},
	{"Regions: 関東 or kanto. Bureaus: 関東管区.",
	 "地方: 関東・kanto。管区警察局: 関東管区。"},
	{"A town or ward finds its prefecture: 浜松 or hamamatsu, 中央区.",
	 "市区町村からも探せます: 浜松・はままつ・hamamatsu・中央区。"},
	{"So does a postal code: 100-0001, 〒100 (its start).",
	 "郵便番号からも: 100-0001・〒100 (前方一致)。"},
};

/* Rows of a key and what it does, written "key  what": the keys in one
 * column as wide as the widest (at most half the page), and what they do
 * wrapped under itself. Rows without two spaces are prose. */
static void
help_section(struct page *p, enum label title, const char *const (*rows)[2],
    size_t n)
{
	enum lang lang = p->style.lang;
	size_t col = 0, most = p->style.width > 4 ? (p->style.width - 4) / 2 : 0;

	blank(p);
	add(p, 0, STYLE_LABEL, label(lang, title));
	for (size_t i = 0; i < n; i++) {
		const char *gap = strstr(rows[i][lang], "  ");
		char key[128];
		size_t w;

		if (!gap || (size_t)(gap - rows[i][lang]) >= sizeof key)
			continue;
		memcpy(key, rows[i][lang], (size_t)(gap - rows[i][lang]));
		key[gap - rows[i][lang]] = '\0';
		w = text_width(key);
		if (w > col && w <= most)
			col = w;
	}
	for (size_t i = 0; i < n; i++) {
		const char *row = rows[i][lang], *gap = strstr(row, "  ");
		char line[512];
		size_t kl, w;

		if (!gap) {
			add(p, 2, STYLE_TEXT, row);
			continue;
		}
		kl = (size_t)(gap - row);
		w = text_width(row) - text_width(gap); /* the key's columns */
		gap += strspn(gap, " ");
		snprintf(line, sizeof line, "%.*s%*s  %s", (int)kl, row,
		    (int)(w < col ? col - w : 0), "", gap);
		add_hanging(p, 2, col + 2, STYLE_TEXT, line);
	}
}

static void
help_national(struct page *p, const struct table *t)
{
	enum lang lang = p->style.lang;
	const struct meta *m;

	blank(p);
	add(p, 0, STYLE_LABEL, label(lang, L_HELP_NATIONAL));
	for (size_t i = 0; (m = table_meta(t, "national", labels_code(lang), i));
	    i++) {
		add(p, 2, strncmp(m->value, "http", 4) ? STYLE_PHONE : STYLE_URL,
		    m->value);
		add(p, 4, STYLE_TEXT, m->extra);
	}
}

static void
help_notes(struct page *p, const struct table *t)
{
	enum lang lang = p->style.lang;
	const char *code = labels_code(lang);
	const struct meta *m;

	blank(p);
	add(p, 0, STYLE_LABEL, label(lang, L_HELP_MARKS));
	for (size_t i = 0; (m = table_meta(t, "note", code, i)); i++)
		add(p, 2, STYLE_TEXT, m->value);
	blank(p);
	add(p, 0, STYLE_LABEL, label(lang, L_HELP_SOURCE));
	if ((m = table_meta(t, "title", NULL, 0)) && lang == LANG_EN)
		addf(p, 2, STYLE_TEXT, "%s (%s)", m->value,
		    label(lang, L_SOURCE_TITLE));
	else if (m)
		add(p, 2, STYLE_TEXT, m->value);
	if ((m = table_meta(t, "publisher", NULL, 0)))
		add(p, 2, STYLE_TEXT, m->value);
	if ((m = table_meta(t, "provenance", code, 0)))
		add(p, 2, STYLE_NOTE, m->value);
}

void
page_help(struct page *p, const struct table *t,
    const struct page_style *style)
{
	memset(p, 0, sizeof *p);
	p->style = *style;
	if (p->style.width == 0)
		p->style.width = 1;
	/* Who to call comes first: that is what a victim needs most. */
	add(p, 0, STYLE_LABEL, label(p->style.lang, L_HELP_TITLE));
	help_national(p, t);
	if (p->style.line_mode)
		help_section(p, L_HELP_COMMANDS, help_commands,
		    sizeof help_commands / sizeof help_commands[0]);
	else
		help_section(p, L_HELP_KEYS, help_keys,
		    sizeof help_keys / sizeof help_keys[0]);
	if (p->style.ascii) { /* the marks and examples without a kanji */
		help_section(p, L_HELP_QUERY, help_query_ascii,
		    sizeof help_query_ascii / sizeof help_query_ascii[0]);
		help_section(p, L_HELP_MARKS, help_notes_ascii,
		    sizeof help_notes_ascii / sizeof help_notes_ascii[0]);
		return;
	}
	help_section(p, L_HELP_QUERY, help_query,
	    sizeof help_query / sizeof help_query[0]);
	help_section(p, L_HELP_WORDS, help_words,
	    sizeof help_words / sizeof help_words[0]);
	help_notes(p, t);
}

void
page_free(struct page *p)
{
	for (size_t i = 0; i < p->count; i++)
		free(p->lines[i].text);
	free(p->lines);
	memset(p, 0, sizeof *p);
}
