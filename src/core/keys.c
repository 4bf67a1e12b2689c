/* keys: see keys.h. */
#include "keys.h"

#include <string.h>

#include "text.h"

#define CTRL(c) ((c) & 0x1f)
#define ALT MOD_ALT

/* readline's and fzf's control keys, the function keys, Alt with a letter,
 * and plain letters where nothing is typed: less's and vi's in the detail
 * and the help. In the order they are looked at (which matters only for
 * the same key) and the help lists them. */
const struct key_binding key_bindings[] = {
	/* Function and editing keys; Shift alone changes nothing. */
	{"C-Left", K_LEFT, 0, MOD_CTRL, WHERE_ANYWHERE, ACT_WORD_LEFT},
	{"", K_LEFT, 0, ALT, WHERE_ANYWHERE, ACT_WORD_LEFT},
	{"C-Right", K_RIGHT, 0, MOD_CTRL, WHERE_ANYWHERE, ACT_WORD_RIGHT},
	{"", K_RIGHT, 0, ALT, WHERE_ANYWHERE, ACT_WORD_RIGHT},
	{"Up", K_UP, 0, 0, WHERE_ANYWHERE, ACT_UP},
	{"Down", K_DOWN, 0, 0, WHERE_ANYWHERE, ACT_DOWN},
	{"PgUp", K_PAGE_UP, 0, 0, WHERE_ANYWHERE, ACT_PAGE_UP},
	{"PgDn", K_PAGE_DOWN, 0, 0, WHERE_ANYWHERE, ACT_PAGE_DOWN},
	{"Home", K_HOME, 0, 0, WHERE_ANYWHERE, ACT_FIRST},
	{"End", K_END, 0, 0, WHERE_ANYWHERE, ACT_LAST},
	{"Esc", K_ESC, 0, 0, WHERE_ANYWHERE, ACT_ESCAPE},
	{"Left", K_LEFT, 0, 0, WHERE_ANYWHERE, ACT_BACK},
	{"Right", K_RIGHT, 0, 0, WHERE_ANYWHERE, ACT_CURSOR_RIGHT},
	{"F1", K_FN(1), 0, 0, WHERE_ANYWHERE, ACT_HELP},
	{"F2", K_FN(2), 0, 0, WHERE_ANYWHERE, ACT_COPY_PHONE},
	{"F3", K_FN(3), 0, 0, WHERE_ANYWHERE, ACT_COPY_PAGE},
	{"F4", K_FN(4), 0, 0, WHERE_ANYWHERE, ACT_COPY_CONTACT},
	{"F5", K_FN(5), 0, 0, WHERE_ANYWHERE, ACT_BROWSE_PAGE},
	{"F6", K_FN(6), 0, 0, WHERE_ANYWHERE, ACT_BROWSE_CONTACT},
	/* Control characters, with the function keys that do the same. */
	{"Tab", K_CHAR, '\t', 0, WHERE_ANYWHERE, ACT_TOGGLE_FOCUS},
	{"S-Tab", K_BACKTAB, 0, 0, WHERE_ANYWHERE, ACT_TOGGLE_FOCUS},
	{"Enter", K_CHAR, '\r', 0, WHERE_ANYWHERE, ACT_OPEN},
	{"Backspace", K_CHAR, 0x7f, 0, WHERE_ANYWHERE, ACT_BACKSPACE},
	{"C-h", K_CHAR, CTRL('h'), 0, WHERE_ANYWHERE, ACT_BACKSPACE},
	{"Delete", K_DELETE, 0, 0, WHERE_ANYWHERE, ACT_DELETE_FORWARD},
	{"C-p", K_CHAR, CTRL('p'), 0, WHERE_ANYWHERE, ACT_UP},
	{"C-k", K_CHAR, CTRL('k'), 0, WHERE_ANYWHERE, ACT_UP},
	{"C-n", K_CHAR, CTRL('n'), 0, WHERE_ANYWHERE, ACT_DOWN},
	{"C-j", K_CHAR, CTRL('j'), 0, WHERE_ANYWHERE, ACT_DOWN},
	{"C-w", K_CHAR, CTRL('w'), 0, WHERE_ANYWHERE, ACT_DELETE_WORD},
	{"M-Backspace", K_CHAR, 0x7f, ALT, WHERE_ANYWHERE, ACT_DELETE_WORD},
	{"", K_CHAR, CTRL('h'), ALT, WHERE_ANYWHERE, ACT_DELETE_WORD},
	{"C-u", K_CHAR, CTRL('u'), 0, WHERE_ANYWHERE, ACT_CLEAR_QUERY},
	{"C-a", K_CHAR, CTRL('a'), 0, WHERE_ANYWHERE, ACT_CURSOR_START},
	{"C-e", K_CHAR, CTRL('e'), 0, WHERE_ANYWHERE, ACT_CURSOR_END},
	{"C-b", K_CHAR, CTRL('b'), 0, WHERE_ANYWHERE, ACT_CURSOR_LEFT},
	{"C-f", K_CHAR, CTRL('f'), 0, WHERE_ANYWHERE, ACT_CURSOR_RIGHT},
	{"C-d", K_CHAR, CTRL('d'), 0, WHERE_ANYWHERE, ACT_DELETE_FORWARD},
	{"C-l", K_CHAR, CTRL('l'), 0, WHERE_ANYWHERE, ACT_REDRAW},
	{"C-y", K_CHAR, CTRL('y'), 0, WHERE_ANYWHERE, ACT_COPY_PHONE},
	{"C-o", K_CHAR, CTRL('o'), 0, WHERE_ANYWHERE, ACT_BROWSE_PAGE},
	{"C-c", K_CHAR, CTRL('c'), 0, WHERE_ANYWHERE, ACT_QUIT},
	{"C-g", K_CHAR, CTRL('g'), 0, WHERE_ANYWHERE, ACT_QUIT},
	{"F10", K_FN(10), 0, 0, WHERE_ANYWHERE, ACT_QUIT},
	/* Alt with a letter: the words, and the desk where letters type. */
	{"M-b", K_CHAR, 'b', ALT, WHERE_ANYWHERE, ACT_WORD_LEFT},
	{"M-f", K_CHAR, 'f', ALT, WHERE_ANYWHERE, ACT_WORD_RIGHT},
	{"M-d", K_CHAR, 'd', ALT, WHERE_ANYWHERE, ACT_DELETE_WORD_FORWARD},
	{"M-y", K_CHAR, 'y', ALT, WHERE_ANYWHERE, ACT_COPY_PHONE},
	{"M-u", K_CHAR, 'u', ALT, WHERE_ANYWHERE, ACT_COPY_PAGE},
	{"M-c", K_CHAR, 'c', ALT, WHERE_ANYWHERE, ACT_COPY_CONTACT},
	{"M-o", K_CHAR, 'o', ALT, WHERE_ANYWHERE, ACT_BROWSE_PAGE},
	{"M-O", K_CHAR, 'O', ALT, WHERE_ANYWHERE, ACT_BROWSE_CONTACT},
	/* Plain letters where nothing is typed: ? closes the help, less's
	 * and vi's keys scroll and q goes back, vi's yank copies. */
	{"?", K_CHAR, '?', 0, WHERE_HELP, ACT_ESCAPE},
	{"j", K_CHAR, 'j', 0, WHERE_READING, ACT_DOWN},
	{"k", K_CHAR, 'k', 0, WHERE_READING, ACT_UP},
	{"g", K_CHAR, 'g', 0, WHERE_READING, ACT_FIRST},
	{"G", K_CHAR, 'G', 0, WHERE_READING, ACT_LAST},
	{"Space", K_CHAR, ' ', 0, WHERE_READING, ACT_PAGE_DOWN},
	{"b", K_CHAR, 'b', 0, WHERE_READING, ACT_PAGE_UP},
	{"q", K_CHAR, 'q', 0, WHERE_READING, ACT_ESCAPE},
	{"y", K_CHAR, 'y', 0, WHERE_DETAIL, ACT_COPY_PHONE},
	{"u", K_CHAR, 'u', 0, WHERE_DETAIL, ACT_COPY_PAGE},
	{"c", K_CHAR, 'c', 0, WHERE_DETAIL, ACT_COPY_CONTACT},
	{"o", K_CHAR, 'o', 0, WHERE_DETAIL, ACT_BROWSE_PAGE},
	{"O", K_CHAR, 'O', 0, WHERE_DETAIL, ACT_BROWSE_CONTACT},
	{"?", K_CHAR, '?', 0, WHERE_EMPTY_QUERY, ACT_HELP},
};

