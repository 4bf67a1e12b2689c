/* keyin: see keyin.h. Which bytes each terminal sends is in the key table
 * of tests/unit/test_keys.c, with its sources. */
#include "keyin.h"

#include <string.h>

enum state { GROUND, ESCAPE, CSI, SS3, STRING, STRING_ESCAPE, LINUX_FKEY,
	X10_MOUSE };

#define ESC 0x1b

void
keyin_init(struct keyin *k, bool mouse_x10)
{
	memset(k, 0, sizeof *k);
	k->state = GROUND;
	k->mouse_x10 = mouse_x10;
}

static size_t
put(struct key *out, enum key_id id, unsigned mods)
{
	memset(out, 0, sizeof *out);
	out->id = id;
	out->mods = mods;
	return 1;
}

static size_t
put_char(struct key *out, uint32_t ch, unsigned mods, bool pasted)
{
	put(out, K_CHAR, mods);
	out->ch = ch;
	out->pasted = pasted;
	return 1;
}

/* UTF-8, one byte at a time: true with *cp when b ends a valid character
 * that is not a C1 control. A byte that cannot continue the character being
 * read ends it unread, and starts anew. */
static bool
utf8_take(struct keyin *k, unsigned char b, uint32_t *cp)
{
	static const uint32_t least[] = {0, 0x80, 0x800, 0x10000};

	if (k->need && (b & 0xC0) == 0x80) {
		k->cp = k->cp << 6 | (b & 0x3F);
		if (++k->have < k->need)
			return false;
		*cp = k->cp;
		k->need = 0;
		return *cp >= least[k->have - 1 < 3 ? k->have - 1 : 3] &&
		    *cp <= 0x10FFFF && !(*cp >= 0xD800 && *cp <= 0xDFFF) &&
		    !(*cp >= 0x80 && *cp < 0xA0);
	}
	k->need = 0;
	if (b >= 0xC2 && b <= 0xDF) {
		k->need = 2;
		k->cp = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		k->need = 3;
		k->cp = b & 0x0F;
	} else if (b >= 0xF0 && b <= 0xF4) {
		k->need = 4;
		k->cp = b & 0x07;
	}
	k->have = 1;
	return false;
}

/* xterm's modifier parameter: 1 + Shift 1, Alt 2, Ctrl 4, Meta 8. */
static unsigned
xterm_mods(long m)
{
	unsigned bits = m > 1 && m < 256 ? (unsigned)(m - 1) : 0;

	return (bits & 1 ? MOD_SHIFT : 0) | (bits & 10 ? MOD_ALT : 0) |
	    (bits & 4 ? MOD_CTRL : 0);
}

/* The key of ESC [ n ~ (VT220, xterm, PuTTY, Tera Term, rxvt), or of
 * PuTTY's VT400 keys. */
static bool
tilde_key(long n, bool vt400, enum key_id *id)
{
	static const enum key_id vt400_keys[] = {K_INSERT, K_HOME, K_PAGE_UP,
		K_DELETE, K_END, K_PAGE_DOWN};
	static const signed char fkey[] = {
		/* 11 */ 1, 2, 3, 4, 5, 0, 6, 7, 8, 9, 10, 0, 11, 12, 13, 14, 0,
		/* 28 */ 15, 16, 0, 17, 18, 19, 20};

	if (vt400 && n >= 1 && n <= 6) {
		*id = vt400_keys[n - 1];
		return true;
	}
	switch (n) {
	case 1: case 7: *id = K_HOME; return true;
	case 2: *id = K_INSERT; return true;
	case 3: *id = K_DELETE; return true;
	case 4: case 8: *id = K_END; return true;
	case 5: *id = K_PAGE_UP; return true;
	case 6: *id = K_PAGE_DOWN; return true;
	}
	if (n >= 11 && n <= 34 && fkey[n - 11]) {
		*id = K_FN(fkey[n - 11]);
		return true;
	}
	return false;
}

