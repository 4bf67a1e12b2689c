#!/bin/sh
# Hostile environments, in real terminals: locales, TERM values, a hung-up
# session, ^Z and fg, restricted mode, and a session under valgrind.
set -eu
. tests/lib.sh
. tests/tmuxlib.sh
ESC=$(printf '\033')

# Locales: whatever LANG says, the browser comes up readable (UTF-8 through
# C.UTF-8), in Japanese when the language is Japanese.
for loc in "-u LANG -u LC_ALL -u LC_CTYPE" "-u LC_ALL LANG=C" \
    "-u LC_ALL LANG=POSIX" "LC_ALL=xx_XX.UTF-8" "-u LC_ALL LANG=ja_JP.UTF-8"; do
	start locale $loc
	check "locale $loc: the browser shows kanji" wait_for "北海道 Hokkaido"
	tm send-keys -t s Escape
	check "locale $loc: quits cleanly" exited_with 0
done
if command -v localedef >/dev/null && mkdir -p "$tmp/loc" &&
    localedef -i ja_JP -f EUC-JP "$tmp/loc/ja_JP.eucJP" 2>/dev/null; then
	# UTF-8 would be mojibake in an EUC-JP terminal: ASCII, readable in
	# either, and why, once (issue 25).
	start eucjp -u LC_ALL LOCPATH="$tmp/loc" LANG=ja_JP.eucJP
	check "EUC-JP locale: ASCII, and why" wait_for "ASCII only: the locale's characters are EUC-JP"
	check "EUC-JP locale: romaji" wait_for ">01 Hokkaido"
	check "EUC-JP locale: nothing but ASCII on screen, no mojibake" sh -c "! tmux -L '$sock' capture-pane -p -t s | LC_ALL=C grep -q '[^ -~]'"
else
	skip "no EUC-JP locale can be made here (localedef, locales)"
fi
# A program before left the terminal drawing lines for letters (ESC ( 0,
# as cat of a binary file can): the first frame resets it and reads.
if py=$(pyte_python); then
	printf '#!/bin/sh\nprintf "\\033(0"\nexec "$@"\n' >"$tmp/draw-lines"
	chmod +x "$tmp/draw-lines"
	WRAP=$tmp/draw-lines RECORD=1 start lines TERM=xterm-256color
	check "a character set left switched: the first frame reads" pyte_shows \
	    "$py" "$tmp/lines.out" 100 30 "北海道 Hokkaido"
	tm send-keys -t s Escape
	check "a character set left switched: quits" exited_with 0
else
	skip "pyte is missing: a character set left switched was not tried"
fi
start ascii LANG=C.UTF-8 -- --ascii
check "--ascii: romaji names" wait_for ">01 Hokkaido"
check "--ascii: English labels" wait_for "Type to filter"
check "--ascii: nothing but ASCII on screen" sh -c "! tmux -L '$sock' capture-pane -p -t s | LC_ALL=C grep -q '[^ -~]'"
tm send-keys -t s -l "〒100-0001"
check "--ascii: a postal code's place, in ASCII" wait_for "Serves: ZIP 100-0001 Chiyoda-ku"
check "--ascii: and in the list" wait_for "(ZIP 100-0001 Chi"

# TERM: where the cursor cannot be addressed, one line, then the line mode
# (the query's desk), and not one escape sequence.
for term in "-u TERM" "TERM=" "TERM=nosuch-terminal" "TERM=../../x" "TERM=dumb"; do
	set +e
	env $term LANG=C.UTF-8 script -qec "$BIN tokyo" /dev/null >"$tmp/out" 2>&1
	status=$?
	set -e
	check "$term: exits 0" status_is 0
	check "$term: explains in one line" count_is 1 "$tmp/out" 'the line mode instead'
	check "$term: the line mode shows the desk" out_has "03-3431-8109"
	check "$term: writes no escape sequence" file_lacks "$tmp/out" "$ESC"
done
for term in vt100 vt220 linux screen tmux-256color xterm-256color; do
	start "term-$term" LANG=C.UTF-8 TERM=$term
	check "TERM=$term: the browser" wait_for "47/47"
	tm send-keys -t s -l tokyo
	check "TERM=$term: filters" wait_for "1/47"
	tm send-keys -t s Escape Escape
	check "TERM=$term: quits and restores" exited_with 0
done
run tokyo </dev/null
check "stdin not a terminal: the list" out_has "03-3431-8109"
check "stdout a pipe: no escapes" file_lacks "$tmp/out" "$ESC"

