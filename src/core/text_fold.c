/* text_fold: folding for search, as text.h describes it (text_fold,
 * text_fold_romaji, text_kana_romaji, text_fold_phone): NFKC compatibility
 * characters (nfkc.h), case, width, kana, combining and half-width voiced
 * marks, the dashes of a number, macrons, romaji. */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count_of.h"
#include "nfkc.h"
#include "variants.h"

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

/* An old or variant form of a kanji as the place data writes it
 * (髙 高, 﨑 崎, 濱 浜: src/core/variants.h). */
static uint32_t
fold_variant(uint32_t cp)
{
	size_t lo = 0, hi = sizeof variants / sizeof variants[0];

	if (cp < 0x3400)
		return cp;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (variants[mid].from == cp)
			return variants[mid].to;
		if (variants[mid].from < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp;
}

/* The dashes an IME or a PDF gives for a hyphen in a number: after a
 * digit, before another or at the end of a word, ー − ‐ – — ﹣ ｰ are
 * '-'. */
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
		return !(variant_bits[(cp - 0x4E00) / 32] >> (cp - 0x4E00) % 32 & 1);
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
			memcpy(out + o, s + i, 3);
			if (map)
				map[o] = map[o + 1] = map[o + 2] = start;
			o += 3;
			i += 3;
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
		/* At the end too: ４３０ー is 430- being typed. */
		if (is_dash(cp) && o > 0 && out[o - 1] >= '0' &&
		    out[o - 1] <= '9' && (digit_at(s + i, len - i) || i == len ||
		    s[i] == ' '))
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
		/* Variation selectors (葛󠄀) choose a glyph, not a name. */
		if ((cp >= 0xFE00 && cp <= 0xFE0F) ||
		    (cp >= 0xE0100 && cp <= 0xE01EF))
			continue;
		cp = fold_variant(cp);
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

static bool
is_vowel(char c)
{
	return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
}

/* One spelling for every romanisation of a sound, never longer than any
 * of them: Hepburn, kunrei and nihon-shiki, wapuro (shi si, sha sya, chi
 * ti, cha tya, tsu tu, fu hu, ji zi di, ja jya zya, du zu, Gumma Gunma,
 * nn n before a consonant). A spelling cut at its end (sh, ch, ts) keeps
 * what every completion of it shares. Returns the new length. */
size_t
text_fold_consonants(char *s, size_t len, size_t *map)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i], next = i + 1 < len ? s[i + 1] : '\0';
		char after = i + 2 < len ? s[i + 2] : '\0';
		size_t from = map ? map[i] : 0;

		if ((c == 's' || c == 'c') && next == 'h') {
			c = c == 's' ? 's' : 't';
			i++;
			if (after && after != 'i') { /* sha sya, cha tya */
				s[o] = c;
				if (map)
					map[o] = from;
				o++;
				c = 'y';
				from = map ? map[i] : 0;
			}
		} else if (c == 't' && next == 's' && (after == 'u' || !after)) {
			i++;
		} else if (c == 'f') {
			c = 'h';
		} else if ((c == 'z' || c == 'j') && next == 'y') {
			c = 'j';
			i++;
		} else if ((c == 'z' || c == 'd') && next == 'i') {
			c = 'j';
		} else if (c == 'd' && next == 'u') {
			c = 'z';
		} else if (c == 'm' && (next == 'b' || next == 'p' || next == 'm')) {
			c = 'n';
		} else if (c == 'n' && next == 'n' && !is_vowel(after) &&
		    after != 'y') {
			i++;
		}
		s[o] = c;
		if (map)
			map[o] = from;
		o++;
	}
	if (map)
		map[o] = map[len];
	return o;
}

size_t
text_romaji_hepburn(const char *s, size_t len, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i], next = i + 1 < len ? s[i + 1] : '\0';

		if (c == 's' && (next == 'i' || next == 'y')) {
			memcpy(out + o, "sh", 2);
			o += 2;
			i += next == 'y';
		} else if (c == 't' && (next == 'i' || next == 'y')) {
			memcpy(out + o, "ch", 2);
			o += 2;
			i += next == 'y';
		} else if (c == 't' && next == 'u') {
			memcpy(out + o, "ts", 2);
			o += 2;
		} else if (c == 'h' && next == 'u') {
			out[o++] = 'f';
		} else {
			out[o++] = c;
		}
	}
	out[o] = '\0';
	return o;
}

size_t
text_fold_romaji(char *s, size_t len, size_t *map)
{
	return text_fold_long_vowels(s, text_fold_consonants(s, len, map), map);
}

size_t
text_fold_long_vowels(char *s, size_t len, size_t *map)
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
			o += n;
			i += n;
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

size_t
text_romaji_key(const char *kana, size_t len, char *out)
{
	return text_fold_romaji(out, text_kana_romaji(kana, len, out), NULL);
}

unsigned char
text_romaji_initial(const char *kana, size_t len)
{
	char out[2 * 4 + 1];
	uint32_t cp;

	if (!len || !text_romaji_key(kana, text_decode(kana, len, &cp), out))
		return 0;
	return out[0] >= 'a' && out[0] <= 'z' ? (unsigned char)out[0] : 0;
}
