/* text: see text.h. Tables cover what Japanese text and terminals need:
 * East Asian Wide/Fullwidth ranges, katakana and full-width forms. */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count_of.h"
#include "nfkc.h"

struct range {
	uint32_t first, last;
};

static bool
in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cp >= r[i].first && cp <= r[i].last)
			return true;
	return false;
}

size_t
text_decode_any(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t need;
	uint32_t c, min;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		need = 2, c = u[0] & 0x1Fu, min = 0x80;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		need = 3, c = u[0] & 0x0Fu, min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		need = 4, c = u[0] & 0x07u, min = 0x10000;
	} else {
		*cp = TEXT_INVALID;
		return 1;
	}
	if (len < need) {
		*cp = TEXT_INVALID;
		return 1;
	}
	for (size_t i = 1; i < need; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = TEXT_INVALID;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3Fu);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = TEXT_INVALID;
		return 1;
	}
	*cp = c;
	return need;
}

/* Controls, and what shows as nothing or as blank space while being a
 * character: bidirectional controls, zero-width and invisible format
 * characters, fillers (Hangul, braille blank), tag characters and private
 * use. The ideographic variation selectors (U+E0100-E01EF) are not here:
 * Japanese names use them. */
static const struct range unsafe_ranges[] = {
	{0x00, 0x1F}, {0x7F, 0x9F}, {0xAD, 0xAD}, {0x034F, 0x034F},
	{0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
	{0x180E, 0x180E}, {0x200B, 0x200F}, {0x2028, 0x202E},
	{0x2060, 0x206F}, {0x2800, 0x2800}, {0x3164, 0x3164},
	{0xE000, 0xF8FF}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0},
	{0xFFF9, 0xFFFB}, {0x13430, 0x1343F}, {0x1D173, 0x1D17A},
	{0xE0000, 0xE007F}, {0xF0000, 0x10FFFF},
	{TEXT_INVALID, TEXT_INVALID},
};

/* text_cp_unsafe (text.h) past its common cases. */
bool
text_cp_unsafe_rare(uint32_t cp)
{
	return in_ranges(cp, unsafe_ranges,
	    COUNT_OF(unsafe_ranges));
}

static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
	{0x20D0, 0x20FF}, {0x3099, 0x309A}, {0xFE00, 0xFE0F},
	{0xFE20, 0xFE2F},
};

