/* input: the keys of a curses session, read from the terminal by madoguchi
 * itself (keyin decodes them; ncurses only draws), and the signals around
 * them: those that end it, ^Z that suspends it, a resize, and an idle
 * time-out. */
#ifndef MADOGUCHI_INPUT_H
#define MADOGUCHI_INPUT_H

#include <stdbool.h>

#include "keyin.h"
#include "timelimit.h"

/* SIGINT, SIGTERM, SIGHUP and SIGQUIT end the session; ^Z suspends it, or
 * is ignored when restricted; SIGWINCH resizes it. They are blocked but
 * while input waits for a key, so none is lost, whenever it comes. Call
 * before the terminal is started, so that ncurses installs no handler of
 * its own. */
void input_catch_signals(bool restricted);

/* Starts reading keys; mouse: mouse reports are on. ESCDELAY (ms) says how
 * long a lone Esc waits for the rest of a sequence. The session ends when
 * one of its limits is up; only keys count against the idle time (not a
 * resize, the mouse or bytes that are no key). */
void input_start(bool mouse, struct limits *limits);

enum input_end { INPUT_GONE, INPUT_SIGNAL, INPUT_IDLE, INPUT_SESSION_OVER };

/* Reads the next key; K_RESIZE after a resize, and after a ^Z and fg.
 * False when the session is over, and *end says why: a signal, the idle
 * time or the session's length reached, or the terminal gone (EOF, EIO,
 * a hang-up). */
bool input_read(struct key *key, enum input_end *end);

/* Whether another key is already waiting to be read. */
bool input_waiting(void);

/* After an Esc key: waits out the window in which the rest of a sequence
 * split by a slow link may still come (KEYIN_LATE_MS); true when it
 * comes (ESC, then [B: Down, for input_read to give), and when ^Z comes
 * first (input_read then gives the K_RESIZE of fg): either way the Esc
 * ends nothing. */
bool input_esc_split(void);

/* Raises again the signal that ended the session, if one did, for the
 * exit status to say so: call once the terminal is restored. */
void input_raise_again(void);

#endif
