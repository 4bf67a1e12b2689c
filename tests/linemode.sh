#!/bin/sh
# The line mode, for screen readers and terminals without cursor
# addressing: the exact output in both languages; through a pty, only new
# lines (no escape byte, no carriage return but before a newline), long and
# invalid lines, EOF; restricted mode; TERM=dumb in tmux.
set -eu
. tests/lib.sh
BIN=$(cd "$(dirname "$MADOGUCHI")" && pwd)/$(basename "$MADOGUCHI")
for lang in en ja; do
	env -u TMUX -u BROWSER LANG=C.UTF-8 "$BIN" --line --lang=$lang \
	    <tests/linemode/input.txt >"$tmp/out.$lang" 2>&1
	check "$lang: the whole conversation, as expected" \
	    diff -u "tests/linemode/expected-$lang.txt" "$tmp/out.$lang"
done

# The English help, read by someone who reads no Japanese: no line of it
# is Japanese alone, without its reading or English beside it.
printf '%s\n' '?' q | env -u TMUX LANG=C.UTF-8 "$BIN" --line --lang=en >"$tmp/help.en" 2>&1
check "English help: no Japanese-only line" sh -c "
	! LC_ALL=C.UTF-8 grep -P '[^\\x00-\\x7f]' '$tmp/help.en' | grep -v '[A-Za-z]' | grep -q ."

# --ascii: every answer in ASCII, the help's marks and the places too.
printf '%s\n' '?' 浜松 '〒100-0001' kanagawa 関東 q |
    env -u TMUX LANG=C.UTF-8 "$BIN" --line --ascii >"$tmp/ascii.out" 2>&1
check "--ascii: ASCII only, help and places too" sh -c "! LC_ALL=C grep -q '[^ -~]' '$tmp/ascii.out'"
check "--ascii: the marks by their meaning" grep -q 'Phone marks: general, the general consultation line' "$tmp/ascii.out"
check "--ascii: a place by its reading" grep -q 'Serves: Hamamatsu-shi' "$tmp/ascii.out"

# Where Japanese cannot be shown, ASCII by itself, said once: a Linux
# console or a VT100 with no UTF-8 locale asked for, a locale that is not
# UTF-8; not a C locale on another terminal, nor a UTF-8 locale (fbterm
# calls itself linux).
for term in linux vt100; do
	printf '%s\n' tokyo q | env -u TMUX -u LANG TERM=$term LC_ALL=C "$BIN" --line >"$tmp/term.out" 2>&1
	check "TERM=$term: ASCII, and why" sh -c "! LC_ALL=C grep -q '[^ -~]' '$tmp/term.out' &&
	    [ \$(grep -c 'ASCII only: TERM=$term shows no Japanese' '$tmp/term.out') -eq 1 ] &&
	    grep -q '13 Tokyo' '$tmp/term.out'"
done
printf '%s\n' tokyo q | env -u TMUX LC_ALL=C "$BIN" --line >"$tmp/c.out" 2>&1
check "the C locale: Japanese still (a server's default says nothing of the terminal)" grep -q '警視庁' "$tmp/c.out"
printf '%s\n' tokyo q | env -u TMUX TERM=linux LC_ALL=C.UTF-8 "$BIN" --line >"$tmp/fb.out" 2>&1
check "TERM=linux in a UTF-8 locale: Japanese still" grep -q '警視庁' "$tmp/fb.out"
if localedef -i ja_JP -f EUC-JP "$tmp/locale/ja_JP.EUC-JP" >/dev/null 2>&1 ||
    { mkdir -p "$tmp/locale" && localedef -i ja_JP -f EUC-JP "$tmp/locale/ja_JP.EUC-JP" >/dev/null 2>&1; }; then
	printf '%s\n' tokyo q | env -u TMUX LOCPATH="$tmp/locale" LC_ALL=ja_JP.EUC-JP "$BIN" --line >"$tmp/euc.out" 2>&1
	check "an EUC-JP locale: ASCII, and why" sh -c "! LC_ALL=C grep -q '[^ -~]' '$tmp/euc.out' &&
	    grep -q \"ASCII only: the locale's characters are EUC-JP\" '$tmp/euc.out'"
else
	skip "an EUC-JP locale: localedef cannot make one (Debian's locales package)"
fi

