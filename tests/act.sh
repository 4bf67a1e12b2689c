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

start_recorded copy -q kanagawa
check "nothing is copied before the key" sh -c "[ \$(grep -c -a ']52;' '$tmp/copy.out') -eq 0 ]"
tm send-keys -t s F2
check "F2 says what it copied" wait_for "Copied to the clipboard: 045-664-9110"
# Inside tmux: wrapped for passthrough, then bare; the phone and nothing else.
check "the tmux-wrapped OSC 52, once" equals "$(count "${ESC}Ptmux;${ESC}${ESC}]52;c;MDQ1LTY2NC05MTEw${BEL}${ESC}\\" copy)" 1
# The bare one stands alone once, and once more inside the wrapped one.
check "the bare OSC 52, once" equals "$(count "${ESC}]52;c;MDQ1LTY2NC05MTEw${BEL}" copy)" 2
check "no other OSC 52" sh -c "[ \$(grep -o -a ']52;c;[A-Za-z0-9+/=]*' '$tmp/copy.out' | sort -u | wc -l) -eq 1 ]"
tm send-keys -t s F3
check "F3 copies the page" wait_for "Copied to the clipboard: http://www.police.pref.kanagawa.jp/mes/mesd0015.htm"
check "its OSC 52" sh -c "grep -q -a \"]52;c;\$(printf %s http://www.police.pref.kanagawa.jp/mes/mesd0015.htm | base64 -w0)$BEL\" '$tmp/copy.out'"
tm send-keys -t s C-u
tm send-keys -t s -l 栃木
wait_for "1/47" >/dev/null
tm send-keys -t s F4
check "F4 with no address listed says so" wait_for "No consultation address is listed"
tm send-keys -t s C-u
tm send-keys -t s -l 宮城
wait_for "1/47" >/dev/null
tm send-keys -t s F4
check "F4 for 上記ページから copies the page" wait_for "Copied to the clipboard: http://www.police.pref.miyagi.jp/hp/cyber/cyber_index.html"
keys_before=$(grep -c -a ']52;' "$tmp/copy.out")
tm send-keys -t s Down Up
tm send-keys -t s -l x
wait_for "0/47" >/dev/null
check "other keys copy nothing" sh -c "[ \$(grep -c -a ']52;' '$tmp/copy.out') -eq $keys_before ]"

start_recorded nocopy --no-osc52 -q tokyo
tm send-keys -t s F2
check "--no-osc52: says copying is off" wait_for "Copying is off"
check "--no-osc52: no OSC 52 at all" sh -c "! grep -q -a ']52;' '$tmp/nocopy.out'"
ENVS="MADOGUCHI_RESTRICTED=1" start_recorded kiosk -q tokyo
tm send-keys -t s F2
check "restricted: no copying" wait_for "Copying is off"
tm send-keys -t s F5
check "restricted: no browser" wait_for "Opening a browser is off in restricted mode"
check "restricted: no OSC 52" sh -c "! grep -q -a ']52;' '$tmp/kiosk.out'"

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
FAKE
chmod +x "$tmp/fake-browser"
ENVS="BROWSER=$tmp/fake-browser" start_recorded open -d "$tmp/evil.tsv" -q tokyo
tm send-keys -t s F5
check "the browser has the terminal" wait_for "FAKE BROWSER: press a key"
tm send-keys -t s Enter
check "the screen comes back whole" wait_for "警視庁  東京都"
check "with the list" wait_for ">13 警視庁"
check "and says what opened it" wait_for "Opened with $tmp/fake-browser"
check "one argument" sh -c "[ \"\$(sed -n 1p '$tmp/argv')\" = 1 ]"
check "argv[0] is the browser" sh -c "[ \"\$(sed -n 2p '$tmp/argv')\" = '$tmp/fake-browser' ]"
check "argv[1] is the URL, verbatim" sh -c "[ \"\$(sed -n 3p '$tmp/argv')\" = '$url' ]"
check "no shell ran it" sh -c "[ ! -e '$tmp/pwned' ] && [ ! -e '$tmp/pwned2' ]"

# Colour: matches in yellow where colours work; none with NO_COLOR set and
# not empty, or --color=never; --color=always wins over NO_COLOR.
YELLOW="${ESC}[33m"
start_recorded colour -q tok
check "matches are coloured" sh -c "grep -q -a -F '$YELLOW' '$tmp/colour.out'"
ENVS="NO_COLOR=1" start_recorded nocolour -q tok
check "NO_COLOR: no colour" sh -c "! grep -q -a -F '$YELLOW' '$tmp/nocolour.out'"
check "NO_COLOR: matches still marked (bold)" sh -c "grep -q -a -F '${ESC}[0;1;4m' '$tmp/nocolour.out'"
ENVS="NO_COLOR=" start_recorded emptynocolour -q tok
check "NO_COLOR empty: colour" sh -c "grep -q -a -F '$YELLOW' '$tmp/emptynocolour.out'"
start_recorded never --color=never -q tok
check "--color=never: no colour" sh -c "! grep -q -a -F '$YELLOW' '$tmp/never.out'"
ENVS="NO_COLOR=1" start_recorded always --color=always -q tok
check "--color=always: colour even with NO_COLOR" sh -c "grep -q -a -F '$YELLOW' '$tmp/always.out'"

mkdir -p "$tmp/empty"
ENVS="BROWSER=/nonexistent/browser PATH=$tmp/empty" start_recorded nobrowser -q tokyo
tm send-keys -t s F5
check "no browser: says so and shows the URL" wait_for "No browser could be started; the URL: http://www.keishicho"
check "still running" wait_for ">13 警視庁"
finish
