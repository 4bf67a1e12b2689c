/* browser: the terminal's start and stop, and the loop that turns each key
 * into an action on the view and draws the next frame. */
#include "browser.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

#include <curses.h>

#include "act.h"
#include "count_of.h"
#include "draw.h"
#include "exit_status.h"
#include "input.h"
#include "keys.h"
#include "layout.h"
#include "links.h"
#include "scrolls.h"
#include "opener.h"
#include "output.h"
#include "pages.h"
#include "terminal.h"
#include "view.h"

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
	for (size_t i = 0; i < COUNT_OF(fallbacks); i++)
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

/* ncurses only draws: keys are read by input, so ncurses is given no
 * keypad (and sends no keypad mode), no mouse, and no look at the input
 * while it draws (typeahead), which would cut frames short. */
static SCREEN *
start_terminal(const char *type, const struct browser_options *o,
    struct theme *th)
{
	SCREEN *s;

	if (!(s = newterm(type, stdout, stdin)))
		return NULL;
	/* The reset goes at the head of each frame that repaints instead
	 * (send_frame). */
	terminal_trim_charset_reset();
	cbreak();
	noecho();
	nonl();
	typeahead(-1);
	idlok(stdscr, FALSE);
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
	(void)o;
	return s;
}

static bool
inside(const struct rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

/* A click selects a row or focuses the detail; the wheel scrolls the pane
 * under the pointer. */
static void
mouse_event(struct view *v, const struct layout *l, const struct key *key)
{
	bool over_page = l->mode == LAYOUT_WIDE ? inside(&l->detail, key->y, key->x) :
	    v->detail_shown;

	if (key->release)
		return;
	if (key->button == MOUSE_WHEEL_UP || key->button == MOUSE_WHEEL_DOWN) {
		view_wheel(v, over_page, key->button == MOUSE_WHEEL_UP ?
		    -WHEEL_LINES : WHEEL_LINES);
		return;
	}
	if (key->button != MOUSE_LEFT)
		return;
	if (inside(&l->list, key->y, key->x) &&
	    !(l->mode == LAYOUT_NARROW && v->detail_shown))
		view_click(v, VIEW_PANE_LIST, (size_t)(key->y - l->list.y));
	else if (l->mode == LAYOUT_WIDE && inside(&l->detail, key->y, key->x))
		view_click(v, VIEW_PANE_DETAIL, 0);
}

struct session {
	struct view view;
	struct frame_plan plan;  /* the frame shown: its layout and page */
	struct frame_stamp stamp; /* what it showed */
	bool repaint;            /* paint the next frame even if the same */
	struct theme theme;
	enum lang lang;
	bool ascii;
	struct act_rules rules;  /* what acting on a desk may do */
	SCREEN *screen;
	struct out out;          /* into the frame's write */
	struct scrolls scrolls;  /* the scrolling ncurses no longer does */
	bool hyperlinks;         /* OSC 8 links for the URLs shown */
	const char *status_link; /* a URL the status begins with */
	struct place_source *places;
	struct limits limits;
	enum input_end end; /* why the session ended */
};

static bool
write_all(const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/* Sends frame f, painted into stdscr, in one write: the scrolling and
 * the links go into ncurses's buffer first. A frame that clears the
 * screen (the first, a resize, ^L, and the first after the terminal was
 * given away) starts with the character set's reset and is followed by
 * its links, in a second write. After a repaint (the terminal given back, a resize)
 * every link is put again: what drew over the screen meanwhile left the
 * same text without them. */
static void
send_frame(struct session *s, const struct frame *f, bool repaint)
{
	bool clears;

	wnoutrefresh(stdscr);
	clears = isendwin() || is_cleared(curscr) || is_cleared(newscr);
	out_begin(&s->out);
	if (clears) /* before ncurses's own output, the alternate screen's */
		out_text(&s->out, terminal_charset_reset());
	scrolls_put(&s->scrolls, &s->out, f, clears);
	if (f->links && !clears)
		links_put(&s->out, f->links, repaint);
	if (!clears)
		scrolls_forbid(&s->out);
	out_end(&s->out);
	doupdate();
	if (f->links && clears) {
		out_begin(&s->out);
		links_put(&s->out, f->links, true);
		out_end(&s->out);
		doupdate(); /* sends what links_put buffered */
	}
}

/* Plans the frame in the core, paints it, and keeps its layout for the
 * keys and clicks that follow. */
static void
draw(struct session *s)
{
	struct frame_plan *plan = &s->plan;
	struct drawn_links drawn;
	struct frame f = {&s->view, &plan->layout, &plan->page, plan->hint,
		&plan->query, &s->theme, s->lang, s->ascii, s->status_link,
		s->hyperlinks ? &drawn : NULL};

	bool repaint = s->repaint;

	if (!frame_stamp_update(&s->stamp, &s->view, LINES, COLS) && !repaint)
		return; /* nothing new to show */
	s->repaint = false;
	frame_plan_build(plan, &s->view, LINES, COLS, s->lang, s->ascii);
	/* The stamp of the view as fitted: the next key starts from it. */
	frame_stamp_update(&s->stamp, &s->view, LINES, COLS);
	draw_frame(stdscr, &f);
	curs_set(plan->query.cursor_shown);
	send_frame(s, &f, repaint);
}

static void
say(struct session *s, enum label id, const char *arg)
{
	char text[sizeof s->view.status];

	label_format(text, sizeof text, s->lang, id, arg ? arg : "");
	view_say(&s->view, text);
}

/* Gives the terminal away (to a text browser, or to none), and takes it
 * back: the next frame repaints it whole (send_frame), and the loop turns
 * the modes on after it. */
static void
leave_terminal(void)
{
	terminal_modes(false);
	def_prog_mode();
	endwin();
}

static void
take_terminal(struct session *s)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	s->repaint = true;
}

/* Lends the terminal to a browser (a text browser uses it), or takes it
 * back repainted. */
static void
lend_terminal(void *ctx, bool away)
{
	if (away)
		leave_terminal();
	else
		take_terminal(ctx);
}

static void
act_on_desk(struct session *s, enum action a)
{
	size_t sel = view_selected(&s->view);
	enum act_target target = a == ACT_COPY_PHONE ? TARGET_PHONE :
	    a == ACT_COPY_PAGE || a == ACT_BROWSE_PAGE ? TARGET_PAGE :
	    TARGET_CONTACT;
	const char *text;
	struct act_result res;

	if (sel == SIZE_MAX)
		return;
	view_pick(&s->view);
	if (!(text = act_text(&s->view.table->desks[sel], target))) {
		say(s, L_NO_CONTACT, NULL);
		return;
	}
	if (a == ACT_BROWSE_PAGE || a == ACT_BROWSE_CONTACT)
		act_open(&s->rules, text, lend_terminal, s, &res);
	else
		act_copy(&s->rules, text, &res);
	if (res.seq_len)
		write_all(res.seq, res.seq_len);
	view_say(&s->view, res.said);
	s->status_link = res.link;
}

/* Characters typed or pasted, gathered to go into the query at once: a
 * paste of any length costs one filtering, not one a character. What the
 * query has no room for is dropped here. */
struct typed {
	char text[FILTER_MAX_QUERY + 8];
	size_t len;
};

static void
flush_typed(struct session *s, struct typed *t)
{
	if (t->len)
		view_insert(&s->view, t->text, t->len);
	t->len = 0;
}

/* One key: false when the session is over. */
static bool
handle_key(struct session *s, const struct key *key, struct typed *t)
{
	struct view *v = &s->view;
	char text[4];
	size_t len;
	enum action a = keys_action(key, v, text, &len);

	if (key->id == K_CHAR && key->mods & MOD_ALT && a == ACT_NONE && !len) {
		/* No Alt key of that letter: Esc, then the key, typed quickly
		 * (the terminal cannot tell them apart). */
		struct key esc = {.id = K_ESC}, plain = *key;

		plain.mods &= ~(unsigned)MOD_ALT;
		return handle_key(s, &esc, t) && handle_key(s, &plain, t);
	}
	if (len > 0) {
		if (t->len + len <= sizeof t->text) {
			memcpy(t->text + t->len, text, len);
			t->len += len;
		}
		view_say(v, "");
		return true;
	}
	flush_typed(s, t);
	if (key->id == K_RESIZE) {
		s->repaint = true;
		return true;
	}
	if (key->id == K_MOUSE) {
		mouse_event(v, &s->plan.layout, key);
		return true;
	}
	view_say(v, "");
	s->status_link = NULL;
	if (view_acts_on_desk(a)) {
		act_on_desk(s, a);
		return true;
	}
	if (a == ACT_REDRAW) {
		clearok(curscr, TRUE);
		s->repaint = true;
		return true;
	}
	view_apply(v, a, frame_plan_page_rows(&s->plan, v));
	/* An Esc that would end the session waits out the window in which
	 * a slow link may still bring the rest of a key (ESC, then [B). */
	if (v->quit && key->id == K_ESC && input_esc_split())
		v->quit = false;
	return !v->quit;
}

/* Handles a key and every key already waiting after it, then lets the loop
 * draw once: keys typed ahead or pasted, which a slow link delivers
 * together, cost one frame rather than one each. */
static bool
handle_keys(struct session *s)
{
	struct typed t = {.len = 0};
	struct key key;

	do {
		if (!input_read(&key, &s->end) ||
		    !handle_key(s, &key, &t))
			return false;
	} while (input_waiting());
	flush_typed(s, &t);
	return true;
}

/* Without an alternate screen the last frame would stay, with the shell's
 * prompt on its hint line: clear it, and leave the cursor at the top. */
static void
stop_terminal(SCREEN *screen)
{
	terminal_modes(false);
	if (!terminal_has_alternate_screen()) {
		clear();
		refresh();
	}
	endwin();
	if (!terminal_has_alternate_screen())
		terminal_clear();
	delscreen(screen);
}

static int
run(struct session *s, const struct table *t, const struct browser_options *o,
    struct place_source *places)
{
	const char *type;
	sigset_t ending, before;

	s->lang = o->lang;
	s->rules = act_rules_of(o, true);
	s->places = places;

	s->ascii = !utf8_locale() || o->ascii;
	if (s->ascii)
		s->lang = LANG_EN;
	s->rules.lang = s->lang;
	/* A hang-up while a built-in terminfo entry is written out for
	 * ncurses waits until it is gone again (then input_catch_signals has
	 * a handler for it): it left the directory behind. */
	sigemptyset(&ending);
	sigaddset(&ending, SIGHUP);
	sigaddset(&ending, SIGINT);
	sigaddset(&ending, SIGTERM);
	sigaddset(&ending, SIGQUIT);
	sigprocmask(SIG_BLOCK, &ending, &before);
	if (!(type = terminal_type(stderr))) {
		terminal_forget_builtin();
		sigprocmask(SIG_SETMASK, &before, NULL);
		return BROWSER_UNUSABLE;
	}
	s->hyperlinks = o->hyperlinks && !s->ascii && terminal_speaks_xterm(type);
	if (!view_init(&s->view, t, s->places, o->query,
	    o->restricted ? BROWSER_RESTRICTED_QUERY : 0)) {
		terminal_forget_builtin();
		sigprocmask(SIG_SETMASK, &before, NULL);
		perror("madoguchi");
		return EXIT_TROUBLE;
	}
	if (o->ascii_why)
		view_say(&s->view, o->ascii_why);
	input_catch_signals(o->restricted);
	terminal_size(&(int){0}, &(int){0}); /* ncurses starts within limits */
	s->screen = start_terminal(type, o, &s->theme);
	terminal_forget_builtin();
	if (!s->screen) {
		fputs("madoguchi: cannot start the terminal\n", stderr);
		view_free(&s->view);
		return BROWSER_UNUSABLE;
	}
	s->out.sp = s->screen;
	scrolls_take(&s->scrolls);
	timelimit_start(&s->limits, o->idle_timeout, o->max_session);
	input_start(o->mouse, &s->limits);
	terminal_modes_init(o->mouse);
	do {
		draw(s);
		terminal_modes(true);
	} while (handle_keys(s));
	out_free(&s->out);
	scrolls_free(&s->scrolls);
	frame_plan_free(&s->plan);
	stop_terminal(s->screen);
	/* The alternate screen takes the desk with it: what was picked stays
	 * readable after exit, as fzf prints its selection (not when the
	 * terminal is gone, or a signal ended the session). */
	if (o->print_picked && s->view.picked != SIZE_MAX && (s->view.quit ||
	    s->end == INPUT_IDLE || s->end == INPUT_SESSION_OVER))
		output_print(stdout, FORMAT_PLAIN, t, &s->view.picked, 1, NULL,
		    s->ascii);
	view_free(&s->view);
	input_raise_again();
	timelimit_goodbye(&s->limits, s->end == INPUT_IDLE ? LIMIT_IDLE :
	    s->end == INPUT_SESSION_OVER ? LIMIT_SESSION : LIMIT_NONE, stderr);
	return EXIT_FOUND;
}

/* The session's state is large (the query, the filter's terms, the links)
 * and mostly zeros: on the heap, calloc leaves untouched pages unwritten,
 * where a zeroed local writes them all. */
int
browser_run(const struct table *t, const struct browser_options *o,
    struct place_source *places)
{
	struct session *s = calloc(1, sizeof *s);
	int status;

	if (!s) {
		perror("madoguchi");
		return EXIT_TROUBLE;
	}
	status = run(s, t, o, places);
	free(s);
	return status;
}
