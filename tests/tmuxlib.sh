# tmuxlib.sh: helpers for the suites that drive madoguchi in tmux. Source
# after lib.sh. Every wait is for a condition, with a deadline.
BIN=$(cd "$(dirname "$MADOGUCHI")" && pwd)/$(basename "$MADOGUCHI")
# Each session runs on its own server (socket), so one ending never races
# the start of the next.
sock="madoguchi-test-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
# The servers started, one a line: a file, not a variable, so that a
# session started in a subshell (a pipeline, a $(...)) is ended too.
servers_file=$tmp/.servers
: >"$servers_file"
# Marks every process this suite starts, for end_servers.
MADOGUCHI_TEST_SUITE=$$-$(date +%s%N)
export MADOGUCHI_TEST_SUITE

# descendants PID...: every process below these, parents before children.
descendants() {
	for parent in "$@"; do
		for child in $(pgrep -P "$parent"); do
			echo "$child"
			descendants "$child"
		done
	done
}

# end_servers: every server and everything its panes started. Killing the
# server alone left what script(1) ran (a session of its own) running;
# killing a parent first would leave its child to an init that may not
# reap it: the deepest go first, then their parents reap them.
end_servers() {
	servers=$(cat "$servers_file" 2>/dev/null || true)
	panes=""
	for s in $servers; do
		# a server a test ended already answers nothing (and set -e
		# must not end this trap)
		panes="$panes $(tmux -L "$s" list-panes -a -F '#{pane_pid}' 2>/dev/null || true)"
	done
	tree=$(descendants $panes | tac)
	for p in $tree; do
		kill "$p" 2>/dev/null || true
		wait_until 2 sh -c "! kill -0 $p 2>/dev/null" ||
		    kill -9 "$p" 2>/dev/null || true
	done
	for s in $servers; do tmux -L "$s" kill-server 2>/dev/null || true; done
	# What outlived its server (a session of its own, out of the tree
	# above once its parent is gone): everything that carries this
	# suite's mark and is not of this shell's own session.
	own=$(ps -o sid= -p $$)
	for p in $(grep -l "MADOGUCHI_TEST_SUITE=$MADOGUCHI_TEST_SUITE" \
	    /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3); do
		[ "$(ps -o sid= -p "$p" || true)" = "$own" ] ||
		    kill -9 "$p" 2>/dev/null || true
	done
}
trap 'status=$?; end_servers; rm -rf "$tmp"; exit $status' EXIT

screen() { tm capture-pane -p -t s; }

# wait_until SECONDS COMMAND...: until COMMAND succeeds; false after
# SECONDS. Every wait below is one of these.
wait_until() {
	deadline=$(($(date +%s) + $1))
	shift
	until "$@"; do
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.02
	done
}
shows() { screen | grep -qF -- "$1"; }
hides() { ! shows "$1"; }
on_row() { [ "$(screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1)" = "$2" ]; }
# Says what was awaited, and what the pane showed instead.
timed_out() {
	echo "  timed out waiting for: $1" >&2
	screen | sed 's/^/  | /' >&2
	return 1
}

# wait_for TEXT [SECONDS]: until the pane shows TEXT.
wait_for() { wait_until "${2:-5}" shows "$1" || timed_out "$1"; }
# pyte_shows PY OUT COLS ROWS TEXT: until pyte (python PY), fed what
# script(1) recorded in OUT, shows TEXT; what it shows, once, if never.
pyte_shows() {
	py=$1
	shift
	wait_until 5 "$py" tests/pyte_shows.py "$@" 2>/dev/null ||
	    "$py" tests/pyte_shows.py "$@"
}
# wait_gone TEXT [SECONDS]: until the pane no longer shows TEXT.
wait_gone() { wait_until "${2:-5}" hides "$1" || timed_out "$1 to go"; }
# wait_row TEXT ROW [SECONDS]: until TEXT is first shown on line ROW.
wait_row() { wait_until "${3:-5}" on_row "$1" "$2" || timed_out "'$1' on line $2"; }
# wait_file FILE [SECONDS]: until FILE exists and is not empty.
wait_file() { wait_until "${2:-5}" test -s "$1" || { echo "  no $1" >&2; false; }; }

# start NAME [ENV...] -- [ARGS...]: a fresh pane running madoguchi, which
# records the terminal settings before and after and its exit status in
# $tmp/NAME/. WRAP: a command that runs madoguchi. RECORD=1: every byte
# madoguchi writes is also kept in $tmp/NAME.out by script(1), in a UTF-8
# locale unless an ENV says otherwise, and start returns once the list is
# shown.
start() {
	name=$1
	run_dir=$tmp/$1
	shift
	mkdir -p "$run_dir"
	envs=""
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs="$envs $1"; shift; done
	[ $# -gt 0 ] && shift
	program="env $envs ${WRAP:-} $BIN $*"
	[ -n "${RECORD:-}" ] &&
	    program="env LANG=C.UTF-8 script -qfec '$program' $tmp/$name.out"
	# shellcheck disable=SC2086 # SIZE is "COLS ROWS", two arguments
	session "trap : INT; stty -g >$run_dir/before; env TERM=tmux-256color $program; echo \$? >$run_dir/status; stty -g >$run_dir/after; printf 'SHELL-BACK\n'; sleep 600" ${SIZE:-}
	[ -z "${RECORD:-}" ] || wait_for "/47"
}

# session COMMAND [COLS ROWS]: a fresh tmux server (its own socket, ended
# on exit) with one pane of 100x30 running COMMAND; tm talks to it.
session() {
	started=$((${started:-0} + 1))
	sock="madoguchi-test-$$-$started-$(date +%s%N)"
	echo "$sock" >>"$servers_file"
	tm new-session -d -s s -x "${2:-100}" -y "${3:-30}" "$1"
	tm set-option -t s window-size manual
}

pid() { pgrep -n -f "^$BIN" ; }
exited_with() { wait_file "$run_dir/status" 2 && [ "$(cat "$run_dir/status")" -eq "$1" ] || { echo "  status $(cat "$run_dir/status" 2>/dev/null), wanted $1" >&2; false; }; }
restored() { wait_file "$run_dir/after" && cmp -s "$run_dir/before" "$run_dir/after" && wait_for SHELL-BACK && ! screen | grep -qF '47/47'; }

