/* keys: what a key means to the browser, given where the focus is. No
 * curses: keys come from keyin. */
#ifndef MADOGUCHI_KEYS_H
#define MADOGUCHI_KEYS_H

#include "keyin.h"
#include "view.h"

/* The action for the key. A character to type (or pasted) gives ACT_NONE
 * and its UTF-8 in text (room for 4 bytes), with *len set; otherwise *len
 * is 0. Mouse and resize keys give ACT_NONE: the browser places them. */
enum action keys_action(const struct key *key, const struct view *v,
    char *text, size_t *len);

#endif