/* The key of a final byte that names it alone (ESC [ A, ESC O P). */
static bool
letter_key(unsigned char final, bool ss3, enum key_id *id)
{
	switch (final) {
	case 'A': *id = K_UP; return true;
	case 'B': *id = K_DOWN; return true;
	case 'C': *id = K_RIGHT; return true;
	case 'D': *id = K_LEFT; return true;
	case 'H': *id = K_HOME; return true;
	case 'F': *id = K_END; return true;
	case 'P': case 'Q': case 'R': case 'S':
		*id = K_FN(final - 'P' + 1);
		return true;
	}
	if (!ss3)
		return false;
	/* PuTTY's VT100+ mode: F5 to F12 as ESC O T to ESC O [. */
	if (final >= 'T' && final <= '[') {
		*id = K_FN(final - 'T' + 5);
		return true;
	}
	if (final == 'w') { /* PuTTY's rxvt Home/End mode: End */
		*id = K_END;
		return true;
	}
	return false;
}

struct params {
	long p[4];
	size_t n;
	char private; /* '<', '?', '>' or '=' before the numbers, or 0 */
	bool digits_only;
};

static void
parse_params(const struct keyin *k, struct params *ps)
{
	size_t i = 0;

	memset(ps, 0, sizeof *ps);
	ps->digits_only = k->seq_len > 0;
	if (k->seq_len && strchr("<?>=", k->seq[0]))
		ps->private = k->seq[i++];
	for (; i <= k->seq_len; i++) {
		char c = i < k->seq_len ? k->seq[i] : ';';

		if (c >= '0' && c <= '9') {
			if (ps->n < 4 && ps->p[ps->n] < 100000)
				ps->p[ps->n] = ps->p[ps->n] * 10 + (c - '0');
		} else if (c == ';' || c == ':') {
			if (ps->n < 4)
				ps->n++;
			if (i < k->seq_len)
				ps->digits_only = false;
		} else {
			ps->digits_only = false;
		}
	}
	if (ps->private)
		ps->digits_only = false;
}

/* A mouse report: b as xterm encodes it (X10, SGR and urxvt alike), the
 * cell from 1. */
static size_t
mouse_key(struct key *out, long b, long x, long y, bool release)
{
	put(out, K_MOUSE, (b & 4 ? MOD_SHIFT : 0) | (b & 8 ? MOD_ALT : 0) |
	    (b & 16 ? MOD_CTRL : 0));
	if (b & 64)
		out->button = (b & 3) == 0 ? MOUSE_WHEEL_UP :
		    (b & 3) == 1 ? MOUSE_WHEEL_DOWN : MOUSE_OTHER;
	else if ((b & 3) == 3) {
		out->button = MOUSE_OTHER;
		release = true;
	} else
		out->button = (enum mouse_button)(b & 3);
	out->release = release || (b & 32);
	out->x = x > 0 && x < 100000 ? (int)x - 1 : 0;
	out->y = y > 0 && y < 100000 ? (int)y - 1 : 0;
	return 1;
}

