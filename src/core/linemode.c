/* linemode: see linemode.h. */
#include "linemode.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "act.h"
#include "exit_status.h"
#include "filter.h"
#include "labels.h"
#include "timelimit.h"
#include "output.h"
#include "pages.h"
#include "text.h"

/* Width the detail and help are wrapped to: what most terminals and
 * braille displays take whole, and short enough to listen to. */
#define LINE_WIDTH 72

/* The line mode's input, read with read(2) so that poll sees what is
 * waiting: stdio's buffer would hide lines that came together, and fgets
 * would wait for the end of a line with no deadline. */
struct input {
	int fd;
	size_t len;          /* bytes in buf */
	bool eof, dropping;  /* dropping: the rest of a line too long */
	char buf[LINEMODE_MAX_LINE];
};

struct session {
	const struct table *table;
	const struct browser_options *o;
	enum lang lang;
	bool ascii;
	FILE *out;
	struct place_source *places;
	struct filter filter;
	size_t *rows, nrows;  /* the last list */
	size_t shown;         /* the desk shown last (table index), or SIZE_MAX */
	struct limits limits;
	struct input input;
};

static void
say(struct session *s, enum label id, const char *arg)
{
	label_print(s->out, s->lang, id, arg ? arg : "");
	fputc('\n', s->out);
}

/* A page as plain lines, without trailing blanks; runs of blank lines
 * (the browser's padding) as one, and none at the end. */
static void
put_page(struct session *s, const struct page *p)
{
	bool started = false, gap = false;

	for (size_t i = 0; i < p->count; i++) {
		const char *text = p->lines[i].text;
		size_t len = strlen(text);

		while (len > 0 && text[len - 1] == ' ')
			len--;
		if (len == 0) {
			gap = started;
			continue;
		}
		if (gap)
			fputc('\n', s->out);
		fprintf(s->out, "%.*s\n", (int)len, text);
		started = true;
		gap = false;
	}
}

static struct page_setup
setup_of(const struct session *s)
{
	return (struct page_setup){s->lang, s->ascii, LINE_WIDTH, NULL, true};
}

static void
show_detail(struct session *s, size_t desk)
{
	struct page_setup setup = setup_of(s);
	char via[FILTER_PLACE_MAX] = "";
	struct page p = {0};

	page_detail(&p, &s->table->desks[desk], &setup,
	    filter_place_read(&s->filter, &s->table->desks[desk],
	    s->lang == LANG_EN, s->ascii, via, sizeof via) ?
	    via : NULL, filter_suggested(&s->filter, &s->table->desks[desk]));
	put_page(s, &p);
	page_free(&p);
	s->shown = desk;
}

static void
show_list(struct session *s)
{
	bool guesses = true;

	for (size_t i = 0; i < s->nrows; i++)
		guesses &= filter_suggested(&s->filter,
		    &s->table->desks[s->rows[i]]);
	if (guesses)
		say(s, L_LINE_GUESSES, NULL);
	else {
		label_print(s->out, s->lang, L_LINE_MATCHES, s->nrows);
		fputc('\n', s->out);
	}
	for (size_t i = 0; i < s->nrows; i++) {
		const struct desk *desk = &s->table->desks[s->rows[i]];
		char note[FILTER_PLACE_MAX + 64];

		/* The code first: what is typed to see the desk. */
		text_print_safe(s->out, desk_cell(desk, FIELD_CODE));
		fputc(' ', s->out);
		if (!s->ascii) {
			text_print_safe(s->out, desk_cell(desk, FIELD_NAME));
			fputc(' ', s->out);
		}
		text_print_safe(s->out, desk_cell(desk, FIELD_ROMAJI));
		fputc(' ', s->out);
		text_print_safe(s->out, desk_cell(desk, FIELD_PHONE));
		if (page_row_note(&s->filter, desk, s->lang, s->ascii, note,
		    sizeof note)) {
			fputs(" (", s->out);
			text_print_safe(s->out, note);
			fputc(')', s->out);
		}
		fputc('\n', s->out);
	}
}

/* A page of the table's (the help; what a miss shows: what can be
 * typed, and who answers anyway), as plain lines. */
