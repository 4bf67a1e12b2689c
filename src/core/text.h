/* text: UTF-8 decoding, display width, search folding and safe display.
 * Locale-free, curses-free: the same bytes give the same answer everywhere. */
#ifndef MADOGUCHI_TEXT_H
#define MADOGUCHI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Returned by text_decode for a byte that does not start a valid sequence. */
#define TEXT_INVALID UINT32_MAX

/* Decodes one code point at s (len > 0 bytes available) into *cp and returns
 * the bytes used. An invalid, overlong, surrogate or truncated sequence gives
 * TEXT_INVALID and uses one byte, so a caller always advances. */
size_t text_decode_any(const char *s, size_t len, uint32_t *cp);

/* The same, with what nearly every byte of a table is decided here: ASCII,
 * and three bytes (every kana and kanji) decoded straight. Loading decodes
 * every character of a table several times over. */
static inline size_t
text_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xF0) == 0xE0 && len >= 3 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		uint32_t c = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 |
		    (u[2] & 0x3Fu);

		if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
			*cp = c;
			return 3;
		}
	}
	return text_decode_any(s, len, cp);
}

/* True for a byte that continues a UTF-8 character (10xxxxxx). */
static inline bool
text_continues(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* len moved back to the first byte of the character that s[len] is part
 * of: where s can be cut without splitting one. */
static inline size_t
text_boundary(const char *s, size_t len)
{
	while (len > 0 && text_continues(s[len]))
		len--;
	return len;
}

/* Writes cp (a valid code point) as UTF-8 into out (4 bytes of room);
 * returns the bytes. */
size_t text_encode(uint32_t cp, char *out);

/* Columns a code point takes on a terminal: 0, 1 or 2. Controls and other
 * unsafe code points are never measured: callers escape them first. */
int text_cp_width_any(uint32_t cp);

static inline int
text_cp_width(uint32_t cp)
{
	if (cp < 0x300) /* nothing wide or zero-width before U+0300 */
		return 1;
	if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309B && cp <= 0x30FF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF))
		return 2; /* kana, kanji (widths.h agrees: test_text) */
	return text_cp_width_any(cp);
}

/* Writes s to out made safe (text_sanitize), whatever its length. */
void text_print_safe(FILE *out, const char *s);

/* The columns that text_sanitize(dst, cap, s, len) would write, without
 * writing them. */
size_t text_sanitized_width(const char *s, size_t len, size_t cap);

/* The bytes of printable ASCII (0x20 to 0x7E) that s (len bytes) starts
 * with: text that needs no decoding, escaping or measuring. */
size_t text_ascii_run(const char *s, size_t len);

/* Whether s is not empty and all letters a to z: a folded word in romaji
 * (the search compares it as romaji, its slips in Hepburn). */
bool text_is_letters(const char *s);

/* True for code points that must never reach a terminal raw: C0, DEL, C1,
 * bidirectional embeddings/overrides/isolates, zero-width and invisible
 * format characters, line or paragraph separators, fillers that show as
 * blank (U+115F, U+3164, U+FFA0, U+2800), tag characters and private use.
 * TAB is unsafe too. Ideographic variation selectors are not. */
bool text_cp_unsafe_rare(uint32_t cp);

static inline bool
text_cp_unsafe(uint32_t cp)
{
	if (cp < 0x7F) /* the common cases, first: ASCII, then kana/kanji */
		return cp < 0x20;
	if (cp > 0x2800 && cp < 0xE000) /* kana, kanji: only U+3164 */
		return cp == 0x3164;
	return text_cp_unsafe_rare(cp);
}

/* What one character of untrusted text looks like on a terminal: itself,
 * or, when unsafe or invalid, a visible ASCII escape. The one place that
 * decides what is safe to show; text_sanitize and the browser use it. */
struct glyph {
	char bytes[16];  /* UTF-8, NUL-terminated */
	size_t len;      /* bytes in bytes[] */
	size_t consumed; /* bytes of the input it stands for */
	uint32_t cp;     /* the code point shown, or 0 when escaped */
};

/* The glyph for the character at s (len > 0). With ascii set, where the
 * terminal can show nothing but ASCII, kana is shown as its romaji and any
 * other character as <U+XXXX>, never as a bare '?'. */
void text_glyph(const char *s, size_t len, bool ascii, struct glyph *g);

/* The glyph shown for the character at s (len > 0), as text_glyph gives
 * it, and the columns it takes: a character whose width the C library
 * (wcwidth, in the terminal's locale) gives otherwise than the table is
 * shown as <U+XXXX>, so that no cell falls out of step with the
 * terminal. */
int text_shown_glyph(const char *s, size_t len, bool ascii, struct glyph *g);

/* The columns the first len bytes of s take, shown so. */
size_t text_shown_width(const char *s, size_t len, bool ascii);

/* FNV-1a of the len bytes at s, 64 bits: one number for one text (a
 * frame's query, a link's id). */
