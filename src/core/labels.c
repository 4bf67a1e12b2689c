/* labels: see labels.h. */
#include "labels.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "count_of.h"
#include "text.h"

static const char *const text[L_COUNT][2] = {
	[L_REGION] = {"Region: %s (%s)", "地方: %s (%s)"},
	[L_REGION_ASCII] = {"Region: %s", "Region: %s"},
	[L_BUREAU] = {"Police bureau", "管区警察局"},
	[L_BUREAU_NONE] = {"none (no regional bureau covers it)",
		"なし (管区警察局の管轄外)"},
	[L_PHONE] = {"Phone", "相談電話"},
	[L_PHONE_KIND_GENERAL] = {"general consultation line",
		"総合電話番号"},
	[L_PHONE_KIND_SWITCHBOARD] = {"police HQ switchboard",
		"警察本部代表電話番号"},
	[L_PHONE_KIND_CYBER] = {"dedicated cyber crime line",
		"サイバー犯罪相談等専用電話番号"},
	/* The source's note 2, and no more: #9110 is another matter. */
	[L_PHONE_ALSO_GENERAL] = {"Consultations are also taken on the general "
		"consultation line.",
		"総合相談電話でも相談できます。"},
	[L_CYBER_PAGE] = {"Cyber crime page", "サイバー犯罪対策のページ"},
	[L_CONTACT] = {"Consultation", "相談・情報提供の窓口"},
	[L_CONTACT_SAME_PAGE] = {"from the page above",
		"上記ページから"},
	[L_CONTACT_NONE] = {"none listed (a '-' in the list)",
		"掲載なし (一覧では「-」)"},
	[L_CONTACT_NO_LINE] = {"none listed (the list has no entry for it)",
		"掲載なし (一覧に記載の行なし)"},
	[L_CONTACT_KIND_ALL] = {"for opinions, requests and consultations on "
		"police business in general",
		"警察業務全般に対する意見・要望・相談"},
	[L_CONTACT_KIND_CYBER] = {"cyber crime consultations only",
		"サイバー犯罪相談専用"},
	[L_CONTACT_KIND_INFO] = {"for receiving information only",
		"情報受理専用"},
	[L_CONTACT_KIND_NONE] = {"kind not stated", "種別の記載なし"},
	[L_NO_MATCH] = {"No desk matches.", "該当なし"},
	[L_MISS_HINT] = {"Type a prefecture, a municipality, a town, a postal "
		"code or an address: 東京, とうきょう, tokyo, 浜松市, 430-0929, "
		"東京都港区赤坂1-2-3.",
		"都道府県・市区町村・町名・郵便番号・住所を入力してください: 東京、"
		"とうきょう、tokyo、浜松市、430-0929、東京都港区赤坂1-2-3。"},
	/* ASCII alone cannot show Japanese: English in both. */
	[L_MISS_HINT_ASCII] = {"Type a prefecture, a municipality, a postal "
		"code or an address: tokyo, hamamatsu, 430-0929, "
		"Minato-ku Tokyo.", "Type a prefecture, a municipality, a postal "
		"code or an address: tokyo, hamamatsu, 430-0929, "
		"Minato-ku Tokyo."},
	[L_DID_YOU_MEAN] = {"did you mean %s?", "もしかして: %s"},
	[L_LINE_GUESSES] = {"No desk matches. Did you mean:",
		"該当なし。もしかして:"},
	[L_TOO_SMALL] = {"Terminal too small", "画面が小さすぎます"},
	/* Items from the most needed: where a hint does not fit, whole
	 * items go from its end, and how to go back or out stays. With a
	 * query typed, Esc clears it and ? is typed into it. */
	[L_HELP_TITLE] = {"madoguchi: cyber crime consultation desks of "
		"Japan's prefectural police",
		"madoguchi: 都道府県警察のサイバー犯罪相談窓口"},
	[L_HELP_KEYS] = {"Keys", "キー"},
	[L_HELP_MARKS] = {"Marks and notes", "印の意味と注意"},
	[L_HELP_NATIONAL] = {"National contacts", "全国共通の窓口"},
	/* Only what the public sources say (doc/sources.md): the form of a
	 * number dialled from abroad, and where #9110 reaches. A sentence a
	 * line: Japanese wraps only at its spaces. */
	[L_HELP_ABROAD] = {"From outside Japan", "海外から"},
	[L_HELP_ABROAD_NUMBER] = {"Call a desk's number with +81 in place of its "
		"first 0:", "窓口の番号の最初の 0 を +81 に替えてかけます。"},
	[L_HELP_ABROAD_EXAMPLE] = {"03-3431-8109 is +81 3-3431-8109.",
		"03-3431-8109 は +81 3-3431-8109 です。"},
	[L_HELP_9110_WHERE] = {"From anywhere in Japan, #9110 reaches the "
		"police of the area it is called from.",
		"#9110 は全国どこからでも、かけた地域の警察本部などにつながります。"},
	[L_HELP_9110_LINES] = {"It cannot be used from dial lines or some IP "
		"phones: then call the desk's number.",
		"ダイヤル回線や一部の IP 電話からは使えません。そのときは窓口の番号へ。"},
	[L_HELP_SOURCE] = {"Source of the data", "データの出典"},
	[L_OWN_NOTE] = {"Note from madoguchi, not the source: %s",
		"madoguchi の注記 (出典のものではありません): %s"},
	[L_HELP_QUERY] = {"Filter", "絞り込み"},
	[L_COPIED_TMUX] = {"%s: in tmux's buffer, and sent on to the "
		"terminal's clipboard, if the terminal allows it",
		"%s: tmux のバッファに入れ、端末が許せばクリップボードにも送りました"},
	[L_COPIED_TMUX_KEPT] = {"%s: in tmux's buffer only (its set-clipboard "
		"is off): paste it with tmux's prefix key, then ]",
		"%s: tmux のバッファにだけ入れました (set-clipboard が off)。"
		"tmux のプレフィックスキーのあと ] で貼り付けます"},
	[L_COPIED_TMUX_NESTED] = {"%s: in this tmux's buffer; it runs inside "
		"another tmux or screen, which may not pass it on",
		"%s: この tmux のバッファに入れました。外側の tmux か screen "
		"が先へ渡さないことがあります"},
	[L_COPY_SENT] = {"%s: sent to the terminal's clipboard (OSC 52), if it "
		"allows it; if not, select it with Shift-drag, or on a phone "
		"long-press it",
		"%s: 端末が許せばクリップボードへ送りました (OSC 52)。届かなければ "
		"Shift+ドラッグで選択するか、スマートフォンでは長押ししてください"},
	[L_COPY_IGNORED] = {"%s: not copied: this terminal (VTE) ignores OSC 52; "
		"select it with Shift-drag",
		"%s: この端末 (VTE) は OSC 52 を無視するためコピーできません。"
		"Shift+ドラッグで選択してください"},
	[L_COPY_OFF] = {"Copying is off (--no-osc52 or restricted mode)",
		"コピーは無効です (--no-osc52 または制限モード)"},
	/* --help. */
	[L_USAGE] = {
	"usage: madoguchi [OPTION]... [QUERY]\n"
	"Find the cyber crime consultation desk of Japan's prefectural police.\n"
	"\n"
	"  -f, --filter=QUERY   print the desks matching QUERY and exit\n"
	"  -l, --list           print every desk and exit\n"
	"  -F, --format=FMT     plain (default), tsv or json\n"
	"  -d, --data=FILE      use FILE ('-' for stdin) instead of the built-in table\n"
	"      --check          validate the table (built-in, or --data's) and exit\n"
	"  -q, --query=QUERY    start the browser with QUERY typed in\n"
	"      --line           the line mode, for screen readers and terminals\n"
	"                       without cursor addressing (their default)\n"
	"      --lang=LANG      ja or en (default: from LC_ALL, LC_MESSAGES, LANG)\n"
	"      --color=WHEN     auto (default), always or never; NO_COLOR is honoured\n"
	"      --no-mouse       do not use the mouse in the browser\n"
	"      --no-osc52       do not copy to the clipboard (OSC 52, tmux)\n"
	"      --no-hyperlinks  do not make the URLs shown links (OSC 8)\n"
	"      --no-print       print nothing when the browser ends (else the desk\n"
	"                       last moved to, opened or searched for stays on the\n"
	"                       terminal: its name, phone and URLs)\n"
	"      --ascii          show ASCII only (romaji names, English labels)\n"
	"      --restricted     kiosk mode: no --data, no suspend, a short query;\n"
	"                       also MADOGUCHI_RESTRICTED=1\n"
	"      --idle-timeout=SECONDS  quit the browser after SECONDS without a key\n"
	"                       (restricted mode: 300 unless given)\n"
	"      --max-session=SECONDS   quit the browser after SECONDS in all\n"
	"                       (restricted mode: 3600 unless given)\n"
	"  -h, --help           print this help and exit\n"
	"  -V, --version        print the version and the data's source and exit\n"
	"\n"
	"QUERY: words that must all match (name, kana, romaji, region, code,\n"
	"phone, or a town or postal code in the prefecture); !word excludes.\n"
	"Without -f or -l, and with standard output not a terminal, madoguchi\n"
	"prints the desks matching QUERY.\n"
	"Exit status: 0 found, 1 nothing matched (--check: the table is\n"
	"invalid), 2 trouble: usage, I/O, an invalid table.\n",
	"使い方: madoguchi [オプション]... [検索語]\n"
	"都道府県警察のサイバー犯罪相談窓口を探します。\n"
	"\n"
	"  -f, --filter=検索語  検索語に一致する窓口を出力して終了\n"
	"  -l, --list           すべての窓口を出力して終了\n"
	"  -F, --format=形式    plain (既定)、tsv、json\n"
	"  -d, --data=ファイル  組み込みの表の代わりにファイルを使う ('-' は標準入力)\n"
	"      --check          表 (組み込み、または --data の) を検証して終了\n"
	"  -q, --query=検索語   検索語を入力した状態でブラウザーを始める\n"
	"      --line           行モード (スクリーンリーダー向け。カーソルを動かせない\n"
	"                       端末では既定)\n"
	"      --lang=言語      ja か en (既定: LC_ALL、LC_MESSAGES、LANG から)\n"
	"      --color=いつ     auto (既定)、always、never。NO_COLOR に従う\n"
	"      --no-mouse       ブラウザーでマウスを使わない\n"
	"      --no-osc52       クリップボードにコピーしない (OSC 52、tmux)\n"
	"      --no-hyperlinks  表示する URL をリンク (OSC 8) にしない\n"
	"      --no-print       ブラウザー終了時に何も出力しない (既定では最後に\n"
	"                       選んだ・開いた・検索した窓口の名前、電話、URL が\n"
	"                       端末に残る)\n"
	"      --ascii          ASCII だけを表示 (ローマ字の名前、英語のラベル)\n"
	"      --restricted     キオスクモード: --data なし、中断なし、短い検索語。\n"
	"                       MADOGUCHI_RESTRICTED=1 でも\n"
	"      --idle-timeout=秒  キー入力がないまま秒数が過ぎたらブラウザーを終了\n"
	"                       (制限モードでは指定がなければ 300)\n"
	"      --max-session=秒   通算で秒数が過ぎたらブラウザーを終了\n"
	"                       (制限モードでは指定がなければ 3600)\n"
	"  -h, --help           このヘルプを出力して終了\n"
	"  -V, --version        バージョンとデータの出典を出力して終了\n"
	"\n"
	"検索語: すべて一致すべき語 (名前、かな、ローマ字、地方、コード、電話番号、\n"
	"県内の市区町村・町名・郵便番号・住所)。!語 で除外します。\n"
	"-f も -l もなく、標準出力が端末でなければ、検索語に一致する窓口を出力します。\n"
	"終了ステータス: 0 見つかった、1 一致なし (--check では表が正しくない)、\n"
	"2 問題あり: 使い方、入出力、正しくない表。\n"},
	[L_NO_CONTACT] = {"No consultation address is listed",
		"相談窓口のアドレスは掲載されていません"},
	[L_OPENED] = {"Opened with %s", "%s で開きました"},
	[L_OPEN_FAILED] = {"No browser could be started; the URL: %s",
		"ブラウザを起動できませんでした。URL: %s"},
	[L_OPEN_FAILED_COPIED] = {"No browser could be started; copied the "
		"URL: %s",
		"ブラウザを起動できませんでした。URL をコピーしました: %s"},
	[L_ASCII_LOCALE] = {"ASCII only: the locale's characters are %s, not "
		"UTF-8",
		"ASCII のみ: ロケールの文字コードが UTF-8 でなく %s です"},
	[L_ASCII_TERMINAL] = {"ASCII only: TERM=%s shows no Japanese",
		"ASCII のみ: TERM=%s では日本語を表示できません"},
	[L_OPEN_EXITED] = {"%s failed (exit status %d); the URL: %s",
		"%s が失敗しました (終了ステータス %d)。URL: %s"},
	[L_OPEN_OVER_SSH] = {"%s  (over SSH: open it on your own computer)",
		"%s  (SSH 経由: お手元のコンピューターで開いてください)"},
	[L_OPEN_OVER_SSH_COPIED] = {"%s  (over SSH: open it on your own "
		"computer; also copied)",
		"%s  (SSH 経由: お手元のコンピューターで開いてください。コピーも"
		"しました)"},
	[L_FOUND_VIA] = {"Serves: %s", "管轄の地域: %s"},
	[L_HELP_COMMANDS] = {"Commands", "コマンド"},
	[L_HELP_WORDS] = {"Words", "用語"},
	[L_SOURCE_TITLE] = {"the list of the cyber crime consultation desks of "
		"the prefectural police headquarters", ""},
	[L_LINE_INTRO] = {"madoguchi, line mode: type a prefecture, a town, a "
		"postal code or an address, and Enter. ? for help, q to quit.",
		"madoguchi (行モード): 都道府県・市区町村・郵便番号・住所を入力して "
		"Enter。? でヘルプ、q で終了。"},
	[L_LINE_MATCHES] = {"%zu desks match:", "%zu 件の窓口:"},
	[L_LINE_NO_DESK] = {"Show a desk first: a query, or a desk's number "
		"from a list.",
		"先に窓口を表示してください: 検索語か一覧の番号。"},
	[L_LINE_UNKNOWN] = {"Copy or open what? phone, page or contact, not '%s'.",
		"phone・page・contact のどれかを指定してください ('%s' ではなく)。"},
	[L_LINE_NOT_COPIED] = {"%s: not copied: outside tmux the line mode "
		"writes no escape sequence (OSC 52); copy it by hand",
		"%s: コピーしていません。tmux の外では行モードはエスケープ"
		"シーケンス (OSC 52) を書きません。手でコピーしてください"},
	[L_LINE_CUT] = {"(The line was cut to %zu bytes.)",
		"(行を %zu バイトに切り詰めました。)"},
	[L_OPEN_OFF] = {"Opening a browser is off in restricted mode",
		"制限モードではブラウザを開けません"},
};

