#!/bin/sh
# Real-terminal tests: madoguchi in a tmux pane, driven with send-keys and
# read with capture-pane. Every wait is for a condition, with a deadline.
set -eu
. tests/lib.sh
. tests/tmuxlib.sh

start keys LANG=C.UTF-8
check "starts with every desk" wait_for "47/47"
check "shows the list" wait_for "北海道 Hokkaido"
# The mouse, as xterm reports it (X10 encoding: ESC [ M button x y, each
# plus 32, 1-based): a click on the fifth row, then the wheel down.
tm send-keys -t s -l "$(printf '\033[M %%&\033[M#%%&')"
check "a click selects" wait_for ">05 秋田"
tm send-keys -t s -l "$(printf '\033[Ma%%&')"
check "the wheel moves" wait_for ">13 警視庁"
tm send-keys -t s -l tokyo
check "ASCII query narrows" wait_for "1/47"
check "and shows the detail" wait_for "警視庁  東京都"
tm send-keys -t s C-u
tm send-keys -t s -l 関東
check "Japanese query" wait_for "7/47"
tm send-keys -t s Down Down
check "Down moves the selection" wait_for ">09 栃木"
check "the detail follows" wait_for "栃木  栃木県"
tm send-keys -t s BSpace
check "Backspace removes one character" wait_for "> 関 "
tm send-keys -t s Escape
check "Esc clears the query" wait_for "> "
check "all desks again" wait_for "47/47"
check "selection kept" wait_for ">09 栃木"
tm resize-window -t s -x 100 -y 10
# Keys after the resize has been drawn (sent before, under load, they
# scrolled the tall page that the resize then cut back).
check "resized: the hint on the tenth row" wait_row "Type to filter" 10
tm send-keys -t s Tab Down Down Down
check "Tab focuses the detail" wait_for "j/k scroll"
check "where Down scrolls" wait_gone "栃木  栃木県"
check "and the list stays" wait_for ">09 栃木"
tm send-keys -t s Tab
check "Tab again returns" wait_for "Type to filter"
tm resize-window -t s -x 100 -y 30
tm send-keys -t s F1
check "F1 opens help" wait_for "National contacts"
tm send-keys -t s Escape
check "Esc closes help" wait_gone "National contacts"
tm send-keys -t s Escape
check "Esc on an empty query quits with 0" exited_with 0
check "terminal restored after Esc" restored
check "the desk picked stays on the terminal" wait_for "09  栃木  栃木県"

# Nothing picked (Esc at once), or --no-print: nothing printed.
start untouched LANG=C.UTF-8
wait_for "47/47" >/dev/null
tm send-keys -t s Escape
wait_for SHELL-BACK >/dev/null
check "nothing picked, nothing printed" hides "北海道  北海道"
start noprint LANG=C.UTF-8 -- --no-print
wait_for "47/47" >/dev/null
tm send-keys -t s -l tokyo
wait_for "1/47" >/dev/null
tm send-keys -t s Escape
wait_for "47/47" >/dev/null
tm send-keys -t s Escape
wait_for SHELL-BACK >/dev/null
check "--no-print prints nothing" hides "警視庁  東京都"

start narrow LANG=C.UTF-8 -- -q kanagawa
wait_for "1/47" >/dev/null
tm resize-window -t s -x 60 -y 20
check "narrow list" wait_for "14 神奈川 Kanagawa"
tm send-keys -t s Enter
check "Enter opens the detail" wait_for "かながわけん  Kanagawa"
tm send-keys -t s Escape
check "Esc goes back to the list" wait_for "Enter detail"
tm send-keys -t s Enter
wait_for "かながわけん" >/dev/null
tm send-keys -t s Left
check "Left goes back too" wait_for "Enter detail"

# Resize through many sizes down to 1x1 and back: alive, query and
# selection intact.
for size in 80x24 40x12 20x5 19x4 10x3 5x2 2x1 1x1 1x40 200x1 3x3 120x40 33x7 100x30; do
	tm resize-window -t s -x "${size%x*}" -y "${size#*x}"
done
check "survives a resize storm" wait_for "> kanagawa"
check "selection survives" wait_for ">14 神奈川"
check "still running" sh -c "[ ! -e '$run_dir/status' ]"
tm resize-window -t s -x 10 -y 3
check "too small says so" wait_for "too small"
tm resize-window -t s -x 100 -y 30
check "and comes back" wait_for ">14 神奈川"
kill -TERM "$(pid)"
check "SIGTERM exits with 143" exited_with 143
check "terminal restored after SIGTERM" restored

start intr LANG=C.UTF-8
wait_for "47/47" >/dev/null
tm send-keys -t s C-c
check "C-c exits with 130" exited_with 130
check "terminal restored after C-c" restored

start hup LANG=C.UTF-8
wait_for "47/47" >/dev/null
kill -HUP "$(pid)"
check "SIGHUP exits within a second" exited_with 129

start japanese LANG=ja_JP.UTF-8 LC_ALL=
check "Japanese labels from LANG, even uninstalled" wait_for "入力で絞り込み"
tm send-keys -t s Escape
check "quits" exited_with 0

start nomouse LANG=C.UTF-8 -- --no-mouse
wait_for "47/47" >/dev/null
tm send-keys -t s -l "$(printf '\033[M %%&\033[M#%%&')"
tm send-keys -t s C-u Down
check "--no-mouse ignores clicks" wait_for ">02 青森"

# Places: a town and a postal code, typed as a person would.
start places LANG=C.UTF-8
wait_for "47/47" >/dev/null
tm send-keys -t s -l はままつ
check "a town by its reading" wait_for "1/47"
check "says which place" wait_for "(浜松市)"
check "the detail names it" wait_for "Serves: 浜松市"
tm send-keys -t s C-u
tm send-keys -t s -l 〒100-0001
check "a postal code" wait_for ">13 警視庁"
check "with its municipality" wait_for "Serves: 〒100-0001 千代田区"
tm send-keys -t s C-u
tm send-keys -t s -l 府中市
check "a name two prefectures share" wait_for "2/47"
# A desk found directly keeps a blank line where others say which place
# found them, so that moving between them moves no label.
tm send-keys -t s C-u
tm send-keys -t s -l tokyo
check "no place line when none was found through a place" wait_row "| Phone" 7
tm send-keys -t s BSpace BSpace
check "a blank one when others were" wait_row "| Phone" 8
tm send-keys -t s Down Down
check "which the desk found through a place fills" wait_for "Serves: 常呂郡"
check "and no label moves" wait_row "| Phone" 8

# Keys that arrive together (a paste, or typing ahead of a slow link) are
# drawn as one frame, not one each: the query goes out in one piece. In
# capitals, as nothing else on the screen is written so.
RECORD=1 start paste --
tm send-keys -t s -l TOKYO
check "a paste filters" wait_for "1/47"
check "and is drawn once" wait_until 5 grep -q -a -F TOKYO "$tmp/paste.out"

start english LANG=ja_JP.UTF-8 -- --lang=en
check "--lang=en overrides" wait_for "Type to filter"
finish
