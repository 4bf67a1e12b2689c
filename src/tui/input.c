/* input: see input.h. */
#include "input.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <termios.h>
#include <unistd.h>
#include <sys/select.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <curses.h>

#include "count_of.h"
#include "terminal.h"

/* How long a lone Esc waits for the rest of a sequence, unless ESCDELAY
 * says otherwise. ncurses' default, 1 s, feels broken. */
#define ESC_DELAY_MS 25

static volatile sig_atomic_t caught_signal, suspend_asked, resized;
static sigset_t blocked, unblocked;

static struct {
	struct keyin keyin;
	long esc_delay_ms;
	struct limits *limits;
	unsigned char buf[4096];
	size_t pos, len;
	struct key queue[KEYIN_MAX_KEYS];
	size_t queued, next;
	bool resize_owed; /* the K_RESIZE of a return from ^Z that
	                   * input_esc_split came upon */
} in;

static void
on_signal(int sig)
{
	caught_signal = sig;
}

/* ^Z and resizes are handled by input_read, outside the handler, where
 * curses may be called. */
static void
on_suspend(int sig)
{
	(void)sig;
	suspend_asked = 1;
}

static void
on_resize(int sig)
{
	(void)sig;
	resized = 1;
}

void
input_catch_signals(bool restricted)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sigemptyset(&blocked);
	sa.sa_handler = on_signal;
	for (size_t i = 0; i < COUNT_OF(sigs); i++) {
		sigaction(sigs[i], &sa, NULL);
		sigaddset(&blocked, sigs[i]);
	}
	sa.sa_handler = restricted ? SIG_IGN : on_suspend;
	sigaction(SIGTSTP, &sa, NULL);
	sigaddset(&blocked, SIGTSTP);
	sa.sa_handler = on_resize;
	sigaction(SIGWINCH, &sa, NULL);
	sigaddset(&blocked, SIGWINCH);
	sigprocmask(SIG_BLOCK, &blocked, &unblocked);
	for (size_t i = 0; i < COUNT_OF(sigs); i++)
		sigdelset(&unblocked, sigs[i]);
	sigdelset(&unblocked, SIGTSTP);
	sigdelset(&unblocked, SIGWINCH);
}

void
input_start(bool mouse, struct limits *limits)
{
	const char *delay = getenv("ESCDELAY"), *keys = getenv("MADOGUCHI_KEYS");
	long ms = delay && *delay ? strtol(delay, NULL, 10) : ESC_DELAY_MS;
	struct termios tty;

	keyin_init(&in.keyin, mouse);
	in.keyin.del_is_delete = tcgetattr(STDIN_FILENO, &tty) == 0 &&
	    tty.c_cc[VERASE] == 0x08;
	in.keyin.vt400 = keys && strcmp(keys, "vt400") == 0;
	in.esc_delay_ms = ms < 1 ? 1 : ms > 10000 ? 10000 : ms;
	in.pos = in.len = in.queued = in.next = 0;
	in.limits = limits;
}

/* Takes the terminal's size as the kernel has it now, within the limits;
 * where ncurses cannot (out of memory), the old size stays. */
static void
sync_size(void)
{
	int rows, cols;

	if (!terminal_size(&rows, &cols) || (rows == LINES && cols == COLS))
		return;
	if (resizeterm(rows, cols) == ERR)
		resizeterm(LINES, COLS);
#ifdef __GLIBC__
	/* ncurses makes the new screens before it frees the old: give the
	 * old ones' pages back, or each resize keeps both (68 kB at 100x30,
	 * for each of many sessions). */
	malloc_trim(0);
#endif
}

/* Gives the terminal back, stops, and on fg takes the tty back. The
 * K_RESIZE that follows (wait_bytes) finds the size it has then (the
 * SIGWINCH of a resize while stopped went to the shell) and repaints it
 * whole, and the browser turns the modes on after that frame. */
static void
suspend(void)
{
	struct sigaction sa, old;
	sigset_t tstp;

	suspend_asked = 0;
	terminal_modes(false);
	endwin();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &sa, &old);
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	raise(SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &tstp, NULL); /* stops here */
	sigprocmask(SIG_BLOCK, &tstp, NULL);
	sigaction(SIGTSTP, &old, NULL);
	reset_prog_mode();
}

static void
take(size_t n)
{
	in.queued = n;
	in.next = 0;
}

/* Decodes buffered bytes until a key comes out or they run out. */
static bool
decode(void)
{
	while (in.pos < in.len) {
		size_t n = keyin_byte(&in.keyin, in.buf[in.pos++], in.queue);

		if (n) {
			take(n);
			return true;
		}
	}
	return false;
}

/* What waiting for bytes came to. */
enum waited {
	WAITED_OVER,    /* the session is over (a signal, the terminal gone) */
	WAITED_OUT,     /* the time passed with nothing */
	WAITED_BYTES,   /* bytes were read */
	WAITED_RESIZE,  /* a resize: *key is K_RESIZE */
	WAITED_RESUMED, /* a return from ^Z (and fg): *key is K_RESIZE */
	WAITED_AGAIN,   /* interrupted, or nothing read after all */
};

