/* keys: what a key means to the browser, given where the focus is: one
 * table of bindings, from which the key handling, the help's keys and
 * both man pages' lists of keys (src/tools/make-man-keys.c) come. No curses:
 * keys come from keyin. */
#ifndef MADOGUCHI_KEYS_H
#define MADOGUCHI_KEYS_H

#include "keyin.h"
#include "labels.h"
#include "view.h"

/* Where a binding holds. */
enum key_where {
	WHERE_ANYWHERE,
	WHERE_READING,     /* the detail pane or the help: letters act */
	WHERE_DETAIL,      /* the detail pane (not the help) */
	WHERE_HELP,        /* the help */
	WHERE_EMPTY_QUERY, /* nothing typed yet */
};

struct key_binding {
	/* As the help and the man pages write it (in English: binding_name
	 * gives 上 for Up); "": an alias the docs leave out (M-Left for
	 * C-Left). Text, not a pointer: the table needs no relocation, so no
	 * page of it is written when the program starts. */
	char name[12];
	enum key_id id;    /* K_CHAR: the character ch */
	uint32_t ch;
	unsigned mods;     /* K_CHAR: with Alt or not; another key: these
	                    * held (0: whatever is) */
	enum key_where where;
	enum action action;
};

/* Every binding, the first that matches a key winning. */
extern const struct key_binding key_bindings[];
extern const size_t key_binding_count;

/* The binding's name in lang (the arrows in Japanese are 上 下 左 右);
 * NULL for an alias. */
const char *binding_name(const struct key_binding *b, enum lang lang);

/* The action for the key. A character to type (or pasted) gives ACT_NONE
 * and its UTF-8 in text (room for 4 bytes), with *len set; otherwise *len
 * is 0. Mouse and resize keys give ACT_NONE: the browser places them. */
enum action keys_action(const struct key *key, const struct view *v,
    char *text, size_t *len);

#endif