static const struct range wide[] = {
	{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x3098},
	{0x309B, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
	{0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
	{0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
	{0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD},
	{0x30000, 0x3FFFD},
};

/* text_cp_width (text.h) past its common cases. */
int
text_cp_width_any(uint32_t cp)
{
	if (in_ranges(cp, zero_width, COUNT_OF(zero_width)))
		return 0;
	if (in_ranges(cp, wide, COUNT_OF(wide)))
		return 2;
	return 1;
}

/* Appends n bytes to dst while everything so far has fit (done == *pos),
 * so that a cut result is a prefix, never one with a gap; counts them. */
static void
emit(char *dst, size_t cap, size_t *pos, size_t *done, const char *bytes,
    size_t n)
{
	if (*done == *pos && *pos + n < cap) {
		memcpy(dst + *pos, bytes, n);
		*done += n;
	}
	*pos += n;
}

void
text_glyph(const char *s, size_t len, bool ascii, struct glyph *g)
{
	uint32_t cp;
	int n;

	g->consumed = text_decode(s, len, &cp);
	if (ascii && cp >= 0x80 && !text_cp_unsafe(cp)) {
		memcpy(g->bytes, "?", 2);
		g->len = 1;
		g->cp = '?';
		return;
	}
	if (!text_cp_unsafe(cp)) {
		memcpy(g->bytes, s, g->consumed);
		g->len = g->consumed;
		g->bytes[g->len] = '\0';
		g->cp = cp;
		return;
	}
	if (cp == TEXT_INVALID || cp < 0x80)
		n = snprintf(g->bytes, sizeof g->bytes, "\\x%02X",
		    (unsigned char)s[0]);
	else
		n = snprintf(g->bytes, sizeof g->bytes, "<U+%04X>", (unsigned)cp);
	g->len = (size_t)n;
	g->cp = 0;
}

size_t
text_ascii_run(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t n = 0;

	/* Eight bytes at a time: a byte under 0x20, or over 0x7E (x + 1
	 * reaches 0x80), ends the run. */
	for (; n + 8 <= len; n += 8) {
		uint64_t x;

		memcpy(&x, s + n, 8);
		if (((x - 0x20 * ones) & ~x & highs) ||
		    (((x + ones) | x) & highs))
			break;
	}
	while (n < len && s[n] >= 0x20 && s[n] < 0x7F)
		n++;
	return n;
}

size_t
text_sanitize(char *dst, size_t cap, const char *src, size_t len)
{
	size_t pos = 0, done = 0, i = 0;

	while (i < len) {
		struct glyph g;
		size_t run = (unsigned char)src[i] < 0x80 ?
		    text_ascii_run(src + i, len - i) : 0;

		if (run > 0) { /* shown as it is; cut anywhere, as byte by byte */
			size_t room = done == pos && pos + 1 < cap ?
			    cap - pos - 1 : 0, fit = run < room ? run : room;

			emit(dst, cap, &pos, &done, src + i, fit);
			pos += run - fit;
			i += run;
			continue;
		}
		text_glyph(src + i, len - i, false, &g);
		emit(dst, cap, &pos, &done, g.bytes, g.len);
		i += g.consumed;
	}
	if (cap > 0)
		dst[done] = '\0';
	return pos;
}

size_t
text_sanitized_width(const char *s, size_t len, size_t cap)
{
	size_t bytes = 0, width = 0, i = 0;

	/* As text_sanitize: what no longer fits ends it, and fits then never. */
	while (i < len && cap > 0) {
		struct glyph g;
		size_t run = (unsigned char)s[i] < 0x80 ?
		    text_ascii_run(s + i, len - i) : 0;

		if (run > 0) {
			size_t fit = bytes + run < cap ? run : cap - 1 - bytes;

			width += fit, bytes += fit;
			if (fit < run)
				break;
			i += run;
			continue;
		}
		text_glyph(s + i, len - i, false, &g);
		if (bytes + g.len >= cap)
			break;
		width += g.cp ? (size_t)text_cp_width(g.cp) : g.len;
		bytes += g.len;
		i += g.consumed;
	}
	return width;
}

size_t
text_fold_phone(const char *s, size_t len, char *out, size_t *map)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (s[i] != '-') {
			if (map)
				map[n] = i;
			out[n++] = s[i];
		}
	out[n] = '\0';
	if (map)
		map[n] = len;
	return n;
}

bool
text_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

size_t
text_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

size_t
text_width(const char *s)
{
	size_t used;

	text_fit(s, SIZE_MAX, &used);
	return used;
}

size_t
text_fit(const char *s, size_t cols, size_t *used)
{
	size_t len = strlen(s), i = 0, w = 0;

	while (i < len) {
		uint32_t cp;
		size_t run = (unsigned char)s[i] < 0x80 ?
		    text_ascii_run(s + i, len - i) : 0, n, cw;

		if (run > 0) { /* a column each */
			size_t take = run < cols - w ? run : cols - w;

			w += take, i += take;
			if (take < run) /* the next one, ASCII, does not fit */
				break;
			continue; /* a zero-width mark after the run may */
		}
		n = text_decode(s + i, len - i, &cp);
		cw = (size_t)text_cp_width(cp);

		if (w + cw > cols)
			break;
		w += cw;
		i += n;
	}
	*used = w;
	return i;
}

/* Half-width katakana U+FF66..U+FF9D as full-width katakana. */
static const uint16_t halfwidth_kana[] = {
	0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5,
	0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA,
	0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9,
	0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA,
	0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8,
	0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6,
	0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3,
};

/* Joins a half-width voiced (FF9E) or semi-voiced (FF9F) mark to the
 * katakana before it; returns 0 where the pair has no composed form. */
static uint32_t
join_voiced_mark(uint32_t kana, uint32_t mark)
{
	bool ka_to = kana >= 0x30AB && kana <= 0x30C8 && kana != 0x30C3;
	bool ha_ho = kana >= 0x30CF && kana <= 0x30DB && (kana - 0x30CF) % 3 == 0;

	if (mark == 0xFF9E && kana == 0x30A6)
		return 0x30F4;
	if (mark == 0xFF9E && (ka_to || ha_ho))
		return kana + 1;
	if (mark == 0xFF9F && ha_ho)
		return kana + 2;
	return 0;
}

static uint32_t
fold_latin(uint32_t cp)
{
	static const struct {
		uint32_t from;
		char to;
	} accented[] = {
		{0x0100, 'a'}, {0x0101, 'a'}, {0x0112, 'e'}, {0x0113, 'e'},
		{0x012A, 'i'}, {0x012B, 'i'}, {0x014C, 'o'}, {0x014D, 'o'},
		{0x016A, 'u'}, {0x016B, 'u'}, {0x00C2, 'a'}, {0x00E2, 'a'},
		{0x00CA, 'e'}, {0x00EA, 'e'}, {0x00CE, 'i'}, {0x00EE, 'i'},
		{0x00D4, 'o'}, {0x00F4, 'o'}, {0x00DB, 'u'}, {0x00FB, 'u'},
	};

	if (cp >= 0x180 && cp != 0x3000 && (cp < 0xFF01 || cp > 0xFF5E))
		return cp; /* nothing below applies: kana, kanji, ... */
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFF01 - 0x21;
	if (cp == 0x3000)
		cp = ' ';
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	for (size_t i = 0; i < COUNT_OF(accented); i++)
		if (accented[i].from == cp)
			return (uint32_t)accented[i].to;
	return cp;
}

size_t
text_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static int
nfkc_order(const void *key, const void *entry)
{
	uint32_t cp = *(const uint32_t *)key;
	const struct nfkc_map *m = entry;

	return cp < m->cp ? -1 : cp > m->cp;
}

/* What NFKC makes of a compatibility character (⽇ 日, ㈱ 株, ｡ 。), or
 * NULL. Kana and the common kanji are not looked up. */
static const char *
nfkc(uint32_t cp)
{
	const struct nfkc_map *m;

	if (cp < 0xA0 || (cp >= 0x3041 && cp <= 0x30FF) ||
	    (cp >= 0x3400 && cp <= 0x9FFF))
		return NULL;
	m = bsearch(&cp, nfkc_maps, COUNT_OF(nfkc_maps),
	    sizeof nfkc_maps[0], nfkc_order);
	return m ? m->to : NULL;
}

/* Joins a combining (U+3099, U+309A) or spacing (U+309B, U+309C) voiced
 * mark to the hiragana or katakana before it: か + ゙ is が. 0 when the
 * pair has no composed form. */
static uint32_t
join_combining_mark(uint32_t kana, uint32_t mark)
{
	uint32_t base = kana >= 0x30A1 && kana <= 0x30F6 ? kana - 0x60 : kana;
	uint32_t joined;
	bool voiced = mark == 0x3099 || mark == 0x309B;

	if (!voiced && mark != 0x309A && mark != 0x309C)
		return 0;
	if (base == 0x3046 && voiced)
		joined = 0x3094;
	else if (base >= 0x304B && base <= 0x3062 && base % 2 == 1 && voiced)
		joined = base + 1; /* か..ぢ: odd code points take the mark */
	else if (base >= 0x3064 && base <= 0x3068 && base % 2 == 0 && voiced)
		joined = base + 1; /* つ て と */
	else if (base >= 0x306F && base <= 0x307B && (base - 0x306F) % 3 == 0)
		joined = base + (voiced ? 1 : 2);
	else
		return 0;
	return joined + (kana == base ? 0 : 0x60);
}

/* The dashes an IME or a PDF gives for a hyphen in a number: between two
 * digits, ー − ‐ – — ﹣ ｰ are '-'. */
static bool
is_dash(uint32_t cp)
{
	return cp == 0x30FC || cp == 0x2212 || (cp >= 0x2010 && cp <= 0x2015) ||
	    cp == 0xFE63 || cp == 0xFF70 || cp == 0xFF0D || cp == 0x2043;
}

static bool
digit_at(const char *s, size_t len)
{
	uint32_t cp;

	if (len == 0)
		return false;
	text_decode(s, len, &cp);
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Most of a Japanese table: kanji, and hiragana with no combining voiced
 * mark (U+3099 to U+309C: E3 82 99 to 9C) after it, which text_fold
 * leaves as they are (ゕ and ゖ aside). */
static bool
folds_to_itself(uint32_t cp, const char *after, size_t len)
{
	const unsigned char *u = (const unsigned char *)after;

	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return true;
	return cp >= 0x3041 && cp <= 0x3094 && !(len >= 3 && u[0] == 0xE3 &&
	    u[1] == 0x82 && u[2] >= 0x99 && u[2] <= 0x9C);
}

size_t
text_fold(const char *s, size_t len, char *out, size_t *map)
{
	size_t i = 0, o = 0;

	while (i < len) {
		uint32_t cp, next;
		size_t n, start = i, k;
		const char *compat;

		if ((unsigned char)s[i] < 0x80) { /* ASCII: lower-case only */
			char c = s[i++];

			if (map)
				map[o] = start;
			out[o++] = c >= 'A' && c <= 'Z' ? (char)(c + 'a' - 'A') : c;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if (folds_to_itself(cp, s + i + n, len - i - n)) { /* 3 bytes */
			out[o] = s[i], out[o + 1] = s[i + 1], out[o + 2] = s[i + 2];
			if (map)
				map[o] = map[o + 1] = map[o + 2] = start;
			o += 3, i += 3;
			continue;
		}
		if (cp == TEXT_INVALID) {
			if (map)
				map[o] = start;
			out[o++] = s[i++];
			continue;
		}
		i += n;
		/* Accents on Latin letters do not matter: o + U+0304 is o. */
		if (cp >= 0x0300 && cp <= 0x036F && o > 0 &&
		    (unsigned char)out[o - 1] < 0x80)
			continue;
		if (is_dash(cp) && o > 0 && out[o - 1] >= '0' &&
		    out[o - 1] <= '9' && digit_at(s + i, len - i))
			cp = '-';
		if (cp >= 0xFF66 && cp <= 0xFF9D) {
			cp = halfwidth_kana[cp - 0xFF66];
			if (i < len) {
				size_t m = text_decode(s + i, len - i, &next);
				uint32_t joined = join_voiced_mark(cp, next);

				if (joined) {
					cp = joined;
					i += m;
				}
			}
		} else if ((compat = nfkc(cp)) != NULL) {
			/* Already folded by NFKC; fold what it gives. */
			size_t cl = strlen(compat);

			if (text_decode(compat, cl, &cp) < cl) { /* hPa of ㍱ */
				for (size_t j = 0; j < cl; j++) {
					char c = compat[j];

					if (map)
						map[o] = start;
					out[o++] = c >= 'A' && c <= 'Z' ?
					    (char)(c + 'a' - 'A') : c;
				}
				continue;
			}
		}
		/* か + ゙ (decomposed, as macOS and PDFs have it); the marks,
		 * U+3099 to U+309C, all start with byte E3. */
		if (i < len && (unsigned char)s[i] == 0xE3) {
			size_t m = text_decode(s + i, len - i, &next);
			uint32_t joined = join_combining_mark(cp, next);

			if (joined) {
				cp = joined;
				i += m;
			}
		}
		if (cp >= 0x30A1 && cp <= 0x30F6)
			cp -= 0x60;
		/* ヶ and ヵ are ケ and カ in place names: 鶴ヶ島 = 鶴ケ島. */
		if (cp == 0x3096)
			cp = 0x3051;
		else if (cp == 0x3095)
			cp = 0x304B;
		cp = fold_latin(cp);
		k = text_encode(cp, out + o);
		if (map)
			for (size_t j = 0; j < k; j++)
				map[o + j] = start;
		o += k;
	}
	out[o] = '\0';
	if (map)
		map[o] = len;
	return o;
}

size_t
text_fold_romaji(char *s, size_t len, size_t *map)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		char prev = o > 0 ? s[o - 1] : '\0';

		/* Only after an o or a u is a letter ever dropped. */
		if (prev == 'o' || prev == 'u') {
			char next = i + 1 < len ? s[i + 1] : '\0';

			if (s[i] == 'u' || (prev == 'o' && s[i] == 'o'))
				continue;
			/* Ohta, Kohchi: Hepburn has no h before a consonant. */
			if (prev == 'o' && s[i] == 'h' && !strchr("aeiouy", next))
				continue;
		}
		s[o] = s[i];
		if (map)
			map[o] = map[i];
		o++;
	}
	s[o] = '\0';
	if (map)
		map[o] = map[len];
	return o;
}

/* Hepburn for U+3041..U+3096; "" for っ, which doubles what follows. */
static const char *const hepburn[] = {
	"a", "a", "i", "i", "u", "u", "e", "e", "o", "o",
	"ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go",
	"sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",
	"ta", "da", "chi", "ji", "", "tsu", "zu", "te", "de", "to", "do",
	"na", "ni", "nu", "ne", "no",
	"ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe",
	"ho", "bo", "po",
	"ma", "mi", "mu", "me", "mo",
	"ya", "ya", "yu", "yu", "yo", "yo",
	"ra", "ri", "ru", "re", "ro",
	"wa", "wa", "i", "e", "o", "n", "vu", "ka", "ke",
};

static bool
small_y(uint32_t cp)
{
	return cp == 0x3083 || cp == 0x3085 || cp == 0x3087;
}

size_t
text_kana_romaji(const char *s, size_t len, char *out)
{
	size_t i = 0, o = 0;
	bool double_next = false;

	while (i < len) {
		uint32_t cp, next = 0;
		size_t n = text_decode(s + i, len - i, &cp);
		const char *r;
		size_t rl;

		if (cp < 0x3041 || cp > 0x3096) {
			memcpy(out + o, s + i, n);
			o += n, i += n;
			continue;
		}
		i += n;
		r = hepburn[cp - 0x3041];
		if (!*r) { /* っ */
			double_next = true;
			continue;
		}
		rl = r[1] ? r[2] ? 3 : 2 : 1; /* a reading is 1 to 3 letters */
		/* Only a reading in -i takes a small ya, yu or yo after it. */
		if (i < len && rl >= 2 && r[rl - 1] == 'i')
			n = text_decode(s + i, len - i, &next);
		if (double_next) {
			out[o++] = r[0] == 'c' ? 't' : r[0];
			double_next = false;
		}
		if (small_y(next) && rl >= 2 && r[rl - 1] == 'i') {
			bool sh = r[0] == 's' || r[0] == 'c' || r[0] == 'j';

			for (size_t j = 0; j + 1 < rl; j++)
				out[o++] = r[j];
			if (!sh)
				out[o++] = 'y';
			out[o++] = hepburn[next - 0x3041][1];
			i += n;
			continue;
		}
		for (size_t j = 0; j < rl; j++)
			out[o++] = r[j];
	}
	out[o] = '\0';
	return o;
}
