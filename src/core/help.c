/* help: the help screen, as a page (pages.h): who to call first, then the
 * keys or the line mode's commands, the query language, the words of the
 * data, the source's notes on its marks, and where the data comes from. */
#include "pages.h"

#include <stdio.h>
#include <string.h>

#include "count_of.h"
#include "text.h"

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
	{"mouse         the wheel scrolls what is under it, a click selects, a "
	 "second click opens",
	 "マウス        ホイールでその下をスクロール、クリックで選択、もう一度で開く。"},
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
help_section(struct page *p, enum label title, const char *const (*rows)[2],
    size_t n)
{
	enum lang lang = p->setup.lang;
	size_t col = 0, most = p->setup.width > 4 ? (p->setup.width - 4) / 2 : 0;

	page_blank(p);
	page_add(p, 0, 0, STYLE_LABEL, label(lang, title));
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
		help_section(p, L_HELP_COMMANDS, help_commands,
		    COUNT_OF(help_commands));
	else
		help_section(p, L_HELP_KEYS, help_keys,
		    COUNT_OF(help_keys));
	if (p->setup.ascii) { /* the marks and examples without a kanji */
		help_section(p, L_HELP_QUERY, help_query_ascii,
		    COUNT_OF(help_query_ascii));
		help_section(p, L_HELP_MARKS, help_notes_ascii,
		    COUNT_OF(help_notes_ascii));
		return;
	}
	help_section(p, L_HELP_QUERY, help_query,
	    COUNT_OF(help_query));
	help_section(p, L_HELP_WORDS, help_words,
	    COUNT_OF(help_words));
	help_notes(p, t);
}

