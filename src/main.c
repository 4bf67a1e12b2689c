/* main: options, loading the table, and the choice between the printers,
 * the validator and the browser. The only place that prints and exits. */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <string.h>
#include <unistd.h>

#include "browser.h"
#include "builtin.h"
#include "exit_status.h"
#include "filter.h"
#include "labels.h"
#include "linemode.h"
#include "output.h"
#include "table.h"
#include "terminal.h"
#include "text.h"

#ifndef VERSION
#define VERSION "unknown" /* the Makefile defines it */
#endif

enum mode { MODE_AUTO, MODE_FILTER, MODE_LIST, MODE_CHECK, MODE_HELP,
	MODE_VERSION, MODE_LINE };

struct options {
	enum mode mode;
	const char *query;
	const char *data;
	enum format format;
	bool idle_set, session_set;
	struct browser_options browser;
};

/* Restricted mode's idle time and longest session, unless --idle-timeout
 * and --max-session say otherwise. */
#define RESTRICTED_IDLE_SECONDS 300
#define RESTRICTED_SESSION_SECONDS 3600


/* A word from the command line, made safe to show (once a message: the
 * message ends the run). */
static const char *
shown(const char *arg)
{
	static char safe[256 * TEXT_ESCAPE_GROWTH + 1];

	text_sanitize(safe, sizeof safe, arg, strnlen(arg, 256));
	return safe;
}

/* The option getopt stopped at: a short one by its letter (in -xl, the
 * word is -xl and the option -x), a long one as written. */
static const char *
option_named(const char *word)
{
	static char letter[3] = "-";

	if (!optopt || strncmp(word, "--", 2) == 0)
		return shown(word);
	letter[1] = optopt > ' ' && optopt < 0x7f ? (char)optopt : '?';
	return letter;
}

static int usage_error(const char *fmt, ...) TSV_PRINTF(1, 2);

static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("madoguchi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'madoguchi --help'.\n", stderr);
	return EXIT_TROUBLE;
}

/* Joins the words after the options with single spaces into buf. */
static const char *
join_words(char **words, int n, char *buf, size_t cap)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		int w = snprintf(buf + len, cap - len, "%s%s", i ? " " : "",
		    words[i]);

		if (w < 0 || (size_t)w >= cap - len)
			break;
		len += (size_t)w;
	}
	return buf;
}

static bool
parse_seconds(const char *arg, unsigned *out)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || arg[0] == '-' || n > 86400 * 365)
		return false;
	*out = (unsigned)n;
	return true;
}

static int
parse_value_option(int opt, const char *arg, struct options *o)
{
	switch (opt) {
	case 'F':
		if (!output_parse_format(arg, &o->format))
			return usage_error("unknown format '%s' (plain, tsv, json)",
			    shown(arg));
		break;
	case 'L':
		if (!labels_parse_lang(arg, &o->browser.lang))
			return usage_error("unknown language '%s' (ja, en)",
			    shown(arg));
		break;
	case 'I':
		if (!parse_seconds(arg, &o->browser.idle_timeout))
			return usage_error("--idle-timeout takes whole seconds, "
			    "not '%s'", shown(arg));
		o->idle_set = true;
		break;
	case 'S':
		if (!parse_seconds(arg, &o->browser.max_session))
			return usage_error("--max-session takes whole seconds, "
			    "not '%s'", shown(arg));
		o->session_set = true;
		break;
	case 'C':
		if (strcmp(arg, "auto") == 0)
			o->browser.color = COLOR_AUTO;
		else if (strcmp(arg, "always") == 0)
			o->browser.color = COLOR_ALWAYS;
		else if (strcmp(arg, "never") == 0)
			o->browser.color = COLOR_NEVER;
		else
			return usage_error("unknown colour mode '%s' (auto, "
			    "always, never)", shown(arg));
		break;
	}
	return 0;
}

