# lib.sh: what the shell test suites share. Source it; call `ok`/`fail`
# through `check`, and `finish` at the end for the N passed, N failed line.
passed=0
failed=0
skipped=0
MADOGUCHI=${MADOGUCHI:-./madoguchi}
# Whatever terminal runs the tests (a Linux console, TERM unset in CI),
# madoguchi sees the same one; a test that wants another says so.
export TERM=xterm-256color

check() { # check DESCRIPTION COMMAND...
	desc=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $desc" >&2
	fi
}

# Runs madoguchi, keeping stdout, stderr and the exit status.
run() {
	set +e
	"$MADOGUCHI" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	set -e
}

status_is() { [ "$status" -eq "$1" ] || { echo "  status $status, wanted $1" >&2; false; }; }
out_has() { grep -qF -- "$1" "$tmp/out" || { echo "  stdout lacks: $1" >&2; false; }; }
err_has() { grep -qF -- "$1" "$tmp/err" || { echo "  stderr lacks: $1" >&2; sed 's/^/  | /' "$tmp/err" >&2; false; }; }
# file_has FILE TEXT, file_lacks FILE TEXT: TEXT as it is (bytes, not a
# pattern) in FILE or not; count_is N FILE TEXT: in N lines of it.
file_has() { grep -q -a -F -- "$2" "$1" || { echo "  $1 lacks: $2" >&2; false; }; }
file_lacks() { ! grep -q -a -F -- "$2" "$1" || { echo "  $1 has: $2" >&2; false; }; }
count_is() {
	n=$(grep -c -a -F -- "$3" "$2" || true)
	[ "$n" -eq "$1" ] || { echo "  $2: $n lines with $3, wanted $1" >&2; false; }
}
err_lines() { [ "$(wc -l <"$tmp/err")" -eq "$1" ] || { echo "  stderr: $(wc -l <"$tmp/err") lines, wanted $1" >&2; false; }; }
out_lines() { [ "$(wc -l <"$tmp/out")" -eq "$1" ] || { echo "  $(wc -l <"$tmp/out") lines, wanted $1" >&2; false; }; }

# skip REASON...: a check that cannot run here, said and counted.
# A python with pyte (a terminal emulator apart from tmux), or false.
pyte_python() {
	for py in python3 /usr/bin/python3; do
		"$py" -c 'import pyte' 2>/dev/null && { echo "$py"; return 0; }
	done
	return 1
}

skip() {
	echo "SKIPPED: $*"
	skipped=$((skipped + 1))
}

# The suite's closing line, which tests/run.sh adds up; fails on a failure.
finish() {
	if [ "$skipped" -gt 0 ]; then
		echo "$passed passed, $failed failed, $skipped skipped"
	else
		echo "$passed passed, $failed failed"
	fi
	[ "$failed" -eq 0 ]
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