# A hung-up SSH session: the terminal disappears. Without SIGHUP (a new
# session, so no controlling terminal), reads fail with EIO or EOF; the
# browser must end, not spin.
WRAP="setsid -w" start eio LANG=C.UTF-8
wait_for "47/47" >/dev/null
victim=$(pid)
tm kill-server
check "a dead terminal ends the browser within 2 s" sh -c "
	for i in \$(seq 100); do kill -0 $victim 2>/dev/null || exit 0; sleep 0.02; done; exit 1"

# ^Z suspends; fg redraws at the size the terminal has now.
session "env PS1='PROMPT$ ' bash --norc --noprofile -i"
wait_for 'PROMPT$' >/dev/null
tm send-keys -t s -l "TERM=tmux-256color LANG=C.UTF-8 $BIN -q kanagawa"
tm send-keys -t s Enter
check "job: starts" wait_for "1/47"
tm send-keys -t s C-z
check "^Z suspends to the shell" wait_for "Stopped"
tm resize-window -t s -x 60 -y 20
tm send-keys -t s -l fg
tm send-keys -t s Enter
check "fg redraws at the new size" wait_for "14 神奈川 Kanagawa  045-664-9110"
check "narrow layout after fg" sh -c "! tmux -L '$sock' capture-pane -p -t s | grep -qF '|'"
# Esc, and ^Z while the browser still waits to know whether the Esc was a
# key of its own or the start of one a slow link split: fg brings the
# browser back, repainted, rather than ending it unseen.
tm send-keys -t s C-u
wait_for "47/47" >/dev/null
tm send-keys -t s Escape
sleep 0.1 # within the 400 ms the Esc waits for the rest of a key
tm send-keys -t s C-z
stopped_twice() { [ "$(screen | grep -c Stopped)" -ge 2 ]; }
check "Esc then ^Z: suspends" wait_until 5 stopped_twice
tm send-keys -t s -l fg
tm send-keys -t s Enter
check "Esc then ^Z: fg brings the browser back" wait_for "47/47"
tm send-keys -t s Escape
check "then quits" wait_for 'PROMPT$ '

# A resize in that window (tmux sends its SIGWINCH when it likes) keeps
# nothing: the Esc ends the session.
start esc-resize LANG=C.UTF-8
wait_for "47/47" >/dev/null
tm send-keys -t s Escape
sleep 0.1 # within the 400 ms the Esc waits for the rest of a key
tm resize-window -t s -x 90 -y 30
check "Esc then a resize: the Esc still quits" exited_with 0

# Restricted mode: ^Z does nothing, the query is bounded, idle sessions end.
start kiosk LANG=C.UTF-8 MADOGUCHI_RESTRICTED=1
wait_for "47/47" >/dev/null
tm send-keys -t s C-z
tm send-keys -t s -l tokyo
check "restricted: ^Z does not suspend" wait_for "1/47"
tm send-keys -t s C-u
tm send-keys -t s -l "$(printf '%0100d' 0)"
check "restricted: the query stops at 64 bytes" wait_for "> $(printf '%064d' 0) "
check "restricted: not one more" sh -c "! tmux -L '$sock' capture-pane -p -t s | grep -qF '$(printf '%065d' 0)'"
start idle LANG=C.UTF-8 -- --restricted --idle-timeout=1
check "idle timeout ends the session" exited_with 0
check "and says so" wait_for "no key for 1 seconds"
# Only keys keep it alive: not the wheel, a resize or a byte that is no key,
# sent here every 20 ms (wait_until's beat) for as long as it takes.
start idle-busy LANG=C.UTF-8 -- --restricted --idle-timeout=2
wait_for "47/47" >/dev/null
busy_until_gone() {
	tm send-keys -t s -l "$(printf '\033[<65;10;5M\377')"
	tm resize-window -t s -x $((80 + $(od -An -N1 -tu1 /dev/urandom) % 20)) -y 30
	[ -e "$run_dir/status" ]
}
check "the wheel, resizes and junk do not keep a session alive" wait_until 8 busy_until_gone
check "it ended for want of keys" wait_for "no key for 2 seconds"
start session LANG=C.UTF-8 -- --max-session=1
wait_for "47/47" >/dev/null
typing_until_gone() { tm send-keys -t s -l a; [ -e "$run_dir/status" ]; }
check "--max-session ends it, keys or not" wait_until 6 typing_until_gone
check "and says so" wait_for "the session has lasted its 1 seconds"

