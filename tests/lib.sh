# lib.sh: what the shell test suites share. Source it; call `ok`/`fail`
# through `check`, and `finish` at the end for the N passed, N failed line.
passed=0
failed=0
MADOGUCHI=${MADOGUCHI:-./madoguchi}

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
out_lines() { [ "$(wc -l <"$tmp/out")" -eq "$1" ] || { echo "  $(wc -l <"$tmp/out") lines, wanted $1" >&2; false; }; }

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
