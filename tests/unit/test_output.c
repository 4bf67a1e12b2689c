/* Unit tests for output: plain alignment by display width, and hostile
 * text made harmless in every format; labels' language choice. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "clip.h"
#include "labels.h"
#include "output.h"
#include "text.h"

static char *
print(const struct table *t, enum format fmt)
{
	size_t rows[64], n = t->count, size;
	char *buf;
	FILE *f = open_memstream(&buf, &size);

	for (size_t i = 0; i < n; i++)
		rows[i] = i;
	assert_int_equal(output_print(f, fmt, t, rows, n, NULL, false), 0);
	fclose(f);
	return buf;
}

static void
plain_aligns_by_display_width(void **state)
{
	struct table *t;
	struct diags d;
	char *out, *line, *save = NULL;
	size_t first = 0;

	(void)state;
	assert_int_equal(table_load_file("data/desks.tsv", &t, &d), TABLE_OK);
	out = print(t, FORMAT_PLAIN);
	for (line = strtok_r(out, "\n", &save); line;
	    line = strtok_r(NULL, "\n", &save)) {
		char *phone = strstr(line, "-9110(");
		char prefix[256];
		size_t col;

		if (!phone)
			continue;
		while (phone > line && phone[-1] != ' ')
			phone--;
		snprintf(prefix, sizeof prefix, "%.*s", (int)(phone - line), line);
		col = text_width(prefix);
		if (first == 0)
			first = col;
		assert_int_equal(col, first);
	}
	assert_true(first > 10);
	free(out);
	table_free(t);
}

/* One desk whose every cell carries something a terminal would obey. */
static void
hostile_table(struct table *t, struct desk *k)
{
	static const char *const evil[FIELD_COUNT] = {
		"99", "\x1b]0;title\x07name", "\x1b[2J\xe2\x80\xae", "\xc2\x9b",
		"x\x1b]52;c;aGk=\x07", "\x7f", "r", "b\tc", "0\r1",
		"\xe2\x81\xa6", "http://a\x1b[1A", "-", "-",
	};

	static char cells[512];

	memset(t, 0, sizeof *t);
	memset(k, 0, sizeof *k);
	assert_true(desk_set_cells(k, cells, sizeof cells, evil));
	k->contact = CONTACT_NONE;
	t->desks = k;
	t->count = 1;
}

static void
no_raw_control_in_any_format(void **state)
{
	struct table t;
	struct desk k;

	(void)state;
	hostile_table(&t, &k);
	for (int fmt = FORMAT_PLAIN; fmt <= FORMAT_JSON; fmt++) {
		char *out = print(&t, (enum format)fmt);

		for (const char *p = out; *p; p++) {
			unsigned char c = (unsigned char)*p;

			if ((c < 0x20 && c != '\n' && !(fmt == FORMAT_TSV &&
			    c == '\t')) || c == 0x7f)
				fail_msg("format %d wrote byte 0x%02x", fmt, c);
		}
		assert_null(strstr(out, "\xe2\x80\xae"));
		assert_null(strstr(out, "\xe2\x81\xa6"));
		assert_null(strstr(out, "\xc2\x9b"));
		free(out);
	}
}

static void
escapes_are_visible(void **state)
{
	struct table t;
	struct desk k;
	char *plain, *json;

	(void)state;
	hostile_table(&t, &k);
	plain = print(&t, FORMAT_PLAIN);
	json = print(&t, FORMAT_JSON);
	assert_non_null(strstr(plain, "\\x1B]0;title\\x07name"));
	assert_non_null(strstr(plain, "<U+202E>"));
	assert_non_null(strstr(json, "\"\\u001b]0;title\\u0007name\""));
	assert_non_null(strstr(json, "\\u202e"));
	assert_non_null(strstr(json, "\"b\\u0009c\""));
	free(plain);
	free(json);
}

