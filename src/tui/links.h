/* links: makes the URLs on the screen hyperlinks (OSC 8), on terminals
 * that have them, after curses has drawn the frame. */
#ifndef MADOGUCHI_LINKS_H
#define MADOGUCHI_LINKS_H

#include <stdbool.h>

#include "draw.h"

struct link_set {
	struct link_spot spot[DRAW_MAX_LINKS];
	char text[DRAW_MAX_LINKS][512]; /* each spot's text, kept */
	size_t count;
};

/* The links on the screen, and those of the last frame, to send again
 * only what changed. */
struct links {
	struct link_set shown, drawn;
	bool stale; /* the screen was repainted: send every link again */
};

/* Room links_update may need. */
#define LINKS_MAX_BYTES (DRAW_MAX_LINKS * 1400 + 16)

/* The bytes (into out, LINKS_MAX_BYTES) that make the spots drawn in this
 * frame links, unless the screen has them already (then 0): the same text
 * again, as a hyperlink, with the cursor and attributes saved and restored
 * around it (DECSC, DECRC), so that neither curses nor the screen sees a
 * change. Every part of one URL has the same id, so a terminal takes a
 * wrapped URL as one link. Send them before the next frame, or never. */
size_t links_update(struct links *l, const struct drawn_links *now,
    char *out);

/* The bytes of the last links_update reached the screen. */
void links_sent(struct links *l);

#endif
