/* opener: see opener.h. */
#include "opener.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "launch.h"

#ifdef __APPLE__
#define FALLBACK_BROWSERS "xdg-open:open"
#else
#define FALLBACK_BROWSERS "xdg-open"
#endif

/* Words of one command, and the room their text takes. */
#define MAX_WORDS 32
#define MAX_COMMAND 4096

static bool
set(const char *name)
{
	const char *v = getenv(name);

	return v && *v;
}

bool
opener_over_ssh(void)
{
	return (set("SSH_CONNECTION") || set("SSH_TTY")) && !set("DISPLAY") &&
	    !set("WAYLAND_DISPLAY");
}

/* Appends c to the word being built in buf; false when out of room. */
static bool
append(char *buf, size_t *at, const char *s, size_t n)
{
	if (*at + n + 1 > MAX_COMMAND)
		return false;
	memcpy(buf + *at, s, n);
	*at += n;
	return true;
}

/* Splits command into argv words in buf, %s the URL, %% a %. */
static bool
command_words(const char *command, const char *url, char *buf, char **argv)
{
	size_t at = 0, n = 0;
	bool had_url = false;

	while (*command) {
		while (*command == ' ')
			command++;
		if (!*command)
			break;
		if (n + 2 >= MAX_WORDS)
			return false;
		argv[n++] = buf + at;
		for (; *command && *command != ' '; command++) {
			bool ok;

			if (command[0] == '%' && command[1] == 's') {
				ok = append(buf, &at, url, strlen(url));
				had_url = true;
				command++;
			} else if (command[0] == '%' && command[1] == '%') {
				ok = append(buf, &at, "%", 1);
				command++;
			} else {
				ok = append(buf, &at, command, 1);
			}
			if (!ok)
				return false;
		}
		buf[at++] = '\0';
	}
	if (n == 0)
		return false;
	if (!had_url)
		argv[n++] = (char *)url;
	argv[n] = NULL;
	return true;
}

bool
opener_open(const char *url, struct opened *o)
{
	const char *browser = getenv("BROWSER");
	char list[MAX_COMMAND], words[MAX_COMMAND];
	char *argv[MAX_WORDS], *save = NULL;

	memset(o, 0, sizeof *o);
	snprintf(list, sizeof list, "%s%s" FALLBACK_BROWSERS,
	    browser ? browser : "", browser && *browser ? ":" : "");
	for (char *command = strtok_r(list, ":", &save); command;
	    command = strtok_r(NULL, ":", &save)) {
		int status;

		if (!command_words(command, url, words, argv))
			continue;
		status = launch_wait(argv, NULL, false);
		if (status == LAUNCH_NOT_STARTED && !o->ran)
			snprintf(o->program, sizeof o->program, "%s", argv[0]);
		if (status == LAUNCH_NOT_STARTED)
			continue;
		snprintf(o->program, sizeof o->program, "%s", argv[0]);
		o->ran = true;
		o->status = status;
		if (status == 0)
			return true;
	}
	return false;
}