static int
parse_options(int argc, char **argv, struct options *o, char *words,
    size_t cap)
{
	static const struct option longopts[] = {
		{"filter", required_argument, NULL, 'f'},
		{"list", no_argument, NULL, 'l'},
		{"format", required_argument, NULL, 'F'},
		{"data", required_argument, NULL, 'd'},
		{"check", no_argument, NULL, 'c'},
		{"query", required_argument, NULL, 'q'},
		{"lang", required_argument, NULL, 'L'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"no-mouse", no_argument, NULL, 'M'},
		{"no-osc52", no_argument, NULL, 'O'},
		{"no-hyperlinks", no_argument, NULL, 'H'},
		{"no-print", no_argument, NULL, 'P'},
		{"line", no_argument, NULL, 'N'},
		{"ascii", no_argument, NULL, 'A'},
		{"restricted", no_argument, NULL, 'R'},
		{"idle-timeout", required_argument, NULL, 'I'},
		{"max-session", required_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int opt;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":f:lF:d:q:hV", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'f':
			o->mode = MODE_FILTER;
			o->query = optarg;
			break;
		case 'l':
			o->mode = MODE_LIST;
			break;
		case 'c':
			o->mode = MODE_CHECK;
			break;
		case 'd':
			o->data = optarg;
			break;
		case 'q':
			o->browser.query = optarg;
			break;
		case 'M':
			o->browser.mouse = false;
			break;
		case 'A':
			o->browser.ascii = true;
			break;
		case 'O':
			o->browser.osc52 = false;
			break;
		case 'H':
			o->browser.hyperlinks = false;
			break;
		case 'P':
			o->browser.print_picked = false;
			break;
		case 'N':
			o->mode = MODE_LINE;
			break;
		case 'R':
			o->browser.restricted = true;
			break;
		case 'h':
			o->mode = MODE_HELP;
			break;
		case 'V':
			o->mode = MODE_VERSION;
			break;
		case ':':
			return usage_error("option '%s' needs a value",
			    option_named(argv[optind - 1]));
		case '?':
			return usage_error("unknown option '%s'",
			    option_named(argv[optind - 1]));
		default:
			if (parse_value_option(opt, optarg, o) != 0)
				return EXIT_TROUBLE;
		}
	}
	if (o->browser.restricted && o->data)
		return usage_error("%s is refused in restricted mode", "--data");
	if (o->browser.restricted && !o->idle_set)
		o->browser.idle_timeout = RESTRICTED_IDLE_SECONDS;
	if (o->browser.restricted && !o->session_set)
		o->browser.max_session = RESTRICTED_SESSION_SECONDS;
	if (optind < argc) {
		if (o->mode == MODE_FILTER || o->mode == MODE_LIST ||
		    o->mode == MODE_CHECK)
			return usage_error("unexpected argument '%s'",
			    shown(argv[optind]));
		o->browser.query = join_words(argv + optind, argc - optind,
		    words, cap);
	}
	return 0;
}

/* Loads the table; on failure prints why and returns the exit status:
 * for --check an invalid table is its answer (1), for anything else it is
 * trouble (2), as grep and fzf have it. */
/* A table as messages name it: its file, (stdin) or the built-in one. */
static const char *
table_name(const char *path)
{
	return path ? (strcmp(path, "-") ? path : "(stdin)") : BUILTIN_NAME;
}

static int
load(const char *path, struct table **t, bool checking)
{
	const char *name = table_name(path);
	struct diags *d = malloc(sizeof *d);
	enum tsv_status s;

	if (!d) {
		perror("madoguchi");
		return EXIT_TROUBLE;
	}
	s = path ? table_load_file(path, t, d) : builtin_desks(t, d);
	if (s == TSV_IO_ERROR) {
		fputs("madoguchi: ", stderr);
		text_print_safe(stderr, name);
		fprintf(stderr, ": %s\n", strerror(errno));
	} else if (s == TSV_INVALID) {
		tsv_print_diags(stderr, name, d);
	}
	free(d);
	return s == TSV_OK ? 0 : s == TSV_INVALID && checking ? EXIT_NONE :
	    EXIT_TROUBLE;
}

/* Says why the built-in places did not load, which only a bad build
 * could make happen. */
