/* charset_reset: xterm's sgr0 and sgr reset the character set (ESC ( B)
 * with every change of attributes, and screen's, tmux's and the Linux
 * console's with SI: ncurses ends a coloured run with ESC [ 39 m and sgr0,
 * so three of its eleven bytes are that reset, in nearly every frame. A
 * program that never selects another set needs it only where it takes the
 * terminal, before a frame that repaints the screen. ncurses's own termcap
 * interface trims sgr0 the same way (_nc_trim_sgr0). */
#include "charset_reset.h"

#include <stdio.h>
#include <string.h>

static void
cut(char *at, size_t length)
{
	memmove(at, at + length, strlen(at + length) + 1);
}

/* Whether sgr0 still ends the attributes without the reset at `at`: an
 * escape sequence outside it (padding alone would end nothing). */
static bool
ends_attributes_without(const char *sgr0, const char *at, size_t length)
{
	const char *esc = strchr(sgr0, '\033');

	while (esc && esc >= at && esc < at + length)
		esc = strchr(esc + 1, '\033');
	return esc != NULL;
}

bool
charset_reset_trim(char *sgr0, char *sgr, const char *rmacs,
    char reset[CHARSET_RESET_MAX])
{
	char in_sgr[CHARSET_RESET_MAX + 4];
	const char *padding;
	size_t length;
	bool trimmed = false;
	char *at;

	if (!rmacs)
		return false;
	padding = strstr(rmacs, "$<");
	length = padding ? (size_t)(padding - rmacs) : strlen(rmacs);
	if (length == 0 || length >= CHARSET_RESET_MAX)
		return false;
	memcpy(reset, rmacs, length);
	reset[length] = '\0';
	/* sgr0 keeps what ends the attributes. */
	if (sgr0 && (at = strstr(sgr0, reset)) &&
	    ends_attributes_without(sgr0, at, length)) {
		cut(at, length);
		trimmed = true;
	}
	snprintf(in_sgr, sizeof in_sgr, "%%e%s%%;", reset);
	if (sgr && (at = strstr(sgr, in_sgr))) {
		cut(at, length + 2);
		trimmed = true;
	}
	return trimmed;
}
