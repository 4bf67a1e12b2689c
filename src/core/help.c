/* help: the help screen, as a page (pages.h): who to call first, then the
 * keys or the line mode's commands, the query language, the words of the
 * data, the source's notes on its marks, and where the data comes from. */
#include "pages.h"

#include <stdio.h>
#include <string.h>

#include "count_of.h"
#include "help.h"
#include "keys.h"
#include "text.h"

/* Each key and what it does, in both languages; the man page's KEYS. */
/* The rows of the keys: the keys of each come from the key table (keys.c),
 * the bindings of these actions that hold where given; a row of no action
 * is words alone, "what  meaning". */
#define WHERES(w) (1u << (w))
#define ANYWHERE WHERES(WHERE_ANYWHERE)

static const struct key_row {
	unsigned wheres;          /* WHERES() of the bindings listed */
	enum action actions[8];   /* ACT_NONE ends them */
	char text[2][128];  /* text, not pointers: nothing to relocate */
} key_rows[] = {
	{0, {ACT_NONE}, {"typing  filter: kanji, kana, romaji, code, phone",
	    "文字入力  絞り込み (漢字・かな・ローマ字・番号・電話)"}},
	{ANYWHERE, {ACT_UP, ACT_DOWN}, {"move the selection",
	    "選択を移動"}},
	{ANYWHERE, {ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST},
	    {"a page, the first, the last", "1画面・先頭・末尾へ"}},
	{ANYWHERE, {ACT_TOGGLE_FOCUS},
	    {"list / detail (then Up Down scroll it)",
	    "一覧と詳細の切り替え (詳細は上下でスクロール)"}},
	{ANYWHERE, {ACT_OPEN}, {"show the detail", "詳細を表示"}},
	{ANYWHERE, {ACT_ESCAPE, ACT_BACK},
	    {"back; Esc clears the query, then quits; Left moves in it",
	    "戻る。Esc は入力を消去、空なら終了。左は入力内で移動"}},
	{ANYWHERE, {ACT_BACKSPACE, ACT_DELETE_FORWARD},
	    {"delete a character", "1文字を削除"}},
	{ANYWHERE, {ACT_DELETE_WORD, ACT_CLEAR_QUERY,
	    ACT_DELETE_WORD_FORWARD}, {"delete the word before, the query, "
	    "the word after", "前の語・入力全部・次の語を削除"}},
	{ANYWHERE, {ACT_CURSOR_RIGHT, ACT_CURSOR_LEFT, ACT_CURSOR_START,
	    ACT_CURSOR_END}, {"move in the query", "入力内のカーソル移動"}},
	{ANYWHERE, {ACT_WORD_LEFT, ACT_WORD_RIGHT},
	    {"move by a word", "語単位で移動"}},
	{ANYWHERE | WHERES(WHERE_EMPTY_QUERY), {ACT_HELP},
	    {"this help (? with an empty query)",
	    "このヘルプ (? は入力が空のとき)"}},
	{ANYWHERE, {ACT_COPY_PHONE}, {"copy the phone",
	    "電話番号をコピー"}},
	{ANYWHERE, {ACT_COPY_PAGE}, {"copy the cyber crime page",
	    "サイバー犯罪対策のページをコピー"}},
	{ANYWHERE, {ACT_COPY_CONTACT}, {"copy the consultation address",
	    "相談窓口をコピー"}},
	{ANYWHERE, {ACT_BROWSE_PAGE}, {"open the page", "ページを開く"}},
	{ANYWHERE, {ACT_BROWSE_CONTACT}, {"open the consultation address",
	    "相談窓口を開く"}},
	{WHERES(WHERE_DETAIL), {ACT_COPY_PHONE, ACT_COPY_PAGE,
	    ACT_COPY_CONTACT}, {"in the detail: copy the phone, the page, "
	    "the address", "詳細で: 電話番号・ページ・相談窓口をコピー"}},
	{WHERES(WHERE_DETAIL), {ACT_BROWSE_PAGE, ACT_BROWSE_CONTACT},
	    {"in the detail: open the page, the consultation address",
	    "詳細で: ページ・相談窓口を開く"}},
	{WHERES(WHERE_READING), {ACT_DOWN, ACT_UP, ACT_FIRST, ACT_LAST,
	    ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_ESCAPE},
	    {"in the detail: scroll, and q goes back",
	    "詳細で: スクロール、q で戻る"}},
	{ANYWHERE, {ACT_REDRAW}, {"redraw the screen", "画面を再描画"}},
	{ANYWHERE, {ACT_QUIT}, {"quit", "終了"}},
	{0, {ACT_NONE}, {"mouse  the wheel scrolls what is under it, a click "
	    "selects, a second click opens",
	    "マウス  ホイールでその下をスクロール、クリックで選択、もう一度で開く。"}},
	{0, {ACT_NONE}, {"Shift-drag  select text by hand (Ctrl-drag in Tera "
	    "Term)", "Shift+ドラッグ  文字を手で選択 (Tera Term では Ctrl+ドラッグ)"}},
	{0, {ACT_NONE}, {"M-  Alt, or Esc and then the key",
	    "M-  Alt、または Esc の後にキー"}},
};