static size_t
csi_key(struct keyin *k, unsigned char final, struct key *out)
{
	unsigned meta = k->meta ? MOD_ALT : 0;
	struct params ps;
	enum key_id id;

	parse_params(k, &ps);
	if (ps.private == '<' && (final == 'M' || final == 'm') && ps.n >= 3)
		return mouse_key(out, ps.p[0], ps.p[1], ps.p[2], final == 'm');
	if (ps.private)
		return 0; /* replies to queries never made, and the like */
	if (final == 'M' && ps.n >= 3) /* urxvt's mouse (1015) */
		return mouse_key(out, ps.p[0] - 32, ps.p[1], ps.p[2], false);
	if (final == '~') {
		if (ps.p[0] == 200) {
			k->pasting = true;
			k->after_cr = k->space_pending = false;
			return 0;
		}
		/* xterm's modifyOtherKeys: ESC [27;mods;char~ */
		if (ps.p[0] == 27 && ps.n >= 3 && ps.p[2] > 0 &&
		    ps.p[2] <= 0x10FFFF)
			return put_char(out, (uint32_t)ps.p[2],
			    xterm_mods(ps.p[1]) | meta, false);
		return tilde_key(ps.p[0], k->vt400, &id) ?
		    put(out, id, xterm_mods(ps.p[1]) | meta) : 0;
	}
	/* rxvt: Shift, Ctrl and both as the last byte in place of ~. */
	if ((final == '$' || final == '^' || final == '@') && ps.digits_only)
		return tilde_key(ps.p[0], k->vt400, &id) ? put(out, id, meta |
		    (final == '^' ? MOD_CTRL : final == '$' ? MOD_SHIFT :
		    MOD_CTRL | MOD_SHIFT)) : 0;
	if (final >= 'a' && final <= 'd' && ps.n <= 1) /* rxvt: Shift-arrows */
		return letter_key((unsigned char)(final - 'a' + 'A'), false,
		    &id) ? put(out, id, MOD_SHIFT | meta) : 0;
	if (final == 'Z')
		return put(out, K_BACKTAB, meta);
	if (ps.n <= 1 && ps.p[0] == 0) {
		/* No parameters: PuTTY's SCO mode, F1 to F12 as ESC [M to
		 * ESC [X, Insert as ESC [L, PgUp and PgDn as ESC [I and
		 * ESC [G. ESC [I and ESC [O would be focus reports where
		 * they were asked for (DECSET 1004): madoguchi never asks. */
		if (final == 'E')
			return 0;
		if (final == 'L')
			return put(out, K_INSERT, meta);
		if (final == 'G' || final == 'I')
			return put(out, final == 'G' ? K_PAGE_DOWN : K_PAGE_UP,
			    meta);
		if (final >= 'M' && final <= 'X')
			return put(out, K_FN(final - 'M' + 1), meta);
	}
	/* A cursor position report looks like F3 with modifiers, but its
	 * first number is a row, not 1: none was asked for. */
	if (final == 'R' && ps.p[0] > 1)
		return 0;
	if (letter_key(final, false, &id))
		return put(out, id, xterm_mods(ps.n ? ps.p[ps.n - 1] : 0) |
		    meta);
	return 0;
}

static size_t
ss3_key(struct keyin *k, unsigned char final, struct key *out)
{
	unsigned meta = k->meta ? MOD_ALT : 0;
	struct params ps;
	enum key_id id;

	parse_params(k, &ps);
	if (final == 'M') /* the keypad's Enter */
		return put_char(out, '\r', meta, false);
	if (final >= 'a' && final <= 'd') /* rxvt: Ctrl-arrows */
		return letter_key((unsigned char)(final - 'a' + 'A'), false,
		    &id) ? put(out, id, MOD_CTRL | meta) : 0;
	/* The browser keeps the cursor keys in normal mode (DECCKM off):
	 * arrows alone are then ESC [ A to D everywhere, and ESC O A to D
	 * is PuTTY's Ctrl with an arrow (its default mode). */
	if (final >= 'A' && final <= 'D' && k->seq_len == 0)
		return letter_key(final, true, &id) ?
		    put(out, id, MOD_CTRL | meta) : 0;
	return letter_key(final, true, &id) ?
	    put(out, id, xterm_mods(ps.n ? ps.p[ps.n - 1] : 0) | meta) : 0;
}

static size_t ground(struct keyin *k, unsigned char b, struct key *out);

/* A byte that cannot be part of the sequence being read ends it, dropped,
 * and is read anew. */
static size_t
abandon(struct keyin *k, unsigned char b, struct key *out)
{
	k->state = GROUND;
	k->meta = false;
	return ground(k, b, out);
}

static void
start_sequence(struct keyin *k, enum state s)
{
	k->state = (int)s;
	k->seq_len = 0;
	k->seq_long = false;
}