ESC=$(printf '\033')
long=$(printf '%010000d' 7)
{
	echo 静岡
	printf '\377\376 tokyo\n'
	echo "$long"
	echo 3
	echo '?'
	echo
	echo 'x\x04'
	echo '\x04'
} >"$tmp/pty.in"
status=$(env -u TMUX TERM=dumb LANG=C.UTF-8 python3 tests/pty_lines.py "$tmp/pty.in" "$tmp/pty.out" "$BIN")
check "TERM=dumb on a terminal: the line mode, by default" grep -q -a 'line mode: type a prefecture' "$tmp/pty.out"
check "says why, in one line" count_is 1 "$tmp/pty.out" \
    'TERM=dumb: this terminal cannot address the cursor; the line mode instead'
check "a query works" grep -q -a '054-254-9110' "$tmp/pty.out"
check "invalid UTF-8 is no trouble: no match, and on" file_has "$tmp/pty.out" 'No desk matches'
check "a 10,000-byte line (4,095 in a tty's line) is cut to the query's room, and said so" grep -q -a 'The line was cut to 1024 bytes' "$tmp/pty.out"
check "and a code after it works" grep -q -a '019-654-9110' "$tmp/pty.out"
check "help" grep -q -a 'Commands' "$tmp/pty.out"
check "Ctrl-D ends it with 0" [ "$status" = 0 ]
check "no escape byte is written" file_lacks "$tmp/pty.out" "$ESC"
check "no carriage return but before a newline (nothing redrawn)" python3 -c "
import re, sys
sys.exit(1 if re.search(rb'\\r(?!\\n)', open('$tmp/pty.out', 'rb').read()) else 0)"

# Restricted mode refuses what the browser refuses, and keeps its limits.
printf '%s\n' tokyo copy 'open page' "$(printf '%0100d' 1)" q >"$tmp/kiosk.in"
env -u TMUX MADOGUCHI_RESTRICTED=1 LANG=C.UTF-8 "$BIN" --line <"$tmp/kiosk.in" >"$tmp/kiosk.out" 2>&1 || true
check "restricted: no copying" grep -q 'Copying is off' "$tmp/kiosk.out"
check "restricted: no browser" grep -q 'Opening a browser is off in restricted mode' "$tmp/kiosk.out"
check "restricted: a query of 64 bytes at most" grep -q 'cut to 64 bytes' "$tmp/kiosk.out"
# No line for the idle time: the session ends, as the browser's does.
: >"$tmp/none.in"
status=$(env -u TMUX LANG=C.UTF-8 python3 tests/pty_lines.py "$tmp/none.in" "$tmp/idle.out" "$BIN" --line --restricted --idle-timeout=1)
check "restricted: no line for the idle time ends it" grep -q -a 'no key for 1 seconds; goodbye' "$tmp/idle.out"
check "with 0" [ "$status" = 0 ]

# A write error is said, as the other modes say it, and exits 2.
if [ -w /dev/full ]; then
	set +e
	echo tokyo | env -u TMUX LANG=C.UTF-8 "$BIN" --line >/dev/full 2>"$tmp/full.err"
	status=$?
	set -e
	check "output full: exit 2" [ "$status" = 2 ]
	check "output full: said" grep -q 'madoguchi: standard output: No space left on device' "$tmp/full.err"
else
	skip "no /dev/full: a write error of the line mode was not tried"
fi

# A number means one thing, whatever was listed before: a desk's code, as
# lists show it (after `all`, 13 was item 13, 千葉).
printf '%s\n' all 13 静岡 13 5 q | env -u TMUX LANG=C.UTF-8 "$BIN" --line \
    --lang=en >"$tmp/numbers.out" 2>&1
check "after a list of all, 13 is Tokyo's desk" sh -c "[ \$(grep -c '13 警視庁  東京都\$' '$tmp/numbers.out') -eq 2 ]"
check "and lists show the code to type" grep -q '^13 警視庁 Tokyo 03-3431-8109' "$tmp/numbers.out"
check "a number that is no list item is no error" file_lacks "$tmp/numbers.out" 'There is no desk'
check "5 is Akita, after any list" grep -q '> 05 秋田  秋田県$' "$tmp/numbers.out"

# URLs whole on a line of their own, whatever their length: a screen reader
# reads one piece, a hand copies all of it.
printf '%s\n' fukuoka q | env -u TMUX LANG=C.UTF-8 "$BIN" --line --lang=en >"$tmp/url.out" 2>&1
for url in $("$BIN" -F tsv -f fukuoka | tail -1 | cut -f10,11); do
	check "a long URL whole on its line ($url)" grep -qx "  $url" "$tmp/url.out"
