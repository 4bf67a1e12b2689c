#!/bin/sh
# screenshot.sh: captures the browser from a real terminal (tmux, 100x26)
# into doc/screenshot.txt and puts it in README.md between its markers.
# Run by `make screenshot`; with CHECK=1 it only says whether both are
# still what the browser shows (a test in make check).
set -eu
. tests/lib.sh
. tests/tmuxlib.sh
session "env TERM=tmux-256color LANG=C.UTF-8 $BIN -q 関東; sleep 600" 100 26
wait_for "7/47"
tm send-keys -t s Down Down
wait_for ">09 栃木"
screen | sed 's/ *$//' >"$tmp/shot.txt"
awk -v shot="$tmp/shot.txt" '
/<!-- screenshot begins -->/ { print; print "```"; while ((getline l < shot) > 0) print l; print "```"; skip = 1; next }
/<!-- screenshot ends -->/ { skip = 0 }
!skip' README.md >"$tmp/README.md"
if [ "${CHECK:-}" ]; then
	check "doc/screenshot.txt is what the browser shows" cmp "$tmp/shot.txt" doc/screenshot.txt
	check "README.md shows it" cmp "$tmp/README.md" README.md
	finish
else
	cp "$tmp/shot.txt" doc/screenshot.txt
	cp "$tmp/README.md" README.md
	echo "doc/screenshot.txt and README.md updated"
fi
