/* make-man-keys LANG PAGE: prints the man page PAGE with its list of keys
 * made again from the key table, as the help shows it (help_key_row), in
 * LANG (en or ja). The list is what lies between the line that begins
 * with BEGIN and the one that begins with END. `make man-keys` writes
 * both man pages so; tests/static.sh fails when either differs. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "help.h"

#define BEGIN ".\\\" The keys below are made from the key table"
#define END ".\\\" End of the keys made from the key table"

/* Text as mdoc takes it: a leading dot or quote would be a request, and
 * a backslash an escape. */
static void
put_text(const char *s, FILE *out)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++)
		if (*s == '\\')
			fputs("\\e", out);
		else
			fputc(*s, out);
}

/* ".It Up , Down": each name a word of its own; one that mdoc could take
 * for punctuation or a macro (?, a dot) behind \&. */
static void
put_tag(char *keys, FILE *out)
{
	bool first = true;

	fputs(".It", out);
	for (char *w = strtok(keys, " "); w; w = strtok(NULL, " ")) {
		fputs(first ? " " : " , ", out);
		if (strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		    "0123456789-") != strlen(w) && (unsigned char)*w < 0x80)
			fputs("\\&", out);
		put_text(w, out);
		first = false;
	}
	fputc('\n', out);
}

static void
put_keys(enum lang lang, FILE *out)
{
	fputs(BEGIN " (src/tools/make-man-keys.c,\n"
	    ".\\\" make man-keys): change keys.c and help.c, not this list.\n"
	    ".Bl -tag -width \"Backspace, C-w, C-u\" -compact\n", out);
	for (size_t i = 0; i < help_key_rows(); i++) {
		char keys[256], what[256];

		help_key_row(i, lang, keys, sizeof keys, what, sizeof what);
		put_tag(keys, out);
		put_text(what, out);
		fputc('\n', out);
	}
	fputs(".El\n" END ".\n", out);
}

int
main(int argc, char **argv)
{
	FILE *page;
	char line[4096];
	bool inside = false, made = false;
	long at = 0, began = 0;

	if (argc != 3 || (strcmp(argv[1], "en") && strcmp(argv[1], "ja"))) {
		fputs("usage: make-man-keys en|ja PAGE\n", stderr);
		return 2;
	}
	if (!(page = fopen(argv[2], "r"))) {
		perror(argv[2]);
		return 1;
	}
	while (fgets(line, sizeof line, page)) {
		at++;
		if (!inside && strncmp(line, BEGIN, strlen(BEGIN)) == 0) {
			began = at;
			put_keys(strcmp(argv[1], "ja") ? LANG_EN : LANG_JA, stdout);
			inside = made = true;
		} else if (inside && strncmp(line, END, strlen(END)) == 0) {
			inside = false;
		} else if (!inside) {
			fputs(line, stdout);
		}
	}
	fclose(page);
	if (!made) {
		fprintf(stderr, "%s:1:1: no line begins \"%s\"\n", argv[2], BEGIN);
		return 1;
	}
	if (inside) {
		fprintf(stderr, "%s:%ld:1: the list of keys has no line \"%s\" after it\n",
		    argv[2], began, END);
		return 1;
	}
	return 0;
}