static void
show_page(struct session *s, void (*build)(struct page *,
    const struct table *, const struct page_setup *))
{
	struct page_setup setup = setup_of(s);
	struct page p = {0};

	build(&p, s->table, &setup);
	put_page(s, &p);
	page_free(&p);
}

static void
query(struct session *s, const char *text)
{
	filter_compile(&s->filter, text, s->places);
	s->nrows = filter_run(&s->filter, s->table, s->rows, NULL);
	s->shown = SIZE_MAX;
	if (s->nrows == 0)
		show_page(s, page_miss);
	else if (s->nrows == 1)
		show_detail(s, s->rows[0]);
	else
		show_list(s);
}

/* A text browser uses the line mode's terminal as it is: nothing to lend. */
static void
keep_terminal(void *ctx, bool away)
{
	(void)ctx;
	(void)away;
}

/* "copy [phone|page|contact]" and "open [page|contact]", on the desk shown
 * last, with the browser's rules (act), which write no escape here. */
static void
act(struct session *s, bool opening, const char *what)
{
	struct act_rules rules = act_rules_of(s->o, false);
	struct act_result res;
	const struct desk *desk;
	const char *text;

	if (s->shown == SIZE_MAX) {
		say(s, L_LINE_NO_DESK, NULL);
		return;
	}
	desk = &s->table->desks[s->shown];
	if (!*what)
		what = opening ? "page" : "phone";
	if (strcmp(what, "phone") != 0 && strcmp(what, "page") != 0 &&
	    strcmp(what, "contact") != 0) {
		char shown[64 * TEXT_ESCAPE_GROWTH + 1];

		text_sanitize(shown, sizeof shown, what, strnlen(what, 64));
		say(s, L_LINE_UNKNOWN, shown);
		return;
	}
	text = act_text(desk, strcmp(what, "phone") == 0 ? TARGET_PHONE :
	    strcmp(what, "page") == 0 ? TARGET_PAGE : TARGET_CONTACT);
	if (!text) {
		say(s, L_NO_CONTACT, NULL);
		return;
	}
	if (opening)
		act_open(&rules, text, keep_terminal, NULL, &res);
	else
		act_copy(&rules, text, &res);
	fprintf(s->out, "%s\n", res.said);
}

/* A line of digits that is a desk's code (13, 09, 5): that desk, the same
 * whatever was listed before; SIZE_MAX for none (a phone number, a postal
 * code: then it is a query). */
static size_t
desk_of_code(const struct session *s, const char *line)
{
	size_t n = strlen(line);
	unsigned long code;

	if (n == 0 || n > 8 || strspn(line, "0123456789") != n)
		return SIZE_MAX;
	code = strtoul(line, NULL, 10);
	for (size_t i = 0; i < s->table->count; i++)
		if (s->table->desks[i].code == code)
			return i;
	return SIZE_MAX;
}

/* One line: false to quit. */
static bool
command(struct session *s, char *line)
{
	size_t desk;

	if (strcmp(line, "q") == 0 || strcmp(line, "quit") == 0 ||
	    strcmp(line, "exit") == 0)
		return false;
	if (strcmp(line, "?") == 0 || strcmp(line, "help") == 0)
		show_page(s, page_help);
	else if ((desk = desk_of_code(s, line)) != SIZE_MAX)
		show_detail(s, desk);
	else if (strcmp(line, "all") == 0)
		query(s, "");
	else if (strncmp(line, "copy", 4) == 0 && (!line[4] || line[4] == ' '))
		act(s, false, line[4] ? line + 5 : "");
	else if (strncmp(line, "open", 4) == 0 && (!line[4] || line[4] == ' '))
		act(s, true, line[4] ? line + 5 : "");
	else if (*line)
		query(s, line);
	return true;
}

/* Waits until the input has something (bytes, its end or an error)
 * within the idle time and what is left of the session; false when one of
 * them ran out (said on stderr). */
static bool
wait_input(struct session *s)
{
	struct pollfd fd = {.fd = s->input.fd, .events = POLLIN};

	for (;;) {
		enum limit_end end;
		long wait = timelimit_left(&s->limits, &end);
		int r;

		if (end != LIMIT_NONE) {
			timelimit_goodbye(&s->limits, end, stderr);
			return false;
		}
		if (wait < 0)
			return true;
		r = poll(&fd, 1, wait > 1 << 30 ? 1 << 30 : (int)wait);
		if (r > 0 || (r < 0 && errno != EINTR))
			return true;
	}
}

