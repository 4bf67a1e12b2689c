#!/bin/sh
# No warnings with gcc or clang (each with -Werror), and `make CFLAGS=-O0`
# still builds: the required flags do not live in CFLAGS.
set -eu
. tests/lib.sh
for cc in gcc clang; do
	if ! command -v $cc >/dev/null; then
		echo "SKIPPED: $cc is not installed"
		continue
	fi
	check "$cc builds every file without a warning" \
	    make -s BUILD="$tmp/$cc" CC=$cc CFLAGS="-O2 -Werror" objects
done
check "make CFLAGS=-O0 keeps the required flags" sh -c "
	make -n -B BUILD='$tmp/o0' CFLAGS=-O0 objects | grep -q -- '-std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -O0'"
finish
