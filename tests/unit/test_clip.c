/* Unit tests for clip: the OSC 52 sequence, bare and wrapped for tmux and
 * GNU screen, and its limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "clip.h"

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

/* What tmux's answer says of how far a copy goes: its own buffer only
 * when set-clipboard is off; maybe no farther inside another tmux or
 * screen (by TERM, or by what the terminal says it is); else on to the
 * terminal, if it allows it. */
static void
tmux_says_how_far_a_copy_goes(void **state)
{
	static const struct {
		const char *answer;
		enum clip_tmux_reach reach;
	} cases[] = {
		{"external\nxterm-256color \n", CLIP_TMUX_PASSES},
		{"on\nxterm-256color XTerm(379)\n", CLIP_TMUX_PASSES},
		{"off\nxterm-256color XTerm(379)\n", CLIP_TMUX_KEEPS},
		{"external\ntmux-256color \n", CLIP_TMUX_NESTED},
		{"external\nscreen.xterm-256color \n", CLIP_TMUX_NESTED},
		{"external\nxterm-256color tmux 3.3a\n", CLIP_TMUX_NESTED},
		{"external\n \n", CLIP_TMUX_PASSES},   /* no client */
		{"", CLIP_TMUX_PASSES},
		{"offside\nxterm\n", CLIP_TMUX_PASSES},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (clip_tmux_reach_of(cases[i].answer) != cases[i].reach)
			fail_msg("'%s': %d, not %d", cases[i].answer,
			    clip_tmux_reach_of(cases[i].answer), cases[i].reach);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(osc52_carries_exactly_the_text),
		cmocka_unit_test(tmux_says_how_far_a_copy_goes),
	};

	return cmocka_run_group_tests_name("clip", tests, NULL, NULL);
}
