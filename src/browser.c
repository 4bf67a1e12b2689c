/* browser: the terminal's start and stop, signals, and the loop that
 * turns each key into an action on the view and draws the next frame. */
#include "browser.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "draw.h"
#include "keys.h"
#include "layout.h"
#include "pages.h"
#include "view.h"

/* How long ncurses waits after a lone Esc for the rest of a sequence,
 * unless ESCDELAY says otherwise. ncurses' default, 1 s, feels broken. */
#define ESC_DELAY_MS 25
/* Lines a mouse wheel step scrolls. */
#define WHEEL_LINES 3

static volatile sig_atomic_t caught_signal;

static void
on_signal(int sig)
{
	caught_signal = sig;
}

/* SIGINT, SIGTERM and SIGHUP only set a flag; without SA_RESTART the
 * blocked read returns and the loop ends the session. */
static void
catch_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

static bool
want_color(enum color_mode mode)
{
	const char *no_color = getenv("NO_COLOR");

	if (mode == COLOR_NEVER || !has_colors())
		return false;
	return mode == COLOR_ALWAYS || !(no_color && *no_color);
}

static SCREEN *
start_terminal(const struct browser_options *o, struct theme *th)
{
	SCREEN *s;

	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	if (!(s = newterm(NULL, stdout, stdin)))
		return NULL;
	if (!getenv("ESCDELAY"))
		set_escdelay(ESC_DELAY_MS);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	if (o->mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED,
		    NULL);
		mouseinterval(0);
	}
	if (want_color(o->color)) {
		start_color();
		use_default_colors();
		theme_init(th, true);
	} else {
		theme_init(th, false);
	}
	return s;
}

static bool
inside(const struct rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

static void
mouse_event(struct view *v, const struct layout *l)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		for (int i = 0; i < WHEEL_LINES; i++)
			view_apply(v, ev.bstate & BUTTON4_PRESSED ? ACT_UP :
			    ACT_DOWN, 0);
		return;
	}
	if (v->help || !(ev.bstate & BUTTON1_PRESSED))
		return;
	if (inside(&l->list, ev.y, ev.x) &&
	    !(l->mode == LAYOUT_NARROW && v->detail_shown)) {
		view_select_row(v, v->top + (size_t)(ev.y - l->list.y));
		v->focus = FOCUS_LIST;
	} else if (l->mode == LAYOUT_WIDE && inside(&l->detail, ev.y, ev.x)) {
		v->focus = FOCUS_DETAIL;
	}
}

/* Builds this frame's page: the help, or the selected desk's detail. */
static void
build_page(struct page *p, const struct view *v, const struct layout *l,
    enum lang lang)
{
	size_t sel = view_selected(v);

	if (v->help)
		page_help(p, v->table, lang, (size_t)l->query.w);
	else if (sel != SIZE_MAX && l->mode != LAYOUT_TOO_SMALL)
		page_detail(p, v->table, &v->table->desks[sel], lang,
		    (size_t)l->detail.w);
	else
		memset(p, 0, sizeof *p);
}

static void
draw(struct view *v, const struct layout *l, const struct theme *th,
    enum lang lang)
{
	struct page p;
	struct frame f = {v, l, &p, th, lang};

	build_page(&p, v, l, lang);
	view_fit(v, (size_t)(l->list.h > 0 ? l->list.h : 1), p.count,
	    (size_t)(l->detail.h > 0 ? l->detail.h : 1));
	draw_frame(stdscr, &f);
	curs_set(l->mode != LAYOUT_TOO_SMALL && !v->help &&
	    v->focus == FOCUS_LIST);
	refresh();
	page_free(&p);
}

/* One key: false when the session is over (quit, signal, dead terminal). */
static bool
handle_key(struct view *v, const struct layout *l)
{
	char text[MB_LEN_MAX + 1];
	size_t len;
	wint_t ch;
	int status;
	enum action a;

	errno = 0;
	status = get_wch(&ch);
	if (caught_signal)
		return false;
	if (status == ERR)
		return errno == EINTR; /* EOF or EIO: the terminal is gone */
	if (status == KEY_CODE_YES && ch == KEY_RESIZE)
		return true;
	if (status == KEY_CODE_YES && ch == KEY_MOUSE) {
		mouse_event(v, l);
		return true;
	}
	a = keys_action(status, ch, v, text, &len);
	if (len > 0) {
		v->focus = FOCUS_LIST;
		v->detail_shown = v->help = false;
		view_insert(v, text, len);
	}
	view_apply(v, a, (size_t)(v->focus == FOCUS_LIST ? l->list.h :
	    l->detail.h));
	return !v->quit;
}

int
browser_run(const struct table *t, const struct browser_options *o)
{
	struct theme th;
	struct view v;
	struct layout l;
	SCREEN *screen;
	const char *term = getenv("TERM");

	if (!view_init(&v, t, o->query)) {
		perror("madoguchi");
		return 2;
	}
	catch_signals();
	if (!(screen = start_terminal(o, &th))) {
		fprintf(stderr, "madoguchi: cannot use the terminal%s%s\n",
		    term ? " type " : "", term ? "(see TERM)" : "");
		view_free(&v);
		return 2;
	}
	do {
		layout_compute(&l, LINES, COLS);
		v.narrow = l.mode == LAYOUT_NARROW;
		draw(&v, &l, &th, o->lang);
	} while (handle_key(&v, &l));
	endwin();
	delscreen(screen);
	view_free(&v);
	if (caught_signal) {
		signal(caught_signal, SIG_DFL);
		raise(caught_signal);
	}
	return 0;
}
