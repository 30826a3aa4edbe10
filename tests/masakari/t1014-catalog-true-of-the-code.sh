#!/usr/bin/env bash
# The weakness catalog stays true of the code: what an explanation cites
# (files, buffers, functions, tables, settings) is in the repository, every
# migration that writes it is listed in docs/MASAKARI.md, and the
# similarity ranges the Jaro–Winkler entry states are the ones `masakarictl
# score` measures on the unrelated critiques of bench/score, as
# docs/MASAKARI.md states them too.
. "$(dirname "$0")/../lib.sh"

explanations() { sql "SELECT CONCAT(explanation_ja, ' ', explanation_en) FROM weaknesses"; }
in_code() { grep -rqF -- "$1" "$ROOT"/{cgi-bin,lib,halld,flooder,ctl,sql,etc,static,scripts,templates} 2>/dev/null; }
# docs/MASAKARI.md with its lines joined, so that a sentence may wrap anywhere.
tr '\n' ' ' <"$ROOT/docs/MASAKARI.md" | tr -s ' ' >"$TMP/doc"

t "every file an explanation names exists"
explanations | grep -oP '(?<![/\w])(cgi-bin|lib|halld|flooder|static|sql|etc|ctl)/[A-Za-z0-9_./-]*[A-Za-z0-9]' | sort -u >"$TMP/files"
check "some files are named" test -s "$TMP/files"
while read -r file; do
	check "$file exists" test -e "$ROOT/$file"
done <"$TMP/files"

t "every buffer an explanation names is declared in the code"
explanations | grep -oE '\b[a-z_]+\[[0-9]+\]' | sort -u >"$TMP/buffers"
check "some buffers are named" test -s "$TMP/buffers"
while read -r buffer; do
	check "$buffer is declared" in_code "$buffer;"
done <"$TMP/buffers"

t "every identifier an explanation names is in the code"
explanations | grep -oE '\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b' | sort -u >"$TMP/names"
explanations | grep -oE '\b[A-Z][a-z]+\.[A-Z][A-Za-z]+\b' | sort -u >>"$TMP/names"
check "some identifiers are named" test -s "$TMP/names"
while read -r name; do
	check "$name is in the code" in_code "$name"
done <"$TMP/names"

t "every migration that writes the catalog is in docs/MASAKARI.md's file table"
scoring_row=$(grep '^| scoring |' "$ROOT/docs/MASAKARI.md")
for f in $(grep -lE 'INSERT INTO weakness|UPDATE weakness' "$ROOT"/sql/*.sql); do
	check "$(basename "$f") is listed" grep -qF "\`sql/$(basename "$f")\`" <<<"$scoring_row"
done

# range LANG: "min max median" of the best scores of the unrelated critiques.
range() {
	awk -F'\t' -v lang="$1" '$1 == "miss" && $3 == lang { print $4 }' \
		"$ROOT/bench/score/labelled-critiques.tsv" |
		while read -r text; do "$ROOT/bin/masakarictl" score "$text" | awk '$1 == "score" { print $2 }'; done |
		sort -n | awk '{ v[NR] = $1 } END { printf "%.2f %.2f %.2f\n", v[1], v[NR], v[int((NR + 1) / 2)] }'
}
jw=$(sql "SELECT explanation_en FROM weaknesses WHERE slug = 'jaro-winkler-for-sentences'")
jw_ja=$(sql "SELECT explanation_ja FROM weaknesses WHERE slug = 'jaro-winkler-for-sentences'")

t "the Jaro–Winkler entry states the English range as measured, as docs/MASAKARI.md does"
read -r min max median <<<"$(range en)"
check "catalog: $min to $max (median $median)" grep -qF "unrelated English critiques score $min to $max (median $median)" <<<"$jw"
check "catalog (ja): 英語 $min〜$max(中央値$median)" grep -qF "英語の批評は$min〜$max(中央値$median)" <<<"$jw_ja"
check "docs: $min–$max (median $median)" grep -qF "unrelated English critiques score $min–$max (median $median)" "$TMP/doc"

t "the Jaro–Winkler entry states the Japanese range as measured, as docs/MASAKARI.md does"
read -r min max median <<<"$(range ja)"
check "catalog: $min to $max (median $median)" grep -qF "unrelated Japanese ones $min to $max (median $median)" <<<"$jw"
check "catalog (ja): 日本語 $min〜$max(中央値$median)" grep -qF "日本語は$min〜$max(中央値$median)" <<<"$jw_ja"
check "docs: $min–$max (median $median)" grep -qF "unrelated Japanese ones $min–$max (median $median)" "$TMP/doc"

done_testing
