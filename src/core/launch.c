/* launch: see launch.h. */
#include "launch.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

extern char **environ;

/* Writes all of input to fd, a pipe the child may close early: then the
 * write fails (EPIPE) instead of killing madoguchi with SIGPIPE. */
static void
feed(int fd, const char *input)
{
	struct sigaction ignore, old;
	size_t len = strlen(input);

	memset(&ignore, 0, sizeof ignore);
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ignore, &old);
	while (len > 0) {
		ssize_t n = write(fd, input, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		input += n;
		len -= (size_t)n;
	}
	sigaction(SIGPIPE, &old, NULL);
}

/* Starts argv[0] with from on its standard input and to on its standard
 * output (-1: madoguchi's own, or with quiet /dev/null, errors too), no
 * signal blocked; the pipe ends of from and to it does not use closed in
 * it. False when it could not start. */
static bool
start(char *const argv[], const int from[2], const int to[2], bool quiet,
    pid_t *pid)
{
	posix_spawn_file_actions_t files;
	posix_spawnattr_t attr;
	sigset_t none;
	int r;

	posix_spawn_file_actions_init(&files);
	if (from[0] >= 0) {
		posix_spawn_file_actions_adddup2(&files, from[0], 0);
		posix_spawn_file_actions_addclose(&files, from[0]);
		posix_spawn_file_actions_addclose(&files, from[1]);
	}
	if (to[1] >= 0) {
		posix_spawn_file_actions_adddup2(&files, to[1], 1);
		posix_spawn_file_actions_addclose(&files, to[0]);
		posix_spawn_file_actions_addclose(&files, to[1]);
	} else if (quiet) {
		posix_spawn_file_actions_addopen(&files, 1, "/dev/null",
		    O_WRONLY, 0);
	}
	if (quiet)
		posix_spawn_file_actions_addopen(&files, 2, "/dev/null",
		    O_WRONLY, 0);
	posix_spawnattr_init(&attr);
	sigemptyset(&none);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
	r = posix_spawnp(pid, argv[0], &files, &attr, argv, environ);
	posix_spawn_file_actions_destroy(&files);
	posix_spawnattr_destroy(&attr);
	return r == 0;
}

/* Waits for pid: its status as launch_wait returns it. */
static int
reap(pid_t pid)
{
	int status = 0;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return LAUNCH_NOT_STARTED;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WIFEXITED(status) ? WEXITSTATUS(status) : LAUNCH_NOT_STARTED;
}

int
launch_wait(char *const argv[], const char *input, bool quiet)
{
	int from[2] = {-1, -1}, to[2] = {-1, -1};
	pid_t pid;
	bool started;

	if (input && pipe(from) != 0)
		return LAUNCH_NOT_STARTED;
	started = start(argv, from, to, quiet, &pid);
	if (input) {
		close(from[0]);
		if (started)
			feed(from[1], input);
		close(from[1]);
	}
	return started ? reap(pid) : LAUNCH_NOT_STARTED;
}

int
launch_output(char *const argv[], char *out, size_t cap)
{
	int from[2] = {-1, -1}, to[2];
	size_t len = 0;
	pid_t pid;
	bool started;

	if (cap == 0 || pipe(to) != 0)
		return LAUNCH_NOT_STARTED;
	started = start(argv, from, to, true, &pid);
	close(to[1]);
	/* Read to the end: a child left writing to a full pipe never ends. */
	for (char scratch[256];;) {
		ssize_t n = len + 1 < cap ? read(to[0], out + len, cap - 1 - len) :
		    read(to[0], scratch, sizeof scratch);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (len + 1 < cap)
			len += (size_t)n;
	}
	close(to[0]);
	out[len] = '\0';
	return started ? reap(pid) : LAUNCH_NOT_STARTED;
}
