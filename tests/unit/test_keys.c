/* Unit tests of keyin and keys: the bytes that real terminals send, from
 * their own code and documentation, decoded whatever TERM says; every
 * sequence that is not a key dropped whole; paste as text only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "keyin.h"
#include "frame.h"
#include "help.h"
#include "keys.h"
#include "labels.h"
#include "pages.h"
#include "text.h"
#include "view.h"
#include "fixture.h"

/* What each terminal sends, as it ships, and where that is written.
 *   xterm:    ctlseqs.ms, "PC-Style Function Keys" and "Alt and Meta
 *             Keys" (invisible-island.net/xterm/ctlseqs/ctlseqs.html).
 *   PuTTY:    unix/gtkwin.c key_event() (windows/window.c alike) and
 *             doc/config.but "Changing the action of the function keys
 *             and keypad": ESC [n~ (the default), Linux, Xterm R6, VT400,
 *             VT100+ and SCO modes; rxvt Home/End; Backspace ^?.
 *   Tera Term: teraterm/keyboard.c and installer/release/KEYBOARD.CNF:
 *             F1-F5 ESC [11~-15~, Find/Select (Home/End) ESC [1~/4~,
 *             Backspace ^H (ts.BSKey default).
 *   rxvt-unicode: doc/rxvt.7.pod "Key Codes": Home ESC [7~, End ESC [8~,
 *             Shift/Ctrl/both as $ ^ @ for ~, Shift-arrows ESC [a-d,
 *             Ctrl-arrows ESC Oa-d, Alt as an ESC prefix.
 *   VTE:      src/keymap.cc: xterm's table (SS3 P, ESC [1;5C ...), ^?.
 *   Windows Terminal: src/terminal/input/terminalInput.cpp: xterm's.
 *   Linux console: drivers/tty/vt/defkeymap.map: F1-F5 ESC [[A-E,
 *             F6 ESC [17~, Home ESC [1~, End ESC [4~.
 *   GNU screen, tmux: what their terminfo entries say they send
 *             (screen: kf1=\EOP, khome=\E[1~; tmux input-keys.c alike). */
struct sent {
	const char *terminal;
	const char *bytes;
	enum key_id id;
	unsigned mods;
	uint32_t ch; /* K_CHAR */
};

