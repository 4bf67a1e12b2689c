/* Unit tests for labels: the language from the environment, and every
 * label that is a format taking what it says it takes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "labels.h"

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
		cmocka_unit_test(language_from_environment),
		cmocka_unit_test(label_formats_take_what_they_say),
	};

	return cmocka_run_group_tests_name("labels", tests, NULL, NULL);
}
