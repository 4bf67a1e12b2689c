#!/bin/sh
# make install and uninstall, staged in DESTDIR; the completions.
set -eu
. tests/lib.sh
stage=$tmp/stage
make -s install DESTDIR="$stage" PREFIX=/opt/mdg >"$tmp/log" 2>&1
check "the binary" test -x "$stage/opt/mdg/bin/madoguchi"
check "it runs on its own" sh -c "'$stage/opt/mdg/bin/madoguchi' -f tokyo | grep -q 03-3431-8109"
check "the man page, with the version" grep -q '^\.Os madoguchi [0-9]' "$stage/opt/mdg/share/man/man1/madoguchi.1"
check "bash completion" test -f "$stage/opt/mdg/share/bash-completion/completions/madoguchi"
check "zsh completion" test -f "$stage/opt/mdg/share/zsh/site-functions/_madoguchi"
check "nothing else (the data is built in)" sh -c "[ \$(find '$stage' -type f | wc -l) -eq 4 ]"
make -s uninstall DESTDIR="$stage" PREFIX=/opt/mdg
check "uninstall leaves no file behind" sh -c "[ \$(find '$stage' -type f | wc -l) -eq 0 ]"

# bash: complete option names and values as a person would.
cat >"$tmp/complete" <<'SH'
. src/completion/madoguchi.bash
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _madoguchi
echo "${COMPREPLY[*]}"
SH
offers() { # WANT WORDS...: completing the last word offers WANT
	want=$1
	shift
	got=$(bash "$tmp/complete" "$@")
	[ "$got" = "$want" ] || { echo "  offered '$got', wanted '$want'" >&2; false; }
}
check "bash: --fo completes --format=" offers --format= madoguchi --fo
check "bash: -F offers the formats" offers "plain tsv json" madoguchi -F ""
check "bash: --lang= offers ja and en" offers "--lang=ja --lang=en" madoguchi --lang=
check "bash: --color=al" offers "--color=always" madoguchi --color=al
if command -v zsh >/dev/null; then
	check "zsh: the completion parses" zsh -n src/completion/_madoguchi
else
	echo "SKIPPED: zsh is not installed; its completion was not parsed"
fi
check "every option is completed" sh -c "
	for o in \$(./madoguchi --help | grep -o -- '--[a-z0-9-]*' | sort -u); do
		grep -q -- \"\$o\" src/completion/madoguchi.bash || { echo \"  bash lacks \$o\" >&2; exit 1; }
		grep -q -- \"\$o\" src/completion/_madoguchi || { echo \"  zsh lacks \$o\" >&2; exit 1; }
	done"
finish
