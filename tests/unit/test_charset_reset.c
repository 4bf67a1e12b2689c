/* Unit tests for charset_reset: the character set's reset taken out of a
 * terminal's attribute strings, as terminfo has them for the terminals
 * people use (infocmp -1: xterm, rxvt-unicode, vt220 reset with ESC ( B;
 * screen, tmux, linux and vt100 with SI). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "charset_reset.h"

struct entry {
	const char *name, *sgr0, *sgr, *rmacs;
	const char *trimmed_sgr0, *trimmed_sgr, *reset;
};

static const struct entry entries[] = {
	{ "xterm-256color", "\033(B\033[m",
	    "%?%p9%t\033(0%e\033(B%;\033[0%?%p6%t;1%;%?%p5%t;2%;%?%p2%t;4%;"
	    "%?%p1%p3%|%t;7%;%?%p4%t;5%;%?%p7%t;8%;m", "\033(B",
	    "\033[m",
	    "%?%p9%t\033(0%;\033[0%?%p6%t;1%;%?%p5%t;2%;%?%p2%t;4%;"
	    "%?%p1%p3%|%t;7%;%?%p4%t;5%;%?%p7%t;8%;m", "\033(B" },
	{ "tmux-256color", "\033[m\017",
	    "\033[0%?%p6%t;1%;%?%p2%t;4%;%?%p1%p3%|%t;7%;%?%p4%t;5%;"
	    "%?%p5%t;2%;%?%p7%t;8%;m%?%p9%t\016%e\017%;", "\017",
	    "\033[m",
	    "\033[0%?%p6%t;1%;%?%p2%t;4%;%?%p1%p3%|%t;7%;%?%p4%t;5%;"
	    "%?%p5%t;2%;%?%p7%t;8%;m%?%p9%t\016%;", "\017" },
	/* Padding belongs to the capability, not to the characters. */
	{ "vt220", "\033[m\033(B",
	    "\033[0%?%p6%t;1%;%?%p2%t;4%;%?%p4%t;5%;%?%p1%p3%|%t;7%;m"
	    "%?%p9%t\033(0%e\033(B%;$<2>", "\033(B$<4>",
	    "\033[m",
	    "\033[0%?%p6%t;1%;%?%p2%t;4%;%?%p4%t;5%;%?%p1%p3%|%t;7%;m"
	    "%?%p9%t\033(0%;$<2>", "\033(B" },
	{ "vt100", "\033[m\017$<2>",
	    "\033[0%?%p1%p6%|%t;1%;%?%p2%t;4%;%?%p1%p3%|%t;7%;%?%p4%t;5%;m"
	    "%?%p9%t\016%e\017%;$<2>", "\017",
	    "\033[m$<2>",
	    "\033[0%?%p1%p6%|%t;1%;%?%p2%t;4%;%?%p1%p3%|%t;7%;%?%p4%t;5%;m"
	    "%?%p9%t\016%;$<2>", "\017" },
};

static void
the_reset_leaves_both_strings(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++) {
		const struct entry *e = &entries[i];
		char sgr0[64], sgr[256], reset[CHARSET_RESET_MAX];

		strcpy(sgr0, e->sgr0);
		strcpy(sgr, e->sgr);
		if (!charset_reset_trim(sgr0, sgr, e->rmacs, reset))
			fail_msg("%s: nothing trimmed", e->name);
		assert_string_equal(sgr0, e->trimmed_sgr0);
		assert_string_equal(sgr, e->trimmed_sgr);
		assert_string_equal(reset, e->reset);
	}
}

/* Where the strings do not hold the reset as expected, nothing changes and
 * nothing is to be sent: putty's, alacritty's and kitty's entries have no
 * rmacs or no sgr. */
static void
strings_without_the_reset_stay(void **state)
{
	char sgr0[16] = "\033[m", sgr[32] = "\033[0%?%p1%t;7%;m";
	char reset[CHARSET_RESET_MAX];

	(void)state;
	assert_false(charset_reset_trim(sgr0, sgr, "\033(B", reset));
	assert_string_equal(sgr0, "\033[m");
	assert_string_equal(sgr, "\033[0%?%p1%t;7%;m");
	assert_false(charset_reset_trim(sgr0, sgr, NULL, reset));
	assert_false(charset_reset_trim(sgr0, sgr, "", reset));
	assert_false(charset_reset_trim(sgr0, sgr, "$<5>", reset));
	assert_false(charset_reset_trim(NULL, NULL, "\033(B", reset));
	/* An sgr0 that is nothing but the reset is kept whole: it must still
	 * end the attributes. */
	strcpy(sgr0, "\017");
	assert_false(charset_reset_trim(sgr0, NULL, "\017", reset));
	assert_string_equal(sgr0, "\017");
	strcpy(sgr0, "\017$<2>");
	assert_false(charset_reset_trim(sgr0, NULL, "\017", reset));
	assert_string_equal(sgr0, "\017$<2>");
	/* A reset too long to send is left where it is. */
	strcpy(sgr0, "\033[m\033(B");
	assert_false(charset_reset_trim(sgr0, NULL,
	    "\033(B\033(B\033(B\033(B\033(B\033(B\033(B", reset));
	assert_string_equal(sgr0, "\033[m\033(B");
}

/* Only sgr may hold the reset: still trimmed, still sent once. */
static void
either_string_alone(void **state)
{
	char sgr[64] = "\033[0%?%p1%t;7%;m%?%p9%t\016%e\017%;";
	char sgr0[16] = "\033[m";
	char reset[CHARSET_RESET_MAX];

	(void)state;
	assert_true(charset_reset_trim(sgr0, sgr, "\017", reset));
	assert_string_equal(sgr, "\033[0%?%p1%t;7%;m%?%p9%t\016%;");
	assert_string_equal(sgr0, "\033[m");
	assert_string_equal(reset, "\017");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_reset_leaves_both_strings),
		cmocka_unit_test(strings_without_the_reset_stay),
		cmocka_unit_test(either_string_alone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
