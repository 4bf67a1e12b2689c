#!/bin/sh
# The command line: modes, formats, exit statuses and error messages.
set -eu
. tests/lib.sh

# Exit status like grep: 0 found, 1 nothing, 2 trouble.
run -f tokyo
check "filter finds one desk" status_is 0
check "filter prints it" out_has "03-3431-8109(専)"
check "one line" out_lines 1
run -f zzz
check "no match exits 1" status_is 1
check "no match prints nothing" out_lines 0
check "no match says nothing to a script" err_lines 0
# A person at a terminal is told what to type (stderr a pty, stdout not).
if command -v python3 >/dev/null 2>&1; then
	python3 -c '
import os, pty, subprocess, sys
master, slave = pty.openpty()
p = subprocess.run([sys.argv[1], "--lang=en", "-f", "zzz"], stdout=subprocess.PIPE,
                   stderr=slave)
os.close(slave)
said = os.read(master, 4096).decode()
sys.exit(0 if p.returncode == 1 and not p.stdout and said.count("\n") == 1
         and "No desk matches. Type a prefecture" in said else 1)
' "$MADOGUCHI" && r=0 || r=1
	check "no match, stderr a terminal: one line of what to type" test "$r" = 0
else
	skip "no python3: the line a terminal gets on a miss was not checked"
fi
# Two words that name nothing are a miss, not every desk (they were
# dropped as an address's unexplained words, and all 47 listed).
run -f "xyzzy plugh"
check "two unknown words: a miss" status_is 1
check "two unknown words: nothing listed" out_lines 0
run --lang=en -f tokio
check "a slip: what it meant, listed" out_has "(did you mean 東京都?)"
check "a slip: listed is found" status_is 0
run -f hamamtsu -F json
check "JSON says a row is a suggestion" sh -c "jq -e '.[0].suggestion == true and .[0].matched_place == \"浜松市\"' '$tmp/out' >/dev/null"
run -f 430
check "a postal code's first three digits: its prefecture" out_has "(〒430 浜松市中央区)"
# Typed a character at a time, a query with an answer lists something at
# every step after the second (issue 24's examples).
empty_prefixes() { # QUERY: the prefixes of 3 characters or more that list nothing
	printf '%s' "$1" | python3 -c '
import subprocess, sys
q = sys.stdin.read()
print(" | ".join(q[:i] for i in range(3, len(q) + 1)
      if subprocess.run([sys.argv[1], "-f", q[:i]], capture_output=True).returncode))
' "$MADOGUCHI"
}
if command -v python3 >/dev/null 2>&1; then
	for q in "2-8-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo" "4300929" "hamamatsu" \
	    "４３０ー０９２９" "Shinjuku City, Tokyo" "愛知県 名古屋市 中区 栄 3-4-5"; do
		gaps=$(empty_prefixes "$q")
		check "every prefix of '$q' lists a desk${gaps:+ (not: $gaps)}" test -z "$gaps"
	done
else
	skip "no python3: prefixes typed a character at a time were not checked"
fi
run --list
check "list exits 0" status_is 0
check "list prints 47 desks" out_lines 47
run --bogus
check "unknown option exits 2" status_is 2
check "unknown option is named" err_has "unknown option '--bogus'"
run -xl
check "an unknown option in a cluster is named" err_has "unknown option '-x'"
run -lf
check "a cluster's last option without its value is named" err_has "option '-f' needs a value"
run -F xml -l
check "bad format exits 2" status_is 2
run -l extra
check "stray argument exits 2" status_is 2
run -d /nonexistent/table -l
check "missing file exits 2" status_is 2
check "missing file is named" err_has "/nonexistent/table: No such file"
# A device is refused before a byte of it is read (/dev/zero was read to
# the 512 MiB limit first).
run -d /dev/zero -l
check "a device as the table: exits 2" status_is 2
check "a device as the table: said" err_has "/dev/zero:1:1: not a regular file or a pipe"
LANG=ja_JP.UTF-8 run --help
check "--help in the user's language (LANG=ja)" out_has "使い方: madoguchi [オプション]... [検索語]"
check "every option in it" sh -c "[ \$(grep -c -- ' --' '$tmp/out') -ge 17 ]"
LANG=ja_JP.UTF-8 run --lang=en --help
check "--lang=en: --help in English" out_has "usage: madoguchi [OPTION]... [QUERY]"
run --help
check "help exits 0" status_is 0
check "help has the synopsis" out_has "usage: madoguchi [OPTION]... [QUERY]"
run --version
check "version names the data" out_has "都道府県警察本部のサイバー犯罪相談窓口等一覧"

# Without -f or -l and with stdout not a terminal, the words are a query.
run 関東 '!tokyo'
check "positional query" status_is 0
check "positional query finds six" out_lines 6