/* Waits up to wait_ms (-1: for ever) for bytes, a signal or a resize. */
static enum waited
wait_bytes(long wait_ms, struct key *key)
{
	struct timespec ts = {wait_ms / 1000, (wait_ms % 1000) * 1000000};
	fd_set fds;
	ssize_t n;
	int r;

	/* pselect, not poll: the signals are let through only while it
	 * waits, so one that comes at any other time waits for it. A resize
	 * or ^Z seen while waiting for a pause is handled now. */
	FD_ZERO(&fds);
	FD_SET(STDIN_FILENO, &fds);
	r = suspend_asked || resized ? 0 : pselect(STDIN_FILENO + 1, &fds, NULL,
	    NULL, wait_ms < 0 ? NULL : &ts, &unblocked);
	if (caught_signal)
		return WAITED_OVER;
	if (r < 0 && errno != EINTR)
		return WAITED_OVER;
	if (suspend_asked || resized) {
		bool resumed = suspend_asked;

		if (suspend_asked)
			suspend();
		resized = 0;
		sync_size();
		memset(key, 0, sizeof *key);
		key->id = K_RESIZE;
		return resumed ? WAITED_RESUMED : WAITED_RESIZE;
	}
	if (r <= 0)
		return r < 0 ? WAITED_AGAIN : WAITED_OUT;
	n = read(STDIN_FILENO, in.buf, sizeof in.buf);
	if (n <= 0)
		return n < 0 && (errno == EINTR || errno == EAGAIN) ?
		    WAITED_AGAIN : WAITED_OVER;
	in.pos = 0;
	in.len = (size_t)n;
	return WAITED_BYTES;
}

/* How long input may still wait, in ms, before the idle time or the
 * session's length is up (-1: for ever); 0 with *end set when it is. */
static long
time_left(enum input_end *end)
{
	enum limit_end up;
	long left = timelimit_left(in.limits, &up);

	if (up != LIMIT_NONE)
		*end = up == LIMIT_IDLE ? INPUT_IDLE : INPUT_SESSION_OVER;
	return left;
}

bool
input_read(struct key *key, enum input_end *end)
{
	for (;;) {
		long pending, left, wait;
		enum waited r;

		if (caught_signal) {
			*end = INPUT_SIGNAL;
			return false;
		}
		if (in.resize_owed) {
			in.resize_owed = false;
			memset(key, 0, sizeof *key);
			key->id = K_RESIZE;
			return true;
		}
		if (in.next < in.queued || decode()) {
			*key = in.queue[in.next++];
			if (key->id != K_MOUSE)
				timelimit_key(in.limits);
			return true;
		}
		if ((left = time_left(end)) == 0)
			return false;
		pending = keyin_wait_ms(&in.keyin, in.esc_delay_ms);
		wait = pending < 0 ? left : left < 0 || pending < left ?
		    pending : left;
		r = wait_bytes(wait, key);
		if (r == WAITED_OVER) {
			*end = caught_signal ? INPUT_SIGNAL : INPUT_GONE;
			return false;
		}
		if (r == WAITED_RESIZE || r == WAITED_RESUMED)
			return true;
		if (r == WAITED_OUT && pending >= 0)
			take(keyin_timeout(&in.keyin, in.queue));
	}
}

bool
input_waiting(void)
{
	struct pollfd fd = {.fd = STDIN_FILENO, .events = POLLIN};

	/* Bytes left over may be the end of a paste or sequence, which is no
	 * key: only a key counts. */
	if (in.resize_owed || in.next < in.queued || decode())
		return true;
	return poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN);
}

static bool
starts_rest(void)
{
	return in.pos < in.len && (in.buf[in.pos] == '[' ||
	    in.buf[in.pos] == 'O');
}

bool
input_esc_split(void)
{
	struct key resize;
	long wait = keyin_wait_ms(&in.keyin, in.esc_delay_ms);
	enum waited r;

	if (in.pos < in.len || !in.keyin.late || wait < 0)
		return starts_rest();
	r = wait_bytes(wait, &resize);
	/* ^Z came first, and fg: the person wants the browser back. The Esc
	 * ends nothing, and the screen is repainted. (A resize alone, which
	 * tmux may send late, does not keep a session the Esc ends.) */
	if (r == WAITED_RESUMED) {
		in.resize_owed = true;
		return true;
	}
	return r == WAITED_BYTES && starts_rest();
}

void
input_raise_again(void)
{
	if (caught_signal) {
		sigset_t one;

		signal(caught_signal, SIG_DFL);
		sigemptyset(&one);
		sigaddset(&one, caught_signal);
		raise(caught_signal);
		sigprocmask(SIG_UNBLOCK, &one, NULL);
	}
}