static const struct sent table_of_keys[] = {
	/* xterm, VTE, Windows Terminal (normal and application cursor) */
	{"xterm", "\033OP", K_F1, 0, 0},
	{"xterm", "\033OQ", K_FN(2), 0, 0},
	{"xterm", "\033OR", K_FN(3), 0, 0},
	{"xterm", "\033OS", K_FN(4), 0, 0},
	{"xterm", "\033[15~", K_FN(5), 0, 0},
	{"xterm", "\033[17~", K_FN(6), 0, 0},
	{"xterm", "\033[18~", K_FN(7), 0, 0},
	{"xterm", "\033[19~", K_FN(8), 0, 0},
	{"xterm", "\033[20~", K_FN(9), 0, 0},
	{"xterm", "\033[21~", K_FN(10), 0, 0},
	{"xterm", "\033[23~", K_FN(11), 0, 0},
	{"xterm", "\033[24~", K_FN(12), 0, 0},
	{"xterm", "\033[1;2P", K_F1, MOD_SHIFT, 0},
	{"xterm", "\033[1;5Q", K_FN(2), MOD_CTRL, 0},
	{"xterm", "\033[15;3~", K_FN(5), MOD_ALT, 0},
	{"xterm", "\033[A", K_UP, 0, 0},
	{"xterm", "\033[B", K_DOWN, 0, 0},
	{"xterm", "\033[C", K_RIGHT, 0, 0},
	{"xterm", "\033[D", K_LEFT, 0, 0},
	/* SS3 A to D: Ctrl with an arrow, as PuTTY sends them in its default
	 * mode (the browser sets the cursor keys to normal mode, where every
	 * terminal sends an arrow alone as ESC [ A); Ctrl-Up is Up. */
	{"xterm", "\033OA", K_UP, MOD_CTRL, 0},
	{"xterm", "\033OB", K_DOWN, MOD_CTRL, 0},
	{"xterm", "\033[1;5C", K_RIGHT, MOD_CTRL, 0},
	{"xterm", "\033[1;5D", K_LEFT, MOD_CTRL, 0},
	{"xterm", "\033[1;3D", K_LEFT, MOD_ALT, 0},
	{"xterm", "\033[1;2A", K_UP, MOD_SHIFT, 0},
	{"xterm", "\033[1;9C", K_RIGHT, MOD_ALT, 0}, /* Meta */
	{"xterm", "\033[H", K_HOME, 0, 0},
	{"xterm", "\033[F", K_END, 0, 0},
	{"xterm", "\033OH", K_HOME, 0, 0},
	{"xterm", "\033OF", K_END, 0, 0},
	{"xterm", "\033[1;5H", K_HOME, MOD_CTRL, 0},
	{"xterm", "\033[2~", K_INSERT, 0, 0},
	{"xterm", "\033[3~", K_DELETE, 0, 0},
	{"xterm", "\033[3;5~", K_DELETE, MOD_CTRL, 0},
	{"xterm", "\033[5~", K_PAGE_UP, 0, 0},
	{"xterm", "\033[6~", K_PAGE_DOWN, 0, 0},
	{"xterm", "\033[Z", K_BACKTAB, 0, 0},
	{"xterm", "\033OM", K_CHAR, 0, '\r'},
	{"xterm", "\033b", K_CHAR, MOD_ALT, 'b'},
	{"xterm", "\033f", K_CHAR, MOD_ALT, 'f'},
	{"xterm", "\033\177", K_CHAR, MOD_ALT, 0x7f},
	{"xterm", "\033[27;3;121~", K_CHAR, MOD_ALT, 'y'}, /* modifyOtherKeys */
	{"xterm", "\177", K_CHAR, 0, 0x7f},
	{"xterm", "\b", K_CHAR, 0, '\b'},
	/* PuTTY, default "ESC [n~" mode */
	{"putty", "\033[11~", K_F1, 0, 0},
	{"putty", "\033[12~", K_FN(2), 0, 0},
	{"putty", "\033[13~", K_FN(3), 0, 0},
	{"putty", "\033[14~", K_FN(4), 0, 0},
	{"putty", "\033[15~", K_FN(5), 0, 0},
	{"putty", "\033[17~", K_FN(6), 0, 0},
	{"putty", "\033[21~", K_FN(10), 0, 0},
	{"putty", "\033[23~", K_FN(11), 0, 0}, /* also Shift-F1 */
	{"putty", "\033[1~", K_HOME, 0, 0},
	{"putty", "\033[4~", K_END, 0, 0},
	{"putty", "\033\033[A", K_UP, MOD_ALT, 0},
	{"putty", "\033OD", K_LEFT, MOD_CTRL, 0}, /* Ctrl-Left, default mode */
	{"putty", "\033OC", K_RIGHT, MOD_CTRL, 0},
	/* PuTTY, Linux mode */
	{"putty-linux", "\033[[A", K_F1, 0, 0},
	{"putty-linux", "\033[[B", K_FN(2), 0, 0},
	{"putty-linux", "\033[[C", K_FN(3), 0, 0},
	{"putty-linux", "\033[[D", K_FN(4), 0, 0},
	{"putty-linux", "\033[[E", K_FN(5), 0, 0},
	/* PuTTY, VT100+ mode: F5-F12 as ESC O T to ESC O [ */
	{"putty-vt100", "\033OT", K_FN(5), 0, 0},
	{"putty-vt100", "\033OU", K_FN(6), 0, 0},
	{"putty-vt100", "\033O[", K_FN(12), 0, 0},
	/* PuTTY, SCO mode: F1-F12 as ESC [M to ESC [X, with the mouse off */
	{"putty-sco", "\033[N", K_FN(2), 0, 0},
	{"putty-sco", "\033[P", K_FN(4), 0, 0},
	{"putty-sco", "\033[Q", K_FN(5), 0, 0},
	{"putty-sco", "\033[X", K_FN(12), 0, 0},
	{"putty-sco", "\033[L", K_INSERT, 0, 0},
	{"putty-sco", "\033[G", K_PAGE_DOWN, 0, 0},
	/* (and PgUp and F3 as ESC [I and ESC [O, which are focus reports
	 * only where they are asked for: madoguchi never asks) */
	{"putty-sco", "\033[I", K_PAGE_UP, 0, 0},
	{"putty-sco", "\033[O", K_FN(3), 0, 0},
	{"putty-sco", "\033[H", K_HOME, 0, 0},
	{"putty-sco", "\033[F", K_END, 0, 0},
	/* PuTTY, rxvt Home/End */
	{"putty-rxvt", "\033Ow", K_END, 0, 0},
	/* Tera Term */
	{"teraterm", "\033[11~", K_F1, 0, 0},
	{"teraterm", "\033[12~", K_FN(2), 0, 0},
	{"teraterm", "\033[14~", K_FN(4), 0, 0},
	{"teraterm", "\033[1~", K_HOME, 0, 0},
	{"teraterm", "\033[4~", K_END, 0, 0},
	{"teraterm", "\033[3~", K_DELETE, 0, 0},
	{"teraterm", "\b", K_CHAR, 0, '\b'},
	/* rxvt-unicode */
	{"rxvt", "\033[7~", K_HOME, 0, 0},
	{"rxvt", "\033[8~", K_END, 0, 0},
	{"rxvt", "\033[7$", K_HOME, MOD_SHIFT, 0},
	{"rxvt", "\033[8^", K_END, MOD_CTRL, 0},
	{"rxvt", "\033[2@", K_INSERT, MOD_CTRL | MOD_SHIFT, 0},
	{"rxvt", "\033[11^", K_F1, MOD_CTRL, 0},
	{"rxvt", "\033[a", K_UP, MOD_SHIFT, 0},
	{"rxvt", "\033[d", K_LEFT, MOD_SHIFT, 0},
	{"rxvt", "\033Oc", K_RIGHT, MOD_CTRL, 0},
	{"rxvt", "\033Od", K_LEFT, MOD_CTRL, 0},
	{"rxvt", "\033\033[7~", K_HOME, MOD_ALT, 0},
	/* Linux console */
	{"linux", "\033[[A", K_F1, 0, 0},
	{"linux", "\033[[E", K_FN(5), 0, 0},
	{"linux", "\033[17~", K_FN(6), 0, 0},
	{"linux", "\033[1~", K_HOME, 0, 0},
	{"linux", "\033[4~", K_END, 0, 0},
	/* UTF-8 typed */
	{"any", "\xe6\x9d\xb1", K_CHAR, 0, 0x6771},
	{"any", "\xf0\x9f\x98\x80", K_CHAR, 0, 0x1F600},
	{"any", "\033\xc3\xa9", K_CHAR, MOD_ALT, 0xe9},
	{"any", "\t", K_CHAR, 0, '\t'},
	{"any", "\r", K_CHAR, 0, '\r'},
};

