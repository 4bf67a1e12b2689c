/* timelimit: how long a session may wait for a key and how long it may last,
 * as the browser and the line mode keep them, and the goodbye that says
 * which ran out. No curses. */
#ifndef MADOGUCHI_TIMELIMIT_H
#define MADOGUCHI_TIMELIMIT_H

#include <stdio.h>
#include <time.h>

enum limit_end { LIMIT_NONE, LIMIT_IDLE, LIMIT_SESSION };

struct limits {
	unsigned idle_s, session_s; /* 0: never */
	struct timespec started, last_key;
};

/* Starts the clock of a session: idle_s without a key, session_s in all. */
void timelimit_start(struct limits *l, unsigned idle_s, unsigned session_s);

/* A key (or a line) came: the idle time starts again. */
void timelimit_key(struct limits *l);

/* The ms left before a limit is up, -1 when there is none; 0 with *end
 * saying which one is up. */
long timelimit_left(const struct limits *l, enum limit_end *end);

/* Says on to which limit ended the session. */
void timelimit_goodbye(const struct limits *l, enum limit_end end, FILE *to);

#endif