/* Whether a row lists action a. */
static bool
row_has(const struct key_row *row, enum action a)
{
	for (size_t i = 0; i < COUNT_OF(row->actions) &&
	    row->actions[i] != ACT_NONE; i++)
		if (row->actions[i] == a)
			return true;
	return false;
}

/* A row written "keys  what they do", the keys in the table's order. */
static void
key_row_text(const struct key_row *row, enum lang lang, char *out,
    size_t cap)
{
	size_t at = 0;

	out[0] = '\0';
	if (row->actions[0] == ACT_NONE) {
		snprintf(out, cap, "%s", row->text[lang]);
		return;
	}
	for (size_t i = 0; i < key_binding_count && at < cap; i++) {
		const struct key_binding *b = &key_bindings[i];

		if (b->name[0] && row->wheres >> b->where & 1 &&
		    row_has(row, b->action))
			at += (size_t)snprintf(out + at, cap - at, "%s%s",
			    at ? " " : "", binding_name(b, lang));
	}
	if (at < cap)
		snprintf(out + at, cap - at, "  %s", row->text[lang]);
}

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
	{"Besides the URLs in the list, each prefectural police site may carry "
	 "cyber crime information in its topics.", ""},
	{"Phone marks: general, the general consultation line; switchboard, the "
	 "police HQ switchboard; cyber, a dedicated cyber crime line. Those "
	 "marked cyber or switchboard also take consultations on the general "
	 "consultation line.", ""},
	{"Address marks: all, an address for opinions, requests and "
	 "consultations on police business in general; cyber only, an address "
	 "for cyber crime consultations only. (Kanagawa Prefectural Police: for "
	 "receiving information only.)", ""},
	{"Source: the National Police Agency's list of the cyber crime "
	 "consultation desks of the prefectural police headquarters "
	 "(Todofuken keisatsu honbu no saiba hanzai sodan madoguchi to ichiran).",
	 ""},
	{"Note from madoguchi, not the source: the list is undated; its URLs "
	 "and numbers may have moved or changed since.", ""},
};

