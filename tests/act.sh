#!/bin/sh
# Acting on a desk, in a real terminal: OSC 52 copies (the exact bytes,
# only on the key), and opening a URL with a browser started without a
# shell, the screen intact afterwards.
set -eu
. tests/lib.sh
. tests/tmuxlib.sh
ESC=$(printf '\033')
BEL=$(printf '\007')

count() { grep -o -a -F -- "$1" "$tmp/$2.out" | wc -l; }
equals() { [ "$1" -eq "$2" ] || { echo "  $1, wanted $2" >&2; false; }; }

# Inside tmux the text goes to tmux itself (load-buffer -w), which keeps it
# and passes it on to the outer terminal under its default options, where
# an application's own OSC 52 is dropped.
RECORD=1 start copy -- -q kanagawa
check "nothing is copied before the key" count_is 0 "$tmp/copy.out" ']52;'
tm send-keys -t s F2
check "F2 in tmux says tmux has it, and sent it on if allowed" wait_for "045-664-9110: in tmux's buffer, and sent on to the terminal's clipboard, if"
check "and tmux's buffer holds the phone" sh -c "[ \"\$(tmux -L '$sock' show-buffer)\" = 045-664-9110 ]"
check "no OSC 52 is sent when tmux took it" file_lacks "$tmp/copy.out" ']52;'
tm send-keys -t s F3
check "F3 copies the page" wait_for "http://www.police.pref.kanagawa.jp/mes/mesd0015.htm: in tmux's"
check "into tmux's buffer" sh -c "[ \"\$(tmux -L '$sock' show-buffer)\" = http://www.police.pref.kanagawa.jp/mes/mesd0015.htm ]"
tm send-keys -t s C-u
tm send-keys -t s -l 栃木
wait_for "1/47" >/dev/null
tm send-keys -t s F4
check "F4 with no address listed says so" wait_for "No consultation address is listed"
tm send-keys -t s C-u
tm send-keys -t s -l 宮城
wait_for "1/47" >/dev/null
tm send-keys -t s F4
check "F4 for 上記ページから copies the page" wait_for "http://www.police.pref.miyagi.jp/hp/cyber/cyber_index.html: in tmux's"
# The keys without F-keys: Ctrl-Y and Alt-Y in the list, y in the detail.
tm send-keys -t s C-y
check "C-y copies the phone" wait_until 5 sh -c "[ \"\$(tmux -L '$sock' show-buffer)\" = 022-266-9110 ]"
tmux -L "$sock" set-buffer x
tm send-keys -t s M-u
check "M-u copies the page" wait_until 5 sh -c "[ \"\$(tmux -L '$sock' show-buffer)\" = http://www.police.pref.miyagi.jp/hp/cyber/cyber_index.html ]"
tm send-keys -t s Tab
tmux -L "$sock" set-buffer x
tm send-keys -t s y
check "y in the detail copies the phone" wait_until 5 sh -c "[ \"\$(tmux -L '$sock' show-buffer)\" = 022-266-9110 ]"
check "and types nothing" wait_for "> 宮城 "
# A tmux whose set-clipboard is off keeps it: said so, with how to paste.
tmux -L "$sock" set-option -g set-clipboard off
tm send-keys -t s y
check "set-clipboard off: in tmux's buffer only" wait_for "022-266-9110: in tmux's buffer only (its set-clipboard"
tmux -L "$sock" set-option -g set-clipboard external

