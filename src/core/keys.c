/* keys: see keys.h. readline's and fzf's control keys, the function keys,
 * and plain letters where no query is typed. The man page's KEYS section
 * lists the same. */
#include "keys.h"

#include "text.h"

#define CTRL(c) ((c) & 0x1f)

static bool
word_mods(unsigned mods)
{
	return mods & (MOD_CTRL | MOD_ALT);
}

static enum action
function_key(const struct key *key)
{
	switch (key->id) {
	case K_UP: return ACT_UP;
	case K_DOWN: return ACT_DOWN;
	case K_PAGE_UP: return ACT_PAGE_UP;
	case K_PAGE_DOWN: return ACT_PAGE_DOWN;
	case K_HOME: return ACT_FIRST;
	case K_END: return ACT_LAST;
	case K_LEFT: return word_mods(key->mods) ? ACT_WORD_LEFT : ACT_BACK;
	case K_RIGHT:
		return word_mods(key->mods) ? ACT_WORD_RIGHT : ACT_CURSOR_RIGHT;
	case K_DELETE: return ACT_DELETE_FORWARD;
	case K_BACKTAB: return ACT_TOGGLE_FOCUS;
	case K_ESC: return ACT_ESCAPE;
	default: break;
	}
	switch (key->id - K_F1 + 1) {
	case 1: return ACT_HELP;
	case 2: return ACT_COPY_PHONE;
	case 3: return ACT_COPY_PAGE;
	case 4: return ACT_COPY_CONTACT;
	case 5: return ACT_BROWSE_PAGE;
	case 6: return ACT_BROWSE_CONTACT;
	case 10: return ACT_QUIT;
	default: return ACT_NONE;
	}
}

static enum action
control_key(uint32_t ch, unsigned mods)
{
	if (mods & MOD_ALT)
		return ch == 0x7f || ch == CTRL('h') ? ACT_DELETE_WORD : ACT_NONE;
	switch (ch) {
	case '\t': return ACT_TOGGLE_FOCUS;
	case '\r': return ACT_OPEN;
	case 0x7f: case CTRL('h'): return ACT_BACKSPACE;
	case CTRL('p'): case CTRL('k'): return ACT_UP;
	case CTRL('n'): case CTRL('j'): return ACT_DOWN;
	case CTRL('u'): return ACT_CLEAR_QUERY;
	case CTRL('w'): return ACT_DELETE_WORD;
	case CTRL('a'): return ACT_CURSOR_START;
	case CTRL('e'): return ACT_CURSOR_END;
	case CTRL('b'): return ACT_CURSOR_LEFT;
	case CTRL('f'): return ACT_CURSOR_RIGHT;
	case CTRL('d'): return ACT_DELETE_FORWARD;
	case CTRL('l'): return ACT_REDRAW;
	case CTRL('y'): return ACT_COPY_PHONE;
	case CTRL('o'): return ACT_BROWSE_PAGE;
	case CTRL('c'): case CTRL('g'): return ACT_QUIT;
	default: return ACT_NONE;
	}
}

/* The letters that act on the desk: plain in the detail pane, with Alt in
 * the list (where plain letters are typed into the query). */
static enum action
desk_letter(uint32_t ch)
{
	switch (ch) {
	case 'y': return ACT_COPY_PHONE;
	case 'u': return ACT_COPY_PAGE;
	case 'c': return ACT_COPY_CONTACT;
	case 'o': return ACT_BROWSE_PAGE;
	case 'O': return ACT_BROWSE_CONTACT;
	default: return ACT_NONE;
	}
}

/* In the detail pane and the help, less's and vi's keys scroll and q goes
 * back. */
static enum action
reading_letter(uint32_t ch)
{
	switch (ch) {
	case 'j': return ACT_DOWN;
	case 'k': return ACT_UP;
	case 'g': return ACT_FIRST;
	case 'G': return ACT_LAST;
	case ' ': return ACT_PAGE_DOWN;
	case 'b': return ACT_PAGE_UP;
	case 'q': return ACT_ESCAPE;
	default: return ACT_NONE;
	}
}

static enum action
alt_letter(uint32_t ch)
{
	switch (ch) {
	case 'b': return ACT_WORD_LEFT;
	case 'f': return ACT_WORD_RIGHT;
	case 'd': return ACT_DELETE_WORD_FORWARD;
	default: return desk_letter(ch);
	}
}

enum action
keys_action(const struct key *key, const struct view *v, char *text,
    size_t *len)
{
	bool reading = v->help || v->focus == FOCUS_DETAIL;
	enum action a;

	*len = 0;
	if (key->id != K_CHAR)
		return function_key(key);
	if (!key->pasted) {
		if (key->ch < 0x20 || key->ch == 0x7f)
			return control_key(key->ch, key->mods);
		if (key->mods & MOD_ALT)
			return alt_letter(key->ch);
		if (v->help && key->ch == '?')
			return ACT_ESCAPE;
		if (reading && (a = reading_letter(key->ch)) != ACT_NONE)
			return a;
		if (!v->help && v->focus == FOCUS_DETAIL &&
		    (a = desk_letter(key->ch)) != ACT_NONE)
			return a;
		if (key->ch == '?' && v->query_len == 0)
			return ACT_HELP;
	}
	if (text_cp_unsafe(key->ch) || text_cp_width(key->ch) < 0)
		return ACT_NONE;
	*len = text_encode(key->ch, text);
	return ACT_NONE;
}
