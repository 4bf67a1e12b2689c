/* clip: see clip.h. */
#include "clip.h"

#include <stdio.h>
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

size_t
clip_sequence(char *out, size_t cap, const char *text, bool in_tmux)
{
	char encoded[CLIP_MAX_TEXT * 4 / 3 + 8];
	size_t len = strlen(text);
	int n;

	if (len > CLIP_MAX_TEXT)
		return 0;
	base64(encoded, (const unsigned char *)text, len);
	if (in_tmux)
		n = snprintf(out, cap, "\033Ptmux;\033\033]52;c;%s\a\033\\"
		    "\033]52;c;%s\a", encoded, encoded);
	else
		n = snprintf(out, cap, "\033]52;c;%s\a", encoded);
	return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}