const char *
label(enum lang lang, enum label id)
{
	return text[id][lang];
}

const char *
labels_code(enum lang lang)
{
	return lang == LANG_JA ? "ja" : "en";
}

bool
labels_parse_lang(const char *name, enum lang *out)
{
	if (strcmp(name, "ja") == 0)
		*out = LANG_JA;
	else if (strcmp(name, "en") == 0)
		*out = LANG_EN;
	else
		return false;
	return true;
}

enum lang
labels_lang_from_env(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};

	for (size_t i = 0; i < COUNT_OF(vars); i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return strncmp(v, "ja", 2) == 0 ? LANG_JA : LANG_EN;
	}
	return LANG_EN;
}

/* What each label that is a format takes. */
static const char *const conversions[L_COUNT] = {
	[L_REGION] = "ss", [L_REGION_ASCII] = "s",
	[L_COPIED_TMUX] = "s", [L_COPIED_TMUX_KEPT] = "s",
	[L_COPIED_TMUX_NESTED] = "s", [L_COPY_SENT] = "s", [L_COPY_IGNORED] = "s",
	[L_OPENED] = "s", [L_OPEN_FAILED] = "s", [L_OPEN_FAILED_COPIED] = "s", [L_OPEN_EXITED] = "sds",
	[L_OPEN_OVER_SSH] = "s", [L_OPEN_OVER_SSH_COPIED] = "s",
	[L_ASCII_LOCALE] = "s", [L_ASCII_TERMINAL] = "s",
	[L_FOUND_VIA] = "s", [L_DID_YOU_MEAN] = "s", [L_OWN_NOTE] = "s", [L_LINE_MATCHES] = "zu",
	[L_LINE_UNKNOWN] = "s", [L_LINE_NOT_COPIED] = "s", [L_LINE_CUT] = "zu",
};

