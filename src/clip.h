/* clip: the OSC 52 sequence that asks the terminal (the person's own,
 * across SSH, and through tmux) to put text on its clipboard. */
#ifndef MADOGUCHI_CLIP_H
#define MADOGUCHI_CLIP_H

#include <stdbool.h>
#include <stddef.h>

/* Longest text copied; a phone number or a URL is far shorter. */
#define CLIP_MAX_TEXT 4096
/* Room clip_sequence needs for CLIP_MAX_TEXT. */
#define CLIP_MAX_SEQUENCE (2 * (CLIP_MAX_TEXT * 4 / 3 + 4) + 64)

/* Writes to out (cap bytes) the bytes that copy text: ESC ] 52 ; c ;
 * base64 BEL. Inside tmux the same sequence is sent first wrapped for
 * tmux's passthrough (DCS tmux; ... ST, each ESC doubled), then bare for
 * tmux's own set-clipboard, so that either setting reaches the outer
 * terminal. Returns the length, or 0 when it does not fit. */
size_t clip_sequence(char *out, size_t cap, const char *text, bool in_tmux);

#endif