/* Sequences that are no key: each must give nothing at all. */
static const char *const not_keys[] = {
	"\033]0;title\007",              /* OSC, BEL */
	"\033]52;c;YWI=\033\\",          /* OSC, ST */
	"\033]8;;http://x.example/\033\\",
	"\033Ptmux;\033\033]52;c;x\007\033\\", /* DCS with an Esc inside */
	"\033P1$r0m\033\\",              /* DECRQSS reply */
	"\033_Gi=1;OK\033\\",            /* APC (kitty graphics) */
	"\033^private\033\\",            /* PM */
	"\033Xsos\033\\",                /* SOS */
	"\033[99~", "\033[0~", "\033[35~", /* no such key */
	"\033[?1;2c", "\033[>0;95;0c",   /* device attributes */
	"\033[12;40R",                   /* a cursor position report */
	"\033[200~\033[201~",            /* an empty paste */
	"\033Oz", "\033[E",
	"\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;"
	"23;24;25;26;27;28;29;30;31~",   /* too long to keep: read whole */
	"\033[ q",                       /* an intermediate byte */
	"\xff", "\xc0\xaf", "\xed\xa0\x80", "\xc2\x9b", /* invalid, C1 */
};

static size_t
feed(struct keyin *k, const char *bytes, size_t len, struct key *out,
    size_t cap)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		struct key got[KEYIN_MAX_KEYS];
		size_t m = keyin_byte(k, (unsigned char)bytes[i], got);

		for (size_t j = 0; j < m && n < cap; j++)
			out[n++] = got[j];
	}
	return n;
}

/* bytes as they arrive, then a pause: the keys. */
static size_t
decode(const char *bytes, bool mouse, struct key *out, size_t cap)
{
	struct keyin k;
	size_t n;
	struct key last[KEYIN_MAX_KEYS];
	size_t m;

	keyin_init(&k, mouse);
	n = feed(&k, bytes, strlen(bytes), out, cap);
	m = keyin_timeout(&k, last);
	for (size_t j = 0; j < m && n < cap; j++)
		out[n++] = last[j];
	return n;
}

static void
each_terminal_key_is_one_key(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof table_of_keys / sizeof table_of_keys[0];
	    i++) {
		const struct sent *s = &table_of_keys[i];
		struct key got[8];
		char then_x[64];
		size_t n = decode(s->bytes, strncmp(s->terminal, "putty-sco", 9),
		    got, 8);

		if (n != 1 || got[0].id != s->id || got[0].mods != s->mods ||
		    (s->id == K_CHAR && got[0].ch != s->ch))
			fail_msg("%s: key %zu of the table: %zu keys, id %d mods %u",
			    s->terminal, i, n, n ? (int)got[0].id : -1,
			    n ? got[0].mods : 0);
		/* Nothing of it leaks into what is typed next. */
		snprintf(then_x, sizeof then_x, "%sx", s->bytes);
		n = decode(then_x, strncmp(s->terminal, "putty-sco", 9), got, 8);
		assert_int_equal(n, 2);
		assert_int_equal(got[1].id, K_CHAR);
		assert_int_equal(got[1].ch, 'x');
		assert_int_equal(got[1].mods, 0);
	}
}

static void
other_sequences_are_dropped_whole(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof not_keys / sizeof not_keys[0]; i++) {
		struct key got[8];
		char then_x[128];
		size_t n = decode(not_keys[i], true, got, 8);

		if (n != 0)
			fail_msg("not a key %zu gave %zu keys (id %d)", i, n,
			    (int)got[0].id);
		snprintf(then_x, sizeof then_x, "%sx", not_keys[i]);
		n = decode(then_x, true, got, 8);
		if (n != 1 || got[0].id != K_CHAR || got[0].ch != 'x')
			fail_msg("after not a key %zu: %zu keys", i, n);
	}
}

