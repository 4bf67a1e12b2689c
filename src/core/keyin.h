/* keyin: turns the bytes a terminal sends into keys, whatever TERM says.
 *
 * Terminals disagree on what a key sends (PuTTY's F1 is ESC [11~, xterm's
 * ESC OP, the Linux console's ESC [[A), and terminfo describes only one
 * of them. So nothing here looks at terminfo: every escape sequence is read
 * whole by its syntax (ECMA-48: CSI to its final byte, SS3 and one more,
 * OSC, DCS, APC, PM and SOS to BEL or ST) and then looked up; a sequence
 * that is no key is dropped whole, so none of its bytes is ever typed.
 * Only an Esc that nothing follows is the Esc key. No curses. */
#ifndef MADOGUCHI_KEYIN_H
#define MADOGUCHI_KEYIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum key_id {
	K_CHAR,       /* a character, or a control character (ch < 0x20, 0x7f) */
	K_ESC,        /* Esc alone */
	K_UP, K_DOWN, K_LEFT, K_RIGHT,
	K_HOME, K_END, K_PAGE_UP, K_PAGE_DOWN, K_INSERT, K_DELETE,
	K_BACKTAB,
	K_F1,         /* K_F1 + n - 1 is Fn, up to F20 */
	K_MOUSE = K_F1 + 20,
	K_RESIZE,     /* not from the bytes: the terminal's size changed */
};

#define K_FN(n) ((enum key_id)(K_F1 + (n) - 1))

enum { MOD_SHIFT = 1, MOD_ALT = 2, MOD_CTRL = 4 };

enum mouse_button { MOUSE_LEFT, MOUSE_MIDDLE, MOUSE_RIGHT, MOUSE_WHEEL_UP,
	MOUSE_WHEEL_DOWN, MOUSE_OTHER };

struct key {
	enum key_id id;
	unsigned mods;     /* MOD_*: Alt also for an Esc before the key */
	uint32_t ch;       /* K_CHAR */
	bool pasted;       /* K_CHAR inside a bracketed paste: only text */
	enum mouse_button button; /* K_MOUSE */
	bool release;      /* K_MOUSE: a button let go, or motion */
	int x, y;          /* K_MOUSE: the cell, from 0 */
};

/* Bytes of a CSI or SS3 sequence kept to look it up; a longer one is read
 * to its end and dropped. */
#define KEYIN_SEQ_MAX 32

struct keyin {
	int state;          /* keyin.c's enum state */
	bool meta;          /* an Esc came before this sequence */
	bool mouse_x10;     /* ESC [ M is a mouse report (mouse reporting on) */
	bool bel_ends;      /* the string being read is an OSC */
	bool pasting;       /* inside ESC [200~ ... ESC [201~ */
	bool after_cr;      /* pasting: the last byte was CR (CR LF is one) */
	bool space_pending; /* pasting: line breaks and tabs seen, not yet out */
	char seq[KEYIN_SEQ_MAX];
	size_t seq_len;
	bool seq_long;      /* seq overflowed: drop the sequence */
	unsigned char x10[3];
	size_t x10_len;
	uint32_t cp;        /* UTF-8 being decoded */
	unsigned need, have;
	size_t paste_match; /* bytes of ESC [201~ matched while pasting */
	/* A lone Esc was just taken for the Esc key: for KEYIN_LATE_MS, a
	 * [ or an O starts the rest of a sequence that a slow link split
	 * (late_seq while it is read); what it makes no key of is typed. */
	bool late, late_seq;
	/* The terminal's erase character is ^H (stty erase ^H, as with
	 * PuTTY's SCO keys): 0x7f is then the Delete key, not Backspace. */
	bool del_is_delete;
	/* PuTTY's VT400 keys (MADOGUCHI_KEYS=vt400): the six editing keys
	 * send ESC [1~ to [6~ in the VT220 keypad's order, Insert Home PgUp
	 * Delete End PgDn, where every other terminal sends Home Insert
	 * Delete End PgUp PgDn. Nothing in the bytes tells them apart. */
	bool vt400;
};

/* How long after a lone Esc the rest of its sequence may still come: a
 * packet boundary on a lossy link, mosh or a slow serial line. */
#define KEYIN_LATE_MS 400

/* The most keys one byte (or a time-out) can give. */
#define KEYIN_MAX_KEYS 3

/* Starts in the ground state; mouse_x10: mouse reports are on, so ESC [ M
 * starts one (else it is PuTTY's SCO F1). */
void keyin_init(struct keyin *k, bool mouse_x10);

/* Takes one byte; writes the keys it completes into out (room for
 * KEYIN_MAX_KEYS) and returns how many. */
size_t keyin_byte(struct keyin *k, unsigned char b, struct key *out);

/* Nothing came for keyin_wait_ms: resolves what is pending (a lone Esc is
 * the Esc key, an unfinished sequence is dropped, a paste that never ended
 * ends) into out; returns how many keys. */
size_t keyin_timeout(struct keyin *k, struct key *out);

/* How long to wait for more bytes before keyin_timeout, in ms, given the
 * wait after a lone Esc (ESCDELAY); -1 when nothing is pending. Inside a
 * sequence or a paste the wait is longer: its rest is on its way; after a
 * lone Esc, KEYIN_LATE_MS for the rest of a sequence a link split. */
long keyin_wait_ms(const struct keyin *k, long esc_delay_ms);

#endif
