/* opener: see opener.h. */
#include "opener.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

extern char **environ;

/* Runs prog with url as its one argument; 0 when it could be started. */
static int
run(const char *prog, const char *url)
{
	char *argv[3];
	pid_t pid;
	int status;

	argv[0] = (char *)prog;
	argv[1] = (char *)url;
	argv[2] = NULL;
	if (posix_spawnp(&pid, prog, NULL, NULL, argv, environ) != 0)
		return -1;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	/* 127: the exec itself failed, where the C library cannot tell. */
	return WIFEXITED(status) && WEXITSTATUS(status) == 127 ? -1 : 0;
}

int
opener_open(const char *url, char *used, size_t cap)
{
	const char *browser = getenv("BROWSER");
	char list[1024];
	char *save = NULL;

	snprintf(list, sizeof list, "%s%sxdg-open:open", browser ? browser : "",
	    browser && *browser ? ":" : "");
	for (char *prog = strtok_r(list, ":", &save); prog;
	    prog = strtok_r(NULL, ":", &save))
		if (run(prog, url) == 0) {
			snprintf(used, cap, "%s", prog);
			return 0;
		}
	return -1;
}