const size_t key_binding_count = sizeof key_bindings / sizeof *key_bindings;

const char *
binding_name(const struct key_binding *b, enum lang lang)
{
	static const char arrows[][2][12] = {
		{"Up", "上"}, {"Down", "下"}, {"Left", "左"}, {"Right", "右"},
		{"C-Left", "C-左"}, {"C-Right", "C-右"},
	};

	if (!b->name[0])
		return NULL;
	for (size_t i = 0; lang == LANG_JA && i < sizeof arrows /
	    sizeof *arrows; i++)
		if (strcmp(b->name, arrows[i][0]) == 0)
			return arrows[i][1];
	return b->name;
}

static bool
holds(enum key_where where, const struct view *v)
{
	switch (where) {
	case WHERE_ANYWHERE:
		return true;
	case WHERE_READING:
		return v->help || v->focus == FOCUS_DETAIL;
	case WHERE_DETAIL:
		return !v->help && v->focus == FOCUS_DETAIL;
	case WHERE_HELP:
		return v->help;
	case WHERE_EMPTY_QUERY:
		return v->query_len == 0;
	}
	return false;
}

static bool
matches(const struct key_binding *b, const struct key *key)
{
	if (b->id != key->id)
		return false;
	if (key->id == K_CHAR)
		return b->ch == key->ch && (b->mods & ALT) == (key->mods & ALT);
	return b->mods == 0 || (key->mods & b->mods);
}

enum action
keys_action(const struct key *key, const struct view *v, char *text,
    size_t *len)
{
	*len = 0;
	if (key->id != K_CHAR || !key->pasted)
		for (size_t i = 0; i < key_binding_count; i++)
			if (matches(&key_bindings[i], key) &&
			    holds(key_bindings[i].where, v))
				return key_bindings[i].action;
	/* Unbound: a control character or an Alt key does nothing; other
	 * characters, and all that is pasted, are typed. */
	if (key->id != K_CHAR || (!key->pasted && (key->ch < 0x20 ||
	    key->ch == 0x7f || key->mods & ALT)))
		return ACT_NONE;
	if (text_cp_unsafe(key->ch) || text_cp_width(key->ch) < 0)
		return ACT_NONE;
	*len = text_encode(key->ch, text);
	return ACT_NONE;
}