# Places: a town or a postal code finds its prefecture, and says so in the
# plain listing; JSON and TSV keep the desks' columns only.
run 浜松
check "a town finds its prefecture" out_has "054-254-9110(総)"
check "and says why" out_has "(浜松市)"
run -f 〒100-0001
check "a postal code" out_has "(〒100-0001 千代田区)"
run -f 498-0000
check "a code on a border: two prefectures" out_lines 2
run -f 浜松 -F json
check "JSON of a place match: the desk's keys, then the place" sh -c "jq -c '.[0] | keys_unsorted' '$tmp/out' | grep -qx '\[\"code\",\"name\",\"prefecture\",\"kana\",\"romaji\",\"region\",\"bureau\",\"phone\",\"phone_kind\",\"cyber_url\",\"contact_url\",\"contact_same_page\",\"contact_kind\",\"matched_place\",\"suggestion\"\]'"
check "JSON's matched_place: as the plain output says it" sh -c "jq -e '.[0].matched_place == \"浜松市\" and .[0].suggestion == false' '$tmp/out' >/dev/null"
run -f 浜松 -F tsv
check "TSV of a place match: 15 columns, the place, then whether a guess" sh -c "awk -F '\t' 'NF != 15 { exit 1 } NR == 2 && (\$14 != \"浜松市\" || \$15 != \"false\") { exit 1 }' '$tmp/out'"
run --check
check "check counts the places" out_has "47 prefectures, 1892 municipalities, 9 former names, 142874 postal codes"

# JSON: parsed by jq; exactly the keys the issue names, in order.
run -f 神奈川 -F json
check "json parses" sh -c "jq -e . '$tmp/out' >/dev/null"
check "json keys" sh -c "jq -c '.[0] | keys_unsorted' '$tmp/out' | grep -qx '\[\"code\",\"name\",\"prefecture\",\"kana\",\"romaji\",\"region\",\"bureau\",\"phone\",\"phone_kind\",\"cyber_url\",\"contact_url\",\"contact_same_page\",\"contact_kind\",\"matched_place\",\"suggestion\"\]'"
check "json: no place, null" sh -c "jq -e '.[0].matched_place == null' '$tmp/out' >/dev/null"
check "json kanagawa" sh -c "jq -e '.[0].contact_kind == \"情報・専\" and .[0].bureau == \"関東管区警察局\" and .[0].contact_same_page == false' '$tmp/out' >/dev/null"
run -f 宮城 -F json
check "json same page" sh -c "jq -e '.[0].contact_same_page == true and .[0].contact_url == .[0].cyber_url and .[0].contact_kind == \"専\"' '$tmp/out' >/dev/null"
run -f 栃木 -F json
check "json none listed" sh -c "jq -e '.[0].contact_url == null and .[0].contact_kind == null' '$tmp/out' >/dev/null"
run -f 警視庁 -F json
check "json no bureau" sh -c "jq -e '.[0].bureau == null and .[0].prefecture == \"東京都\" and .[0].code == \"13\"' '$tmp/out' >/dev/null"
run -l -F json
check "json has 47" sh -c "jq -e 'length == 47' '$tmp/out' >/dev/null"
run -f zzz -F json
check "empty json array" sh -c "jq -e 'length == 0' '$tmp/out' >/dev/null"

# TSV: a header and the same columns in the same order as JSON.
run -l -F tsv
check "tsv header" sh -c "head -1 '$tmp/out' | grep -qx 'code	name	prefecture	kana	romaji	region	bureau	phone	phone_kind	cyber_url	contact_url	contact_same_page	contact_kind	matched_place	suggestion'"
check "tsv rows" out_lines 48
check "tsv 15 columns" sh -c "awk -F '\t' 'NF != 15 { exit 1 }' '$tmp/out'"

# --check: the built-in table, a good file, stdin, and a bad file.
run --check
check "built-in table is valid" status_is 0
check "check says so" out_has "47 desks, valid"
run --check -d data/desks.tsv
check "data file is valid" status_is 0
run --check -d - <data/desks.tsv
check "stdin table" status_is 0
check "stdin is called (stdin), as in its errors" out_has "(stdin): 47 desks, valid"
sed 's/^13	警視庁	東京都	とうきょうと	Tokyo/13	警視庁	東京都	トウキョウ	Tokyo/; s/03-3431-8109/03-3431-81O9/' data/desks.tsv >"$tmp/bad.tsv"
printf '99\t\033]0;pwned\007\n' >>"$tmp/bad.tsv"
run --check -d "$tmp/bad.tsv"
check "bad table exits 1" status_is 1
check "kana error has line and column" err_has "$tmp/bad.tsv:28:12: column 'kana' must be hiragana"
check "phone error has line and column" err_has "$tmp/bad.tsv:28:"
check "row error" err_has "$tmp/bad.tsv:68:4: control or invisible character U+001B"
check "escape never raw in errors" file_lacks "$tmp/err" "$(printf '\033')"
run -f tokyo -d "$tmp/bad.tsv"
check "an invalid table is never used: trouble, 2" status_is 2
run -l -d "$tmp/bad.tsv"
check "nor listed: 2" status_is 2
run --version -d /nonexistent extra
check "--version ignores the rest" status_is 0
check "--version has the GNU lines" out_has "There is NO WARRANTY, to the extent permitted by law."
check "--version names the licence" out_has "License: MIT"
printf 'code\tname\n\033[2J\n' >"$tmp/esc.tsv"
run --check -d "$tmp/esc.tsv"
check "header error" err_has "esc.tsv:1:1: header has 2 columns"
check "no raw escape" file_lacks "$tmp/err" "$(printf '\033')"
run --check -d "$(printf 'x\033[31m')"
check "file name escaped" err_has 'x\x1B[31m'

