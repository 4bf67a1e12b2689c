/* terminal: see terminal.h. */
#include "terminal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "terminfo.h"
#include "text.h"

/* Where a built-in entry was written for ncurses to read, until
 * terminal_forget_builtin. */
static char builtin_dir[64], builtin_sub[80], builtin_file[160];

/* Writes the built-in entry for term to a private directory and points
 * TERMINFO at it; false when there is none, or nowhere to write. */
static bool
use_builtin(const char *term)
{
	const struct builtin_terminfo *e = builtin_terminfo;
	const char *base = getenv("TMPDIR");
	FILE *f;

	while (e->name && strcmp(e->name, term) != 0)
		e++;
	if (!e->name)
		return false;
	snprintf(builtin_dir, sizeof builtin_dir, "%s/madoguchi-XXXXXX",
	    base && *base && strlen(base) < 32 ? base : "/tmp");
	if (!mkdtemp(builtin_dir))
		return false;
	snprintf(builtin_sub, sizeof builtin_sub, "%s/%c", builtin_dir, term[0]);
	snprintf(builtin_file, sizeof builtin_file, "%s/%s", builtin_sub, term);
	if (mkdir(builtin_sub, 0700) != 0 || !(f = fopen(builtin_file, "wb"))) {
		terminal_forget_builtin();
		return false;
	}
	if (fwrite(e->data, 1, e->len, f) != e->len) {
		fclose(f);
		terminal_forget_builtin();
		return false;
	}
	fclose(f);
	setenv("TERMINFO", builtin_dir, 1);
	return true;
}

void
terminal_forget_builtin(void)
{
	if (!builtin_dir[0])
		return;
	remove(builtin_file);
	rmdir(builtin_sub);
	rmdir(builtin_dir);
	builtin_dir[0] = '\0';
}

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
	if (setupterm(term, STDOUT_FILENO, &err) != OK &&
	    (!use_builtin(term) || setupterm(term, STDOUT_FILENO, &err) != OK))
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
