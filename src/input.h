/* input: the keys of a curses session, and the signals around them: those
 * that end it, ^Z that suspends it, keys already waiting, and an idle
 * time-out. */
#ifndef MADOGUCHI_INPUT_H
#define MADOGUCHI_INPUT_H

#include <stdbool.h>
#include <wchar.h>

/* SIGINT, SIGTERM, SIGHUP and SIGQUIT end the session; ^Z suspends it, or
 * is ignored when restricted. Call before the terminal is started, so that
 * ncurses installs no SIGTSTP handler of its own. */
void input_catch_signals(bool restricted);

/* Reads a key into *status and *ch, as get_wch does; after a ^Z and fg, a
 * KEY_RESIZE at the size the terminal has then. False when the session is
 * over: a signal, idle_ms without a key (then *idle is set; 0: never), or
 * the terminal gone (EOF or EIO). */
bool input_read(long idle_ms, int *status, wint_t *ch, bool *idle);

/* Whether more keys are already waiting to be read. */
bool input_waiting(void);

/* Raises again the signal that ended the session, if one did, for the
 * exit status to say so: call once the terminal is restored. */
void input_raise_again(void);

#endif