static size_t
escape(struct keyin *k, unsigned char b, struct key *out)
{
	size_t n = 0;

	switch (b) {
	case '[': start_sequence(k, CSI); return 0;
	case 'O': start_sequence(k, SS3); return 0;
	case ']': case 'P': case '_': case '^': case 'X':
		k->state = STRING;
		k->bel_ends = b == ']'; /* BEL ends an OSC, nothing else */
		return 0;
	case ESC:
		/* ESC ESC [ A is Alt-Up (rxvt, PuTTY); a third Esc makes the
		 * first one the Esc key. */
		if (k->meta)
			n = put(out, K_ESC, 0);
		k->meta = true;
		return n;
	}
	k->state = GROUND;
	if (b < 0x80) {
		k->meta = false;
		return put_char(out, b, MOD_ALT, false);
	}
	k->meta = true; /* Alt and a UTF-8 character */
	return ground(k, b, out);
}

static size_t
ground(struct keyin *k, unsigned char b, struct key *out)
{
	uint32_t cp;
	unsigned mods;

	if (b < 0x80) {
		k->need = 0;
		if (b == ESC) {
			k->state = ESCAPE;
			k->meta = false;
			return 0;
		}
		k->meta = false;
		if (b == 0x7f && k->del_is_delete)
			return put(out, K_DELETE, 0);
		return put_char(out, b, 0, false);
	}
	if (!utf8_take(k, b, &cp))
		return 0;
	mods = k->meta ? MOD_ALT : 0;
	k->meta = false;
	return put_char(out, cp, mods, false);
}

/* Inside a paste every byte is text, up to ESC [201~. A run of line
 * breaks and tabs becomes one space; other controls are dropped. */
static size_t
paste(struct keyin *k, unsigned char b, struct key *out)
{
	static const char end[] = "\033[201~";
	size_t n = 0;
	uint32_t cp;

	if ((unsigned char)end[k->paste_match] == b) {
		if (++k->paste_match == sizeof end - 1) {
			k->paste_match = 0;
			k->pasting = false;
			k->need = 0;
		}
		return 0;
	}
	if (k->paste_match) { /* an Esc that did not end it: dropped */
		k->paste_match = 0;
		if (b == ESC) {
			k->paste_match = 1;
			return 0;
		}
	}
	if (b < 0x80) {
		k->need = 0;
		if (b == '\n' && k->after_cr) {
			k->after_cr = false;
			return 0;
		}
		k->after_cr = b == '\r';
		if (b == '\r' || b == '\n' || b == '\t') {
			k->space_pending = true;
			return 0;
		}
		if (b < 0x20 || b == 0x7f)
			return 0;
		cp = b;
	} else if (!utf8_take(k, b, &cp)) {
		return 0;
	}
	k->after_cr = false;
	if (k->space_pending) {
		k->space_pending = false;
		n = put_char(out, ' ', 0, true);
	}
	return n + put_char(out + n, cp, 0, true);
}

/* The final byte b of a sequence that began late made no key (n == 0):
 * its introducer and b were typed (Esc, then Osaka typed quickly). */
static size_t
late_letters(struct keyin *k, unsigned char b, size_t n, struct key *out)
{
	if (!k->late_seq || n || k->seq_len)
		return n;
	n = put_char(out, k->state == CSI ? '[' : 'O', 0, false);
	k->state = GROUND;
	return n + ground(k, b, out + n);
}