/* The line mode's commands, in both languages. */
static const char *const help_commands[][2] = {
	{"a query     the desks it matches (one: its whole detail)",
	 "検索語      一致する窓口 (一つならその詳細)"},
	{"a number    the desk with that code, whole, as lists show it (13)",
	 "番号        そのコードの窓口の詳細 (一覧の先頭の番号、13 など)"},
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
 * wrapped under itself; keys wider than the column stand on a line of
 * their own, what they do under it in the column. Rows without two spaces
 * are prose. */
static void
help_section(struct page *p, enum label title, const char *const *rows,
    size_t n)
{
	enum lang lang = p->setup.lang;
	size_t col = 0, most = p->setup.width > 4 ? (p->setup.width - 4) / 2 : 0;

	page_blank(p);
	page_add(p, 0, 0, STYLE_LABEL, label(lang, title));
	for (size_t i = 0; i < n; i++) {
		const char *gap = strstr(rows[2 * i + lang], "  ");
		char key[128];
		size_t w;

		if (!gap || (size_t)(gap - rows[2 * i + lang]) >= sizeof key)
			continue;
		memcpy(key, rows[2 * i + lang], (size_t)(gap - rows[2 * i + lang]));
		key[gap - rows[2 * i + lang]] = '\0';
		w = text_width(key);
		if (w > col && w <= most)
			col = w;
	}
	for (size_t i = 0; i < n; i++) {
		const char *row = rows[2 * i + lang], *gap = strstr(row, "  ");
		char line[512];
		size_t kl, w;

		if (!gap) {
			page_add(p, 2, 0, STYLE_TEXT, row);
			continue;
		}
		kl = (size_t)(gap - row);
		w = text_width(row) - text_width(gap); /* the key's columns */
		gap += strspn(gap, " ");
		if (w > col) {
			snprintf(line, sizeof line, "%.*s", (int)kl, row);
			page_add(p, 2, 0, STYLE_TEXT, line);
			page_add(p, col + 4, 0, STYLE_TEXT, gap);
			continue;
		}
		snprintf(line, sizeof line, "%.*s%*s  %s", (int)kl, row,
		    (int)(col - w), "", gap);
		page_add(p, 2, col + 2, STYLE_TEXT, line);
	}
}

/* An item of a hint: the keys that do one of these actions in the hint's
 * state, at most `most` of them (of those bound where given; WHERE_ANYWHERE:
 * of any that hold there), then the words; no action: words alone. */
struct hint_item {
	enum action actions[2];
	enum key_where where;
	unsigned most;
	char words[2][32];  /* text, not pointers: nothing to relocate */
};

#define HINT_ITEMS 7
#define TYPE_TO_FILTER {{ACT_NONE}, WHERE_ANYWHERE, 0, {"Type to filter", \
	"入力で絞り込み"}}
#define COPY_AND_OPEN {{ACT_COPY_PHONE}, WHERE_ANYWHERE, 2, {"copy", \
	"コピー"}}, {{ACT_BROWSE_PAGE}, WHERE_ANYWHERE, 2, {"open", "開く"}}
#define HELP_ITEM {{ACT_HELP}, WHERE_ANYWHERE, 2, {"help", "ヘルプ"}}
#define QUIT_ITEM {{ACT_ESCAPE}, WHERE_ANYWHERE, 1, {"quit", "終了"}}
#define CLEAR_ITEM {{ACT_ESCAPE}, WHERE_ANYWHERE, 1, {"clear", "消去"}}

static const struct hint_item hints[][HINT_ITEMS] = {
	[HINT_WIDE] = {TYPE_TO_FILTER, QUIT_ITEM, {{ACT_TOGGLE_FOCUS},
	    WHERE_ANYWHERE, 1, {"detail", "詳細"}}, COPY_AND_OPEN, HELP_ITEM},
	[HINT_WIDE_QUERY] = {TYPE_TO_FILTER, CLEAR_ITEM, {{ACT_TOGGLE_FOCUS},
	    WHERE_ANYWHERE, 1, {"detail", "詳細"}}, COPY_AND_OPEN, HELP_ITEM},
	[HINT_NARROW_LIST] = {TYPE_TO_FILTER, QUIT_ITEM, {{ACT_OPEN},
	    WHERE_ANYWHERE, 1, {"detail", "詳細"}}, HELP_ITEM},
	[HINT_NARROW_QUERY] = {TYPE_TO_FILTER, CLEAR_ITEM, {{ACT_OPEN},
	    WHERE_ANYWHERE, 1, {"detail", "詳細"}}, HELP_ITEM},
	[HINT_MISS] = {TYPE_TO_FILTER, CLEAR_ITEM, HELP_ITEM},
	[HINT_DETAIL] = {
		{{ACT_ESCAPE}, WHERE_ANYWHERE, 1, {"back", "戻る"}},
		{{ACT_DOWN, ACT_UP}, WHERE_READING, 2, {"scroll",
		    "スクロール"}},
		{{ACT_COPY_PHONE}, WHERE_DETAIL, 1, {"copy phone",
		    "電話をコピー"}},
		{{ACT_COPY_PAGE}, WHERE_DETAIL, 1, {"page", "ページ"}},
		{{ACT_COPY_CONTACT}, WHERE_DETAIL, 1, {"address", "窓口"}},
		{{ACT_BROWSE_PAGE}, WHERE_DETAIL, 1, {"open", "開く"}},
		HELP_ITEM,
	},
	[HINT_HELP] = {{{ACT_ESCAPE, ACT_HELP}, WHERE_ANYWHERE, 4,
	    {"close this help", "ヘルプを閉じる"}}},
};