/* Moves the bytes after the first n to the start of the buffer. */
static void
consume(struct input *in, size_t n)
{
	memmove(in->buf, in->buf + n, in->len - n);
	in->len -= n;
}

/* The next line into line (LINEMODE_MAX_LINE bytes), without its line
 * end; *cut when it was longer (the rest is dropped). A last line without
 * its newline still counts. False at the end of the input, or when a
 * limit ran out while waiting for the rest of a line: each wait for bytes
 * has the session's deadlines, and the lines that came together are read
 * one by one from the buffer, never left behind it. */
static bool
next_line(struct session *s, char *line, bool *cut)
{
	struct input *in = &s->input;

	*cut = false;
	for (;;) {
		char *end = memchr(in->buf, '\n', in->len);
		ssize_t got;

		if (end || (in->eof && in->len > 0) ||
		    in->len == sizeof in->buf) {
			size_t n = end ? (size_t)(end - in->buf) : in->len;
			bool dropped = in->dropping;

			if (!dropped) {
				memcpy(line, in->buf, n < LINEMODE_MAX_LINE ? n :
				    LINEMODE_MAX_LINE - 1);
				line[n < LINEMODE_MAX_LINE ? n :
				    LINEMODE_MAX_LINE - 1] = '\0';
			}
			/* A line longer than the buffer: its start now, the
			 * rest dropped up to its end. */
			in->dropping = !end && !in->eof;
			*cut |= in->dropping || dropped;
			consume(in, end ? n + 1 : n);
			if (!dropped)
				return true;
			continue;
		}
		if (in->eof)
			return false;
		if (!wait_input(s))
			return false;
		got = read(in->fd, in->buf + in->len, sizeof in->buf - in->len);
		if (got > 0)
			in->len += (size_t)got;
		else if (got == 0 || (errno != EINTR && errno != EAGAIN))
			in->eof = true;
	}
}

/* Reads a line into buf (LINEMODE_MAX_LINE bytes); a longer one is cut
 * (and the rest dropped), and a query is cut to what the browser's query
 * may hold. False at the end of the input or of a limit. */
static bool
read_line(struct session *s, char *buf)
{
	size_t len, most = s->o->restricted ? BROWSER_RESTRICTED_QUERY :
	    FILTER_MAX_QUERY;
	bool cut;

	if (!next_line(s, buf, &cut))
		return false;
	len = strlen(buf);
	if (len > 0 && buf[len - 1] == '\r')
		buf[--len] = '\0';
	if (len > most) {
		len = text_boundary(buf, most);
		buf[len] = '\0';
		cut = true;
	}
	if (cut) {
		label_print(s->out, s->lang, L_LINE_CUT, len);
		fputc('\n', s->out);
	}
	return true;
}

int
linemode_run(const struct table *t, const struct browser_options *o,
    struct place_source *places, FILE *in, FILE *out)
{
	struct session s = {.table = t, .o = o, .lang = o->lang,
		.ascii = o->ascii, .out = out, .places = places,
		.shown = SIZE_MAX, .input.fd = fileno(in)};
	char *line = malloc(LINEMODE_MAX_LINE);
	int status = EXIT_FOUND;

	s.rows = malloc((t->count + 1) * sizeof *s.rows);
	if (!line || !s.rows) {
		perror("madoguchi");
		free(line);
		free(s.rows);
		return EXIT_TROUBLE;
	}
	if (s.ascii)
		s.lang = LANG_EN;
	timelimit_start(&s.limits, o->idle_timeout, o->max_session);
	say(&s, L_LINE_INTRO, NULL);
	if (o->ascii_why)
		fprintf(out, "%s\n", o->ascii_why);
	if (o->query && *o->query)
		query(&s, o->query);
	for (;;) {
		fputs("> ", out);
		fflush(out);
		if (!read_line(&s, line)) {
			fputc('\n', out);
			break;
		}
		timelimit_key(&s.limits);
		if (!command(&s, line))
			break;
		if (ferror(out))
			break;
	}
	if (fflush(out) != 0 || ferror(out)) {
		perror("madoguchi: standard output");
		status = EXIT_TROUBLE;
	}
	free(line);
	free(s.rows);
	return status;
}
