/* reference.c: the same job as madoguchi's browser done the plainest way
 * with ncursesw, as the benchmark's yardstick for what curses costs at the
 * least: two boxed panes, the 47 names, a highlight that Up and Down move,
 * the detail redrawn. q or Esc quits. Reads data/desks.tsv (or argv[1]). */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DESKS 64
#define LIST_WIDTH 16

static char names[MAX_DESKS][64];
static char details[MAX_DESKS][1024];
static int count;

/* Keeps name, phone, its mark, the page and the address of each row. */
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
		char *cell[13];
		int n = 0;

		if (line[0] == '#' || line[0] == '@' || line[0] == '\n')
			continue;
		if (!header_seen++)
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (char *p = line; n < 13; p = NULL)
			if (!(cell[n++] = strtok(p, "\t")))
				break;
		if (n < 13 || !cell[12])
			continue;
		snprintf(names[count], sizeof names[0], "%s", cell[1]);
		snprintf(details[count], sizeof details[0],
		    "%s %s(%s)\n%s\n%s(%s)", cell[1], cell[8], cell[9],
		    cell[10], cell[11], cell[12]);
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