static void
report_places(const struct place_source *src)
{
	if (src->status == TSV_INVALID)
		tsv_print_diags(stderr, builtin_place_tables[src->which],
		    src->diags);
	else if (src->status == TSV_IO_ERROR)
		perror("madoguchi");
}

struct notes_context {
	const struct filter *filter;
	const struct table *table;
	bool ascii;
};

static bool
place_note(void *ctx, size_t row, char *buf, size_t cap, bool *guessed)
{
	const struct notes_context *c = ctx;
	const struct desk *desk = &c->table->desks[row];

	*guessed = filter_suggested(c->filter, desk);
	return filter_place(c->filter, desk, c->ascii, buf, cap);
}

static int
print_matches(const struct table *t, const struct options *o)
{
	const char *query = o->mode == MODE_LIST || !o->query ? "" : o->query;
	struct place_source places = builtin_place_source();
	struct filter *f = malloc(sizeof *f);
	struct notes_context ctx = {f, t, o->browser.ascii};
	struct output_notes notes = {place_note, &ctx, o->browser.lang};
	size_t *rows = malloc(t->count * sizeof *rows + 1), n;
	int status;

	if (!rows || !f) {
		perror("madoguchi");
		free(rows);
		free(f);
		return EXIT_TROUBLE;
	}
	filter_compile(f, query, &places);
	report_places(&places);
	n = filter_run(f, t, rows, NULL);
	status = n ? EXIT_FOUND : EXIT_NONE;
	/* A person at a terminal is told what to type; a script gets the
	 * status alone, as from grep. */
	if (n == 0 && isatty(STDERR_FILENO))
		fprintf(stderr, "madoguchi: %s %s\n",
		    label(o->browser.lang, L_NO_MATCH), label(o->browser.lang,
		    o->browser.ascii ? L_MISS_HINT_ASCII : L_MISS_HINT));
	if (output_print(stdout, o->format, t, rows, n, &notes,
	    o->browser.ascii) != 0) {
		perror("madoguchi: standard output");
		status = EXIT_TROUBLE;
	}
	free(rows);
	free(f);
	place_source_free(&places);
	return status;
}

/* The GNU lines: the version, the data's source, copyright, licence. */
static int
print_version(void)
{
	struct table *t = NULL;
	struct diags *d = malloc(sizeof *d);
	const struct meta *title = NULL, *publisher = NULL, *provenance = NULL;

	if (d && builtin_desks(&t, d) == TSV_OK) {
		title = table_meta(t, "title", NULL, NULL);
		publisher = table_meta(t, "publisher", NULL, NULL);
		provenance = table_meta(t, "provenance", "en", NULL);
	}
	printf("madoguchi %s\ndata: ", VERSION);
	text_print_safe(stdout, title ? title->value : "(untitled)");
	fputs(", ", stdout);
	text_print_safe(stdout, publisher ? publisher->value : "(no publisher)");
	fputs(". ", stdout);
	text_print_safe(stdout, provenance ? provenance->value : "");
	fputs("\nCopyright (C) 2026 the madoguchi authors.\n"
	    "License: MIT <https://opensource.org/licenses/MIT>.\n"
	    "This is free software: you are free to change and redistribute "
	    "it.\nThere is NO WARRANTY, to the extent permitted by law.\n",
	    stdout);
	table_free(t);
	free(d);
	return EXIT_FOUND;
}

/* --check: the desk table, and the built-in places and postal codes with
 * their counts (which their @count lines hold the source's own). */
static int
check(const struct table *t, const struct options *o)
{
	struct place_source src = builtin_place_source();
	const struct places *places = place_source_get(&src, true);
	size_t prefectures = 0;

	if (src.status != TSV_OK) {
		report_places(&src);
		place_source_free(&src);
		return EXIT_NONE;
	}
	for (size_t i = 0; i < places->current; i++)
		prefectures += places->list[i].code % 1000 == 0;
	text_print_safe(stdout, table_name(o->data));
	printf(": %zu desks, valid\n%s: %zu prefectures, %zu municipalities, "
	    "%zu former names, %lu postal codes in %zu ranges, valid\n",
	    t->count, BUILTIN_NAME, prefectures, places->current - prefectures,
	    places->count - places->current, places->postal_codes,
	    places->npostal);
	place_source_free(&src);
	return EXIT_FOUND;
}