/* Whether binding b does its action in v's state, and is one the item
 * lists. */
static bool
item_lists(const struct hint_item *item, const struct key_binding *b,
    const struct view *v)
{
	struct key key = {.id = b->id, .mods = b->mods, .ch = b->ch};
	char text[4];
	size_t len;

	if (!b->name[0] || (b->action != item->actions[0] &&
	    (item->actions[1] == ACT_NONE || b->action != item->actions[1])))
		return false;
	if (item->where != WHERE_ANYWHERE && b->where != item->where)
		return false;
	return keys_action(&key, v, text, &len) == b->action;
}

void
help_hint(enum hint h, const struct view *v, enum lang lang, char *out,
    size_t cap)
{
	size_t at = 0;

	out[0] = '\0';
	for (size_t i = 0; i < HINT_ITEMS && hints[h][i].words[0][0] &&
	    at < cap; i++) {
		const struct hint_item *item = &hints[h][i];
		unsigned keys = 0;

		if (at)
			at += (size_t)snprintf(out + at, cap - at, "  ");
		for (size_t k = 0; k < key_binding_count && keys < item->most &&
		    at < cap; k++)
			if (item_lists(item, &key_bindings[k], v))
				at += (size_t)snprintf(out + at, cap - at, "%s%s",
				    keys++ ? "/" : "", binding_name(&key_bindings[k],
				    lang));
		if (at < cap)
			at += (size_t)snprintf(out + at, cap - at, "%s%s",
			    keys ? " " : "", item->words[lang]);
	}
}

size_t
help_key_rows(void)
{
	return COUNT_OF(key_rows);
}

void
help_key_row(size_t i, enum lang lang, char *keys, size_t keys_cap,
    char *what, size_t what_cap)
{
	char text[256];
	const char *gap;

	key_row_text(&key_rows[i], lang, text, sizeof text);
	gap = strstr(text, "  ");
	snprintf(keys, keys_cap, "%.*s", gap ? (int)(gap - text) :
	    (int)strlen(text), text);
	snprintf(what, what_cap, "%s", gap ? gap + 2 : "");
}

/* The keys, from the key table, in an aligned column. */
static void
help_keys(struct page *p)
{
	char texts[COUNT_OF(key_rows)][2][256];
	const char *rows[2 * COUNT_OF(key_rows)];

	for (size_t i = 0; i < COUNT_OF(key_rows); i++)
		for (int lang = LANG_EN; lang <= LANG_JA; lang++) {
			key_row_text(&key_rows[i], (enum lang)lang,
			    texts[i][lang], sizeof texts[i][lang]);
			rows[2 * i + (size_t)lang] = texts[i][lang];
		}
	help_section(p, L_HELP_KEYS, rows, COUNT_OF(key_rows));
}

/* The table's national contacts (#9110, 110, the NPA's form), under
 * their heading; #9110 with where it reaches, as doc/sources.md quotes. */
