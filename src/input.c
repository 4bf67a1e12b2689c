/* input: see input.h. */
#include "input.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include <curses.h>

static volatile sig_atomic_t caught_signal, suspend_asked;

static void
on_signal(int sig)
{
	caught_signal = sig;
}

/* ^Z: suspending is done by input_read, outside the handler, where curses
 * may be called. */
static void
on_suspend(int sig)
{
	(void)sig;
	suspend_asked = 1;
}

/* The handlers only set a flag; without SA_RESTART the blocked read
 * returns and input_read ends the session, or suspends it. */
void
input_catch_signals(bool restricted)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	sa.sa_handler = restricted ? SIG_IGN : on_suspend;
	sigaction(SIGTSTP, &sa, NULL);
}

/* Takes the terminal's size as the kernel has it now. */
static void
sync_size(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
}

/* Gives the terminal back, stops, and on fg takes it again at the size it
 * has then (the SIGWINCH of a resize while stopped went to the shell). */
static void
suspend(void)
{
	struct sigaction sa, old;

	suspend_asked = 0;
	endwin();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &sa, &old);
	raise(SIGTSTP);
	sigaction(SIGTSTP, &old, NULL);
	sync_size();
}

static long
elapsed_ms(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 +
	    (now.tv_nsec - since->tv_nsec) / 1000000;
}

/* EOF and EIO return at once, where a time-out returns after the idle
 * time: the clock tells them apart. */
bool
input_read(long idle_ms, int *status, wint_t *ch, bool *idle)
{
	struct timespec start;

	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &start);
		errno = 0;
		*status = get_wch(ch);
		if (caught_signal)
			return false;
		if (*status != ERR)
			return true;
		if (errno == EINTR) {
			/* ncurses keeps the interrupted read's ERR queued as
			 * input; drop it, or the next read returns it again. */
			flushinp();
			if (!suspend_asked)
				continue;
			suspend();
			*status = KEY_CODE_YES;
			*ch = KEY_RESIZE;
			return true;
		}
		*idle = idle_ms > 0 && elapsed_ms(&start) >= idle_ms - 100;
		return false;
	}
}

bool
input_waiting(void)
{
	struct pollfd in = {.fd = STDIN_FILENO, .events = POLLIN};

	return poll(&in, 1, 0) > 0 && (in.revents & POLLIN);
}

void
input_raise_again(void)
{
	if (caught_signal) {
		signal(caught_signal, SIG_DFL);
		raise(caught_signal);
	}
}
