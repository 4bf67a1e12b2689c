#!/bin/sh
# embed.sh NAME FILE: a C file defining NAME as FILE's bytes (NUL-terminated)
# and NAME_len as their count. od and sed are POSIX, so the build needs no xxd.
set -eu
name=$1 file=$2
printf '/* Generated from %s by src/tools/embed.sh. Do not edit. */\n' "$file"
printf 'const unsigned char %s[] = {\n' "$name"
od -An -v -tx1 "$file" | sed -e 's/  */ /g' -e 's/^ //' -e 's/ $//' \
    -e '/^$/d' -e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'
printf '0x00 };\nconst unsigned long %s_len = sizeof %s - 1;\n' "$name" "$name"