# Under 20 MB of address space (ulimit -v 20000): the browser, a place
# query and a postal code all work.
printf '#!/bin/sh\nulimit -v 20000 && exec "$@"\n' >"$tmp/limited"
chmod +x "$tmp/limited"
WRAP="$tmp/limited" start small LANG=C.UTF-8
check "ulimit -v 20000: the browser" wait_for "47/47"
tm send-keys -t s -l "〒430-0929 浜松市"
check "ulimit -v 20000: an address" wait_for ">22 静岡"
tm send-keys -t s Escape Escape
check "ulimit -v 20000: quits" exited_with 0

# A hostile client's window size: the browser works at 300x800 at most, so
# 10000x10000 costs memory of that, and nothing crashes.
start huge LANG=C.UTF-8
wait_for "47/47" >/dev/null
tm resize-window -t s -x 10000 -y 10000
tm resize-window -t s -x 100 -y 30
check "a 10000x10000 window: still running" wait_for ">01 北海道"
hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$(pid)/status" 2>/dev/null || echo 0)
check "and its peak memory is bounded (${hwm} kB < 40000 kB)" [ "$hwm" -lt 40000 ]
# And a terminal that starts at 65535x65535 (ncurses, left to itself,
# crashed in its first refresh).
result=$(python3 tests/pty_huge.py 65535 65535 "$BIN" 2>&1 || true)
check "starting at 65535x65535: the browser ($result)" sh -c "echo '$result' | grep -q '^frame found'"
check "starting at 65535x65535: bounded memory" sh -c "[ \$(echo '$result' | awk '{ print \$3 }') -lt 40000 ]"
check "starting at 65535x65535: quits with 0" sh -c "echo '$result' | grep -q 'exit 0\$'"
# A key split by a slow link (ESC, then [B up to 300 ms later) is the key:
# it never ends the session, nor types its rest.
result=$(python3 tests/pty_split.py "$BIN" 2>&1) && split_ok=1 || split_ok=0
printf '%s\n' "$result" | sed 's/^/  /'
check "a key split at any byte, 0 to 300 ms apart: never quits, types nothing" [ "$split_ok" = 1 ]
# A frame allocates nothing: the second pass down and up the list calls
# malloc, calloc and realloc no more than the first (counted by an
# LD_PRELOAD library, which needs the dynamic linker of glibc or musl).
if [ "$(uname)" = Linux ] && ${CC:-cc} -shared -fPIC -o "$tmp/alloc_count.so" tests/alloc_count.c -ldl 2>/dev/null; then
	result=$(python3 tests/pty_allocs.py "$tmp/alloc_count.so" "$BIN" 2>&1) && allocs_ok=1 || allocs_ok=0
	printf '%s\n' "$result" | sed 's/^/  /'
	check "92 frames of moves, once every page was seen: no allocation" [ "$allocs_ok" = 1 ]
else
	skip "no LD_PRELOAD library could be built here: allocations per frame not counted"
fi
# An invalid byte is dropped, and the session goes on (it once froze, then
# ended with status 0).
tm send-keys -t s -l "$(printf '\377\300\355\240\200')"
tm send-keys -t s -l tokyo
check "after invalid bytes a query works" wait_for "1/47"
check "and the session goes on" sh -c "[ ! -e '$run_dir/status' ]"
kill -TERM "$(pid)"
check "then SIGTERM ends it" exited_with 143

# A signal is acted on wherever it arrives: during start-up, the first
# frame, or between keys. 100 SIGTERMs at random moments, each within a
# second or two (it used to wait for the next key: 7 of 40 were lost).
acted=0
for i in $(seq 100); do
	script -qec "env TERM=xterm-256color LANG=C.UTF-8 $BIN -q signal$i" /dev/null >/dev/null 2>&1 </dev/null &
	spid=$!
	sleep "0.0$(( $(od -An -N1 -tu1 /dev/urandom) % 10 ))"
	found() { mpid=$(pgrep -n -f "^$BIN -q signal$i\$" 2>/dev/null); }
	# wait_until counts whole seconds: 2 is at least one.
	wait_until 2 found && kill -TERM "$mpid" 2>/dev/null
	gone() { ! kill -0 "$spid" 2>/dev/null; }
	if wait_until 2 gone; then acted=$((acted + 1)); else kill -KILL "$spid" 2>/dev/null || true; fi
	wait "$spid" 2>/dev/null || true
