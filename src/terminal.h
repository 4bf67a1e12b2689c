/* terminal: whether TERM names a terminal the browser can drive. Apart
 * from the rest because <term.h> defines macros (lines, columns...). */
#ifndef MADOGUCHI_TERMINAL_H
#define MADOGUCHI_TERMINAL_H

#include <stdbool.h>
#include <stdio.h>

/* True when TERM is set, is a terminal type (not a path), is known to
 * terminfo, and can address the cursor; otherwise says why on `why`. */
bool terminal_usable(FILE *why);

/* Removes the copy of a built-in terminfo entry that terminal_usable may
 * have written for a system without one; call once newterm has read it. */
void terminal_forget_builtin(void);

#endif