static void
national_contacts(struct page *p, const struct table *t)
{
	enum lang lang = p->setup.lang;
	const struct meta *m;

	page_blank(p);
	page_add(p, 0, 0, STYLE_LABEL, label(lang, L_HELP_NATIONAL));
	for (m = NULL; (m = table_meta(t, "national", labels_code(lang), m));) {
		page_add(p, 2, 0, strncmp(m->value, "http", 4) ? STYLE_PHONE :
		    STYLE_URL, m->value);
		page_add(p, 4, 0, STYLE_TEXT, m->extra);
		if (strcmp(m->value, "#9110") != 0)
			continue;
		page_add(p, 4, 0, STYLE_TEXT, label(lang, L_HELP_9110_WHERE));
		page_add(p, 4, 0, STYLE_TEXT, label(lang, L_HELP_9110_LINES));
	}
}

static void
help_national(struct page *p, const struct table *t)
{
	enum lang lang = p->setup.lang;

	national_contacts(p, t);
	page_add(p, 2, 0, STYLE_TEXT, label(lang, L_HELP_ABROAD));
	page_add(p, 4, 0, STYLE_TEXT, label(lang, L_HELP_ABROAD_NUMBER));
	page_add(p, 4, 0, STYLE_TEXT, label(lang, L_HELP_ABROAD_EXAMPLE));
}

static void
help_notes(struct page *p, const struct table *t)
{
	enum lang lang = p->setup.lang;
	const char *code = labels_code(lang);
	const struct meta *m;

	page_blank(p);
	page_add(p, 0, 0, STYLE_LABEL, label(lang, L_HELP_MARKS));
	for (m = NULL; (m = table_meta(t, "note", code, m));)
		page_add(p, 2, 0, STYLE_TEXT, m->value);
	page_blank(p);
	page_add(p, 0, 0, STYLE_LABEL, label(lang, L_HELP_SOURCE));
	if ((m = table_meta(t, "title", NULL, NULL)) && lang == LANG_EN)
		page_addf(p, 2, STYLE_TEXT, "%s (%s)", m->value,
		    label(lang, L_SOURCE_TITLE));
	else if (m)
		page_add(p, 2, 0, STYLE_TEXT, m->value);
	if ((m = table_meta(t, "publisher", NULL, NULL)))
		page_add(p, 2, 0, STYLE_TEXT, m->value);
	/* madoguchi's own words, set apart from the source's. */
	if ((m = table_meta(t, "provenance", code, NULL)))
		page_add_label(p, 2, STYLE_NOTE, L_OWN_NOTE, m->value);
}

void
page_miss(struct page *p, const struct table *t,
    const struct page_setup *setup)
{
	page_begin(p, setup);
	page_add(p, 0, 0, STYLE_NOTE, label(p->setup.lang, L_NO_MATCH));
	page_add(p, 0, 0, STYLE_TEXT, label(p->setup.lang, p->setup.ascii ?
	    L_MISS_HINT_ASCII : L_MISS_HINT));
	national_contacts(p, t);
}

void
page_help(struct page *p, const struct table *t,
    const struct page_setup *setup)
{
	page_begin(p, setup);
	/* Who to call comes first: that is what a victim needs most. */
	page_add(p, 0, 0, STYLE_LABEL, label(p->setup.lang, L_HELP_TITLE));
	help_national(p, t);
	if (p->setup.line_mode)
		help_section(p, L_HELP_COMMANDS, help_commands[0],
		    COUNT_OF(help_commands));
	else
		help_keys(p);
	if (p->setup.ascii) { /* the marks and examples without a kanji */
		help_section(p, L_HELP_QUERY, help_query_ascii[0],
		    COUNT_OF(help_query_ascii));
		help_section(p, L_HELP_MARKS, help_notes_ascii[0],
		    COUNT_OF(help_notes_ascii));
		return;
	}
	help_section(p, L_HELP_QUERY, help_query[0],
	    COUNT_OF(help_query));
	help_section(p, L_HELP_WORDS, help_words[0],
	    COUNT_OF(help_words));
	help_notes(p, t);
}

