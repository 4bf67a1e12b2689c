/* text: see text.h. Decoding, width, what is shown and fitting; folding
 * for search is text_fold.c's. The widths are Unicode's (widths.h), the
 * unsafe characters this file's. */
/* wcwidth is X/Open's. */
#define _XOPEN_SOURCE 700

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "count_of.h"

struct range {
	uint32_t first, last;
};

/* Whether cp is in one of r[0..n), sorted and apart. */
static bool
in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid].first)
			hi = mid;
		else if (cp > r[mid].last)
			lo = mid + 1;
		else
			return true;
	}
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
		need = 2;
		c = u[0] & 0x1Fu;
		min = 0x80;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		need = 3;
		c = u[0] & 0x0Fu;
		min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		need = 4;
		c = u[0] & 0x07u;
		min = 0x10000;
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

#include "widths.h"

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


/* A character shown where only ASCII can be: kana as its romaji (と to,
 * ト to, ー -), anything else as its code point. */
static void
ascii_glyph(uint32_t cp, struct glyph *g)
{
	uint32_t kana = cp >= 0x30A1 && cp <= 0x30F6 ? cp - 0x60 : cp;
	char utf8[4];
	size_t n;

	g->cp = 0;
	if (cp == 0x30FC) {
		memcpy(g->bytes, "-", 2);
		g->len = 1;
		return;
	}
	if (kana >= 0x3041 && kana <= 0x3096 && (n = text_kana_romaji(utf8,
	    text_encode(kana, utf8), g->bytes)) > 0 &&
	    text_ascii_run(g->bytes, n) == n) {
		g->bytes[n] = '\0';
		g->len = n;
		return;
	}
	g->len = (size_t)snprintf(g->bytes, sizeof g->bytes, "<U+%04X>",
	    (unsigned)cp);
}

void
text_glyph(const char *s, size_t len, bool ascii, struct glyph *g)
{
	uint32_t cp;
	int n;

	g->consumed = text_decode(s, len, &cp);
	if (ascii && cp >= 0x80 && !text_cp_unsafe(cp)) {
		ascii_glyph(cp, g);
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

int
text_shown_glyph(const char *s, size_t len, bool ascii, struct glyph *g)
{
	int cw;

	text_glyph(s, len, ascii, g);
	if (!g->cp)
		return (int)g->len;
	cw = text_cp_width(g->cp);
	if (cw < 0 || wcwidth((wchar_t)g->cp) != cw) {
		snprintf(g->bytes, sizeof g->bytes, "<U+%04X>", (unsigned)g->cp);
		g->len = strlen(g->bytes);
		g->cp = 0;
		return (int)g->len;
	}
	return cw;
}

uint64_t
text_hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return h;
}

size_t
text_shown_width(const char *s, size_t len, bool ascii)
{
	size_t used = 0;

	for (size_t i = 0; i < len;) {
		struct glyph g;

		used += (size_t)text_shown_glyph(s + i, len - i, ascii, &g);
		i += g.consumed;
	}
	return used;
}

/* Appends len bytes of s to out (cap bytes) at *at, as far as they fit,
 * counting them all. */
static void
put_part(char *out, size_t cap, size_t *at, const char *s, size_t len)
{
	if (*at < cap) {
		size_t room = cap - 1 - *at;

		memcpy(out + *at, s, len < room ? len : room);
	}
	*at += len;
}

size_t
text_fill(char *out, size_t cap, const char *fmt, const char *const *args,
    size_t n)
{
	size_t at = 0, used = 0;

	while (*fmt) {
		size_t plain = strcspn(fmt, "%");

		put_part(out, cap, &at, fmt, plain);
		fmt += plain;
		if (!*fmt)
			break;
		if (fmt[1] == '%') {
			put_part(out, cap, &at, "%", 1);
			fmt += 2;
			continue;
		}
		fmt += 1 + (fmt[1] == 'z');
		if (*fmt)
			fmt++; /* s, d, u */
		if (used < n)
			put_part(out, cap, &at, args[used], strlen(args[used]));
		used++;
	}
	if (cap)
		out[at < cap ? at : cap - 1] = '\0';
	return at;
}

bool
text_is_letters(const char *s)
{
	return *s && s[strspn(s, "abcdefghijklmnopqrstuvwxyz")] == '\0';
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

/* Made safe as text_glyph shows it, into dst (cap bytes; NULL: only
 * measured): a character that no longer fits ends the text, whole or not
 * at all (printable ASCII is cut anywhere, as it is a byte a character).
 * *width gets the columns written; returns the bytes it all takes. */
static size_t
sanitize(char *dst, size_t cap, const char *src, size_t len, size_t *width)
{
	size_t pos = 0, done = 0, w = 0, i = 0;

	while (i < len) {
		struct glyph g;
		size_t run = (unsigned char)src[i] < 0x80 ?
		    text_ascii_run(src + i, len - i) : 0;
		const char *bytes = src + i;
		size_t n = run, cols = run, fit;

		if (run == 0) {
			text_glyph(src + i, len - i, false, &g);
			bytes = g.bytes;
			n = g.len;
			cols = g.cp ? (size_t)text_cp_width(g.cp) : g.len;
		}
		fit = done == pos && pos + n < cap ? n : 0;
		if (run > 0 && done == pos && fit == 0 && pos + 1 < cap)
			fit = cap - pos - 1; /* the ASCII that fits */
		if (dst)
			memcpy(dst + done, bytes, fit);
		done += fit;
		pos += n;
		w += fit == n ? cols : fit;
		i += run > 0 ? run : g.consumed;
	}
	if (dst && cap > 0)
		dst[done] = '\0';
	if (width)
		*width = w;
	return pos;
}

size_t
text_sanitize(char *dst, size_t cap, const char *src, size_t len)
{
	return sanitize(dst, cap, src, len, NULL);
}

void
text_print_safe(FILE *out, const char *s)
{
	size_t len = strlen(s), cap = TEXT_ESCAPE_GROWTH * len + 1;
	char small[1024], *buf = cap <= sizeof small ? small : malloc(cap);

	if (!buf)
		return;
	sanitize(buf, cap, s, len, NULL);
	fputs(buf, out);
	if (buf != small)
		free(buf);
}

size_t
text_sanitized_width(const char *s, size_t len, size_t cap)
{
	size_t width;

	sanitize(NULL, cap, s, len, &width);
	return width;
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

			w += take;
			i += take;
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