# Invisible characters (a tag character, a Hangul filler, private use) in a
# name are refused where they are; an ideographic variation selector is not.
for cp in E0041 3164 E000 2800; do
	utf8=$(python3 -c "print(chr(0x$cp), end='')")
	sed "s/^13	警視庁/13	警視$utf8庁/" data/desks.tsv >"$tmp/invisible.tsv"
	run --check -d "$tmp/invisible.tsv"
	check "U+$cp in a name is refused" status_is 1
	check "U+$cp: where it is" err_has "$tmp/invisible.tsv:28:6: control or invisible character U+$cp"
done
sed "s/^13	警視庁/13	警視$(python3 -c "print(chr(0xE0100), end='')")庁/" data/desks.tsv >"$tmp/ivs.tsv"
run --check -d "$tmp/ivs.tsv"
check "a variation selector is kept" status_is 0

# --ascii: the listing in ASCII only, as the browser is: romaji, marks in
# English, places by their reading, postal codes as ZIP.
run --ascii -l
check "--ascii -l: ASCII only" sh -c "! LC_ALL=C grep -q '[^ -~]' '$tmp/out'"
check "--ascii -l: the marks in English" out_has "045-664-9110(general)"
run --ascii -f 浜松
check "--ascii: a place by its reading" out_has "(Hamamatsu-shi)"
run --ascii -f 〒100-0001
check "--ascii: a postal code as ZIP" out_has "(ZIP 100-0001 Chiyoda-ku)"
run --ascii -f 浜松市中区
check "--ascii: a former name by what it is now" out_has "(Hamamatsu-shi Chuo-ku)"
run --ascii -f 枝幸郡浜頓別町
check "--ascii: a town in its county, readable" out_has "(Esashi-gun Hamatonbetsu-cho)"

# A write error is trouble in every mode (a full disk, a closed output).
if [ -w /dev/full ]; then
	for mode in --help --version --check -l "-f tokyo" "-F json -l" "-F tsv -l"; do
		set +e
		$MADOGUCHI $mode >/dev/full 2>"$tmp/err"
		status=$?
		set -e
		check "$mode to a full disk exits 2" status_is 2
		check "$mode to a full disk says so" err_has "standard output: No space left on device"
	done
else
	skip "no /dev/full here: write errors to a full disk untested"
fi
for mode in --help --version --check -l; do
	set +e
	$MADOGUCHI $mode >&- 2>"$tmp/err"
	status=$?
	set -e
	check "$mode to a closed output exits 2" status_is 2
done

# The places are read and validated at build time: the tool that compiles
# them in stops the build on bad data, naming FILE:LINE:COL.
make_places=$(dirname "$MADOGUCHI")/make-places
[ -x "$make_places" ] || make_places=build/make-places
sed '10s/^01101/0110x/' data/places.tsv >"$tmp/places.tsv"
set +e
"$make_places" "$tmp/places.tsv" data/former.tsv data/postal.tsv data/towns.tsv >"$tmp/out" 2>"$tmp/err"
status=$?
set -e
check "bad place data fails the build" status_is 1
check "naming file, line and column" err_has "$tmp/places.tsv:10:1: column 'code'"
check "and writes no tables" out_lines 0
# A town of no municipality, or out of order, is named where it is.
sed '10s/^01101/01100/' data/towns.tsv >"$tmp/towns.tsv"
set +e
"$make_places" data/places.tsv data/former.tsv data/postal.tsv "$tmp/towns.tsv" >"$tmp/out" 2>"$tmp/err"
status=$?
set -e
check "bad town data fails the build" status_is 1
check "naming its file, line and column" err_has "$tmp/towns.tsv:10:1: column 'code'"
"$make_places" data/places.tsv data/former.tsv data/postal.tsv data/towns.tsv >"$tmp/out" 2>"$tmp/err"
check "the shipped places compile" out_has "struct places builtin_compiled_places = {"

finish
