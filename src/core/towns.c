/* towns: see towns.h. */
#include "towns.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Codes 1..ONE_BYTE are one byte; a byte from LEAD starts a code of two,
 * whose second byte is 1..255 (0 ends a name). */
#define ONE_BYTE 191
#define LEAD 0xC0
#define MAX_CHARS (ONE_BYTE + (256 - LEAD) * 255)

struct char_count {
	uint32_t cp;
	size_t count;   /* then, once the codes are given, the code */
};

static int
by_place_then_kana(const void *a, const void *b)
{
	const struct town_row *x = a, *y = b;
	int c;

	if (x->place != y->place)
		return x->place < y->place ? -1 : 1;
	c = strcmp(x->kana, y->kana);
	return c ? c : strcmp(x->name, y->name);
}

static int
by_cp(const void *a, const void *b)
{
	const struct char_count *x = a, *y = b;

	return (x->cp > y->cp) - (x->cp < y->cp);
}

static int
most_used_first(const void *a, const void *b)
{
	const struct char_count *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return by_cp(a, b);
}

/* Appends the code points of s to cps. */
static size_t
add_cps(const char *s, uint32_t *cps, size_t n)
{
	for (size_t i = 0, len = strlen(s); i < len;)
		i += text_decode(s + i, len - i, &cps[n++]);
	return n;
}

/* The distinct code points of every name and reading, most used first:
 * into *alphabet (cp and code, sorted by cp). Returns how many, 0 when
 * memory ran out. */
static size_t
make_alphabet(const struct town_row *rows, size_t n, struct char_count
    **alphabet)
{
	size_t total = 0, distinct = 0;
	uint32_t *cps;
	struct char_count *a;

	for (size_t i = 0; i < n; i++)
		total += strlen(rows[i].name) + strlen(rows[i].kana);
	cps = malloc((total + 1) * sizeof *cps);
	a = malloc((total + 1) * sizeof *a);
	if (!cps || !a) {
		free(cps);
		free(a);
		return 0;
	}
	total = 0;
	for (size_t i = 0; i < n; i++)
		total = add_cps(rows[i].kana, cps, add_cps(rows[i].name, cps,
		    total));
	for (size_t i = 0; i < total; i++)
		a[i] = (struct char_count){cps[i], 1};
	free(cps);
	qsort(a, total, sizeof *a, by_cp);
	for (size_t i = 0; i < total; i++) {
		if (distinct && a[distinct - 1].cp == a[i].cp)
			a[distinct - 1].count++;
		else
			a[distinct++] = a[i];
	}
	qsort(a, distinct, sizeof *a, most_used_first);
	for (size_t i = 0; i < distinct; i++)
		a[i].count = i;
	*alphabet = a;
	return distinct;
}

/* Where the 4 bytes of text (UTF-8, NUL-padded) are in chars: their code
 * - 1, or -1 when no town has the character. */
static long
find_char(const struct towns *t, const char text[4])
{
	size_t lo = 0, hi = t->nchars;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = memcmp(text, t->chars[t->by_text[mid]], 4);

		if (c == 0)
			return t->by_text[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

size_t
towns_code(const struct towns *t, const char *s, size_t len,
    unsigned char *out, size_t cap, size_t *ends)
{
	size_t n = 0;

	ends[0] = 0;
	for (size_t i = 0; i < len;) {
		char text[4] = {0};
		uint32_t cp;
		size_t step = text_decode(s + i, len - i, &cp);
		long code;

		memcpy(text, s + i, step < 4 ? step : 4);
		if ((code = find_char(t, text)) < 0 ||
		    n + (code < ONE_BYTE ? 1 : 2) > cap)
			break;
		if (code < ONE_BYTE) {
			out[n++] = (unsigned char)(code + 1);
		} else {
			code -= ONE_BYTE;
			out[n++] = (unsigned char)(LEAD + code / 255);
			ends[n] = i; /* inside a character */
			out[n++] = (unsigned char)(code % 255 + 1);
		}
		i += step;
		ends[n] = i;
	}
	return n;
}

size_t
towns_spell(const struct towns *t, const unsigned char *codes, size_t n,
    char *out, size_t cap)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		size_t code = codes[i], step;

		if (code >= LEAD) {
			if (++i == n)
				break;
			code = ONE_BYTE + (code - LEAD) * 255 + codes[i];
		}
		if (code == 0 || --code >= t->nchars)
			break;
		step = strnlen(t->chars[code], 4);
		if (len + step >= cap)
			break;
		memcpy(out + len, t->chars[code], step);
		len += step;
	}
	if (cap)
		out[len] = '\0';
	return len;
}

/* One name or reading coded (s, n bytes): the bytes it keeps of the one
 * before, then the rest and a 0. Returns the bytes written. */
static size_t
put_coded(const unsigned char *s, size_t n, const unsigned char *before,
    size_t before_len, unsigned char *out)
{
	size_t keep = 0;

	while (keep < n && keep < before_len && keep < 255 &&
	    s[keep] == before[keep])
		keep++;
	out[0] = (unsigned char)keep;
	memcpy(out + 1, s + keep, n - keep);
	out[1 + n - keep] = 0;
	return n - keep + 2;
}

/* The name and reading of a municipality's town before, coded. */
struct before {
	unsigned char text[2][TOWN_CODED_MAX];
	size_t len[2];
};

