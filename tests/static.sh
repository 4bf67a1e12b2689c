#!/bin/sh
# Static checks: no warnings with gcc or clang (each with -Werror); `make
# CFLAGS=-O0` keeps the required flags; and nothing the browser writes
# around the data is East Asian Ambiguous, which Japanese terminals may draw
# two columns wide (box drawing, arrows, ellipsis...).
set -eu
. tests/lib.sh
for cc in gcc clang; do
	if ! command -v $cc >/dev/null; then
		skip "$cc is not installed"
		continue
	fi
	# clang also finds comma operators used as statements (-Wcomma);
	# gcc also builds the tests and fuzz targets: a warning there once hid
	# a table pointer passed for the page heights (24 GB of blank lines).
	extra=$( [ $cc = clang ] && echo -Wcomma || true)
	tests=$( [ $cc = gcc ] && echo unit-tests || true)
	check "$cc builds every file without a warning" \
	    make -s BUILD="$tmp/$cc" CC=$cc CFLAGS="-O2 -Werror $extra" objects $tests
	# Formats are literals where they are written (labels' are checked
	# by test_labels); -Wformat=2 adds -Wformat-nonliteral and -security.
	check "$cc: and without one with -Wformat=2" \
	    make -s BUILD="$tmp/$cc-format" CC=$cc CFLAGS="-O2 -Werror -Wformat=2" objects
done
# Header dependencies are the compiler's (-MMD): a header of the terminal
# code changed rebuilds the terminal code that includes it, no core object.
if [ -d "$tmp/gcc" ]; then
	check "a header rebuilds what includes it, and nothing else" sh -c "
	    make -n BUILD='$tmp/gcc' CC=gcc CFLAGS='-O2 -Werror' -W src/tui/links.h objects |
	        grep -o -- '-o [^ ]*' | sort -u >'$tmp/rebuilt' &&
	    grep -q '/browser.o' '$tmp/rebuilt' && grep -q '/links.o' '$tmp/rebuilt' &&
	    ! grep -q -e '/filter.o' -e '/text.o' -e '/draw.o' '$tmp/rebuilt'"
	# An object whose list of headers is missing (built before the lists
	# were made) is built again, not trusted.
	rm -f "$tmp/gcc/towns.d"
	check "an object without its header list is built again" sh -c "
	    make -n BUILD='$tmp/gcc' CC=gcc CFLAGS='-O2 -Werror' objects | grep -q -- '-o $tmp/gcc/towns.o'"
fi
# No two modules call each other (help is above pages, place_keys below
# places): from the objects, which module uses a symbol another defines.
# One module may be several files: text (text_fold.c), filter (filter_run.c,
# filter_spans.c).
if [ -d "$tmp/gcc" ] && command -v nm >/dev/null; then
	module() { case $1 in text_fold) echo text ;; filter_*) echo filter ;; *) echo "$1" ;; esac; }
	for o in "$tmp"/gcc/*.o; do
		m=$(module "$(basename "$o" .o)")
		nm --defined-only -g "$o" | awk -v m="$m" 'NF == 3 { print $3, m }'
	done | sort >"$tmp/defined"
	for o in "$tmp"/gcc/*.o; do
		m=$(module "$(basename "$o" .o)")
		nm -u "$o" | awk '{ print $NF }' | sort | join - "$tmp/defined" |
		    awk -v m="$m" '$2 != m { print m, $2 }'
	done | sort -u >"$tmp/uses"
	awk '{ print $2, $1 }' "$tmp/uses" | sort -u | comm -12 - "$tmp/uses" >"$tmp/cycles"
	check "no two modules call each other" sh -c "! grep . '$tmp/cycles' >&2"
fi
check "make CFLAGS=-O0 keeps the required flags" sh -c "
	make -n -B BUILD='$tmp/o0' CFLAGS=-O0 objects | grep -q -- '-std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wconversion .*-O0'"
check "and drops _FORTIFY_SOURCE, which needs optimisation" sh -c "
	! make -n -B BUILD='$tmp/o0' CFLAGS=-O0 objects | grep -q -- '_FORTIFY_SOURCE'"
check "a plain make hardens: stack protector, fortify, PIE, RELRO, BIND_NOW" sh -c "
	make -n -B BUILD='$tmp/h' BIN='$tmp/h/m' | grep -q -- '-fstack-protector-strong' &&
	make -n -B BUILD='$tmp/h' BIN='$tmp/h/m' | grep -q -- '-D_FORTIFY_SOURCE=2' &&
	make -n -B BUILD='$tmp/h' BIN='$tmp/h/m' | grep -q -- '-pie -Wl,-z,relro -Wl,-z,now'"
# Debian 12's own start files lack the IBT/SHSTK note, so no binary
# linked here can show control flow protection: that one is not asked.
if command -v hardening-check >/dev/null; then
	check "hardening-check passes" hardening-check --nocfprotection ./madoguchi
else
	skip "hardening-check is not installed (devscripts)"
fi
check "no East Asian Ambiguous characters in the browser's own text" sh -c "
	! perl -CSD -ne 'print \"  \$ARGV:\$.: \$_\" if /\\p{East_Asian_Width=Ambiguous}/;
	    close ARGV if eof' src/core/labels.c src/core/pages.c src/core/help.c src/tui/draw.c src/core/keys.c | grep . >&2"
# The browser takes the character set's reset out of sgr0 and sgr
# (charset_reset.c), which is right only while nothing selects the
# alternate set: no line drawing characters.
check "nothing draws with the alternate character set" sh -c "
	! grep -n 'ACS_\|A_ALTCHARSET\|WA_ALTCHARSET' src/tui/*.[ch] >&2"
# The width table is what its script makes of the Unicode data it names.
if [ -e /usr/share/unicode/EastAsianWidth.txt ]; then
	check "src/core/widths.h is make-widths.py's" sh -c "
	    python3 src/tools/make-widths.py /usr/share/unicode | cmp -s - src/core/widths.h"
else
	skip "widths.h against the Unicode data: no /usr/share/unicode (unicode-data)"
fi
# The man pages' lists of keys are the key table's, as the help's are.
for page in en:doc/madoguchi.1 ja:doc/madoguchi.ja.1; do
	check "${page#*:}'s keys are the key table's (else: make man-keys)" sh -c "
	    build/make-man-keys ${page%%:*} ${page#*:} | cmp -s - ${page#*:}"
done
if command -v mandoc >/dev/null; then
	check "the man pages lint clean" sh -c "mandoc -Tlint -W warning doc/madoguchi.1 doc/madoguchi.ja.1 >&2"
else
	skip "mandoc is not installed; the man page was not linted"
fi
finish
