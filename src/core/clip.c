/* clip: see clip.h. */
#include "clip.h"

#include "launch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t
base64(char *out, const unsigned char *in, size_t len)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t o = 0;

	for (size_t i = 0; i < len; i += 3) {
		unsigned long v = (unsigned long)in[i] << 16;

		if (i + 1 < len)
			v |= (unsigned long)in[i + 1] << 8;
		if (i + 2 < len)
			v |= in[i + 2];
		out[o++] = digits[(v >> 18) & 63];
		out[o++] = digits[(v >> 12) & 63];
		out[o++] = i + 1 < len ? digits[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < len ? digits[v & 63] : '=';
	}
	out[o] = '\0';
	return o;
}

static bool
set(const char *name)
{
	const char *v = getenv(name);

	return v && *v;
}

/* tmux first: it answers for itself even when screen runs inside it. VTE
 * sets VTE_VERSION and drops OSC 52 (on its list of ignored sequences). */
enum clip_route
clip_route_from_env(void)
{
	if (set("TMUX"))
		return CLIP_TMUX;
	if (set("STY"))
		return CLIP_SCREEN;
	if (set("VTE_VERSION"))
		return CLIP_IGNORED;
	return CLIP_OSC52;
}

bool
clip_to_tmux(const char *text)
{
	char *argv[] = {"tmux", "load-buffer", "-w", "-", NULL};

	return launch_wait(argv, text, true) == 0;
}

enum clip_tmux_reach
clip_tmux_reach_of(const char *answer)
{
	const char *client = strchr(answer, '\n');

	if (strncmp(answer, "off\n", 4) == 0)
		return CLIP_TMUX_KEEPS;
	/* Each word of the client's line: its TERM, its terminal's name. */
	for (const char *w = client; w && *w; w += strcspn(w, " \n")) {
		w += strspn(w, " \n");
		if (strncmp(w, "tmux", 4) == 0 || strncmp(w, "screen", 6) == 0)
			return CLIP_TMUX_NESTED;
	}
	return CLIP_TMUX_PASSES;
}

enum clip_tmux_reach
clip_tmux_reach(void)
{
	char *argv[] = {"tmux", "show-options", "-gv", "set-clipboard", ";",
		"display-message", "-p", "#{client_termname} #{client_termtype}",
		NULL};
	char answer[128];

	if (launch_output(argv, answer, sizeof answer) != 0)
		return CLIP_TMUX_PASSES; /* an old tmux: nothing known */
	return clip_tmux_reach_of(answer);
}

enum label
clip_by_tmux(const char *text)
{
	static const enum label said[] = {
		[CLIP_TMUX_PASSES] = L_COPIED_TMUX,
		[CLIP_TMUX_KEEPS] = L_COPIED_TMUX_KEPT,
		[CLIP_TMUX_NESTED] = L_COPIED_TMUX_NESTED,
	};

	return clip_to_tmux(text) ? said[clip_tmux_reach()] : L_COUNT;
}

size_t
clip_sequence(char *out, size_t cap, const char *text, enum clip_wrap wrap)
{
	char encoded[CLIP_MAX_TEXT * 4 / 3 + 8];
	size_t len = strlen(text);
	int n;

	if (len > CLIP_MAX_TEXT)
		return 0;
	base64(encoded, (const unsigned char *)text, len);
	if (wrap == CLIP_FOR_TMUX)
		n = snprintf(out, cap, "\033Ptmux;\033\033]52;c;%s\a\033\\"
		    "\033]52;c;%s\a", encoded, encoded);
	else if (wrap == CLIP_FOR_SCREEN)
		n = snprintf(out, cap, "\033P\033]52;c;%s\a\033\\", encoded);
	else
		n = snprintf(out, cap, "\033]52;c;%s\a", encoded);
	return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}
