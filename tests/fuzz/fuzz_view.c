/* Fuzzing the view: any bytes, read as what a terminal sends (keys, pastes,
 * mouse reports, whose coordinates here also resize the screen), drive the
 * browser's view over the built-in desks and places, and every frame is
 * drawn as the browser draws it (draw_view) into a curses screen on
 * /dev/null. Then every cell is checked: nothing unsafe on the screen, and
 * the view's indices in range. Built with libFuzzer by `make fuzz`;
 * replayed over tests/fuzz/view-corpus by `make check` (replay.c). */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "draw.h"
#include "keys.h"
#include "layout.h"
#include "text.h"
#include "view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct table *desks;
static struct place_source places;
static struct theme theme;

static void
start(void)
{
	struct diags d;
	FILE *out, *in;

	setlocale(LC_ALL, "C.UTF-8");
	if (builtin_desks(&desks, &d) != TSV_OK)
		abort();
	places = builtin_place_source();
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (!out || !in || !newterm("xterm-256color", out, in))
		abort();
	theme_init(&theme, false);
}

static void
check_screen(const struct view *v)
{
	for (int y = 0; y < LINES; y++)
		for (int x = 0; x < COLS; x++) {
			wchar_t wc[CCHARW_MAX + 1] = {0};
			attr_t a;
			short pair;
			cchar_t c;

			mvwin_wch(stdscr, y, x, &c);
			getcchar(&c, wc, &a, &pair, NULL);
			for (size_t i = 0; i < CCHARW_MAX && wc[i]; i++)
				if (text_cp_unsafe((uint32_t)wc[i]))
					abort(); /* an unsafe character on screen */
		}
	if (v->nrows && (v->sel >= v->nrows || v->top > v->sel))
		abort();
	if (v->query_len > v->query_max || v->cursor > v->query_len ||
	    strlen(v->query) != v->query_len)
		abort();
}

static void
frame(struct view *v, int lines, int cols, bool ascii)
{
	struct frame_plan plan = {0};
	enum lang lang = ascii ? LANG_EN : LANG_JA;
	struct frame f = {v, &plan.layout, &plan.page, plan.hint, &plan.query, &theme, lang,
		ascii, NULL, NULL};

	resize_term(lines, cols);
	frame_plan_build(&plan, v, lines, cols, lang, ascii);
	draw_frame(stdscr, &f);
	check_screen(v);
	frame_plan_free(&plan);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keyin k;
	struct view v;
	int lines = 24, cols = 80;
	bool ascii = size > 0 && data[0] & 1;

	if (!desks)
		start();
	if (!view_init(&v, desks, &places, NULL, size > 1 && data[1] & 1 ?
	    64 : 0))
		return 0;
	keyin_init(&k, true);
	for (size_t i = 2; i <= size; i++) {
		struct key keys[KEYIN_MAX_KEYS];
		size_t n = i < size ? keyin_byte(&k, data[i], keys) :
		    keyin_timeout(&k, keys);

		for (size_t j = 0; j < n; j++) {
			char text[4];
			size_t len;
			enum action a = keys_action(&keys[j], &v, text, &len);

			if (keys[j].id == K_MOUSE) { /* a new size, from it */
				lines = 1 + keys[j].y % 80;
				cols = 1 + keys[j].x % 250;
			} else if (len) {
				view_insert(&v, text, len);
			} else {
				view_apply(&v, a, (size_t)lines);
			}
			frame(&v, lines, cols, ascii);
		}
	}
	view_free(&v);
	return 0;
}
