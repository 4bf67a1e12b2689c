/* keys: see keys.h. Readline's control keys, and the usual function keys. */
#include "keys.h"

#include <limits.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#define CTRL(c) ((c) & 0x1f)

static enum action
function_key(wint_t ch)
{
	switch (ch) {
	case KEY_UP: return ACT_UP;
	case KEY_DOWN: return ACT_DOWN;
	case KEY_PPAGE: return ACT_PAGE_UP;
	case KEY_NPAGE: return ACT_PAGE_DOWN;
	case KEY_HOME: return ACT_FIRST;
	case KEY_END: return ACT_LAST;
	case KEY_LEFT: return ACT_BACK;
	case KEY_RIGHT: return ACT_CURSOR_RIGHT;
	case KEY_BACKSPACE: return ACT_BACKSPACE;
	case KEY_ENTER: return ACT_OPEN;
	case KEY_BTAB: return ACT_TOGGLE_FOCUS;
	case KEY_F(1): return ACT_HELP;
	case KEY_F(2): return ACT_COPY_PHONE;
	case KEY_F(3): return ACT_COPY_PAGE;
	case KEY_F(4): return ACT_COPY_CONTACT;
	case KEY_F(5): return ACT_BROWSE_PAGE;
	case KEY_F(6): return ACT_BROWSE_CONTACT;
	default: return ACT_NONE;
	}
}

static enum action
control_key(wint_t ch)
{
	switch (ch) {
	case 0x1b: return ACT_ESCAPE;
	case '\t': return ACT_TOGGLE_FOCUS;
	case '\r': case '\n': return ACT_OPEN;
	case 0x7f: case CTRL('h'): return ACT_BACKSPACE;
	case CTRL('p'): return ACT_UP;
	case CTRL('n'): return ACT_DOWN;
	case CTRL('u'): return ACT_CLEAR_QUERY;
	case CTRL('w'): return ACT_DELETE_WORD;
	case CTRL('a'): return ACT_CURSOR_START;
	case CTRL('e'): return ACT_CURSOR_END;
	case CTRL('b'): return ACT_CURSOR_LEFT;
	case CTRL('f'): return ACT_CURSOR_RIGHT;
	case CTRL('c'): return ACT_QUIT;
	default: return ACT_NONE;
	}
}

enum action
keys_action(int status, wint_t ch, const struct view *v, char *text,
    size_t *len)
{
	mbstate_t mb;
	size_t n;

	*len = 0;
	if (status == KEY_CODE_YES)
		return function_key(ch);
	if (status != OK)
		return ACT_NONE;
	if (ch < 0x20 || ch == 0x7f)
		return control_key(ch);
	if (v->help && (ch == 'q' || ch == '?'))
		return ACT_ESCAPE;
	if (ch == '?' && v->query_len == 0)
		return ACT_HELP;
	if (!iswprint(ch))
		return ACT_NONE;
	memset(&mb, 0, sizeof mb);
	n = wcrtomb(text, (wchar_t)ch, &mb);
	if (n != (size_t)-1)
		*len = n;
	return ACT_NONE;
}
