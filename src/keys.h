/* keys: what a key read by wget_wch means to the browser. */
#ifndef MADOGUCHI_KEYS_H
#define MADOGUCHI_KEYS_H

#include <curses.h>

#include "view.h"

/* The action for the key (status and ch from wget_wch). A character to
 * type gives ACT_NONE and its UTF-8 in text (up to MB_LEN_MAX bytes + 1),
 * with *len set; otherwise *len is 0. */
enum action keys_action(int status, wint_t ch, const struct view *v,
    char *text, size_t *len);

#endif