done

# gone_within SECONDS PID: the process ended within SECONDS (polled).
gone_within() {
	end=$(( $(date +%s) + $1 ))
	while kill -0 "$2" 2>/dev/null; do
		[ "$(date +%s)" -lt "$end" ] || return 1
		sleep 0.1
	done
}

# A line half typed, then nothing: the idle limit still ends the session
# (fgets used to wait for the end of the line for ever).
mkfifo "$tmp/half"
(printf abc; exec sleep 30) >"$tmp/half" &
writer=$!
env -u TMUX LANG=C.UTF-8 MADOGUCHI_RESTRICTED=1 "$BIN" --line --idle-timeout=1 \
    --max-session=3 <"$tmp/half" >"$tmp/half.out" 2>&1 &
reader=$!
check "a half line, then nothing: the idle limit ends it" gone_within 5 "$reader"
kill "$reader" "$writer" 2>/dev/null || true
wait "$reader" "$writer" 2>/dev/null || true
check "and says so" grep -q 'no key for 1 seconds; goodbye' "$tmp/half.out"

# --restricted is MADOGUCHI_RESTRICTED=1: no core dumps, and ^Z ignored
# (seen in /proc: the limit, and SIGTSTP, 20, in the ignored mask).
if [ -r /proc/self/limits ]; then
	mkfifo "$tmp/kiosk.fifo"
	(exec sleep 30) >"$tmp/kiosk.fifo" &
	writer=$!
	(ulimit -c unlimited 2>/dev/null || true
	 exec env -u TMUX LANG=C.UTF-8 "$BIN" --line --restricted \
	    <"$tmp/kiosk.fifo" >/dev/null 2>&1) &
	reader=$!
	core="" ignored=0
	# Until both are set (madoguchi sets them one after the other, after
	# exec), or 5 s: then what was last seen.
	end=$(( $(date +%s) + 5 ))
	until { [ "$core" = 0 ] && [ $(( 0x$ignored >> 19 & 1 )) = 1 ]; } ||
	    [ "$(date +%s)" -ge "$end" ]; do
		if grep -q '^SigIgn' "/proc/$reader/status" 2>/dev/null &&
		    [ "$(readlink "/proc/$reader/exe" 2>/dev/null)" = "$BIN" ]; then
			core=$(awk '/^Max core file size/ { print $5 }' "/proc/$reader/limits")
			ignored=$(awk '/^SigIgn/ { print $2 }' "/proc/$reader/status")
			ignored=${ignored:-0} # gone between the two reads
		fi
		sleep 0.02
	done
	kill "$reader" "$writer" 2>/dev/null || true
	wait "$reader" "$writer" 2>/dev/null || true
	check "--restricted: no core dumps (RLIMIT_CORE 0, not '$core')" [ "$core" = 0 ]
	check "--restricted line mode: ^Z ignored (SigIgn $ignored)" \
	    sh -c "[ \$(( 0x$ignored >> 19 & 1 )) = 1 ]"
else
	skip "no /proc: the kiosk's core limit and ^Z were not looked at"
fi

# Lines that come together are each answered before the idle limit.
mkfifo "$tmp/both"
(printf 'tokyo\nosaka\n'; exec sleep 30) >"$tmp/both" &
writer=$!
env -u TMUX LANG=C.UTF-8 "$BIN" --line --idle-timeout=2 <"$tmp/both" \
    >"$tmp/both.out" 2>&1 &
reader=$!
gone_within 8 "$reader" || true
kill "$reader" "$writer" 2>/dev/null || true
wait "$reader" "$writer" 2>/dev/null || true
check "two lines in one write: the first answered" grep -q '03-3431-8109' "$tmp/both.out"
check "two lines in one write: the second answered" grep -q '06-6943-1234' "$tmp/both.out"

# In tmux, TERM=dumb: a person types, and reads new lines.
. tests/tmuxlib.sh
start dumb LANG=C.UTF-8 TERM=dumb
check "tmux, TERM=dumb: the prompt" wait_for "line mode: type a prefecture"
tm send-keys -t s -l kanagawa
tm send-keys -t s Enter
check "tmux, TERM=dumb: the detail" wait_for "045-664-9110"
tm send-keys -t s -l q
tm send-keys -t s Enter
check "tmux, TERM=dumb: q quits with 0" exited_with 0
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
