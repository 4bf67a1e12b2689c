#!/bin/sh
# The terminals people really use, in a real terminal (tmux): the exact
# bytes each one sends for its keys (their sources: tests/unit/test_keys.c)
# under every common TERM; a paste; copying delivered through two tmuxes;
# links; terminals the server has no entry for; the exit without an
# alternate screen; and the screen as a terminal emulator (pyte) shows it.
set -eu
. tests/lib.sh
. tests/tmuxlib.sh

# bytes STRING: sends STRING's bytes to the pane exactly, as one write.
bytes() { tm send-keys -t s -H $(printf '%s' "$1" | od -An -v -tx1); }
e() { printf "$1"; }
query_is() { screen | head -n 1 | grep -q -- "^> $1  *[0-9]*/47\$"; }
wait_query() { wait_until 5 query_is "$1" || timed_out "the query '$1'"; }
buffer_is() { [ "$(tm show-buffer 2>/dev/null)" = "$1" ]; }
running() { [ ! -e "$run_dir/status" ]; }

for term in xterm-256color xterm screen-256color tmux-256color vt220 linux; do
	start "keys-$term" LANG=C.UTF-8 TERM=$term
	wait_for "47/47" >/dev/null
	# F1: xterm (SS3 P), PuTTY and Tera Term (ESC [11~), the Linux console
	# and PuTTY's Linux mode (ESC [[A).
	for f1 in "$(e '\033OP')" "$(e '\033[11~')" "$(e '\033[[A')"; do
		bytes "$f1"
		check "$term: F1 as $(printf %s "$f1" | od -An -c | tr -s ' ') opens help" wait_for "National contacts"
		tm send-keys -t s Escape
		wait_gone "National contacts" >/dev/null
	done
	# Down, Up, in both cursor modes (PuTTY's Ctrl flips them) and rxvt's.
	bytes "$(e '\033[B')"
	check "$term: ESC [B in one write moves down, not out" wait_for ">02 青森"
	bytes "$(e '\033OB')"
	check "$term: ESC OB moves down" wait_for ">03 岩手"
	bytes "$(e '\033[1;2B')"
	check "$term: Shift-Down (xterm) moves down" wait_for ">04 宮城"
	bytes "$(e '\033[a')"
	check "$term: Shift-Up (rxvt) moves up" wait_for ">03 岩手"
	# End and Home: xterm, VT220 (PuTTY, Tera Term, the console), rxvt.
	for end in "$(e '\033[F')" "$(e '\033[4~')" "$(e '\033[8~')" "$(e '\033OF')"; do
		bytes "$(e '\033[H')"
		wait_for ">01 北海道" >/dev/null
		bytes "$end"
		check "$term: End as $(printf %s "$end" | od -An -c | tr -s ' ')" wait_for ">47 沖縄"
	done
	for home in "$(e '\033[1~')" "$(e '\033[7~')" "$(e '\033OH')"; do
		bytes "$(e '\033[F')"
		wait_for ">47 沖縄" >/dev/null
		bytes "$home"
		check "$term: Home as $(printf %s "$home" | od -An -c | tr -s ' ')" wait_for ">01 北海道"
	done
	bytes "$(e '\033[6~')"
	check "$term: PgDn" wait_gone ">01 北海道"
	bytes "$(e '\033[5~')"
	check "$term: PgUp" wait_for ">01 北海道"
	# F2 as each terminal sends it copies the phone (into tmux's buffer).
	tm send-keys -t s -l kanagawa
	wait_for "1/47" >/dev/null
	for f2 in "$(e '\033OQ')" "$(e '\033[12~')" "$(e '\033[[B')" "$(e '\031')" "$(e '\033y')"; do
		tm set-buffer x
		bytes "$f2"
		check "$term: copy as $(printf %s "$f2" | od -An -c | tr -s ' ')" wait_until 5 buffer_is 045-664-9110
	done
	check "$term: the query unchanged by them" wait_query kanagawa
	# Editing: Alt and Ctrl word moves, Delete, both Backspaces.
	tm send-keys -t s C-u
	tm send-keys -t s -l "ab cd"
	bytes "$(e '\033b')X"
	check "$term: M-b moves back a word" wait_query "ab Xcd"
	bytes "$(e '\033[1;5D')Y"
	check "$term: C-Left (xterm) moves back a word" wait_query "ab YXcd"
	bytes "$(e '\033[1;5C')Z"
	check "$term: C-Right (xterm) moves on a word" wait_query "ab YXcdZ"
	bytes "$(e '\033Od')W"
	check "$term: C-Left (rxvt) moves back a word" wait_query "ab WYXcdZ"
	bytes "$(e '\033f')V"
	check "$term: M-f moves on a word" wait_query "ab WYXcdZV"
	bytes "$(e '\033\177')"
	check "$term: M-Backspace deletes a word" wait_query "ab"
	tm send-keys -t s -l "cd"
	bytes "$(e '\001\033[3~')"
	check "$term: Delete deletes forward" wait_query "b cd"
	bytes "$(e '\004')"
	check "$term: C-d deletes forward" wait_query " cd"
	bytes "$(e '\005\010')"
	check "$term: Backspace as ^H" wait_query " c"
	bytes "$(e 'x\177')"
	check "$term: Backspace as ^?" wait_query " c"
	# Sequences that are no key, and keys madoguchi has no use for: none
	# types anything, none acts, none quits.
	for junk in '\033]0;title\007' '\033]52;c;eA==\033\\' '\033P1$r0m\033\\' \
	    '\033_Gi=1\033\\' '\033[99~' '\033Oz' \
	    '\033[18~' '\033[19~' '\033[20~' '\033[23~' '\033[24~' '\033[2~' \
	    '\033[12;40R' '\033[?1;2c' '\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23;24;25;26;27;28;29;30;31;32;33;34;35~' \
	    '\033[<0;200;100M' '\033[32;200;100M' '\033Ptmux;\033\033]52;c;eA==\007\033\\'; do
		bytes "$(e "$junk")"
	done
	tm send-keys -t s -l "!"
	check "$term: sequences that are no key do nothing" wait_query ' c!'
	check "$term: and never quit" running
	tm send-keys -t s Escape
	wait_query "" >/dev/null
	tm send-keys -t s Escape
	check "$term: Esc, Esc quits with 0" exited_with 0
	check "$term: terminal restored" restored
