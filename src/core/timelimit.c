/* timelimit: see timelimit.h. */
#include "timelimit.h"

static long
elapsed_ms(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 +
	    (now.tv_nsec - since->tv_nsec) / 1000000;
}

void
timelimit_start(struct limits *l, unsigned idle_s, unsigned session_s)
{
	l->idle_s = idle_s;
	l->session_s = session_s;
	clock_gettime(CLOCK_MONOTONIC, &l->started);
	l->last_key = l->started;
}

void
timelimit_key(struct limits *l)
{
	clock_gettime(CLOCK_MONOTONIC, &l->last_key);
}

long
timelimit_left(const struct limits *l, enum limit_end *end)
{
	long idle = l->idle_s ? (long)l->idle_s * 1000 -
	    elapsed_ms(&l->last_key) : -1;
	long session = l->session_s ? (long)l->session_s * 1000 -
	    elapsed_ms(&l->started) : -1;

	*end = LIMIT_NONE;
	if (l->idle_s && idle <= 0) {
		*end = LIMIT_IDLE;
		return 0;
	}
	if (l->session_s && session <= 0) {
		*end = LIMIT_SESSION;
		return 0;
	}
	return idle < 0 ? session : session < 0 ? idle :
	    idle < session ? idle : session;
}

void
timelimit_goodbye(const struct limits *l, enum limit_end end, FILE *to)
{
	if (end == LIMIT_IDLE)
		fprintf(to, "madoguchi: no key for %u seconds; goodbye\n",
		    l->idle_s);
	else if (end == LIMIT_SESSION)
		fprintf(to, "madoguchi: the session has lasted its %u seconds; "
		    "goodbye\n", l->session_s);
}
