/* terminal: see terminal.h. */
#include "terminal.h"

#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "charset_reset.h"
#include "count_of.h"
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
	/* TMPDIR where it can be used, else /tmp. */
	snprintf(builtin_dir, sizeof builtin_dir, "%s/madoguchi-XXXXXX",
	    base && *base && strlen(base) < 32 ? base : "/tmp");
	if (!mkdtemp(builtin_dir)) {
		snprintf(builtin_dir, sizeof builtin_dir, "/tmp/madoguchi-XXXXXX");
		if (!mkdtemp(builtin_dir)) {
			builtin_dir[0] = '\0';
			return false;
		}
	}
	snprintf(builtin_sub, sizeof builtin_sub, "%s/%c", builtin_dir, term[0]);
	snprintf(builtin_file, sizeof builtin_file, "%s/%s", builtin_sub, term);
	if (mkdir(builtin_sub, 0700) != 0 || !(f = fopen(builtin_file, "wb"))) {
		terminal_forget_builtin();
		return false;
	}
	/* A full TMPDIR shows when the file is closed, if not before. */
	if (fwrite(e->data, 1, e->len, f) != e->len) {
		fclose(f);
		terminal_forget_builtin();
		return false;
	}
	if (fclose(f) != 0) {
		terminal_forget_builtin();
		return false;
	}
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

/* Whether TERM's name says the terminal speaks xterm's language: the
 * terminals whose entries a server often lacks. */
bool
terminal_speaks_xterm(const char *term)
{
	static const char *const families[] = {"xterm", "kitty", "alacritty",
		"ghostty", "wezterm", "foot", "putty", "teraterm", "rxvt",
		"screen", "tmux", "vte", "gnome", "konsole", "mintty", "iterm",
		"contour"};

	if (strstr(term, "-256color") || strstr(term, "-direct"))
		return true;
	for (size_t i = 0; i < COUNT_OF(families); i++)
		if (strncmp(term, families[i], strlen(families[i])) == 0)
			return true;
	return false;
}

/* The built-in entry closest to a terminal that speaks xterm. */
static const char *
closest_builtin(const char *term)
{
	if (strncmp(term, "rxvt", 4) == 0)
		return "rxvt-unicode-256color";
	if (strncmp(term, "screen", 6) == 0)
		return strstr(term, "256") ? "screen-256color" : "screen";
	if (strncmp(term, "tmux", 4) == 0)
		return "tmux-256color";
	if (strncmp(term, "putty", 5) == 0)
		return "putty-256color";
	if (strncmp(term, "xterm", 5) == 0 && !strstr(term, "256") &&
	    !strstr(term, "direct") && !strstr(term, "kitty") &&
	    !strstr(term, "ghostty"))
		return "xterm";
	return "xterm-256color";
}

/* Sets up term from the system's database or a built-in entry. */
static bool
load_entry(const char *term)
{
	int err = 0;

	return setupterm(term, STDOUT_FILENO, &err) == OK ||
	    (use_builtin(term) && setupterm(term, STDOUT_FILENO, &err) == OK);
}

static const char *
unusable_because(const char *term, const char **use)
{
	const char *why = NULL;
	char *cup;

	*use = term;
	if (!term || !*term)
		return "TERM is not set";
	if (strchr(term, '/'))
		return "TERM names a path, not a terminal type";
	if (!load_entry(term)) {
		if (!terminal_speaks_xterm(term) ||
		    !load_entry(*use = closest_builtin(term)))
			return "unknown terminal type";
	}
	cup = tigetstr("cup");
	if (!cup || cup == (char *)-1 || tigetflag("hc") > 0)
		why = "this terminal cannot address the cursor";
	del_curterm(cur_term);
	return why;
}

const char *
terminal_type(FILE *out)
{
	const char *term = getenv("TERM"), *use;
	const char *why = unusable_because(term, &use);
	char shown[64 * TEXT_ESCAPE_GROWTH + 1];

	text_sanitize(shown, sizeof shown, term ? term : "",
	    term ? strnlen(term, 64) : 0);
	if (why) {
		fprintf(out, "madoguchi: TERM=%s: %s; the line mode "
		    "instead\n", shown, why);
		return NULL;
	}
	if (use != term)
		fprintf(out, "madoguchi: TERM=%s: no terminfo entry here; "
		    "using %s\n", shown, use);
	return use;
}