# Outside tmux: OSC 52, bare, once, and said to be sent, not more.
RECORD=1 start bare TMUX= -- -q kanagawa
tm send-keys -t s F2
check "outside tmux: sent, not claimed copied" wait_for "045-664-9110: sent to the terminal's clipboard (OSC 52)"
check "the bare OSC 52, once" equals "$(count "${ESC}]52;c;MDQ1LTY2NC05MTEw${BEL}" bare)" 1
check "no other OSC 52" sh -c "[ \$(grep -o -a ']52;c;[A-Za-z0-9+/=]*' '$tmp/bare.out' | sort -u | wc -l) -eq 1 ]"
keys_before=$(grep -c -a ']52;' "$tmp/bare.out")
tm send-keys -t s Down Up
tm send-keys -t s -l zzzzz # no slip of a name: nothing listed
wait_for "0/47" >/dev/null
check "other keys copy nothing" count_is "$keys_before" "$tmp/bare.out" ']52;'
# tmux older than 3.2 (no load-buffer -w), here a tmux that fails: the
# sequence wrapped for passthrough, then bare.
mkdir -p "$tmp/oldtmux"
printf '#!/bin/sh\nexit 1\n' >"$tmp/oldtmux/tmux"
chmod +x "$tmp/oldtmux/tmux"
RECORD=1 start oldtmux PATH=$tmp/oldtmux:/usr/bin:/bin -- -q kanagawa
tm send-keys -t s F2
check "a tmux that cannot take it: sent, if allowed" wait_for "045-664-9110: sent to the terminal's clipboard (OSC 52), if it"
check "wrapped for passthrough, once" equals "$(count "${ESC}Ptmux;${ESC}${ESC}]52;c;MDQ1LTY2NC05MTEw${BEL}${ESC}\\" oldtmux)" 1
# GNU screen: wrapped in DCS, and no tmux passthrough leaking into it.
RECORD=1 start screen TMUX= STY=1.pts-0.host -- -q kanagawa
tm send-keys -t s F2
check "screen: sent, if allowed" wait_for "045-664-9110: sent to the terminal's clipboard (OSC 52), if it"
check "screen: wrapped in DCS" equals "$(count "${ESC}P${ESC}]52;c;MDQ1LTY2NC05MTEw${BEL}${ESC}\\" screen)" 1
check "screen: no tmux wrapping" file_lacks "$tmp/screen.out" 'Ptmux;'
# VTE ignores OSC 52: say so, and show the value to select by hand.
RECORD=1 start vte TMUX= VTE_VERSION=7006 -- -q kanagawa
tm send-keys -t s F2
check "VTE: says it was not copied" wait_for "045-664-9110: not copied: this terminal (VTE) ignores OSC 52"
check "VTE: no OSC 52" file_lacks "$tmp/vte.out" ']52;'

RECORD=1 start nocopy -- --no-osc52 -q tokyo
tm send-keys -t s F2
check "--no-osc52: says copying is off" wait_for "Copying is off"
check "--no-osc52: no OSC 52 at all" file_lacks "$tmp/nocopy.out" ']52;'
RECORD=1 start kiosk MADOGUCHI_RESTRICTED=1 -- -q tokyo
tm send-keys -t s F2
check "restricted: no copying" wait_for "Copying is off"
tm send-keys -t s F5
check "restricted: no browser" wait_for "Opening a browser is off in restricted mode"
check "restricted: no OSC 52" file_lacks "$tmp/kiosk.out" ']52;'

# The opener: a fake browser records its argument vector. The URL carries
# shell syntax that a shell would run.
url="http://x.example/;touch\$IFS$tmp/pwned;\$(touch\$IFS$tmp/pwned2)"
sed "s|^13	\\(.*\\)	http://www.keishicho.metro.tokyo.jp/haiteku/haiteku/haiteku1.htm	|13	\\1	$url	|" \
    data/desks.tsv >"$tmp/evil.tsv"