size_t
keyin_byte(struct keyin *k, unsigned char b, struct key *out)
{
	size_t n;

	if (k->pasting)
		return paste(k, b, out);
	if (k->late && k->state == GROUND) {
		k->late = false;
		if (b == '[' || b == 'O') {
			start_sequence(k, b == '[' ? CSI : SS3);
			k->late_seq = true;
			return 0;
		}
	}
	switch (k->state) {
	case ESCAPE:
		return escape(k, b, out);
	case CSI:
	case SS3:
		if (b >= 0x30 && b <= 0x3F) {
			if (k->seq_len < sizeof k->seq)
				k->seq[k->seq_len++] = (char)b;
			else
				k->seq_long = true;
			return 0;
		}
		if (k->state == CSI && b == '$') {
			struct params ps;

			parse_params(k, &ps);
			if (!ps.digits_only)
				return 0; /* an intermediate byte */
		} else if (b >= 0x20 && b <= 0x2F) {
			return 0; /* intermediate bytes: no key has them */
		} else if (b < 0x40 || b > 0x7E) {
			n = late_letters(k, b, 0, out);
			if (n)
				return n;
			return abandon(k, b, out);
		}
		if (k->state == CSI && k->seq_len == 0 && b == '[') {
			k->state = LINUX_FKEY;
			return 0;
		}
		if (k->state == CSI && k->seq_len == 0 && b == 'M' &&
		    k->mouse_x10) {
			k->state = X10_MOUSE;
			k->x10_len = 0;
			return 0;
		}
		n = k->seq_long ? 0 : k->state == CSI ? csi_key(k, b, out) :
		    ss3_key(k, b, out);
		n = late_letters(k, b, n, out);
		k->state = GROUND;
		k->meta = false;
		k->late_seq = false;
		return n;
	case STRING:
		if (b == 0x07 && k->bel_ends)
			k->state = GROUND;
		else if (b == ESC)
			k->state = STRING_ESCAPE;
		return 0;
	case STRING_ESCAPE:
		/* Only ST ends it: tmux's passthrough doubles each Esc inside,
		 * and an unended string ends with the pause after it. */
		k->state = b == '\\' ? GROUND : STRING;
		return 0;
	case LINUX_FKEY: /* the Linux console: F1 to F5 as ESC [[A to [[E */
		k->state = GROUND;
		n = b >= 'A' && b <= 'E' ? put(out, K_FN(b - 'A' + 1),
		    k->meta ? MOD_ALT : 0) : 0;
		k->meta = false;
		return n;
	case X10_MOUSE:
		k->x10[k->x10_len++] = b;
		if (k->x10_len < 3)
			return 0;
		k->state = GROUND;
		k->meta = false;
		return mouse_key(out, k->x10[0] - 32, k->x10[1] - 32,
		    k->x10[2] - 32, false);
	}
	return ground(k, b, out);
}

size_t
keyin_timeout(struct keyin *k, struct key *out)
{
	size_t n = 0;

	if (k->pasting) {
		k->pasting = false;
		k->paste_match = 0;
	} else if (k->state == ESCAPE) {
		n = put(out, K_ESC, 0); /* and one more for ESC ESC */
		if (k->meta)
			n += put(out + 1, K_ESC, 0);
		k->late = true;
	} else if (k->state == X10_MOUSE && k->x10_len == 0) {
		/* ESC [ M and nothing after: PuTTY's SCO F1. */
		n = put(out, K_F1, k->meta ? MOD_ALT : 0);
	} else if ((k->state == CSI || k->state == SS3) && k->seq_len == 0) {
		/* ESC [ or ESC O and nothing after: Alt-[ or Alt-O; after the
		 * Esc key, the letter alone. */
		n = put_char(out, k->state == CSI ? '[' : 'O',
		    k->late_seq ? 0 : MOD_ALT, false);
	} else if (k->state == GROUND) {
		k->late = false; /* the window passed */
	}
	k->state = GROUND;
	k->meta = false;
	k->need = 0;
	k->late_seq = false;
	return n;
}

long
keyin_wait_ms(const struct keyin *k, long esc_delay_ms)
{
	/* Inside a sequence, its rest is on its way: as long as a slow
	 * link may take (ESC [, then B a packet later). */
	long inside = esc_delay_ms * 10 > KEYIN_LATE_MS ? esc_delay_ms * 10 :
	    KEYIN_LATE_MS;

	if (k->pasting)
		return inside > 1000 ? inside : 1000;
	if (k->state == ESCAPE)
		return esc_delay_ms;
	if (k->state != GROUND || k->need)
		return inside;
	return k->late ? KEYIN_LATE_MS : -1;
}
