/* reference.c: the same job as madoguchi's browser done the plainest way
 * with ncursesw, as the benchmark's yardstick for what curses costs at the
 * least: two boxed panes, the 47 names, a highlight that Up and Down move,
 * and the same detail (every field, the kinds written out, the notes, in
 * madoguchi's words) erased and written again on each move, long lines
 * wrapped by curses.
 * q or Esc quits. Reads data/desks.tsv (or argv[1]). */
#include <curses.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"

#define MAX_DESKS 64
#define LIST_WIDTH 16

static char names[MAX_DESKS][64];
static char details[MAX_DESKS][2048];
static int count;

enum { CODE, NAME, PREFECTURE, KANA, ROMAJI, REGION, REGION_ROMAJI, BUREAU,
	PHONE, PHONE_KIND, CYBER_URL, CONTACT, CONTACT_KIND, FIELDS };

/* The kinds written out, in madoguchi's own words (labels.c), so that the
 * two programs always show the same text. */
static const char *
phone_kind(const char *mark)
{
	return label(LANG_EN, !strcmp(mark, "総") ? L_PHONE_KIND_GENERAL :
	    !strcmp(mark, "代") ? L_PHONE_KIND_SWITCHBOARD : L_PHONE_KIND_CYBER);
}

static const char *
contact_kind(const char *mark)
{
	return label(LANG_EN, !strcmp(mark, "全") ? L_CONTACT_KIND_ALL :
	    !strcmp(mark, "専") ? L_CONTACT_KIND_CYBER :
	    !strcmp(mark, "情報・専") ? L_CONTACT_KIND_INFO :
	    L_CONTACT_KIND_NONE);
}

/* Adds to the text in out. */
static void
append(char *out, size_t cap, const char *fmt, ...)
{
	size_t used = strlen(out);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out + used, cap - used, fmt, ap);
	va_end(ap);
}

/* Splits a line at tabs, keeping empty cells; returns the cell count. */
static int
split(char *line, char **cell)
{
	int n = 0;

	for (char *p = line; p && n < FIELDS; n++) {
		cell[n] = p;
		if ((p = strchr(p, '\t')))
			*p++ = '\0';
	}
	return n;
}

/* The same lines as madoguchi's detail, one after another. */
static void
describe(char *out, size_t cap, char **c)
{
	bool no_contact = !strcmp(c[CONTACT], "-");

	out[0] = '\0';
	append(out, cap, "%s %s  %s\n%s  %s\n", c[CODE], c[NAME],
	    c[PREFECTURE], c[KANA], c[ROMAJI]);
	append(out, cap, label(LANG_EN, L_REGION), c[REGION], c[REGION_ROMAJI]);
	append(out, cap, "\n%s: %s\n\n%s\n  %s\n  (%s) %s\n",
	    label(LANG_EN, L_BUREAU), strcmp(c[BUREAU], "-") ? c[BUREAU] :
	    label(LANG_EN, L_BUREAU_NONE), label(LANG_EN, L_PHONE), c[PHONE],
	    c[PHONE_KIND], phone_kind(c[PHONE_KIND]));
	if (strcmp(c[PHONE_KIND], "総"))
		append(out, cap, "  %s\n", label(LANG_EN, L_PHONE_ALSO_GENERAL));
	append(out, cap, "\n%s\n  %s\n\n%s\n  %s\n", label(LANG_EN,
	    L_CYBER_PAGE), c[CYBER_URL], label(LANG_EN, L_CONTACT), no_contact ?
	    label(LANG_EN, L_CONTACT_NONE) : !strcmp(c[CONTACT], "上記ページから") ?
	    label(LANG_EN, L_CONTACT_SAME_PAGE) : c[CONTACT]);
	if (no_contact)
		return;
	if (strcmp(c[CONTACT_KIND], "-"))
		append(out, cap, "  (%s) ", c[CONTACT_KIND]);
	else
		append(out, cap, "  ");
	append(out, cap, "%s\n", contact_kind(c[CONTACT_KIND]));
}

static void
load(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	int header_seen = 0;

	if (!f) {
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof line, f) && count < MAX_DESKS) {
		char *cell[FIELDS];

		if (line[0] == '#' || line[0] == '@' || line[0] == '\n')
			continue;
		if (!header_seen++)
			continue;
		line[strcspn(line, "\r\n")] = '\0';
		if (split(line, cell) < FIELDS)
			continue;
		snprintf(names[count], sizeof names[0], "%s", cell[NAME]);
		describe(details[count], sizeof details[0], cell);
		count++;
	}
	fclose(f);
}

int
main(int argc, char **argv)
{
	WINDOW *left, *right, *list, *detail;
	int sel = 0, top = 0, key, height;

	setlocale(LC_ALL, "");
	load(argc > 1 ? argv[1] : "data/desks.tsv");
	if (count == 0)
		return 1;
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	left = newwin(LINES, LIST_WIDTH, 0, 0);
	right = newwin(LINES, COLS - LIST_WIDTH, 0, LIST_WIDTH);
	list = derwin(left, LINES - 2, LIST_WIDTH - 2, 1, 1);
	detail = derwin(right, LINES - 2, COLS - LIST_WIDTH - 2, 1, 1);
	box(left, 0, 0);
	box(right, 0, 0);
	wnoutrefresh(stdscr);
	wnoutrefresh(left);
	wnoutrefresh(right);
	height = LINES - 2;
	for (;;) {
		if (sel < top)
			top = sel;
		if (sel >= top + height)
			top = sel - height + 1;
		for (int i = 0; i < height; i++) {
			wmove(list, i, 0);
			wclrtoeol(list);
			if (top + i >= count)
				continue;
			mvwaddstr(list, i, 1, names[top + i]);
			if (top + i == sel)
				mvwchgat(list, i, 0, -1, A_REVERSE, 0, NULL);
		}
		werase(detail);
		mvwaddstr(detail, 0, 0, details[sel]);
		wnoutrefresh(list);
		wnoutrefresh(detail);
		doupdate();
		key = getch();
		if (key == 'q' || key == 27)
			break;
		if (key == KEY_UP && sel > 0)
			sel--;
		if (key == KEY_DOWN && sel < count - 1)
			sel++;
	}
	endwin();
	return 0;
}