/* Codes a row's name and reading into out, after the town before (which
 * it becomes): returns the bytes written. */
static size_t
put_row(const struct towns *t, const struct town_row *r, struct before *b,
    unsigned char *out)
{
	const char *texts[2] = {r->name, r->kana};
	size_t used = 0;

	for (int k = 0; k < 2; k++) {
		unsigned char coded[TOWN_CODED_MAX];
		size_t ends[TOWN_CODED_MAX + 1];
		size_t n = towns_code(t, texts[k], strlen(texts[k]), coded,
		    sizeof coded, ends);

		used += put_coded(coded, n, b->text[k], b->len[k], out + used);
		memcpy(b->text[k], coded, n);
		b->len[k] = n;
	}
	return used;
}

/* Adds a town (coded in b) to what its municipality's towns start with. */
static void
note_start(struct town_starts *st, const struct town_row *r,
    const struct before *b)
{
	unsigned char initial = text_romaji_initial(r->kana, strlen(r->kana));

	for (int k = 0; k < 2; k++)
		if (b->len[k])
			st->bytes[b->text[k][0] / 64] |= 1ULL <<
			    (b->text[k][0] % 64);
	if (initial)
		st->letters |= 1u << (initial - 'a');
}

bool
towns_pack(struct town_row *rows, size_t n, size_t nplaces, struct towns *t,
    void **storage)
{
	struct char_count *alphabet = NULL;
	size_t nchars, bound = 0, used = 0, head;
	unsigned char *block, *bytes;
	struct town_starts *starts;
	uint32_t *at;
	char (*chars)[4];
	uint16_t *order;

	qsort(rows, n, sizeof *rows, by_place_then_kana);
	nchars = make_alphabet(rows, n, &alphabet);
	if (nchars > MAX_CHARS || (n && !nchars)) {
		free(alphabet);
		return false;
	}
	for (size_t i = 0; i < n; i++) /* a code is never longer than UTF-8 */
		bound += strlen(rows[i].name) + strlen(rows[i].kana) + 4;
	head = nplaces * sizeof *starts + (nplaces + 1) * sizeof *at +
	    nchars * (sizeof *chars + sizeof *order);
	if (!(block = malloc(head + bound + 1))) {
		free(alphabet);
		return false;
	}
	starts = (struct town_starts *)(void *)block;
	at = (uint32_t *)(void *)(starts + nplaces);
	chars = (char (*)[4])(void *)(at + nplaces + 1);
	order = (uint16_t *)(void *)(chars + nchars);
	bytes = block + head;
	/* by_text: the alphabet (sorted by code point, which is the order of
	 * the UTF-8) gives each code its place. */
	for (size_t i = 0; i < nchars; i++) {
		char utf8[8] = {0};

		text_encode(alphabet[i].cp, utf8);
		memcpy(chars[alphabet[i].count], utf8, 4);
	}
	qsort(alphabet, nchars, sizeof *alphabet, by_cp);
	for (size_t i = 0; i < nchars; i++)
		order[i] = (uint16_t)alphabet[i].count;
	free(alphabet);
	*t = (struct towns){bytes, at, starts, (const char (*)[4])chars,
		order, nchars};
	memset(starts, 0, nplaces * sizeof *starts);
	for (size_t place = 0, r = 0; place < nplaces; place++) {
		struct before b = {.len = {0, 0}};

		at[place] = (uint32_t)used;
		for (; r < n && rows[r].place == place; r++) {
			used += put_row(t, &rows[r], &b, bytes + used);
			note_start(&starts[place], &rows[r], &b);
		}
	}
	at[nplaces] = (uint32_t)used;
	*storage = block;
	return true;
}

bool
towns_may_start(const struct towns *t, size_t place,
    const unsigned char *codes, size_t n)
{
	return t->starts && n > 0 &&
	    t->starts[place].bytes[codes[0] / 64] >> (codes[0] % 64) & 1;
}

bool
towns_may_spell(const struct towns *t, size_t place, char letter)
{
	return t->starts && letter >= 'a' && letter <= 'z' &&
	    t->starts[place].letters >> (letter - 'a') & 1;
}

void
towns_open(const struct towns *t, size_t place, struct town_cursor *c)
{
	c->t = t;
	c->name_len = c->kana_len = 0;
	if (!t->bytes || !t->at) {
		c->at = c->end = NULL;
		return;
	}
	c->at = t->bytes + t->at[place];
	c->end = t->bytes + t->at[place + 1];
}

/* The next name or reading into buf: the bytes it keeps of the one before,
 * then its own up to a 0. False, and the cursor at its end, when the
 * bytes are not a town. */
static bool
take(struct town_cursor *c, unsigned char *buf, size_t *len)
{
	size_t n;

	if (c->at >= c->end || (n = *c->at++) > *len) {
		c->at = c->end;
		return false;
	}
	/* A few bytes each: a loop beats finding the 0 and copying. */
	while (c->at < c->end && *c->at && n < TOWN_CODED_MAX)
		buf[n++] = *c->at++;
	if (c->at >= c->end || *c->at) {
		c->at = c->end;
		return false;
	}
	c->at++;
	*len = n;
	return true;
}

bool
towns_next(struct town_cursor *c)
{
	return take(c, c->name, &c->name_len) && take(c, c->kana,
	    &c->kana_len);
}
