#!/bin/sh
# embed.sh NAME FILE: a C file defining NAME as FILE's bytes (NUL-terminated)
# and NAME_len as their count. embed.sh --bytes FILE: only the bytes, as an
# initializer's lines (embed-terminfo.sh uses it). od and sed are POSIX, so
# the build needs no xxd.
set -eu
bytes() {
	od -An -v -tx1 "$1" | sed -e 's/  */ /g' -e 's/^ //' -e 's/ $//' \
	    -e '/^$/d' -e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'
}
if [ "$1" = --bytes ]; then
	bytes "$2"
	exit 0
fi
name=$1 file=$2
printf '/* Generated from %s by src/tools/embed.sh. Do not edit. */\n' "$file"
printf 'const unsigned char %s[] = {\n' "$name"
bytes "$file"
printf '0x00 };\nconst unsigned long %s_len = sizeof %s - 1;\n' "$name" "$name"
