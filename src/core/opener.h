/* opener: starts a web browser on a URL, following the BROWSER convention,
 * never through a shell; or, over SSH, says that it will not. */
#ifndef MADOGUCHI_OPENER_H
#define MADOGUCHI_OPENER_H

#include <stdbool.h>
#include <stddef.h>

struct opened {
	char program[256]; /* the command that was run last */
	int status;        /* its exit status (spawn_wait's), when it ran */
	bool ran;          /* one started, even if it then failed */
};

/* Whether this is a session over SSH with no display of its own
 * (SSH_CONNECTION or SSH_TTY set, DISPLAY and WAYLAND_DISPLAY not): a
 * browser started here would open on the server, where nobody sees it. */
bool opener_over_ssh(void);

/* Tries each command of $BROWSER (colon-separated; each split at spaces
 * into words, %s in a word replaced by the URL and %% by %, the URL added
 * as the last word when no %s is given), then xdg-open (and open on
 * macOS), and waits for it: a text browser (w3m, lynx) uses the terminal
 * meanwhile. True when one exited with 0; what ran last is in *o. */
bool opener_open(const char *url, struct opened *o);

#endif
