/* clip: how text reaches the clipboard of the person's own terminal,
 * across SSH and through tmux or GNU screen, and what can honestly be said
 * about it. */
#ifndef MADOGUCHI_CLIP_H
#define MADOGUCHI_CLIP_H

#include <stdbool.h>
#include <stddef.h>

#include "labels.h"

/* Longest text copied; a phone number or a URL is far shorter. */
#define CLIP_MAX_TEXT 4096
/* Room clip_sequence needs for CLIP_MAX_TEXT. */
#define CLIP_MAX_SEQUENCE (2 * (CLIP_MAX_TEXT * 4 / 3 + 4) + 64)

enum clip_route {
	CLIP_TMUX,    /* tmux load-buffer -w: tmux's buffer, and on from there */
	CLIP_SCREEN,  /* OSC 52 wrapped in DCS for GNU screen to pass on */
	CLIP_IGNORED, /* the terminal is known to ignore OSC 52 (VTE) */
	CLIP_OSC52,   /* OSC 52 to the terminal, which may or may not obey */
};

/* The route for this environment: TMUX, STY, VTE_VERSION. */
enum clip_route clip_route_from_env(void);

/* Hands text to tmux (tmux load-buffer -w -, tmux 3.2 and later), which
 * keeps it and passes it on to the outer terminal's clipboard under its
 * default options, where an application's own OSC 52 is dropped. True
 * when tmux took it. */
bool clip_to_tmux(const char *text);

/* Where tmux takes what it was given, as far as can be known: on to the
 * terminal's clipboard if the terminal allows it; nowhere (its option
 * set-clipboard is off: its own buffer only); or to another tmux or to GNU
 * screen, which it runs inside (its client's TERM, or what the terminal
 * says it is, names one) and which may well drop it. */
enum clip_tmux_reach { CLIP_TMUX_PASSES, CLIP_TMUX_KEEPS, CLIP_TMUX_NESTED };

/* Asks tmux (show-options -gv set-clipboard; display-message -p
 * '#{client_termname} #{client_termtype}'). */
enum clip_tmux_reach clip_tmux_reach(void);

/* Hands text to tmux (clip_to_tmux) and says how far it went: the label
 * to show with it (L_COPIED_TMUX and its kind), or L_COUNT when tmux did
 * not take it. The browser and the line mode say the same. */
enum label clip_by_tmux(const char *text);

/* The same from tmux's answer: the option's value, a newline, the
 * client's TERM and what its terminal says it is ("tmux 3.3a"). */
enum clip_tmux_reach clip_tmux_reach_of(const char *answer);

enum clip_wrap { CLIP_BARE, CLIP_FOR_TMUX, CLIP_FOR_SCREEN };

/* Writes to out (cap bytes) the bytes that copy text: ESC ] 52 ; c ;
 * base64 BEL, bare, or wrapped for tmux's passthrough (DCS tmux; ... ST,
 * each ESC doubled, then bare for tmux's own set-clipboard) or for GNU
 * screen (DCS ... ST). Returns the length, or 0 when it does not fit. */
size_t clip_sequence(char *out, size_t cap, const char *text,
    enum clip_wrap wrap);

#endif