/* What terminal_trim_charset_reset took out; empty when nothing was. */
static char charset_reset[CHARSET_RESET_MAX];

char *
terminal_string(const char *name)
{
	char *s = tigetstr(name);

	return s == (char *)-1 ? NULL : s;
}

/* tigetstr's strings are ncurses's own, in writable memory (read from
 * the entry, or a fallback's static arrays): trimmed in place. */
void
terminal_trim_charset_reset(void)
{
	if (!charset_reset_trim(terminal_string("sgr0"),
	    terminal_string("sgr"), terminal_string("rmacs"), charset_reset))
		charset_reset[0] = '\0';
}

const char *
terminal_charset_reset(void)
{
	return charset_reset;
}

static struct {
	bool mouse, on;
} modes;

void
terminal_modes_init(bool mouse)
{
	modes.mouse = mouse;
}

/* Bracketed paste (2004), and the mouse: button presses (1000) reported in
 * SGR form (1006), which has no limit on the column. The cursor keys in
 * normal mode (DECCKM off, 1l), whatever a program before left: arrows
 * alone are ESC [ A to D, and ESC O A to D is PuTTY's Ctrl with an arrow
 * (keyin). */
void
terminal_modes(bool on)
{
	const char *set = modes.mouse ?
	    "\033[?1l\033[?2004h\033[?1000h\033[?1006h" : "\033[?1l\033[?2004h";
	const char *reset = modes.mouse ?
	    "\033[?1006l\033[?1000l\033[?2004l" : "\033[?2004l";
	const char *s = on ? set : reset;

	if (on == modes.on)
		return;
	modes.on = on;
	fflush(stdout);
	if (write(STDOUT_FILENO, s, strlen(s)) < 0)
		modes.on = false;
}

bool
terminal_has_alternate_screen(void)
{
	const char *smcup = terminal_string("smcup");

	return smcup && *smcup;
}

void
terminal_clear(void)
{
	const char *clear = terminal_string("clear");

	if (clear)
		putp(clear);
	fflush(stdout);
}

/* ncurses looks at the terminal's size again by itself, when it takes the
 * terminal back after endwin; LINES and COLUMNS, which it reads after the
 * kernel's size, hold it to the limits while the terminal is over them. */
static void
pin_size(int rows, int cols, bool over)
{
	static bool pinned;
	char n[16];

	if (over) {
		snprintf(n, sizeof n, "%d", rows);
		setenv("LINES", n, 1);
		snprintf(n, sizeof n, "%d", cols);
		setenv("COLUMNS", n, 1);
		pinned = true;
	} else if (pinned) {
		unsetenv("LINES");
		unsetenv("COLUMNS");
		pinned = false;
	}
}

bool
terminal_size(int *rows, int *cols)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 ||
	    ws.ws_col == 0)
		return false;
	*rows = ws.ws_row < TERMINAL_MAX_ROWS ? ws.ws_row : TERMINAL_MAX_ROWS;
	*cols = ws.ws_col < TERMINAL_MAX_COLS ? ws.ws_col : TERMINAL_MAX_COLS;
	pin_size(*rows, *cols, ws.ws_row > TERMINAL_MAX_ROWS ||
	    ws.ws_col > TERMINAL_MAX_COLS);
	return true;
}

enum label
terminal_needs_ascii(const char **what)
{
	const char *locale = setlocale(LC_CTYPE, NULL), *term = getenv("TERM");
	const char *codeset = nl_langinfo(CODESET);
	bool plain = !locale || strcmp(locale, "C") == 0 ||
	    strcmp(locale, "POSIX") == 0;

	if (strcmp(codeset, "UTF-8") == 0)
		return L_COUNT;
	if (!plain) {
		*what = codeset;
		return L_ASCII_LOCALE;
	}
	if (term && (strcmp(term, "linux") == 0 ||
	    strncmp(term, "linux-", 6) == 0 || (strncmp(term, "vt", 2) == 0 &&
	    isdigit((unsigned char)term[2])))) {
		*what = term;
		return L_ASCII_TERMINAL;
	}
	return L_COUNT;
}
