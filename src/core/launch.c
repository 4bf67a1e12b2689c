/* launch: see spawn.h. */
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

int
launch_wait(char *const argv[], const char *input, bool quiet)
{
	posix_spawn_file_actions_t files;
	posix_spawnattr_t attr;
	sigset_t none;
	int pipe_fd[2] = {-1, -1}, status = 0, r;
	pid_t pid;

	if (input && pipe(pipe_fd) != 0)
		return LAUNCH_NOT_STARTED;
	posix_spawn_file_actions_init(&files);
	if (input) {
		posix_spawn_file_actions_adddup2(&files, pipe_fd[0], 0);
		posix_spawn_file_actions_addclose(&files, pipe_fd[0]);
		posix_spawn_file_actions_addclose(&files, pipe_fd[1]);
	}
	if (quiet) {
		posix_spawn_file_actions_addopen(&files, 1, "/dev/null",
		    O_WRONLY, 0);
		posix_spawn_file_actions_adddup2(&files, 1, 2);
	}
	posix_spawnattr_init(&attr);
	sigemptyset(&none);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
	r = posix_spawnp(&pid, argv[0], &files, &attr, argv, environ);
	posix_spawn_file_actions_destroy(&files);
	posix_spawnattr_destroy(&attr);
	if (input) {
		close(pipe_fd[0]);
		if (r == 0)
			feed(pipe_fd[1], input);
		close(pipe_fd[1]);
	}
	if (r != 0)
		return LAUNCH_NOT_STARTED;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return LAUNCH_NOT_STARTED;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WIFEXITED(status) ? WEXITSTATUS(status) : LAUNCH_NOT_STARTED;
}