/* Where Japanese cannot be shown (terminal_needs_ascii), the interactive
 * modes show ASCII by themselves and say why once. */
static void
ascii_by_itself(struct browser_options *b)
{
	static char why[256]; /* the browser may hand over to the line mode */
	char shown[64 * TEXT_ESCAPE_GROWTH + 1];
	const char *what = "";
	enum label reason = terminal_needs_ascii(&what);

	if (b->ascii || reason == L_COUNT)
		return;
	text_sanitize(shown, sizeof shown, what, strnlen(what, 64));
	label_format(why, sizeof why, LANG_EN, reason, shown);
	b->ascii = true;
	b->ascii_why = why;
}

static int
line_mode(const struct table *t, struct options *o)
{
	struct place_source places = builtin_place_source();
	int status;

	ascii_by_itself(&o->browser);
	/* A kiosk has no shell to suspend into (the browser ignores ^Z in
	 * restricted mode the same way). */
	if (o->browser.restricted)
		signal(SIGTSTP, SIG_IGN);
	status = linemode_run(t, &o->browser, &places, stdin, stdout);

	place_source_free(&places);
	return status;
}

/* What was printed reached standard output, or the status says it did
 * not (a full disk, a closed pipe): status otherwise. */
static int
flushed(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("madoguchi: standard output");
		return EXIT_TROUBLE;
	}
	return status;
}

static int
browse(const struct table *t, struct options *o)
{
	struct place_source places = builtin_place_source();
	int status;

	ascii_by_itself(&o->browser);
	status = browser_run(t, &o->browser, &places);

	place_source_free(&places);
	return status;
}

static int
run(const struct table *t, struct options *o)
{
	switch (o->mode) {
	case MODE_CHECK:
		return flushed(check(t, o));
	case MODE_LINE:
		return line_mode(t, o);
	case MODE_AUTO:
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			int status = browse(t, o);

			/* No cursor addressing (TERM=dumb, unset, unknown):
			 * a person is still there. */
			return status != BROWSER_UNUSABLE ? status :
			    line_mode(t, o);
		}
		o->query = o->browser.query;
		break;
	default:
		break;
	}
	return print_matches(t, o);
}

/* A kiosk user's Ctrl-backslash (SIGQUIT) ends the session, raised again for the
 * exit status: with core dumps allowed, that would write one into the
 * working directory. */
static void
no_core_dumps(void)
{
	struct rlimit none = {0, 0};

	setrlimit(RLIMIT_CORE, &none);
}

int
main(int argc, char **argv)
{
	struct options o = {.mode = MODE_AUTO, .format = FORMAT_PLAIN,
		.browser = {.lang = labels_lang_from_env(), .mouse = true,
		.osc52 = true, .hyperlinks = true, .print_picked = true}};
	char words[1024];
	struct table *t = NULL;
	int status;

	const char *restricted = getenv("MADOGUCHI_RESTRICTED");

	setlocale(LC_ALL, "");
	/* Set by whoever starts madoguchi (an sshd ForceCommand): no option
	 * can turn it off. */
	o.browser.restricted = restricted && *restricted && strcmp(restricted,
	    "0") != 0;
	if ((status = parse_options(argc, argv, &o, words, sizeof words)) != 0)
		return status;
	/* The variable and --restricted are one setting. */
	if (o.browser.restricted)
		no_core_dumps();
	if (o.mode == MODE_HELP) {
		fputs(label(o.browser.ascii ? LANG_EN : o.browser.lang, L_USAGE),
		    stdout);
		return flushed(EXIT_FOUND);
	}
	if (o.mode == MODE_VERSION) /* whatever else was asked */
		return flushed(print_version());
	if ((status = load(o.data, &t, o.mode == MODE_CHECK)) != 0)
		return status;
	status = run(t, &o);
	table_free(t);
	return status;
}
