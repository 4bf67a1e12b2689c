/* browser: the terminal's start and stop, and the loop that turns each key
 * into an action on the view and draws the next frame. */
#include "browser.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "builtin.h"
#include "clip.h"
#include "draw.h"
#include "input.h"
#include "keys.h"
#include "layout.h"
#include "opener.h"
#include "pages.h"
#include "terminal.h"
#include "view.h"

/* How long ncurses waits after a lone Esc for the rest of a sequence,
 * unless ESCDELAY says otherwise. ncurses' default, 1 s, feels broken. */
#define ESC_DELAY_MS 25
/* Lines a mouse wheel step scrolls. */
#define WHEEL_LINES 3

/* Keeps or finds a UTF-8 LC_CTYPE; false when the system has none. */
static bool
utf8_locale(void)
{
	static const char *const fallbacks[] = {"C.UTF-8", "C.utf8",
		"en_US.UTF-8"};

	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++)
		if (setlocale(LC_CTYPE, fallbacks[i]) &&
		    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
			return true;
	setlocale(LC_CTYPE, "C");
	return false;
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

	if (!(s = newterm(NULL, stdout, stdin)))
		return NULL;
	if (!getenv("ESCDELAY"))
		set_escdelay(ESC_DELAY_MS);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	if (o->idle_timeout)
		timeout((int)(o->idle_timeout > INT_MAX / 1000 ? INT_MAX :
		    o->idle_timeout * 1000));
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
	/* ncurses 6.4 flushes its output after every cursor movement until
	 * the first endwin(): a frame went out as a write for each line, and
	 * over SSH as a packet for each. Leave once now; the first refresh
	 * comes back, and from then on a frame is one write. */
	endwin();
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
			view_apply(v, (ev.bstate & BUTTON4_PRESSED) ? ACT_UP :
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

struct session {
	struct view view;
	struct layout layout;
	struct theme theme;
	enum lang lang;
	bool ascii;
	bool can_copy, can_open;
	struct place_source places;
	long idle_ms; /* 0: never */
	bool idle;    /* ended for want of keys */
};

/* Whether a row of the list was found through a place: those come last. */
static bool
some_found_via_place(const struct session *s)
{
	const struct view *v = &s->view;
	char via[256];

	return v->nrows && filter_place(&v->filter,
	    &v->table->desks[v->rows[v->nrows - 1]], via, sizeof via);
}

/* Builds this frame's page: the help, or the selected desk's detail. */
static void
build_page(struct page *p, const struct session *s)
{
	const struct layout *l = &s->layout;
	struct page_style style = {s->lang, s->ascii, (size_t)l->detail.w,
		s->view.url_width};
	size_t sel = view_selected(&s->view);

	memset(p, 0, sizeof *p);
	if (s->view.help) {
		style.width = (size_t)l->query.w;
		page_help(p, s->view.table, &style);
	} else if (sel != SIZE_MAX && l->mode != LAYOUT_TOO_SMALL) {
		const struct desk *k = &s->view.table->desks[sel];
		char via[256] = "";

		page_detail(p, k, &style, filter_place(&s->view.filter, k,
		    via, sizeof via) || some_found_via_place(s) ?
		    via : NULL);
	}
}

static void
draw(struct session *s)
{
	const struct layout *l = &s->layout;
	struct page p;
	struct frame f = {&s->view, l, &p, &s->theme, s->lang, s->ascii};

	build_page(&p, s);
	view_fit(&s->view, (size_t)(l->list.h > 0 ? l->list.h : 1), p.count,
	    (size_t)(l->detail.h > 0 ? l->detail.h : 1));
	draw_frame(stdscr, &f);
	curs_set(l->mode != LAYOUT_TOO_SMALL && !s->view.help &&
	    s->view.focus == FOCUS_LIST);
	refresh();
	page_free(&p);
}

/* The text an action works on: the selected desk's phone, page or
 * consultation address (the page, for 上記ページから); NULL when none. */
static const char *
field_for(const struct view *v, enum action a)
{
	size_t sel = view_selected(v);
	const struct desk *k;

	if (sel == SIZE_MAX)
		return NULL;
	k = &v->table->desks[sel];
	if (a == ACT_COPY_PHONE)
		return k->cell[FIELD_PHONE];
	if (a == ACT_COPY_PAGE || a == ACT_BROWSE_PAGE ||
	    k->contact == CONTACT_SAME_PAGE)
		return k->cell[FIELD_CYBER_URL];
	return k->contact == CONTACT_URL ? k->cell[FIELD_CONTACT] : NULL;
}

static void
say(struct session *s, enum label id, const char *arg)
{
	snprintf(s->view.status, sizeof s->view.status, label(s->lang, id),
	    arg ? arg : "");
}

/* Sends the OSC 52 sequence for the field now, and only the field. */
static void
copy(struct session *s, const char *text)
{
	char seq[CLIP_MAX_SEQUENCE];
	size_t n;

	if (!s->can_copy) {
		say(s, L_COPY_OFF, NULL);
		return;
	}
	n = clip_sequence(seq, sizeof seq, text, getenv("TMUX") != NULL);
	if (n && write(STDOUT_FILENO, seq, n) == (ssize_t)n)
		say(s, L_COPIED, text);
}

/* Hands the terminal to a browser (a text browser uses it) and takes it
 * back, repainted, when the browser is done. */
static void
browse(struct session *s, const char *url)
{
	char used[256];
	int rc;

	if (!s->can_open) {
		say(s, L_OPEN_OFF, NULL);
		return;
	}
	def_prog_mode();
	endwin();
	rc = opener_open(url, used, sizeof used);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (rc == 0)
		say(s, L_OPENED, used);
	else
		say(s, L_OPEN_FAILED, url);
}

static void
act_on_desk(struct session *s, enum action a)
{
	const char *text = field_for(&s->view, a);

	if (view_selected(&s->view) == SIZE_MAX)
		return;
	if (!text)
		say(s, L_NO_CONTACT, NULL);
	else if (a == ACT_BROWSE_PAGE || a == ACT_BROWSE_CONTACT)
		browse(s, text);
	else
		copy(s, text);
}

/* One key: false when the session is over. */
static bool
handle_key(struct session *s)
{
	struct view *v = &s->view;
	char text[MB_LEN_MAX + 1];
	size_t len;
	wint_t ch;
	int status;
	enum action a;

	if (!input_read(s->idle_ms, &status, &ch, &s->idle))
		return false;
	if (status == KEY_CODE_YES && ch == KEY_RESIZE)
		return true;
	if (status == KEY_CODE_YES && ch == KEY_MOUSE) {
		mouse_event(v, &s->layout);
		return true;
	}
	v->status[0] = '\0';
	a = keys_action(status, ch, v, text, &len);
	if (a >= ACT_COPY_PHONE) {
		act_on_desk(s, a);
		return true;
	}
	if (len > 0) {
		v->focus = FOCUS_LIST;
		v->detail_shown = v->help = false;
		view_insert(v, text, len);
	}
	view_apply(v, a, (size_t)(v->focus == FOCUS_LIST ? s->layout.list.h :
	    s->layout.detail.h));
	return !v->quit;
}

/* Handles a key and every key already waiting after it, then lets the loop
 * draw once: keys typed ahead or pasted, which a slow link delivers
 * together, cost one frame rather than one each. */
static bool
handle_keys(struct session *s)
{
	do {
		if (!handle_key(s))
			return false;
	} while (input_waiting());
	return true;
}

int
browser_run(const struct table *t, const struct browser_options *o)
{
	struct session s = {.lang = o->lang,
		.idle_ms = (long)o->idle_timeout * 1000,
		.can_copy = o->osc52 && !o->restricted,
		.can_open = !o->restricted, .places = builtin_place_source()};
	SCREEN *screen;

	s.ascii = !utf8_locale() || o->ascii;
	if (s.ascii)
		s.lang = LANG_EN;
	if (!terminal_usable(stderr))
		return BROWSER_UNUSABLE;
	if (!view_init(&s.view, t, &s.places, o->query)) {
		perror("madoguchi");
		return 2;
	}
	if (o->restricted)
		s.view.query_max = BROWSER_RESTRICTED_QUERY;
	input_catch_signals(o->restricted);
	screen = start_terminal(o, &s.theme);
	terminal_forget_builtin();
	if (!screen) {
		fputs("madoguchi: cannot start the terminal\n", stderr);
		view_free(&s.view);
		return BROWSER_UNUSABLE;
	}
	do {
		layout_compute(&s.layout, LINES, COLS);
		s.view.narrow = s.layout.mode == LAYOUT_NARROW;
		draw(&s);
	} while (handle_keys(&s));
	endwin();
	delscreen(screen);
	view_free(&s.view);
	place_source_free(&s.places);
	input_raise_again();
	if (s.idle)
		fprintf(stderr, "madoguchi: no key for %u seconds; goodbye\n",
		    o->idle_timeout);
	return 0;
}
