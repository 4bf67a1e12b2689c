#!/bin/sh
# The built-in table against the source document and reference data in
# ../shared (present in CI, absent in a fresh clone: then said and skipped).
set -eu
. tests/lib.sh
shared=${SHARED:-../shared}
seed=$(ls "$shared"/seeds/*.txt 2>/dev/null | head -1 || true)
if [ -z "$seed" ] || [ ! -f "$shared/data/prefectures.tsv" ]; then
	skip "no $shared/seeds or $shared/data here (a fresh clone has none);" \
	    "the data was not compared with the source document."
	finish
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
	contact = ""; ckind = "-"; next
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

# The contact as the table has it: a URL, 上記ページから, 「-」 as the source
# writes it, or nothing where the source has no line (栃木, not 広島).
grep -v '^[#@]' data/desks.tsv | tail -n +2 | cut -f 12 >"$tmp/contacts"
awk -F '\t' -v OFS='\t' 'NR == FNR { contact[FNR] = $0; next } {
	print $2, $8, $9, $10, contact[FNR], ($13 == "" ? "-" : $13)
}' "$tmp/contacts" "$tmp/table.tsv" >"$tmp/ours.tsv"

check "the source lists 47 desks" sh -c "[ \$(wc -l <'$tmp/source.tsv') -eq 47 ]"
check "names, phones, marks and URLs match the source, in its order" \
    diff "$tmp/source.tsv" "$tmp/ours.tsv"
check "栃木 has no line for its address, 広島 a 「-」, in the source and the table" sh -c "
	grep -q -P '^栃木\t.*\t\t-\$' '$tmp/ours.tsv' && grep -q -P '^広島\t.*\t-\t-\$' '$tmp/ours.tsv'"

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

# The words for the marks are the source's own (its note 2 and 3): each
# word the Japanese detail and help use for a mark stands in the source's
# notes, after that mark, as they are.
notes=$(sed -n '/【注意】/,$p' "$seed")
printf '%s\n' 静岡 警視庁 徳島 神奈川 宮城 '?' q |
    env -u TMUX LANG=C.UTF-8 "$MADOGUCHI" --line --lang=ja >"$tmp/words.txt"
says() { # MARK WORDS: the program calls MARK WORDS, and so does the source
	grep -q -F -- "($1) $2" "$tmp/words.txt" ||
	    { echo "  the program does not say ($1) $2" >&2; return 1; }
	printf '%s\n' "$notes" | grep -q -F -- "($1)は$2" ||
	    { echo "  the source does not say ($1)は$2" >&2; return 1; }
}
check "(総) is 総合電話番号, as the source says" says 総 総合電話番号
check "(代) is 警察本部代表電話番号" says 代 警察本部代表電話番号
check "(専) is サイバー犯罪相談等専用電話番号" says 専 サイバー犯罪相談等専用電話番号
check "(全) is 警察業務全般に対する意見・要望・相談" says 全 警察業務全般に対する意見・要望・相談
check "(専) for an address is サイバー犯罪相談専用" says 専 サイバー犯罪相談専用
check "Kanagawa's is 情報受理専用, as the source says" sh -c "
	grep -q -F '情報受理専用' '$tmp/words.txt' && printf '%s\n' \"\$1\" | grep -q -F '神奈川県警察は情報受理専用です'" _ "$notes"
check "(専) and (代) also on 総合相談電話, in the source's words" sh -c "
	grep -q -F '総合相談電話でも相談できます' '$tmp/words.txt' &&
	printf '%s\n' \"\$1\" | grep -q -F '(専)、(代)となっている都道府県も総合相談電話で相談できます'" _ "$notes"
check "no word the source does not have for them" sh -c "! grep -q -F -e '(警察庁の直轄)' -e '#9110) でも' -e 'の県でも' '$tmp/words.txt'"
# And the English says what the source says, no more and no less.
printf '%s\n' 静岡 警視庁 徳島 神奈川 宮城 '?' q |
    env -u TMUX LANG=C.UTF-8 "$MADOGUCHI" --line --lang=en |
    tr -s ' \n' '  ' >"$tmp/english.txt" # a sentence over lines, whole
check "(全), in English: opinions, requests and consultations (note 3)" \
    grep -q -F '(全) for opinions, requests and consultations on police business in general' "$tmp/english.txt"
check "(情報・専), in English: for receiving information only (情報受理専用)" \
    grep -q -F '(情報・専) for receiving information only' "$tmp/english.txt"
check "nothing the source does not say (not consultations)" \
    file_lacks "$tmp/english.txt" 'not consultations'
check "note 1 in English keeps its topics (トピックスで)" \
    grep -q -F 'in its topics' "$tmp/english.txt"
check "the program's own sentence is set apart from the source's" \
    grep -q -F 'Note from madoguchi, not the source:' "$tmp/english.txt"
finish
