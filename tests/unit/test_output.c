/* Unit tests for output: plain alignment by display width, and hostile
 * text made harmless in every format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "desk_fixture.h"
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
	assert_int_equal(table_load_file("data/desks.tsv", &t, &d), TSV_OK);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_aligns_by_display_width),
		cmocka_unit_test(no_raw_control_in_any_format),
		cmocka_unit_test(escapes_are_visible),
	};

	return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
