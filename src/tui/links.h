/* links: makes the URLs drawn in a frame hyperlinks (OSC 8), in the
 * frame's own write. Before ncurses sends a frame, each URL whose cells
 * change is written here, inside its link, into ncurses's output buffer,
 * and curscr is told that the cells hold it already: ncurses leaves them
 * alone, and sends the rest of the frame in the same write. The URL's
 * text goes out once, as the link's text. */
#ifndef MADOGUCHI_LINKS_H
#define MADOGUCHI_LINKS_H

#include <stdbool.h>

#include "draw.h"
#include "out.h"

/* Puts the links of the spots drawn into stdscr (after wnoutrefresh,
 * before doupdate), those whose cells ncurses would send. With every,
 * all of them: after a frame that cleared the screen, which would have
 * cleared links put before it (then call after doupdate, and doupdate
 * again to send them). */
void links_put(struct out *o, const struct drawn_links *spots, bool every);

#endif