static void
language_from_environment(void **state)
{
	enum lang l;

	(void)state;
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "ja_JP.UTF-8", 1);
	assert_int_equal(labels_lang_from_env(), LANG_JA);
	setenv("LC_MESSAGES", "en_US.UTF-8", 1);
	assert_int_equal(labels_lang_from_env(), LANG_EN);
	setenv("LC_ALL", "ja_JP.eucJP", 1);
	assert_int_equal(labels_lang_from_env(), LANG_JA);
	setenv("LC_ALL", "", 1);
	unsetenv("LC_MESSAGES");
	assert_int_equal(labels_lang_from_env(), LANG_JA);
	unsetenv("LANG");
	assert_int_equal(labels_lang_from_env(), LANG_EN);
	assert_true(labels_parse_lang("ja", &l));
	assert_int_equal(l, LANG_JA);
	assert_false(labels_parse_lang("fr", &l));
}

static void
osc52_carries_exactly_the_text(void **state)
{
	char seq[CLIP_MAX_SEQUENCE];
	char *big = malloc(CLIP_MAX_TEXT + 2);

	(void)state;
	assert_int_equal(clip_sequence(seq, sizeof seq, "03-3431-8109", CLIP_BARE),
	    strlen("\033]52;c;MDMtMzQzMS04MTA5\a"));
	assert_string_equal(seq, "\033]52;c;MDMtMzQzMS04MTA5\a");
	clip_sequence(seq, sizeof seq, "a", CLIP_BARE);
	assert_string_equal(seq, "\033]52;c;YQ==\a");
	clip_sequence(seq, sizeof seq, "ab", CLIP_BARE);
	assert_string_equal(seq, "\033]52;c;YWI=\a");
	clip_sequence(seq, sizeof seq, "上記", CLIP_BARE);
	assert_string_equal(seq, "\033]52;c;5LiK6KiY\a");
	clip_sequence(seq, sizeof seq, "ab", CLIP_FOR_TMUX);
	assert_string_equal(seq, "\033Ptmux;\033\033]52;c;YWI=\a\033\\"
	    "\033]52;c;YWI=\a");
	/* GNU screen passes a DCS string on whole: one ST ends it. */
	clip_sequence(seq, sizeof seq, "ab", CLIP_FOR_SCREEN);
	assert_string_equal(seq, "\033P\033]52;c;YWI=\a\033\\");
	assert_int_equal(clip_sequence(seq, 8, "ab", CLIP_BARE), 0);
	memset(big, 'x', CLIP_MAX_TEXT + 1);
	big[CLIP_MAX_TEXT + 1] = '\0';
	assert_int_equal(clip_sequence(seq, sizeof seq, big, CLIP_FOR_TMUX), 0);
	big[CLIP_MAX_TEXT] = '\0';
	assert_true(clip_sequence(seq, sizeof seq, big, CLIP_FOR_TMUX) > 0);
	free(big);
}

/* The conversions of a format, as label_conversions writes them: "%s
 * (%s)" is "ss", "%zu 件" is "zu"; flags and widths are left out. */
static void
conversions_of(const char *fmt, char *out)
{
	size_t n = 0;

	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		if (*++p == '%')
			continue;
		while (*p && strchr("-+ #0123456789.*", *p))
			p++;
		while (*p && strchr("hlLqjzt", *p))
			out[n++] = *p++;
		if (*p)
			out[n++] = *p;
		else
			break;
	}
	out[n] = '\0';
}

/* A label's format comes from a table, so the compiler cannot check its
 * uses: every label, in both languages, takes what label_conversions says,
 * and the calls pass that (label_format, label_print, page_add_label). */
static void
label_formats_take_what_they_say(void **state)
{
	char got[32];

	(void)state;
	for (int id = 0; id < L_COUNT; id++)
		for (int lang = LANG_EN; lang <= LANG_JA; lang++) {
			conversions_of(label((enum lang)lang, (enum label)id), got);
			if (strcmp(got, label_conversions((enum label)id)) != 0)
				fail_msg("label %d (%s) takes '%s', not '%s'", id,
				    lang == LANG_JA ? "ja" : "en", got,
				    label_conversions((enum label)id));
		}
	assert_string_equal(label_conversions(L_OPEN_EXITED), "sds");
	assert_string_equal(label_conversions(L_CYBER_PAGE), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_aligns_by_display_width),
		cmocka_unit_test(label_formats_take_what_they_say),
		cmocka_unit_test(no_raw_control_in_any_format),
		cmocka_unit_test(escapes_are_visible),
		cmocka_unit_test(language_from_environment),
		cmocka_unit_test(osc52_carries_exactly_the_text),
	};

	return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