done

# The wheel scrolls the pane under the pointer, not the focused one: over
# the detail (column 60) it scrolls the detail and leaves the selection.
start wheel LANG=C.UTF-8
wait_for "47/47" >/dev/null
tm resize-window -t s -x 100 -y 12
wait_for ">01 北海道" >/dev/null
bytes "$(e '\033[<65;60;5M')"
check "the wheel over the detail scrolls it" wait_gone "| 01 北海道"
check "and not the list" wait_for ">01 北海道"
bytes "$(e '\033[<65;10;5M')"
check "the wheel over the list moves the selection" wait_for ">04 宮城"

# Two Escs in one write are two: the query cleared, then out.
start escesc LANG=C.UTF-8 -- -q tokyo
wait_for "1/47" >/dev/null
bytes "$(e '\033\033')"
check "Esc Esc in one write: cleared and out" exited_with 0

# A paste is text: the line break and the tab become spaces, nothing in it
# acts (the tab would switch the focus, the newline open the detail).
start paste LANG=C.UTF-8
wait_for "47/47" >/dev/null
# tmux pastes as a terminal does: in ESC [200~ ... ESC [201~, as asked.
printf '〒100-0001\r\n東京都千代田区\t千代田1-1\r\n' | tm load-buffer -
tm paste-buffer -p -r -t s
check "a pasted address is one line of words" wait_query "〒100-0001 東京都千代田区 千代田1-1"
check "and finds its desk" wait_for ">13 警視庁"
check "the focus stays in the list" wait_for "Type to filter"
tm send-keys -t s C-u
printf '%020000d\n' 7 | tm load-buffer -
tm paste-buffer -p -t s
check "a long paste is cut to the query's room, once" wait_for "0/47"
check "and the session goes on" running

# Copying reaches the outer terminal through a tmux with default options:
# an outer tmux (as the person's terminal, its clipboard on) runs an inner
# tmux with no options at all, which runs madoguchi.
inner="madoguchi-inner-$$"
echo "$inner" >>"$servers_file"
session "env TERM=xterm-256color tmux -L $inner -f /dev/null new-session -s i 'env LANG=C.UTF-8 $BIN -q kanagawa'"
tm set-option -g set-clipboard on
wait_for "1/47" >/dev/null
tm set-buffer empty
tm send-keys -t s F2
check "nested tmux: F2 says this tmux has it, and may not pass it on" wait_for "045-664-9110: in this tmux's buffer; it runs inside"
check "nested tmux: the outer tmux's buffer holds the phone" wait_until 5 buffer_is 045-664-9110
tm set-buffer empty
tm send-keys -t s Tab
tm send-keys -t s -l u
check "nested tmux: u in the detail copies the page" wait_until 5 buffer_is http://www.police.pref.kanagawa.jp/mes/mesd0015.htm
tmux -L "$inner" kill-server 2>/dev/null || true