uint64_t text_hash(const char *s, size_t len);

/* The longest escape text_sanitize writes for one input byte. */
#define TEXT_ESCAPE_GROWTH 4

/* A format that is data (a label, a message given as a parameter) filled
 * without printf: each conversion (%s, %d, %zu) takes the next of
 * args[0..n) as it is, already text; %% is a %. Into out (cap bytes,
 * terminated when cap > 0); returns the length the whole needs, like
 * snprintf. A conversion past the args is left out. */
size_t text_fill(char *out, size_t cap, const char *fmt,
    const char *const *args, size_t n);

/* Copies src into dst (cap bytes, always terminated when cap > 0) with every
 * unsafe code point written as <U+XXXX> and every invalid byte as \xHH.
 * Returns the length the whole result needs, like snprintf; a buffer of
 * TEXT_ESCAPE_GROWTH * len + 1 bytes is always enough. */
size_t text_sanitize(char *dst, size_t cap, const char *src, size_t len);

/* Whether s begins with prefix. */
bool text_starts(const char *s, const char *prefix);

/* A phone number as a search compares it: its digits, the hyphens left
 * out (03-3431-8109 is 0334318109), into out (len + 1 bytes); map as
 * text_fold's. Returns the length. */
size_t text_fold_phone(const char *s, size_t len, char *out, size_t *map);

/* Characters (UTF-8 lead bytes) in s. */
size_t text_chars(const char *s);

/* Display width of already-safe UTF-8 text (see text_sanitize). */
size_t text_width(const char *s);

/* Byte length of the longest prefix of safe text s that fits in cols
 * columns without splitting a wide character; *used gets its width. */
size_t text_fit(const char *s, size_t cols, size_t *used);

/* Folds text for matching: ASCII and full-width letters to lower-case ASCII,
 * full-width digits and punctuation to ASCII, U+3000 to a space, katakana
 * (full- and half-width, with voiced marks joined) to hiragana, Latin vowels
 * with macron or circumflex to plain vowels. Also: compatibility characters
 * as NFKC has them (⽇ 日, ㈱ 株, ｡ 。: src/nfkc.h), combining voiced marks
 * joined (か + ゙ が), accents after a Latin letter dropped, the dashes an IME
 * or a PDF puts between digits (ー − ‐ – —) as '-', and ヶ ヵ as け か, as in
 * place names. The result is never longer than the input. out needs len + 1 bytes. When map is not NULL it needs len + 1
 * entries: map[i] is the offset in s of the character that gave output byte
 * i, and map[result] is len. Returns the folded length. */
size_t text_fold(const char *s, size_t len, char *out, size_t *map);

/* Folds romaji in place so that every way of writing a name compares
 * equal: the romanisations of a sound as one spelling (Hepburn, kunrei,
 * nihon-shiki, wapuro: shinjuku, sinjuku and shinjyuku; fukuoka and
 * hukuoka; Gumma), then text_fold_long_vowels. Input is text_fold
 * output; map (may be NULL) is updated in step. Returns the new length. */
size_t text_fold_romaji(char *s, size_t len, size_t *map);

/* text_fold_romaji's first step alone: the romanisations as one spelling,
 * long vowels as written (a slip is counted in what was typed: yokohma
 * is one from yokohama, while its long vowels folded, yokoma, is two). */
size_t text_fold_consonants(char *s, size_t len, size_t *map);

/* Romaji as text_fold_consonants leaves it, in Hepburn again (si shi, sya
 * sha, ti chi, tya cha, tu tsu, hu fu), into out (2 * len + 1 bytes):
 * the spelling a slip is made in (shziuoka is one from shizuoka, four from
 * the folded sizuoka). Returns its length. */
size_t text_romaji_hepburn(const char *s, size_t len, char *out);

/* Folds romaji long vowels in place so toukyou, tookyoo and tokyo compare
 * equal: "ou", "oo" and "uu" become one vowel, and Ohta is Ota (no h
 * before a consonant). Returns the new length. */
size_t text_fold_long_vowels(char *s, size_t len, size_t *map);

/* Hepburn romaji of hiragana (as text_fold leaves kana): さっぽろ sapporo,
 * ちゅうおうく chuuouku, with youon (きょ kyo) and sokuon (っち tchi); long
 * vowels are spelled out, for text_fold_romaji to fold. Anything else is
 * copied. out needs 2 * len + 1 bytes. Returns the length. */
size_t text_kana_romaji(const char *s, size_t len, char *out);

/* Romaji of kana (len bytes) as a search key has it: text_kana_romaji,
 * then text_fold_romaji. out needs 2 * len + 1 bytes. Returns the
 * length. */
size_t text_romaji_key(const char *kana, size_t len, char *out);

/* The first letter of text_romaji_key's romaji of kana (len bytes), from
 * its first character; 0 when that is no letter. */
unsigned char text_romaji_initial(const char *kana, size_t len);

#endif