/* A lone Esc is Esc only once nothing follows it; ESC [ B in one read is
 * Down (fzf and fzy move; madoguchi used to quit). */
static void
esc_alone_and_esc_in_a_sequence(void **state)
{
	struct key got[8];

	(void)state;
	assert_int_equal(decode("\033", true, got, 8), 1);
	assert_int_equal(got[0].id, K_ESC);
	assert_int_equal(decode("\033[B", true, got, 8), 1);
	assert_int_equal(got[0].id, K_DOWN);
	/* Esc pressed twice, three times, quickly: as many Escs. */
	assert_int_equal(decode("\033\033", true, got, 8), 2);
	assert_int_equal(got[0].id, K_ESC);
	assert_int_equal(got[1].id, K_ESC);
	assert_int_equal(decode("\033\033\033", true, got, 8), 3);
	/* Esc then a half sequence and a pause: nothing typed from it. */
	assert_int_equal(decode("\033[1;", true, got, 8), 0);
	assert_int_equal(decode("\033]52;c;", true, got, 8), 0);
}

/* bytes, a pause (ESCDELAY: a lone Esc is the Esc key), then after (a
 * slow link's next packet), a second pause: the keys of after. */
static size_t
split(const char *bytes, const char *after, bool window_passed,
    struct key *out, size_t cap)
{
	struct keyin k;
	struct key first[KEYIN_MAX_KEYS];
	size_t n;

	keyin_init(&k, true);
	feed(&k, bytes, strlen(bytes), out, cap);
	assert_int_equal(keyin_timeout(&k, first), 1);
	assert_int_equal(first[0].id, K_ESC);
	/* The window for the rest of a split sequence is a wait of its own,
	 * long enough for a slow link, shorter than a person's pause. */
	assert_true(keyin_wait_ms(&k, 25) >= 300);
	if (window_passed)
		assert_int_equal(keyin_timeout(&k, first), 0);
	n = feed(&k, after, strlen(after), out, cap);
	return n + keyin_timeout(&k, out + n);
}

/* ESC, then [B a packet later: the Esc acted, and then Down, not "[B"
 * typed; once the window passed, [B is text. An O after an Esc that makes
 * no key is the letter: Esc, then Osaka typed fast. */
static void
sequences_split_by_a_slow_link(void **state)
{
	struct key got[8];

	(void)state;
	assert_int_equal(split("\033", "[B", false, got, 8), 1);
	assert_int_equal(got[0].id, K_DOWN);
	assert_int_equal(split("\033", "OA", false, got, 8), 1);
	assert_int_equal(got[0].id, K_UP);
	assert_int_equal(split("\033", "[1;5C", false, got, 8), 1);
	assert_int_equal(got[0].id, K_RIGHT);
	assert_int_equal(got[0].mods, MOD_CTRL);
	assert_int_equal(split("\033", "[B", true, got, 8), 2);
	assert_int_equal(got[0].ch, '[');
	assert_int_equal(got[1].ch, 'B');
	assert_int_equal(split("\033", "Osaka", false, got, 8), 5);
	assert_int_equal(got[0].id, K_CHAR);
	assert_int_equal(got[0].ch, 'O');
	assert_int_equal(got[0].mods, 0);
	assert_int_equal(got[1].ch, 's');
	assert_int_equal(split("\033", "O", false, got, 8), 1);
	assert_int_equal(got[0].ch, 'O');
	assert_int_equal(got[0].mods, 0);
	assert_int_equal(split("\033", "x", false, got, 8), 1);
	assert_int_equal(got[0].ch, 'x');
}

static void
mouse_reports(void **state)
{
	struct key got[8];

	(void)state;
	assert_int_equal(decode("\033[<0;10;5M", true, got, 8), 1); /* SGR */
	assert_int_equal(got[0].id, K_MOUSE);
	assert_int_equal(got[0].button, MOUSE_LEFT);
	assert_false(got[0].release);
	assert_int_equal(got[0].x, 9);
	assert_int_equal(got[0].y, 4);
	assert_int_equal(decode("\033[<0;10;5m", true, got, 8), 1);
	assert_true(got[0].release);
	assert_int_equal(decode("\033[<65;300;200M", true, got, 8), 1);
	assert_int_equal(got[0].button, MOUSE_WHEEL_DOWN);
	assert_int_equal(got[0].x, 299);
	assert_int_equal(decode("\033[M !&", true, got, 8), 1); /* X10 */
	assert_int_equal(got[0].button, MOUSE_LEFT);
	assert_int_equal(got[0].x, 0);
	assert_int_equal(got[0].y, 5);
	assert_int_equal(decode("\033[Ma%&", true, got, 8), 1);
	assert_int_equal(got[0].button, MOUSE_WHEEL_DOWN);
	assert_int_equal(decode("\033[32;10;5M", true, got, 8), 1); /* urxvt */
	assert_int_equal(got[0].button, MOUSE_LEFT);
	assert_int_equal(got[0].y, 4);
	/* With the mouse on, ESC [M alone is still PuTTY's SCO F1. */
	assert_int_equal(decode("\033[M", true, got, 8), 1);
	assert_int_equal(got[0].id, K_F1);
	assert_int_equal(decode("\033[M", false, got, 8), 1);
	assert_int_equal(got[0].id, K_F1);
}

