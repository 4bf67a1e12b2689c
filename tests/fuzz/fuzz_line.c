/* Fuzzing the line mode: any bytes as what a person (or a pipe) types
 * into it, restricted and not, in both languages, over the built-in desks
 * and places: queries, numbers, copy and open (refused, or said as over
 * SSH: nothing is started), help, long and invalid lines. Its output goes to
 * /dev/null; what is checked is that nothing crashes, leaks or hangs.
 * Built with libFuzzer by `make fuzz`; replayed over
 * tests/fuzz/line-corpus by `make check` (replay.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "builtin.h"
#include "linemode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct table *desks;
	static struct place_source places;
	static FILE *sink;
	FILE *in = tmpfile();
	struct browser_options o = {.lang = size % 2 ? LANG_JA : LANG_EN,
		.restricted = size % 3 != 0, .ascii = size % 5 == 0};

	if (!desks) {
		struct diags d;

		if (builtin_desks(&desks, &d) != TSV_OK)
			abort();
		places = builtin_place_source();
		sink = fopen("/dev/null", "w");
		/* Over SSH, opening a page starts nothing: it says the URL. */
		setenv("SSH_CONNECTION", "fuzz", 1);
		unsetenv("DISPLAY");
		unsetenv("WAYLAND_DISPLAY");
		unsetenv("TMUX");
	}
	if (!in || !sink)
		abort();
	if (fwrite(data, 1, size, in) != size || fflush(in) != 0)
		abort();
	rewind(in);
	linemode_run(desks, &o, &places, in, sink);
	fclose(in);
	return 0;
}
