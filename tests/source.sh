#!/bin/sh
# The built-in table against the source document and reference data in
# ../shared (present in CI, absent in a fresh clone: then said and skipped).
set -eu
. tests/lib.sh
shared=${SHARED:-../shared}
seed=$(ls "$shared"/seeds/*.txt 2>/dev/null | head -1 || true)
if [ -z "$seed" ] || [ ! -f "$shared/data/prefectures.tsv" ]; then
	echo "SKIPPED: no $shared/seeds or $shared/data here (a fresh clone has none);"
	echo "         the data was not compared with the source document."
	echo "0 passed, 0 failed, 1 skipped"
	exit 0
fi

"$MADOGUCHI" -l -F tsv | tail -n +2 >"$tmp/table.tsv"

# The source, read on its own terms: a desk line, then maybe an address line.
awk '
function flush() { if (name != "") print name "\t" phone "\t" kind "\t" url "\t" contact "\t" ckind; name = "" }
/^[^ ]+ [0-9-]+\(.+\) [^ ]+$/ {
	flush()
	name = $1; url = $3; phone = $2; sub(/\(.*/, "", phone)
	kind = $2; sub(/^[^(]*\(/, "", kind); sub(/\)$/, "", kind)
	contact = "-"; ckind = "-"; next
}
name != "" && NF == 1 && $0 !~ /^【/ {
	contact = $0; ckind = "-"
	if (match(contact, /\((全|専|情報・専)\)$/)) {
		ckind = substr(contact, RSTART + 1, RLENGTH - 2)
		contact = substr(contact, 1, RSTART - 1)
	}
	flush(); next
}
{ flush() }
END { flush() }' "$seed" >"$tmp/source.tsv"

awk -F '\t' -v OFS='\t' '{
	contact = $11 == "" ? "-" : $11
	if ($12 == "true") contact = "上記ページから"
	print $2, $8, $9, $10, contact, ($13 == "" ? "-" : $13)
}' "$tmp/table.tsv" >"$tmp/ours.tsv"

check "the source lists 47 desks" sh -c "[ \$(wc -l <'$tmp/source.tsv') -eq 47 ]"
check "names, phones, marks and URLs match the source, in its order" \
    diff "$tmp/source.tsv" "$tmp/ours.tsv"

# Enrichment against the reference data, joined on the source's short name.
awk -F '\t' -v OFS='\t' 'NR > 1 { print $3, $1, $2, $4, $5, $6 }' \
    "$shared/data/prefectures.tsv" | sort >"$tmp/pref.tsv"
awk -F '\t' -v OFS='\t' '{ print $2, $1, $3, $4, $5, $6 }' "$tmp/table.tsv" |
    sort >"$tmp/ours_pref.tsv"
check "codes, official names, kana, romaji and regions match" \
    diff "$tmp/pref.tsv" "$tmp/ours_pref.tsv"
awk -F '\t' -v OFS='\t' 'NR > 1 { print $3, $2, ($4 == "" ? "" : $4) }' \
    "$shared/data/police_bureaus.tsv" | sort -n | cut -f 2,3 >"$tmp/bureau.tsv"
cut -f 2,7 "$tmp/table.tsv" >"$tmp/ours_bureau.tsv"
check "bureaus match, in the source order" diff "$tmp/bureau.tsv" "$tmp/ours_bureau.tsv"
finish