/* A pasted address is text: CR LF and tabs become one space, nothing in it
 * is a key, and what follows the paste is keys again. */
static void
paste_is_text(void **state)
{
	const char *pasted = "\033[200~〒100-0001\r\n\t東京都千代田区千代田1-1\r\n"
	    "q\033[A\001\033[201~\033[B";
	struct key got[64];
	char text[128] = "";
	size_t n = decode(pasted, true, got, 64), o = 0;

	(void)state;
	assert_true(n > 2);
	for (size_t i = 0; i + 1 < n; i++) {
		assert_int_equal(got[i].id, K_CHAR);
		assert_true(got[i].pasted);
		o += text_encode(got[i].ch, text + o);
	}
	text[o] = '\0';
	assert_string_equal(text, "〒100-0001 東京都千代田区千代田1-1 qA");
	assert_int_equal(got[n - 1].id, K_DOWN);
	assert_false(got[n - 1].pasted);
}

/* Whatever came before, and a pause, the next byte is itself: no state of
 * the decoder survives a pause, and no input makes it hold more. */
static void
any_bytes_then_a_pause_recover(void **state)
{
	unsigned seed = 12345;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		unsigned char bytes[40];
		struct keyin k;
		struct key got[KEYIN_MAX_KEYS];
		size_t len = (size_t)(round % 40);

		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			/* Mostly the bytes sequences are made of. */
			bytes[i] = (seed >> 16) % 4 == 0 ?
			    (unsigned char)"\033[O;<~M]P\\\a0129A"[(seed >> 20) % 16] :
			    (unsigned char)(seed >> 16);
		}
		keyin_init(&k, round % 2);
		for (size_t i = 0; i < len; i++)
			assert_true(keyin_byte(&k, bytes[i], got) <=
			    KEYIN_MAX_KEYS);
		keyin_timeout(&k, got);
		/* After a lone Esc, the window for the rest of a split
		 * sequence; its pause too, and nothing is pending. */
		if (keyin_wait_ms(&k, 25) == KEYIN_LATE_MS)
			assert_int_equal(keyin_timeout(&k, got), 0);
		assert_int_equal(keyin_wait_ms(&k, 25), -1);
		assert_int_equal(keyin_byte(&k, 'x', got), 1);
		assert_int_equal(got[0].id, K_CHAR);
		assert_int_equal(got[0].ch, 'x');
		assert_false(got[0].pasted);
	}
}

static void
waits_are_longer_inside_a_sequence(void **state)
{
	struct keyin k;
	struct key got[KEYIN_MAX_KEYS];

	(void)state;
	keyin_init(&k, true);
	assert_int_equal(keyin_wait_ms(&k, 25), -1);
	keyin_byte(&k, 0x1b, got);
	assert_int_equal(keyin_wait_ms(&k, 25), 25);
	keyin_byte(&k, '[', got);
	assert_true(keyin_wait_ms(&k, 25) > 25);
	keyin_byte(&k, 'A', got);
	assert_int_equal(keyin_wait_ms(&k, 25), -1);
}

/* What the keys do: one view, keys in, actions out. */
static enum action
act(const struct view *v, const char *bytes)
{
	struct key got[8];
	char text[4];
	size_t len;

	assert_int_equal(decode(bytes, true, got, 8), 1);
	return keys_action(&got[0], v, text, &len);
}

