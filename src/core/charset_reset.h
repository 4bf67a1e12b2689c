/* charset_reset: the character set's reset, taken out of a terminal's
 * attribute strings, to be sent only where the screen is repainted. */
#ifndef MADOGUCHI_CHARSET_RESET_H
#define MADOGUCHI_CHARSET_RESET_H

#include <stdbool.h>

/* Room for the reset and its NUL. */
#define CHARSET_RESET_MAX 16

/* Takes the reset of the character set (rmacs, without its padding) out of
 * sgr0, and out of sgr's "else" for the alternate set (%e<reset>%;), in
 * place; either may be NULL. True when either changed: reset then holds
 * what was taken out, for the caller to send where it repaints. Only for
 * a program that never draws with the alternate set: sgr can still
 * select it but no longer leaves it. */
bool charset_reset_trim(char *sgr0, char *sgr, const char *rmacs,
    char reset[CHARSET_RESET_MAX]);

#endif