const char *
label_conversions(enum label id)
{
	return conversions[id] ? conversions[id] : "";
}

/* The formats are data: each takes what label_conversions says (test_labels
 * holds them to it), read from ap here as text for text_fill, never handed
 * to printf unchecked. */
int
label_vformat(char *out, size_t cap, enum lang lang, enum label id,
    va_list ap)
{
	const char *conv = label_conversions(id);
	char numbers[4][24];
	const char *args[4];
	size_t n = 0;

	for (; *conv && n < COUNT_OF(args); conv++, n++) {
		if (*conv == 's') {
			args[n] = va_arg(ap, const char *);
		} else if (*conv == 'd') {
			snprintf(numbers[n], sizeof numbers[n], "%d",
			    va_arg(ap, int));
			args[n] = numbers[n];
		} else { /* "zu" */
			snprintf(numbers[n], sizeof numbers[n], "%zu",
			    va_arg(ap, size_t));
			args[n] = numbers[n];
			conv++;
		}
	}
	return (int)text_fill(out, cap, label(lang, id), args, n);
}

int
label_format(char *out, size_t cap, enum lang lang, enum label id, ...)
{
	va_list ap;
	int n;

	va_start(ap, id);
	n = label_vformat(out, cap, lang, id, ap);
	va_end(ap);
	return n;
}

int
label_print(FILE *out, enum lang lang, enum label id, ...)
{
	char filled[4096];
	va_list ap;
	int n;

	va_start(ap, id);
	n = label_vformat(filled, sizeof filled, lang, id, ap);
	va_end(ap);
	return fputs(filled, out) < 0 ? -1 : n;
}
