/* terminal: see terminal.h. */
#include "terminal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "text.h"

static const char *
unusable_because(const char *term)
{
	const char *why = NULL;
	char *cup;
	int err = 0;

	if (!term || !*term)
		return "TERM is not set";
	if (strchr(term, '/'))
		return "TERM names a path, not a terminal type";
	if (setupterm(term, STDOUT_FILENO, &err) != OK)
		return "unknown terminal type";
	cup = tigetstr("cup");
	if (!cup || cup == (char *)-1 || tigetflag("hc") > 0)
		why = "this terminal cannot address the cursor";
	del_curterm(cur_term);
	return why;
}

bool
terminal_usable(FILE *out)
{
	const char *term = getenv("TERM");
	const char *why = unusable_because(term);
	char shown[64 * TEXT_ESCAPE_GROWTH + 1];

	if (!why)
		return true;
	text_sanitize(shown, sizeof shown, term ? term : "",
	    term ? strnlen(term, 64) : 0);
	fprintf(out, "madoguchi: TERM=%s: %s; printing the list instead\n",
	    shown, why);
	return false;
}