static void
keys_act_as_documented(void **state)
{
	struct view v;
	struct key k = {.id = K_CHAR, .ch = 'y'};
	char text[4];
	size_t len;

	(void)state;
	assert_true(view_init(&v, table, NULL, NULL, 0));
	/* F2 in each terminal's own bytes copies; none of them quits. */
	assert_int_equal(act(&v, "\033[12~"), ACT_COPY_PHONE);
	assert_int_equal(act(&v, "\033OQ"), ACT_COPY_PHONE);
	assert_int_equal(act(&v, "\033[[B"), ACT_COPY_PHONE);
	assert_int_equal(act(&v, "\033[1;5C"), ACT_WORD_RIGHT);
	/* PuTTY's Ctrl-arrows (default mode); its Ctrl-Up is Up. */
	assert_int_equal(act(&v, "\033OD"), ACT_WORD_LEFT);
	assert_int_equal(act(&v, "\033OC"), ACT_WORD_RIGHT);
	assert_int_equal(act(&v, "\033OB"), ACT_DOWN);
	assert_int_equal(act(&v, "\033b"), ACT_WORD_LEFT);
	assert_int_equal(act(&v, "\033f"), ACT_WORD_RIGHT);
	assert_int_equal(act(&v, "\033\177"), ACT_DELETE_WORD);
	assert_int_equal(act(&v, "\033\b"), ACT_DELETE_WORD);
	assert_int_equal(act(&v, "\027"), ACT_DELETE_WORD);
	assert_int_equal(act(&v, "\033[3~"), ACT_DELETE_FORWARD);
	assert_int_equal(act(&v, "\004"), ACT_DELETE_FORWARD);
	assert_int_equal(act(&v, "\n"), ACT_DOWN);
	assert_int_equal(act(&v, "\013"), ACT_UP);
	assert_int_equal(act(&v, "\f"), ACT_REDRAW);
	assert_int_equal(act(&v, "\007"), ACT_QUIT);
	assert_int_equal(act(&v, "\033[21~"), ACT_QUIT);
	assert_int_equal(act(&v, "\r"), ACT_OPEN);
	assert_int_equal(act(&v, "\031"), ACT_COPY_PHONE);   /* C-y */
	assert_int_equal(act(&v, "\033y"), ACT_COPY_PHONE);  /* M-y */
	assert_int_equal(act(&v, "\033u"), ACT_COPY_PAGE);
	assert_int_equal(act(&v, "\033c"), ACT_COPY_CONTACT);
	assert_int_equal(act(&v, "\033o"), ACT_BROWSE_PAGE);
	assert_int_equal(act(&v, "\033O"), ACT_BROWSE_CONTACT);
	/* In the list a letter is typed; in the detail it acts. */
	assert_int_equal(keys_action(&k, &v, text, &len), ACT_NONE);
	assert_int_equal(len, 1);
	v.focus = FOCUS_DETAIL;
	assert_int_equal(keys_action(&k, &v, text, &len), ACT_COPY_PHONE);
	assert_int_equal(len, 0);
	assert_int_equal(act(&v, "j"), ACT_DOWN);
	assert_int_equal(act(&v, "q"), ACT_ESCAPE);
	/* A pasted y is typed, in the detail too. */
	k.pasted = true;
	assert_int_equal(keys_action(&k, &v, text, &len), ACT_NONE);
	assert_int_equal(len, 1);
	view_free(&v);
}

/* Where the terminal's erase character is ^H (stty erase ^H, PuTTY's SCO
 * keys), 0x7f is the Delete key; elsewhere it is Backspace. */
static void
del_is_delete_where_erase_is_ctrl_h(void **state)
{
	struct keyin k;
	struct key got[KEYIN_MAX_KEYS];

	(void)state;
	keyin_init(&k, false);
	assert_int_equal(keyin_byte(&k, 0x7f, got), 1);
	assert_int_equal(got[0].id, K_CHAR);
	assert_int_equal(got[0].ch, 0x7f);
	k.del_is_delete = true;
	assert_int_equal(keyin_byte(&k, 0x7f, got), 1);
	assert_int_equal(got[0].id, K_DELETE);
	assert_int_equal(keyin_byte(&k, 0x08, got), 1); /* ^H: Backspace */
	assert_int_equal(got[0].ch, 0x08);
}

/* PuTTY's VT400 keys, when MADOGUCHI_KEYS says so: the editing keys in
 * the VT220 keypad's order; the function keys as ever. */
static void
vt400_keys_in_their_order(void **state)
{
	static const struct {
		const char *bytes;
		enum key_id id;
	} keys[] = {
		{"\033[1~", K_INSERT}, {"\033[2~", K_HOME},
		{"\033[3~", K_PAGE_UP}, {"\033[4~", K_DELETE},
		{"\033[5~", K_END}, {"\033[6~", K_PAGE_DOWN},
		{"\033[11~", K_F1}, {"\033[5;5~", K_END},
	};

	(void)state;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		struct keyin k;
		struct key got[KEYIN_MAX_KEYS];

		keyin_init(&k, false);
		k.vt400 = true;
		assert_int_equal(feed(&k, keys[i].bytes, strlen(keys[i].bytes),
		    got, KEYIN_MAX_KEYS), 1);
		assert_int_equal(got[0].id, keys[i].id);
	}
}

/* One key table (keys.c): what the help, both man pages and the hints
 * say of the keys is what the table binds. */

/* The key a binding is for, as keyin gives it. */
static struct key
key_of(const struct key_binding *b)
{
	return (struct key){.id = b->id, .mods = b->mods, .ch = b->ch};
}

/* Whether the text holds name as a whole word (between spaces, commas,
 * slashes or the ends). */
static bool
has_word(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *at = strstr(text, name); at; at = strstr(at + 1, name))
		if ((at == text || strchr(" ,/\n", at[-1])) &&
		    (!at[n] || strchr(" ,/\n", at[n])))
			return true;
	return false;
}