# Links: every URL shown is an OSC 8 hyperlink, the pieces of a wrapped
# one with one id; none with --no-hyperlinks or --ascii. They go out with
# the frame.
ESC=$(printf '\033')
RECORD=1 start links -- -q shizuoka
check "links: the page is a link" wait_until 5 sh -c "grep -a -o '${ESC}]8;[a-z0-9=]*;http[^${ESC}]*' '$tmp/links.out' | grep -q ';http://www.police.pref.shizuoka.jp/'"
check "links: each link is closed" sh -c "[ \$(grep -a -o '${ESC}]8;[a-z0-9=]*;http' '$tmp/links.out' | wc -l) -eq \$(grep -a -o '${ESC}]8;;${ESC}' '$tmp/links.out' | wc -l) ]"
RECORD=1 start nolinks -- --no-hyperlinks -q shizuoka
check "--no-hyperlinks: none" file_lacks "$tmp/nolinks.out" "${ESC}]8;"
RECORD=1 start asciilinks -- --ascii -q shizuoka
check "--ascii: none" file_lacks "$tmp/asciilinks.out" "${ESC}]8;"

# Terminals this server has no entry for: the browser with the closest
# built-in one, and a line saying so; a truly unknown TERM gets the list.
for term in xterm-kitty alacritty xterm-ghostty putty-256color putty wezterm foot teraterm; do
	start "foreign-$term" LANG=C.UTF-8 TERM=$term TERMINFO=/nonexistent TERMINFO_DIRS=/nonexistent
	check "TERM=$term: the browser" wait_for "47/47"
	tm send-keys -t s Escape
	check "TERM=$term: quits" exited_with 0
done
start foreign-note LANG=C.UTF-8 TERM=xterm-ghostty
wait_for "47/47" >/dev/null
tm send-keys -t s Escape
check "a TERM with no entry: says which it used" wait_for "TERM=xterm-ghostty: no terminfo entry here; using xterm-256color"
start unknown LANG=C.UTF-8 TERM=no-such-terminal
history_has() { tm capture-pane -p -S -200 -t s | grep -qF -- "$1"; }
check "a truly unknown TERM: the line mode, and why" wait_until 5 history_has "TERM=no-such-terminal: unknown terminal type; the line mode instead"

# Without an alternate screen the frame is cleared and the prompt comes
# back at the top, not on the hint line.
for term in vt100 linux; do
	start "noalt-$term" LANG=C.UTF-8 TERM=$term
	wait_for "47/47" >/dev/null
	tm send-keys -t s Escape
	check "TERM=$term: quits" exited_with 0
	check "TERM=$term: the frame is cleared" wait_gone "Type to filter"
	check "TERM=$term: the shell's next line is at the top" wait_row "SHELL-BACK" 1
done

# The screen as a terminal emulator apart from tmux shows it: the raw
# bytes fed to pyte. An emoji and a kanji in the query, each two columns:
# the cursor after them at column 6.
if py=$(pyte_python); then
	RECORD=1 start wide -- -q kanagawa
	tm send-keys -t s C-u
	tm send-keys -t s -l "😀東"
	wait_for "> 😀東" >/dev/null
	same_in_pyte() { screen >"$tmp/wide.txt" && "$py" tests/pyte_screen.py "$tmp/wide.out" 100 30 "$tmp/wide.txt" 6; }
	check "pyte shows what tmux shows, the cursor after a wide emoji" wait_until 5 same_in_pyte
	RECORD=1 start linked -- -q shizuoka
	check "pyte: the links were written" wait_until 5 grep -q -a "${ESC}]8;[a-z0-9=]*;http" "$tmp/linked.out"
	same_links() { screen >"$tmp/linked.txt" && "$py" tests/pyte_screen.py "$tmp/linked.out" 100 30 "$tmp/linked.txt" 10; }
	check "pyte: the links written over the frame change no cell" wait_until 5 same_links
	# The rows madoguchi scrolls itself, and the links it puts before
	# the frame, leave the screen as tmux has it, move after move, at the
	# sizes where the list scrolls beside the detail.
	for size in "120 40" "80 24"; do
		cols=${size% *} rows=${size#* }
		SIZE=$size RECORD=1 start "scroll$cols"
		same_scrolled() { # CURSOR_X
			screen >"$tmp/scroll.txt" &&
			    "$py" tests/pyte_screen.py "$tmp/scroll$cols.out" "$cols" "$rows" "$tmp/scroll.txt" "$1"
		}
		step() { # KEYS SHOWN CURSOR_X: after the keys, what both show
			# shellcheck disable=SC2086 # KEYS are tmux key names
			tm send-keys -t s $1
			wait_for "$2" >/dev/null
			check "pyte and tmux agree at ${cols}x$rows after $1" wait_until 5 same_scrolled "$3"
		}
		step End ">47 沖縄" 2
		step Home ">01 北海道" 2
		step "PageDown PageDown" "/47" 2
		step "Up Up Up" "/47" 2
		step "Home Down Down" ">03 岩手" 2
		step "s h i z" "> shiz" 6
		step "BSpace BSpace" "> sh " 4
		step C-u "47/47" 2
	done
else
	skip "python3-pyte is not installed: no second emulator"
fi
finish
