/* act: one rule for acting on a desk. What a copy takes and how it
 * travels in each environment (tmux, OSC 52, VTE, a front end that writes
 * no escape, restricted), what an open does over SSH and with no browser,
 * and that each says no more than was done. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "act.h"
#include "fixture.h"

static int lent[2]; /* lend_counting's calls: away, back */

static void
lend_counting(void *ctx, bool away)
{
	(void)ctx;
	lent[away ? 0 : 1]++;
}

/* An environment with no tmux, screen, VTE, SSH or browser. */
static void
plain_environment(void)
{
	unsetenv("TMUX");
	unsetenv("STY");
	unsetenv("VTE_VERSION");
	unsetenv("SSH_CONNECTION");
	unsetenv("SSH_TTY");
	setenv("DISPLAY", ":0", 1);
	setenv("BROWSER", "/nonexistent/browser", 1);
	setenv("PATH", "/nonexistent", 1);
}

static void
targets_are_the_desks_own(void **state)
{
	(void)state;
	assert_string_equal(act_text(desk("静岡"), TARGET_PHONE), "054-254-9110");
	assert_string_equal(act_text(desk("静岡"), TARGET_PAGE),
	    "http://www.police.pref.shizuoka.jp/bouhan/cyber/index.htm");
	/* 上記ページから: the page; none listed: nothing. */
	assert_string_equal(act_text(desk("静岡"), TARGET_CONTACT),
	    act_text(desk("静岡"), TARGET_PAGE));
	assert_null(act_text(desk("栃木"), TARGET_CONTACT));
}

static void
a_copy_says_what_was_done(void **state)
{
	struct browser_options o = {.lang = LANG_EN, .osc52 = true};
	struct act_rules browser = act_rules_of(&o, true),
	    line = act_rules_of(&o, false);
	struct act_result res;

	(void)state;
	plain_environment();
	act_copy(&browser, "054-254-9110", &res);
	assert_string_equal(res.seq, "\033]52;c;MDU0LTI1NC05MTEw\a");
	assert_int_equal(res.seq_len, strlen(res.seq));
	assert_non_null(strstr(res.said, "sent to the terminal's clipboard "
	    "(OSC 52), if it allows it"));
	/* The line mode writes no escape: not copied, and why. */
	act_copy(&line, "054-254-9110", &res);
	assert_int_equal(res.seq_len, 0);
	assert_non_null(strstr(res.said, "not copied"));
	/* GNU screen: wrapped for it. VTE ignores OSC 52: nothing sent. */
	setenv("STY", "1.pts-0", 1);
	act_copy(&browser, "054-254-9110", &res);
	assert_memory_equal(res.seq, "\033P\033]52;", 7);
	unsetenv("STY");
	setenv("VTE_VERSION", "7006", 1);
	act_copy(&browser, "054-254-9110", &res);
	assert_int_equal(res.seq_len, 0);
	assert_non_null(strstr(res.said, "not copied: this terminal (VTE)"));
	unsetenv("VTE_VERSION");
	/* --no-osc52, and restricted mode, copy nothing. */
	o.osc52 = false;
	browser = act_rules_of(&o, true);
	act_copy(&browser, "054-254-9110", &res);
	assert_int_equal(res.seq_len, 0);
	assert_non_null(strstr(res.said, "Copying is off"));
	o.osc52 = true;
	o.restricted = true;
	browser = act_rules_of(&o, true);
	act_copy(&browser, "054-254-9110", &res);
	assert_int_equal(res.seq_len, 0);
}

static void
an_open_says_what_was_done(void **state)
{
	static const char url[] = "http://www.police.pref.shizuoka.jp/";
	struct browser_options o = {.lang = LANG_EN, .osc52 = true};
	struct act_rules rules = act_rules_of(&o, true);
	struct act_result res;

	(void)state;
	plain_environment();
	/* No browser: the URL, copied, after the terminal was lent and
	 * taken back. */
	lent[0] = lent[1] = 0;
	act_open(&rules, url, lend_counting, NULL, &res);
	assert_int_equal(lent[0], 1);
	assert_int_equal(lent[1], 1);
	assert_non_null(strstr(res.said, "No browser could be started; "
	    "copied the URL"));
	assert_true(res.seq_len > 0);
	/* Over SSH: nothing starts on the server; the URL as a link, copied. */
	setenv("SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 22", 1);
	unsetenv("DISPLAY");
	lent[0] = lent[1] = 0;
	act_open(&rules, url, lend_counting, NULL, &res);
	assert_int_equal(lent[0] + lent[1], 0);
	assert_ptr_equal(res.link, url);
	assert_non_null(strstr(res.said, "over SSH"));
	/* Restricted: nothing at all. */
	o.restricted = true;
	rules = act_rules_of(&o, true);
	act_open(&rules, url, lend_counting, NULL, &res);
	assert_int_equal(lent[0] + lent[1], 0);
	assert_int_equal(res.seq_len, 0);
	assert_null(res.link);
	assert_non_null(strstr(res.said, "Opening a browser is off"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(targets_are_the_desks_own),
		cmocka_unit_test(a_copy_says_what_was_done),
		cmocka_unit_test(an_open_says_what_was_done),
	};

	return cmocka_run_group_tests_name("act", tests, load, unload);
}