check "the evil URL is a valid table" sh -c "'$BIN' --check -d '$tmp/evil.tsv' >/dev/null"
cat >"$tmp/fake-browser" <<FAKE
#!/bin/sh
{ echo "\$#"; for a in "\$0" "\$@"; do printf '%s\n' "\$a"; done; } >"$tmp/argv"
printf 'FAKE BROWSER: press a key\n'
read -r line
printf '\033(0' # leaves the terminal drawing lines for letters
FAKE
chmod +x "$tmp/fake-browser"
RECORD=1 start open BROWSER=$tmp/fake-browser TERM=xterm-256color -- -d "$tmp/evil.tsv" -q tokyo
tm send-keys -t s F5
check "the browser has the terminal" wait_for "FAKE BROWSER: press a key"
tm send-keys -t s Enter
check "the screen comes back whole" wait_for "警視庁  東京都"
check "with the list" wait_for ">13 警視庁"
check "and says what opened it" wait_for "Opened with $tmp/fake-browser"
# The browser left the terminal drawing lines for letters: the repaint
# resets it (pyte keeps character sets, where tmux's capture does not).
if py=$(pyte_python); then
	check "and in letters, whatever set the browser left" pyte_shows \
	    "$py" "$tmp/open.out" 100 30 "Opened with"
else
	skip "pyte is missing: the character set after a browser was not tried"
fi
check "one argument" sh -c "[ \"\$(sed -n 1p '$tmp/argv')\" = 1 ]"
check "argv[0] is the browser" sh -c "[ \"\$(sed -n 2p '$tmp/argv')\" = '$tmp/fake-browser' ]"
check "argv[1] is the URL, verbatim" sh -c "[ \"\$(sed -n 3p '$tmp/argv')\" = '$url' ]"
check "no shell ran it" sh -c "[ ! -e '$tmp/pwned' ] && [ ! -e '$tmp/pwned2' ]"
# The terminal comes back repainted, and its URLs links again: the text
# browser drew over them.
RECORD=1 start relink BROWSER=$tmp/fake-browser -- -q tokyo
tm send-keys -t s F5
wait_for "FAKE BROWSER: press a key" >/dev/null
tm send-keys -t s Enter
wait_for "Opened with $tmp/fake-browser" >/dev/null
links_after_the_browser() {
	python3 -c "import sys; d = open(sys.argv[1], 'rb').read()
i = d.rfind(b'FAKE BROWSER')
sys.exit(0 if i >= 0 and d.find(b'\x1b]8;', i) > 0 else 1)" "$tmp/relink.out"
}
check "back from the browser, the URLs are links again" wait_until 5 links_after_the_browser

# Colour: matches in red (as grep has them: it reads on white and on black)
# where colours work; none with NO_COLOR set and not empty, or
# --color=never; --color=always wins over NO_COLOR.
RED="${ESC}[31m"
RECORD=1 start colour -- -q tok
check "matches are coloured" file_has "$tmp/colour.out" "$RED"
RECORD=1 start nocolour NO_COLOR=1 -- -q tok
check "NO_COLOR: no colour" file_lacks "$tmp/nocolour.out" "$RED"
check "NO_COLOR: matches still marked (bold)" file_has "$tmp/nocolour.out" "${ESC}[0;1;4m"
RECORD=1 start emptynocolour NO_COLOR= -- -q tok
check "NO_COLOR empty: colour" file_has "$tmp/emptynocolour.out" "$RED"
RECORD=1 start never -- --color=never -q tok
check "--color=never: no colour" file_lacks "$tmp/never.out" "$RED"
RECORD=1 start always NO_COLOR=1 -- --color=always -q tok
check "--color=always: colour even with NO_COLOR" file_has "$tmp/always.out" "$RED"