static void
help_lists_every_binding(void **state)
{
	(void)state;
	for (int lang = LANG_EN; lang <= LANG_JA; lang++) {
		struct page p = {0};
		char keys[8192] = "";
		size_t first, at = 0;

		page_help(&p, table, &(struct page_setup){(enum lang)lang, false,
		    200, NULL, false});
		for (first = 0; first < p.count && strcmp(p.lines[first].text,
		    label((enum lang)lang, L_HELP_KEYS)); first++)
			;
		/* The keys' column of each row, up to two spaces. */
		for (size_t i = first + 1; i < p.count && p.lines[i].text[0]; i++) {
			const char *row = p.lines[i].text + 2,
			    *gap = strstr(row, "  ");
			size_t n = gap ? (size_t)(gap - row) : strlen(row);

			at += (size_t)snprintf(keys + at, sizeof keys - at, "%.*s\n",
			    (int)n, row);
		}
		for (size_t i = 0; i < key_binding_count; i++) {
			const struct key_binding *b = &key_bindings[i];

			if (b->name[0] && !has_word(keys, binding_name(b, (enum lang)lang)))
				fail_msg("%s: the help lacks %s", lang ? "ja" : "en",
				    binding_name(b, (enum lang)lang));
		}
		page_free(&p);
	}
}

/* The man page's KEYS section: the names of the tags of its lists of keys
 * (".Bl -tag -width \"Backspace..."; ".It Up , Down"). */
static void
man_keys(const char *path, const char *section, char *out, size_t cap)
{
	FILE *f = fopen(path, "r");
	char line[512];
	bool in = false, keys = false;
	size_t at = 0;

	assert_non_null(f);
	out[0] = '\0';
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, ".Sh ", 4) == 0)
			in = strncmp(line + 4, section, strlen(section)) == 0;
		else if (strncmp(line, ".Bl -tag -width \"Backspace", 26) == 0)
			keys = in;
		else if (strncmp(line, ".El", 3) == 0)
			keys = false;
		else if (keys && strncmp(line, ".It ", 4) == 0)
			for (char *w = strtok(line + 4, " ,\n"); w;
			    w = strtok(NULL, " ,\n"))
				at += (size_t)snprintf(out + at, cap - at, "%s\n",
				    strncmp(w, "\\&", 2) == 0 ? w + 2 : w);
	}
	fclose(f);
}

static void
man_pages_name_the_bindings(void **state)
{
	static const struct {
		const char *path, *section;
		enum lang lang;
		const char *words; /* tags that are no key */
	} pages[] = {
		{"doc/madoguchi.1", "KEYS", LANG_EN, "typing mouse Shift-drag M-"},
		{"doc/madoguchi.ja.1", "キー", LANG_JA, "文字入力 マウス Shift+ドラッグ M-"},
	};

	(void)state;
	for (size_t m = 0; m < 2; m++) {
		char names[8192];

		man_keys(pages[m].path, pages[m].section, names, sizeof names);
		/* Every binding is there... */
		for (size_t i = 0; i < key_binding_count; i++) {
			const char *name = binding_name(&key_bindings[i],
			    pages[m].lang);

			if (name && !has_word(names, name))
				fail_msg("%s lacks %s", pages[m].path, name);
		}
		/* ...and every tag there is a binding. */
		for (char *w = strtok(names, "\n"); w; w = strtok(NULL, "\n")) {
			bool found = has_word(pages[m].words, w);

			for (size_t i = 0; i < key_binding_count && !found; i++)
				found = key_bindings[i].name[0] && strcmp(w,
				    binding_name(&key_bindings[i], pages[m].lang)) == 0;
			if (!found)
				fail_msg("%s names %s, which no binding has",
				    pages[m].path, w);
		}
	}
}

/* The README's table of keys: every key its first column names is a
 * binding; the rest of the column is these few words. */
static void
readme_names_bindings(void **state)
{
	static const char prose[] = "typing pasting or in the detail";
	FILE *f = fopen("README.md", "r");
	char line[1024];
	bool in_table = false;
	int rows = 0;

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		char *cell, *end;

		/* The table under "| key |", to the blank line that ends it. */
		if (strncmp(line, "| key |", 7) == 0) {
			in_table = true;
			continue;
		}
		if (line[0] != '|')
			in_table = false;
		if (!in_table || strncmp(line, "|---", 4) == 0)
			continue;
		cell = line + 1;
		if (!(end = strchr(cell, '|')))
			continue;
		*end = '\0';
		rows++;
		for (char *w = strtok(cell, " ,/()\xc2\xb7"); w;
		    w = strtok(NULL, " ,/()\xc2\xb7")) {
			bool found = has_word(prose, w);

			for (size_t i = 0; i < key_binding_count && !found; i++)
				found = key_bindings[i].name[0] &&
				    strcmp(key_bindings[i].name, w) == 0;
			if (!found)
				fail_msg("README.md names %s, which no binding has",
				    w);
		}
	}
	fclose(f);
	assert_true(rows >= 10);
}