done
check "100 SIGTERMs at random moments: every one acted on ($acted)" [ "$acted" -eq 100 ]
set +e
MADOGUCHI_RESTRICTED=1 "$BIN" --data data/desks.tsv -l >/dev/null 2>"$tmp/err"
status=$?
set -e
check "restricted: --data refused" status_is 2
check "restricted: says why" err_has "--data is refused in restricted mode"

# A frame goes out in one write: over SSH, one packet rather than one for
# each line. The writes to the terminal between the read of a key's last
# byte and the next read are that key's frame, its links (OSC 8, between
# DECSC and DECRC) included: a move to another desk writes its URLs as
# links in the same write.
if command -v strace >/dev/null && strace -qq -o /dev/null true 2>/dev/null; then
	WRAP="strace -qq -s 4096 -e trace=read,write -o $tmp/trace" start traced LANG=C.UTF-8 TERM=xterm-256color
	check "traced: starts" wait_for "47/47" 10
	tm send-keys -t s Down
	check "traced: moves" wait_for ">02 青森" 10
	tm send-keys -t s -l tokyo
	check "traced: filters" wait_for "1/47" 10
	tm send-keys -t s Escape Escape
	check "traced: quits" exited_with 0
	awk '/^read\(0/ { if (n) print n; n = 0 } /^write\(1/ { n++ }' "$tmp/trace" >"$tmp/frames"
	check "a move is one write" sh -c "[ \"\$(sed -n 2p '$tmp/frames')\" = 1 ]"
	check "every key's frame is one write" sh -c "[ \"\$(sed 1d '$tmp/frames' | sort -u)\" = 1 ]"
	# The cursor keys are set to normal mode with the other modes, so that
	# ESC O D is only ever PuTTY's Ctrl-Left.
	check "the cursor keys are put in normal mode (DECCKM off)" grep -q '^write(1, "\\33\[?1l\\33\[?2004h' "$tmp/trace"
	# xterm's sgr0 and sgr reset the character set (ESC ( B) with every
	# change of attributes; the browser never leaves it, and resets it
	# with the first frame: after the alternate screen was last left (at
	# the endwin before the first frame), as leaving it restores the set
	# it saved on the way in.
	check "the first frame resets the character set" sh -c "awk '/^read\(0/ { exit } /^write\(1/' '$tmp/trace' | tr -d '\n' | sed 's/.*?1049l//' | grep -q '33(B'"
	check "and in no frame after" sh -c "! awk '/^read\(0/ { r = 1 } r && /^write\(1/' '$tmp/trace' | grep -q '33(B'"
	# The move's write: the first after the read of Down.
	awk '/^read\(0/ { reads++ } reads == 1 && /^write\(1/ { print; exit }' "$tmp/trace" >"$tmp/move"
	check "the move's write holds its links" grep -q 'police.pref.aomori.jp' "$tmp/move"
	check "the move's links are in it once each" sh -c "[ \$(grep -o ']8;[^;]*;http://www.police.pref.aomori.jp' '$tmp/move' | wc -l) -eq 2 ]"
else
	skip "strace is missing or may not trace here: the writes of a frame were not counted"
fi

# A whole session under valgrind: no invalid access, nothing lost.
if command -v valgrind >/dev/null; then
	WRAP="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 --log-file=$tmp/vg.log" \
	    start valgrind LANG=C.UTF-8
	check "valgrind: starts" wait_for "47/47" 30
	# Both lazy loads: the municipalities, then the postal codes.
	tm send-keys -t s -l はままつ
	check "valgrind: a town" wait_for "Serves: 浜松市" 10
	tm send-keys -t s C-u
	tm send-keys -t s -l 〒100-0001
	check "valgrind: a postal code" wait_for "Serves: 〒100-0001 千代田区" 10
	tm send-keys -t s C-u
	tm send-keys -t s -l 関東
	check "valgrind: filters" wait_for "7/47" 10
	tm send-keys -t s Down Tab Down F1
	check "valgrind: help" wait_for "National contacts" 10
	tm resize-window -t s -x 50 -y 15
	tm send-keys -t s Escape Enter
	check "valgrind: narrow detail" wait_for "j/k scroll" 10
	tm send-keys -t s Escape Escape Escape
	check "valgrind: no errors, no leaks" exited_with 0
	check "valgrind: clean log" sh -c "! grep -q . '$tmp/vg.log' || { cat '$tmp/vg.log' >&2; false; }"
else
	skip "valgrind is not installed"
fi

finish