# The BROWSER convention: a list of commands, %s the URL, %% a %, split at
# spaces, without a shell; one that fails is a failure, with its status,
# and the next is tried.
cat >"$tmp/args-browser" <<FAKE
#!/bin/sh
{ echo "\$#"; for a in "\$@"; do printf '%s\n' "\$a"; done; } >"$tmp/args"
FAKE
printf '#!/bin/sh\nexit 3\n' >"$tmp/failing-browser"
chmod +x "$tmp/args-browser" "$tmp/failing-browser"
# A value with spaces, set where no shell quoting is in the way.
printf '#!/bin/sh\nBROWSER="%s --new-tab %%s 100%%%%" exec "$@"\n' "$tmp/args-browser" >"$tmp/with-browser"
chmod +x "$tmp/with-browser"
WRAP="$tmp/with-browser" RECORD=1 start percent -- -q tokyo
tm send-keys -t s F5
check "BROWSER with %s: opened" wait_for "Opened with $tmp/args-browser"
check "its words, the URL in place of %s, %% a %" sh -c "[ \"\$(tr '\n' ' ' <'$tmp/args')\" = '3 --new-tab http://www.keishicho.metro.tokyo.jp/haiteku/haiteku/haiteku1.htm 100% ' ]"
RECORD=1 start failing BROWSER=$tmp/failing-browser -- -q tokyo
tm send-keys -t s F5
check "a browser that fails is a failure, with its status" wait_for "$tmp/failing-browser failed (exit status 3)"
RECORD=1 start next BROWSER=$tmp/failing-browser:$tmp/args-browser -- -q tokyo
tm send-keys -t s F5
check "then the next one is tried" wait_for "Opened with $tmp/args-browser"
# Over SSH nothing starts on the server: the URL, a link, and copied.
rm -f "$tmp/args"
RECORD=1 start ssh BROWSER=$tmp/args-browser SSH_CONNECTION=10.0.0.1 DISPLAY= -- -q tokyo
tm send-keys -t s F5
check "over SSH: the URL and why" wait_for "http://www.keishicho.metro.tokyo.jp/haiteku/haiteku/haiteku1.htm  (over SSH: open it on your own"
check "over SSH: no browser ran" sh -c "[ ! -e '$tmp/args' ]"
check "over SSH: the URL copied" sh -c "[ \"\$(tmux -L '$sock' show-buffer)\" = http://www.keishicho.metro.tokyo.jp/haiteku/haiteku/haiteku1.htm ]"
check "over SSH: the URL is a link" wait_until 5 sh -c "grep -q -a -F '${ESC}]8;id=' '$tmp/ssh.out' && grep -a -o '${ESC}]8;id=[0-9a-f md]*;[^${ESC}]*' '$tmp/ssh.out' | grep -q -F ';http://www.keishicho.metro.tokyo.jp/haiteku/haiteku/haiteku1.htm'"
RECORD=1 start sshx BROWSER=$tmp/args-browser SSH_TTY=/dev/pts/1 DISPLAY=:0 -- -q tokyo
tm send-keys -t s F5
check "over SSH with a display: opened there" wait_for "Opened with $tmp/args-browser"

# No browser at all, and not over SSH: the URL, copied too, as over SSH
# (into tmux's buffer; with no tmux to run, sent as OSC 52).
mkdir -p "$tmp/empty" "$tmp/only-tmux"
ln -sf "$(command -v tmux)" "$tmp/only-tmux/tmux"
RECORD=1 start nobrowser BROWSER=/nonexistent/browser PATH=$tmp/only-tmux -- -q tokyo
tm send-keys -t s F5
# Too long for the hint row, the status takes the rows above it, whole:
# the URL on a line of its own.
check "no browser: says so, and that it copied the URL" wait_for "No browser could be started; copied the URL:"
check "  the URL whole, on its own line" wait_for "http://www.keishicho.metro.tokyo.jp/haiteku/haiteku/haiteku1.htm"
check "no browser: the URL in tmux's buffer" sh -c "[ \"\$(tmux -L '$sock' show-buffer)\" = http://www.keishicho.metro.tokyo.jp/haiteku/haiteku/haiteku1.htm ]"
check "still running" wait_for ">13 警視庁"
RECORD=1 start nocopying BROWSER=/nonexistent/browser PATH=$tmp/empty -- --no-osc52 -q tokyo
tm send-keys -t s F5
check "no browser, copying off: says so and shows the URL" wait_for "No browser could be started; the URL:"
check "  the URL whole, on its own line" wait_for "http://www.keishicho.metro.tokyo.jp/haiteku/haiteku/haiteku1.htm"
finish