/* A hint's state, set up afresh for each key tried in it. */
struct hint_state {
	enum hint hint;
	const char *query;
	bool detail, help;
};

static void
enter_state(struct view *v, const struct hint_state *h)
{
	assert_true(view_init(v, table, NULL, h->query, 0));
	v->focus = h->detail ? FOCUS_DETAIL : FOCUS_LIST;
	v->detail_shown = h->detail;
	v->help = h->help;
	/* Scrolled a line, so that Up has somewhere to go as Down has. */
	v->scroll = h->detail || h->help ? 1 : 0;
}

/* Whether pressing the key of binding b in state h shows, or does,
 * something: the frame changes (frame_stamp, as the browser decides to
 * draw), the session ends, or a desk is there to be copied or opened. It
 * asks the view, not the hints' own rule. */
static bool
key_acts(const struct key_binding *b, const struct hint_state *h)
{
	struct key k = key_of(b);
	struct frame_stamp stamp = {0};
	struct view v;
	char text[4];
	size_t len;
	enum action a;
	bool acts;

	enter_state(&v, h);
	frame_stamp_update(&stamp, &v, 30, 100);
	a = keys_action(&k, &v, text, &len);
	if (view_acts_on_desk(a)) {
		acts = view_selected(&v) != SIZE_MAX;
	} else {
		view_apply(&v, a, 10);
		acts = v.quit || frame_stamp_update(&stamp, &v, 30, 100);
	}
	view_free(&v);
	return a != ACT_NONE && acts;
}

/* Each hint names keys that do something where it is shown: every item
 * whose first word is keys (split at '/'; "Type to filter" has none), each
 * of them a key that acts there in one of its bindings. */
static void
hints_name_keys_that_act(void **state)
{
	static const struct hint_state hints[] = {
		{HINT_WIDE, "", false, false},
		{HINT_WIDE_QUERY, "tokyo", false, false},
		{HINT_NARROW_LIST, "", false, false},
		{HINT_NARROW_QUERY, "tokyo", false, false},
		{HINT_MISS, "xyzzyq", false, false},
		{HINT_DETAIL, "tokyo", true, false},
		{HINT_HELP, "", false, true},
	};
	unsigned keys_tried = 0;

	(void)state;
	for (size_t h = 0; h < sizeof hints / sizeof *hints; h++)
		for (int lang = LANG_EN; lang <= LANG_JA; lang++) {
			char hint[512], *item, *gap;
			struct view v;

			enter_state(&v, &hints[h]);
			help_hint(hints[h].hint, &v, (enum lang)lang, hint,
			    sizeof hint);
			view_free(&v);
			for (item = hint; item; item = gap ? gap + 2 : NULL) {
				char keys[64], *key, *save = NULL;
				bool first = true, named = false;

				if ((gap = strstr(item, "  ")))
					*gap = '\0'; /* items are two spaces apart */
				snprintf(keys, sizeof keys, "%.*s",
				    (int)strcspn(item, " "), item);
				for (key = strtok_r(keys, "/", &save); key;
				    key = strtok_r(NULL, "/", &save), first = false) {
					bool is_key = false, acts = false;

					for (size_t i = 0; i < key_binding_count; i++) {
						const struct key_binding *b = &key_bindings[i];

						if (!b->name[0] || strcmp(binding_name(b,
						    (enum lang)lang), key) != 0)
							continue;
						is_key = true;
						acts = acts || key_acts(b, &hints[h]);
					}
					if (first)
						named = is_key;
					else if (is_key != named)
						fail_msg("'%s' mixes keys and words", item);
					if (is_key && !acts)
						fail_msg("%s: '%s' names %s, which does nothing "
						    "there", lang ? "ja" : "en", item, key);
					keys_tried += is_key;
				}
			}
		}
	assert_true(keys_tried >= 40);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_terminal_key_is_one_key),
		cmocka_unit_test(other_sequences_are_dropped_whole),
		cmocka_unit_test(esc_alone_and_esc_in_a_sequence),
		cmocka_unit_test(sequences_split_by_a_slow_link),
		cmocka_unit_test(mouse_reports),
		cmocka_unit_test(paste_is_text),
		cmocka_unit_test(any_bytes_then_a_pause_recover),
		cmocka_unit_test(waits_are_longer_inside_a_sequence),
		cmocka_unit_test(keys_act_as_documented),
		cmocka_unit_test(del_is_delete_where_erase_is_ctrl_h),
		cmocka_unit_test(vt400_keys_in_their_order),
		cmocka_unit_test(help_lists_every_binding),
		cmocka_unit_test(man_pages_name_the_bindings),
		cmocka_unit_test(readme_names_bindings),
		cmocka_unit_test(hints_name_keys_that_act),
	};

	return cmocka_run_group_tests_name("keys", tests, load, unload);
}
