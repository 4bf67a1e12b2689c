/* terminal: which terminal type the browser can drive, and the modes it
 * sets beyond what terminfo knows (bracketed paste, mouse reports). Apart
 * from the rest because <term.h> defines macros (lines, columns...). */
#ifndef MADOGUCHI_TERMINAL_H
#define MADOGUCHI_TERMINAL_H

#include <stdbool.h>
#include <stdio.h>

#include "labels.h"

/* The terminal type to drive: TERM when terminfo (or a built-in entry)
 * knows it and it can address the cursor; for a TERM that speaks xterm but
 * has no entry here (xterm-kitty, alacritty, foot...), the closest built-in
 * entry, said in one line on `why`. NULL when there is none, said on
 * `why`. */
const char *terminal_type(FILE *why);

/* Whether a TERM's name says it speaks xterm's language. */
bool terminal_speaks_xterm(const char *term);

/* Removes the copy of a built-in terminfo entry that terminal_type may
 * have written for a system without one; call once newterm has read it. */
void terminal_forget_builtin(void);

/* The largest screen the browser works at: more than any screen, far
 * below what a remote client could make it spend (memory and time grow
 * with the cells). A bigger terminal is used in its top left corner. */
#define TERMINAL_MAX_ROWS 300
#define TERMINAL_MAX_COLS 800

/* The terminal's size, as the kernel has it, within those limits; false
 * when it cannot be known. While the terminal is larger, LINES and COLUMNS
 * say the limits, for ncurses to start at them (call once before newterm)
 * and to find them when it looks again by itself. */
bool terminal_size(int *rows, int *cols);

/* The terminal's string capability of that (terminfo) name, after
 * newterm: ncurses's own string, or NULL where it has none. */
char *terminal_string(const char *name);

/* Takes the character set's reset out of the attribute strings ncurses
 * sends with every change of attributes (call once after newterm; the
 * browser never draws with the alternate character set). */
void terminal_trim_charset_reset(void);

/* That reset, to send before every frame that repaints the whole screen
 * (after the alternate screen's DECRC, which restores the set it saved):
 * "" when none was taken out. */
const char *terminal_charset_reset(void);

/* Says whether terminal_modes turns on mouse reports too. */
void terminal_modes_init(bool mouse);

/* Turns bracketed paste (and mouse reports) on or off, once each way. */
void terminal_modes(bool on);

/* Whether the terminal (after newterm) has an alternate screen, which
 * takes the browser's frames away on exit. */
bool terminal_has_alternate_screen(void);

/* Clears the screen and homes the cursor (after endwin, for a terminal
 * without an alternate screen). */
void terminal_clear(void);

/* Why Japanese cannot be shown here, as a label that takes *what (the
 * character set, or TERM); L_COUNT when it can. A locale whose characters
 * are not UTF-8 (EUC-JP, Shift_JIS: UTF-8 is garbage there) cannot, nor,
 * with no UTF-8 locale asked for, a terminal whose font has no kanji (the
 * Linux console, a VT100). The C locale alone, a server's default, says
 * nothing of the terminal; a UTF-8 locale says it shows UTF-8 (fbterm
 * calls itself linux too). */
enum label terminal_needs_ascii(const char **what);

#endif
