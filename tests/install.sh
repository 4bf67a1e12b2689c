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
check "fish completion, where fish looks whatever its prefix" test -f "$stage/etc/fish/completions/madoguchi.fish"
check "the Japanese man page" grep -q '^\.Os madoguchi [0-9]' "$stage/opt/mdg/share/man/ja/man1/madoguchi.1"
check "nothing else (the data is built in)" sh -c "[ \$(find '$stage' -type f | wc -l) -eq 6 ]"
if command -v man >/dev/null; then
	check "man -L ja finds the Japanese page" sh -c "MANPATH='$stage/opt/mdg/share/man' man -L ja -w madoguchi | grep -q '/ja/man1/madoguchi.1'"
fi
make -s install DESTDIR="$tmp/usr-stage" PREFIX=/usr >"$tmp/log" 2>&1
check "PREFIX=/usr: zsh's file where Debian's zsh looks" test -f "$tmp/usr-stage/usr/share/zsh/vendor-completions/_madoguchi"
check "PREFIX=/usr: fish's in its vendor directory" test -f "$tmp/usr-stage/usr/share/fish/vendor_completions.d/madoguchi.fish"
# Each place, one fish (with XDG_DATA_DIRS unset) reads completions from.
if command -v fish >/dev/null; then
	fish_dirs=$(env -u XDG_DATA_DIRS fish -c 'printf "%s\n" $fish_complete_path')
	for prefix in /usr/local /usr; do
		dir=$(make -s --eval 'show: ; @echo $(FISHCOMPDIR)' PREFIX=$prefix show)
		check "PREFIX=$prefix: fish reads $dir" sh -c "printf '%s\n' '$fish_dirs' | grep -qx '$dir'"
	done
else
	skip "fish is not installed: where it reads completions was not asked"
fi
make -s uninstall DESTDIR="$stage" PREFIX=/opt/mdg
check "uninstall leaves no file behind" sh -c "[ \$(find '$stage' -type f | wc -l) -eq 0 ]"

# bash, interactive, in a real terminal: Tab as a person presses it, with
# bash's own word splitting (it breaks words at '=').
. tests/tmuxlib.sh
mkdir -p "$tmp/bin"
ln -s "$BIN" "$tmp/bin/madoguchi"
session "env -i HOME=$tmp HISTFILE=/dev/null PATH=$tmp/bin:/usr/bin:/bin TERM=xterm-256color PS1='$ ' bash --norc --noprofile -i"
# Typed once bash is listening (its prompt is up), and then once it has
# read the completion (a second prompt).
check "bash: its prompt" wait_for '$'
tm send-keys -t s ". src/completion/madoguchi.bash" Enter
check "bash: the completion read" wait_until 5 sh -c "[ \$(tmux -L '$sock' capture-pane -p -t s | grep -c '^\\$') -ge 2 ]"
tab() { # TYPED WANT: typing TYPED and Tab leaves WANT on the line (the
	# space after a finished word is there, but capture-pane drops it)
	tm send-keys -t s C-u
	tm send-keys -t s -l "$1"
	tm send-keys -t s Tab
	want="\$ ${2% }"
	wait_until 5 sh -c "tmux -L '$sock' capture-pane -p -t s | grep -q -x -F -- '$want'" ||
	    { echo "  wanted: $want" >&2; screen | grep . | tail -3 | sed 's/^/  | /' >&2; false; }
}
check "bash: --fo completes --format=" tab "madoguchi --fo" "madoguchi --format="
check "bash: --format=j completes json" tab "madoguchi --format=j" "madoguchi --format=json "
check "bash: --color=al completes always" tab "madoguchi --color=al" "madoguchi --color=always "
check "bash: --lang=e completes en" tab "madoguchi --lang=e" "madoguchi --lang=en "
check "bash: -F t completes tsv" tab "madoguchi -F t" "madoguchi -F tsv "
check "bash: --no-h completes --no-hyperlinks" tab "madoguchi --no-h" "madoguchi --no-hyperlinks "
check "bash: --colou completes --colour=" tab "madoguchi --colou" "madoguchi --colour="
check "bash: --colour=ne completes never" tab "madoguchi --colour=ne" "madoguchi --colour=never "
check "bash: the short options are offered" bash -c '
	. src/completion/madoguchi.bash
	COMP_LINE="madoguchi -" COMP_POINT=11 _madoguchi
	printf "%s\n" "${COMPREPLY[@]}" | grep -qx -- -F &&
	    printf "%s\n" "${COMPREPLY[@]}" | grep -qx -- -l'
mkdir -p "$tmp/files/a dir"
: >"$tmp/files/my table.tsv"
check "bash: a file name with a space, quoted" tab "madoguchi -d $tmp/files/my" "madoguchi -d $tmp/files/my\\ table.tsv "
check "bash: a directory gets its /" tab "madoguchi --data=$tmp/files/a" "madoguchi --data=$tmp/files/a\\ dir/"
if command -v fish >/dev/null; then
	fish_offers() { # LINE WANT: fish completes LINE with WANT among its offers
		fish --no-config -c "source src/completion/madoguchi.fish; complete -C '$1'" | cut -f1 | grep -q -x -F -- "$2" ||
		    { echo "  fish did not offer $2 for '$1'" >&2; false; }
	}
	check "fish: --fo offers --format" fish_offers "madoguchi --fo" --format
	check "fish: --format= offers json" fish_offers "madoguchi --format=" --format=json
	check "fish: --color offers always" fish_offers "madoguchi --color " always
else
	skip "fish is not installed; its completion was not tried"
fi
if command -v zsh >/dev/null; then
	check "zsh: the completion parses" zsh -n src/completion/_madoguchi
else
	skip "zsh is not installed; its completion was not parsed"
fi
check "every option is completed" sh -c "
	for o in \$(./madoguchi --help | grep -o -- '--[a-z0-9-]*' | sort -u); do
		grep -q -- \"\$o\" src/completion/madoguchi.bash || { echo \"  bash lacks \$o\" >&2; exit 1; }
		grep -q -- \"\$o\" src/completion/_madoguchi || { echo \"  zsh lacks \$o\" >&2; exit 1; }
		grep -q -- \"-l \${o#--}\" src/completion/madoguchi.fish || { echo \"  fish lacks \$o\" >&2; exit 1; }
	done"
# The two man pages name the same options and sections, in the same order.
check "the Japanese man page has the English one's options" sh -c "
	[ \"\$(grep '^\.It Fl' doc/madoguchi.1)\" = \"\$(grep '^\.It Fl' doc/madoguchi.ja.1)\" ]"
check "and as many sections and subsections" sh -c "
	[ \$(grep -c '^\.S[hs] ' doc/madoguchi.1) -eq \$(grep -c '^\.S[hs] ' doc/madoguchi.ja.1) ]"
check "and the same environment variables" sh -c "
	[ \"\$(grep -o '^\.It Ev .*' doc/madoguchi.1)\" = \"\$(grep -o '^\.It Ev .*' doc/madoguchi.ja.1)\" ]"
finish
