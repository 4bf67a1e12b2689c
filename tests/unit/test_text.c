/* Unit tests for text: decoding, width, fitting, folding, sanitizing. */
#define _XOPEN_SOURCE 700 /* wcwidth, to compare the widths with */
#include <locale.h>
#include <setjmp.h>
#include <stdio.h>
#include <wchar.h>
#ifdef __GLIBC__
#include <gnu/libc-version.h>
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

static void
decode_handles_valid_and_invalid(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(text_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(text_decode("東", 3, &cp), 3);
	assert_int_equal(cp, 0x6771);
	assert_int_equal(text_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	/* Truncated, overlong, surrogate, stray continuation, 0xFF. */
	assert_int_equal(text_decode("\xE6\x9D", 2, &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
	assert_int_equal(text_decode("\xC0\xAF", 2, &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
	assert_int_equal(text_decode("\xE0\x80\xAF", 3, &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
	assert_int_equal(text_decode("\xED\xA0\x80", 3, &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
	assert_int_equal(text_decode("\x80", 1, &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
	assert_int_equal(text_decode("\xFF", 1, &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
	assert_int_equal(text_decode("\xF4\x90\x80\x80", 4, &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
}

static void
width_counts_cjk_as_two(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("警視庁"), 6);
	assert_int_equal(text_width("とうきょう"), 10);
	assert_int_equal(text_width("ＯＳＡＫＡ"), 10);
	assert_int_equal(text_width("ｶﾞ"), 2);
	assert_int_equal(text_width("e\xCC\x81"), 1); /* combining acute */
	assert_int_equal(text_width(""), 0);
}

static void
fit_never_splits_a_wide_character(void **state)
{
	size_t used;

	(void)state;
	assert_int_equal(text_fit("警視庁", 5, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(text_fit("警視庁", 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_fit("a警", 2, &used), 1);
	assert_int_equal(used, 1);
	assert_int_equal(text_fit("abc", 10, &used), 3);
	assert_int_equal(used, 3);
}

static void
fold_expect(const char *in, const char *want)
{
	char out[256];

	text_fold(in, strlen(in), out, NULL);
	assert_string_equal(out, want);
}

static void
fold_folds_case_width_and_script(void **state)
{
	(void)state;
	fold_expect("Tokyo", "tokyo");
	fold_expect("ＯＳＡＫＡ", "osaka");
	fold_expect("ｏｓａｋａ", "osaka");
	fold_expect("０３１２", "0312");
	fold_expect("トウキョウ", "とうきょう");
	fold_expect("ﾄｳｷｮｳ", "とうきょう");
	fold_expect("ｶﾞｷﾞﾊﾟﾎﾟｳﾞ", "がぎぱぽゔ");
	fold_expect("ﾊﾞﾋﾟﾌﾞ", "ばぴぶ");
	fold_expect("ｱﾞ", "あﾞ"); /* no composed form: mark kept */
	fold_expect("Tōkyō Ōsaka", "tokyo osaka");
	fold_expect("Tôkyô", "tokyo");
	fold_expect("関東\xE3\x80\x80!tokyo", "関東 !tokyo");
	fold_expect("！ｔｏｋｙｏ", "!tokyo");
	fold_expect("\xFF" "A", "\xFF" "a");
}

/* NFKC for what PDFs and IMEs give (the mappings from Python's Unicode
 * data, src/core/nfkc.h), the dashes of a number, ヶ, combining marks. */
static void
fold_as_input_arrives(void **state)
{
	(void)state;
	fold_expect("\xE2\xBD\x87", "日");    /* ⽇ KANGXI RADICAL SUN */
	fold_expect("\xEF\xA4\x80", "豈");    /* U+F900, compatibility */
	fold_expect("㈱", "株");
	fold_expect("㍱", "hpa");               /* NFKC: hPa; then folded */
	fold_expect("①", "1");
	fold_expect("｢ｺ｣､･｡", "「こ」、・。");
	fold_expect("か\xE3\x82\x99", "が");   /* か + U+3099 */
	fold_expect("ハ\xE3\x82\x9A", "ぱ");   /* ハ + U+309A */
	fold_expect("は゛", "ば");               /* the spacing mark */
	fold_expect("o\xCC\x84saka", "osaka");  /* o + U+0304 */
	fold_expect("０３ー３４３１", "03-3431");
	fold_expect("430−0929 1–2 3—4 5‐6", "430-0929 1-2 3-4 5-6");
	fold_expect("センター3", "せんたー3");     /* ー after a kana stays */
	fold_expect("鶴ヶ島 鶴ケ島 ヵ", "鶴け島 鶴け島 か");
}

static void
fold_never_grows_and_maps_back(void **state)
{
	const char *in = "aＯﾄﾞō";
	char out[64];
	size_t map[64], n;

	(void)state;
	n = text_fold(in, strlen(in), out, map);
	assert_string_equal(out, "aoどo");
	assert_true(n <= strlen(in));
	assert_int_equal(map[0], 0);       /* a */
	assert_int_equal(map[1], 1);       /* Ｏ */
	assert_int_equal(map[2], 4);       /* ﾄﾞ starts at byte 4 */
	assert_int_equal(map[4], 4);
	assert_int_equal(map[5], 10);      /* ō */
	assert_int_equal(map[n], strlen(in));
}

/* Every romanisation of a name folds to one spelling (issue 23: kunrei
 * and wapuro from Japanese keyboards found nothing). */
static void
romanisations_fold_alike(void **state)
{
	static const char *const same[][2] = {
		{"hamamatsu", "hamamatu"}, {"shizuoka", "sizuoka"},
		{"fukuoka", "hukuoka"}, {"chiba", "tiba"}, {"tochigi", "totigi"},
		{"shinjuku", "sinjuku"}, {"shinjuku", "shinjyuku"},
		{"gunma", "gumma"}, {"shimbashi", "sinbasi"},
		{"jouetsu", "zyouetu"}, {"sannohe", "sannnohe"},
		{"chuou", "tyuuou"}, {"fujisawa", "huzisawa"},
		{"ojiya", "odiya"}, {"kouzu", "kodu"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		char a[32], b[32];

		strcpy(a, same[i][0]);
		strcpy(b, same[i][1]);
		a[text_fold_romaji(a, strlen(a), NULL)] = '\0';
		b[text_fold_romaji(b, strlen(b), NULL)] = '\0';
		if (strcmp(a, b) != 0)
			fail_msg("%s -> %s, %s -> %s", same[i][0], a, same[i][1], b);
	}
}

static void
romaji_long_vowels_fold(void **state)
{
	char s[32];
	size_t map[32];

	(void)state;
	strcpy(s, "toukyou");
	for (size_t i = 0; i < 8; i++)
		map[i] = i;
	assert_int_equal(text_fold_romaji(s, 7, map), 5);
	assert_string_equal(s, "tokyo");
	assert_int_equal(map[1], 1);
	assert_int_equal(map[2], 3); /* k comes from byte 3 */
	assert_int_equal(map[5], 7);
	strcpy(s, "oosaka");
	text_fold_romaji(s, 6, NULL);
	assert_string_equal(s, "osaka");
	strcpy(s, "kyuushuu");
	text_fold_romaji(s, 8, NULL);
	assert_string_equal(s, "kyusyu");
	strcpy(s, "kyuushuu");
	text_fold_long_vowels(s, 8, NULL);
	assert_string_equal(s, "kyushu");
	strcpy(s, "hyogo");
	text_fold_romaji(s, 5, NULL);
	assert_string_equal(s, "hyogo");
}

static void
romaji_expect(const char *kana, const char *want)
{
	char out[128];

	assert_int_equal(text_kana_romaji(kana, strlen(kana), out), strlen(want));
	assert_string_equal(out, want);
}

static void
kana_to_hepburn(void **state)
{
	(void)state;
	romaji_expect("はままつし", "hamamatsushi");
	romaji_expect("さっぽろ", "sapporo");       /* sokuon doubles */
	romaji_expect("まっちゃ", "matcha");        /* っち is tch */
	romaji_expect("きょうと", "kyouto");        /* youon */
	romaji_expect("しゃちゅじょ", "shachujo");  /* sh, ch, j: no y */
	romaji_expect("ちゅうおうく", "chuuouku");  /* long vowels kept */
	romaji_expect("ふじ", "fuji");
	romaji_expect("ぢづ", "jizu");
	romaji_expect("を", "o");
	romaji_expect("しんばし", "shinbashi");     /* n, not m */
	romaji_expect("ーあ", "ーa");               /* others copied */
	romaji_expect("っ", "");                    /* nothing to double */
}

static void
sanitize_expect(const char *in, size_t len, const char *want)
{
	char out[256];

	assert_int_equal(text_sanitize(out, sizeof out, in, len), strlen(want));
	assert_string_equal(out, want);
}

static void
sanitize_escapes_everything_unsafe(void **state)
{
	(void)state;
	sanitize_expect("plain 東京", 12, "plain 東京");
	sanitize_expect("\x1b[31mred", 8, "\\x1B[31mred");
	sanitize_expect("a\tb\nc\rd", 7, "a\\x09b\\x0Ac\\x0Dd");
	sanitize_expect("\x7f", 1, "\\x7F");
	sanitize_expect("\xC2\x9B" "2J", 4, "<U+009B>2J"); /* C1 CSI */
	sanitize_expect("\xE2\x80\xAE" "abc", 6, "<U+202E>abc");
	sanitize_expect("\xE2\x81\xA6", 3, "<U+2066>");
	sanitize_expect("\xE2\x80\x8B", 3, "<U+200B>");
	sanitize_expect("\xE2\x80\xA8", 3, "<U+2028>");
	sanitize_expect("\xEF\xBB\xBF", 3, "<U+FEFF>");
	sanitize_expect("\xFF\xFE", 2, "\\xFF\\xFE");
	sanitize_expect("\xE6\x9D", 2, "\\xE6\\x9D");
	sanitize_expect("\x1b]52;c;aGk=\x07", 12, "\\x1B]52;c;aGk=\\x07");
	sanitize_expect("x\0y", 3, "x\\x00y");
}

static void
sanitize_truncates_safely(void **state)
{
	char out[6];

	(void)state;
	/* Needs 8 bytes; a short buffer still ends in NUL. */
	assert_int_equal(text_sanitize(out, sizeof out, "\x1b\x1b", 2), 8);
	assert_string_equal(out, "\\x1B");
	assert_int_equal(text_sanitize(out, 0, "abc", 3), 3);
}

static void
unsafe_set(void **state)
{
	(void)state;
	assert_true(text_cp_unsafe(0));
	assert_true(text_cp_unsafe('\t'));
	assert_true(text_cp_unsafe(0x9F));
	assert_true(text_cp_unsafe(0x202A));
	assert_true(text_cp_unsafe(0x2069));
	assert_true(text_cp_unsafe(TEXT_INVALID));
	assert_false(text_cp_unsafe(' '));
	assert_false(text_cp_unsafe('~'));
	assert_false(text_cp_unsafe(0xA0));
	assert_false(text_cp_unsafe(0x6771));
}

/* What shows as nothing, or as blank space, while being a character: the
 * list of the issue that found them passing --check, and each whole range. */
static void
invisible_characters_are_unsafe(void **state)
{
	static const uint32_t invisible[] = {0x034F, 0x115F, 0x1160, 0x17B4,
		0x17B5, 0x180E, 0x206A, 0x206F, 0x2800, 0x3164, 0xFFA0, 0x1D173,
		0x1D17A, 0x13430, 0xE000, 0xF8FF, 0xF0000, 0x10FFFD, 0xE0001,
		0xE0020, 0xE007F};

	(void)state;
	for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++)
		if (!text_cp_unsafe(invisible[i]))
			fail_msg("U+%04X is shown raw", (unsigned)invisible[i]);
	for (uint32_t cp = 0xE0000; cp <= 0xE007F; cp++)
		assert_true(text_cp_unsafe(cp));
	for (uint32_t cp = 0xE000; cp <= 0xF8FF; cp++)
		assert_true(text_cp_unsafe(cp));
	/* Ideographic variation selectors are part of Japanese names. */
	for (uint32_t cp = 0xE0100; cp <= 0xE01EF; cp++)
		assert_false(text_cp_unsafe(cp));
	/* Nor is any kana, kanji or Hangul syllable. */
	for (uint32_t cp = 0x3041; cp <= 0x9FFF; cp++)
		if (cp != 0x3164)
			assert_false(text_cp_unsafe(cp));
}

/* UTF-8 as the Unicode Standard's table of well-formed byte sequences
 * (Table 3-7) has it, written from the table: the reference the decoder's
 * fast paths are held to. Returns the length, 0 when ill-formed. */
static size_t
well_formed(const unsigned char *u, size_t len)
{
	static const struct {
		unsigned char lo, hi, lo2, hi2;
		size_t n;
	} rows[] = {
		{0x00, 0x7F, 0, 0, 1}, {0xC2, 0xDF, 0x80, 0xBF, 2},
		{0xE0, 0xE0, 0xA0, 0xBF, 3}, {0xE1, 0xEC, 0x80, 0xBF, 3},
		{0xED, 0xED, 0x80, 0x9F, 3}, {0xEE, 0xEF, 0x80, 0xBF, 3},
		{0xF0, 0xF0, 0x90, 0xBF, 4}, {0xF1, 0xF3, 0x80, 0xBF, 4},
		{0xF4, 0xF4, 0x80, 0x8F, 4},
	};

	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		if (u[0] < rows[r].lo || u[0] > rows[r].hi)
			continue;
		if (rows[r].n > len)
			return 0;
		if (rows[r].n > 1 && (u[1] < rows[r].lo2 || u[1] > rows[r].hi2))
			return 0;
		for (size_t i = 2; i < rows[r].n; i++)
			if (u[i] < 0x80 || u[i] > 0xBF)
				return 0;
		return rows[r].n;
	}
	return 0;
}

/* Every lead, second and third byte (and a fourth of each kind): the
 * decoder, its inline fast paths included, takes what the table takes and
 * refuses the rest, one byte at a time. */
static void
decode_agrees_with_the_unicode_table(void **state)
{
	static const unsigned char fourth[] = {0x41, 0x80, 0xBF, 0xC0};

	(void)state;
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < 256; b++)
			for (unsigned c = 0; c < 256; c++)
				for (size_t f = 0; f < sizeof fourth; f++) {
					unsigned char u[4] = {(unsigned char)a,
						(unsigned char)b, (unsigned char)c,
						fourth[f]};
					uint32_t cp;
					size_t want = well_formed(u, 4);
					size_t got = text_decode((const char *)u, 4, &cp);

					if (want ? got != want || cp == TEXT_INVALID :
					    got != 1 || cp != TEXT_INVALID)
						fail_msg("%02X %02X %02X %02X: %zu, wanted "
						    "%zu", a, b, c, fourth[f], got, want);
					if (a >= 0x80 && b >= 0x80)
						break; /* one fourth byte is enough */
				}
}

/* The inline answers for the common code points are the tables' answers,
 * for every code point. */
static void
fast_paths_agree_with_the_tables(void **state)
{
	(void)state;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (text_cp_unsafe(cp) != text_cp_unsafe_rare(cp))
			fail_msg("U+%04X: unsafe %d, the table says %d", cp,
			    text_cp_unsafe(cp), text_cp_unsafe_rare(cp));
		if (!text_cp_unsafe(cp) && text_cp_width(cp) != text_cp_width_any(cp))
			fail_msg("U+%04X: width %d, the table says %d", cp,
			    text_cp_width(cp), text_cp_width_any(cp));
	}
}

/* The widths are Unicode's (widths.h): emoji, enclosed ideographs and
 * the Kana Supplement take two columns, combining marks and variation
 * selectors none; and they are glibc's wcwidth, whose Unicode they were
 * made from (Debian 12: glibc 2.36, Unicode 15.0), for every character
 * both call printable. */
static void
widths_are_unicodes(void **state)
{
	static const struct {
		uint32_t cp;
		int width;
	} cases[] = {
		{0x1F680, 2}, {0x2615, 2}, {0x26A1, 2}, {0x1F202, 2},
		{0x1F250, 2}, {0x1B000, 2}, {0x3042, 2}, {0x6F22, 2},
		{0xFF21, 2}, {0x0301, 0}, {0x3099, 0}, {0xFE0F, 0},
		{0xE0100, 0}, {0xE01EF, 0}, {0x0600, 1}, {0xFF76, 1},
		{0x00E9, 1}, {0x2192, 1},
	};
	unsigned long compared = 0, differ = 0;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (text_cp_width(cases[i].cp) != cases[i].width)
			fail_msg("U+%04X: width %d, not %d", cases[i].cp,
			    text_cp_width(cases[i].cp), cases[i].width);
#ifdef __GLIBC__
	if (!setlocale(LC_CTYPE, "C.UTF-8") ||
	    strcmp(gnu_get_libc_version(), "2.36") != 0) {
		printf("SKIPPED: the comparison with wcwidth: glibc %s, not "
		    "2.36, or no C.UTF-8\n", gnu_get_libc_version());
		return;
	}
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		int theirs = cp >= 0xD800 && cp <= 0xDFFF ? -1 :
		    wcwidth((wchar_t)cp);

		if (theirs < 0 || text_cp_unsafe(cp))
			continue;
		compared++;
		if (theirs != text_cp_width(cp) && differ++ < 10)
			printf("U+%04X: wcwidth %d, ours %d\n", cp, theirs,
			    text_cp_width(cp));
	}
	setlocale(LC_CTYPE, "C");
	printf("%lu characters compared with glibc's wcwidth\n", compared);
	assert_true(compared > 140000);
	assert_int_equal(differ, 0);
#else
	puts("SKIPPED: the comparison with wcwidth needs glibc");
#endif
}

/* Where only ASCII can be shown, kana reads as romaji and the rest as its
 * code point: never a row of '?' (--ascii used to show とうきょう as
 * ?????). */
static void
ascii_glyphs_say_what_they_are(void **state)
{
	static const char *const cases[][2] = {
		{"と", "to"}, {"ト", "to"}, {"し", "shi"}, {"ー", "-"},
		{"東", "<U+6771>"}, {"😀", "<U+1F600>"}, {"é", "<U+00E9>"},
		{"a", "a"},
	};
	struct glyph g;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		text_glyph(cases[i][0], strlen(cases[i][0]), true, &g);
		assert_string_equal(g.bytes, cases[i][1]);
		assert_int_equal(g.len, strlen(cases[i][1]));
		assert_int_equal(g.consumed, strlen(cases[i][0]));
	}
	/* Every character: ASCII out, a whole character in. */
	for (uint32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
		char utf8[4];
		size_t n;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = text_encode(cp, utf8);
		text_glyph(utf8, n, true, &g);
		if (text_ascii_run(g.bytes, g.len) != g.len || g.len == 0 ||
		    g.consumed != n || strcmp(g.bytes, "?") == 0)
			fail_msg("U+%04X shown as '%s'", cp, g.bytes);
	}
}

/* A format that is data, filled without printf: each conversion takes
 * the next text as it is, %% is %, what does not fit is cut and counted. */
static void
fill_takes_text_for_each_conversion(void **state)
{
	const char *const args[] = {"054-254-9110", "3", "%s"};
	char out[64];

	(void)state;
	assert_int_equal(text_fill(out, sizeof out, "%s: %d of %zu, 100%%",
	    args, 3), strlen("054-254-9110: 3 of %s, 100%"));
	assert_string_equal(out, "054-254-9110: 3 of %s, 100%");
	assert_int_equal(text_fill(out, 8, "%s!", args, 1), 13);
	assert_string_equal(out, "054-254");
	assert_int_equal(text_fill(out, sizeof out, "%s and %s", args, 1),
	    strlen("054-254-9110 and "));
	assert_int_equal(text_fill(out, sizeof out, "ends in %", args, 0), 8);
	assert_string_equal(out, "ends in ");
	assert_int_equal(text_fill(NULL, 0, "%s", args, 1), 12);
}

/* The romaji initial of a reading, as the towns' index keeps it: from the
 * first character, 0 for none (a digit, nothing). */
static void
romaji_initials(void **state)
{
	(void)state;
	assert_int_equal(text_romaji_initial("さっぽろ", strlen("さっぽろ")), 's');
	assert_int_equal(text_romaji_initial("あかさか", strlen("あかさか")), 'a');
	assert_int_equal(text_romaji_initial("1じょう", strlen("1じょう")), 0);
	assert_int_equal(text_romaji_initial("", 0), 0);
	/* Whatever the folding makes of ち, it is the key's first letter. */
	{
		char key[32];
		size_t n = text_romaji_key("ちば", strlen("ちば"), key);

		assert_true(n > 0);
		assert_int_equal(text_romaji_initial("ちば", strlen("ちば")),
		    (unsigned char)key[0]);
	}
}

/* Random text of every kind a table or a paste may hold. */
static size_t
random_text(unsigned *seed, char *out, size_t cap)
{
	static const char *const pieces[] = {"a", "Z", " ", "-", "~", "\t",
		"\x1b", "\x7f", "\xff", "\xe3\x81", "東", "ー", "ｶ", "\xcc\x81",
		"\xe2\x80\xae", "\xef\xbb\xbf", "\xe3\x85\xa4", "😀", "abcdefgh",
		"http://www.police.pref.example.jp/a?b=c", "\n", "\xc2\x9b"};
	size_t n = 0;

	for (unsigned k = (*seed = *seed * 1103515245u + 12345u) >> 16 & 31;
	    k > 0; k--) {
		const char *p;

		*seed = *seed * 1103515245u + 12345u;
		p = pieces[(*seed >> 16) % (sizeof pieces / sizeof pieces[0])];
		if (n + strlen(p) >= cap)
			break;
		memcpy(out + n, p, strlen(p));
		n += strlen(p);
	}
	out[n] = '\0';
	return n;
}

/* text_ascii_run, text_fit's ASCII runs and text_sanitized_width, each
 * against the plain thing done character by character, over 20,000
 * random texts and every cut. */
static void
shortcuts_agree_with_the_plain_way(void **state)
{
	unsigned seed = 1;
	/* make check: 20,000 texts; make test, 5,000. */
	int rounds = getenv("MADOGUCHI_TEST_THOROUGH") ? 20000 : 5000;

	(void)state;
	for (int round = 0; round < rounds; round++) {
		char s[512], shown[64];
		size_t len = random_text(&seed, s, sizeof s), run = 0, w = 0;
		size_t used;

		while (run < len && s[run] >= 0x20 && s[run] < 0x7F)
			run++;
		assert_int_equal(text_ascii_run(s, len), run);
		for (size_t cols = 0; cols < 40; cols += 7) {
			size_t i = 0, want = 0;

			while (i < len) { /* text_fit, one character at a time */
				uint32_t cp;
				size_t n = text_decode_any(s + i, len - i, &cp);
				size_t cw = (size_t)text_cp_width_any(cp);

				if (want + cw > cols)
					break;
				want += cw;
				i += n;
			}
			assert_int_equal(text_fit(s, cols, &used), i);
			assert_int_equal(used, want);
		}
		for (size_t cap = 1; cap <= sizeof shown; cap += 9) {
			char want[64];
			size_t at = 0, i = 0;

			/* A glyph at a time, each whole or not at all. */
			while (i < len) {
				struct glyph g;

				text_glyph(s + i, len - i, false, &g);
				if (at + g.len >= cap)
					break;
				memcpy(want + at, g.bytes, g.len);
				at += g.len;
				i += g.consumed;
			}
			want[at] = '\0';
			text_sanitize(shown, cap, s, len);
			assert_string_equal(shown, want);
			w = text_width(shown);
			if (text_sanitized_width(s, len, cap) != w)
				fail_msg("round %d, cap %zu: %zu, shown %zu", round, cap,
				    text_sanitized_width(s, len, cap), w);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_handles_valid_and_invalid),
		cmocka_unit_test(invisible_characters_are_unsafe),
		cmocka_unit_test(fold_as_input_arrives),
		cmocka_unit_test(width_counts_cjk_as_two),
		cmocka_unit_test(fit_never_splits_a_wide_character),
		cmocka_unit_test(fold_folds_case_width_and_script),
		cmocka_unit_test(fold_never_grows_and_maps_back),
		cmocka_unit_test(romaji_long_vowels_fold),
		cmocka_unit_test(romanisations_fold_alike),
		cmocka_unit_test(kana_to_hepburn),
		cmocka_unit_test(sanitize_escapes_everything_unsafe),
		cmocka_unit_test(sanitize_truncates_safely),
		cmocka_unit_test(unsafe_set),
		cmocka_unit_test(decode_agrees_with_the_unicode_table),
		cmocka_unit_test(fast_paths_agree_with_the_tables),
		cmocka_unit_test(widths_are_unicodes),
		cmocka_unit_test(ascii_glyphs_say_what_they_are),
		cmocka_unit_test(fill_takes_text_for_each_conversion),
		cmocka_unit_test(romaji_initials),
		cmocka_unit_test(shortcuts_agree_with_the_plain_way),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
