#!/usr/bin/env bash
# Scoring: masakarictl jw on published Jaro–Winkler vectors, masakarictl score,
# and the miss rule as a throw meets it (a threshold per language, and a
# critique too short for the phrasing it resembles misses).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
ctl=$ROOT/bin/masakarictl

jw() { "$ctl" jw "$1" "$2"; }

t "masakarictl jw gives the published vectors with 6 decimals"
expect_eq MARTHA/MARHTA 0.961111 "$(jw MARTHA MARHTA)"
expect_eq DIXON/DICKSONX 0.813333 "$(jw DIXON DICKSONX)"
expect_eq DWAYNE/DUANE 0.840000 "$(jw DWAYNE DUANE)"
expect_eq JELLYFISH/SMELLYFISH 0.896296 "$(jw JELLYFISH SMELLYFISH)"

t "masakarictl jw compares code points as given, with no normalisation"
expect_eq "two empty strings" 1.000000 "$(jw '' '')"
expect_eq "one empty string" 0.000000 "$(jw '' abc)"
expect_eq "case is not folded" 0.000000 "$(jw abc ABC)"
expect_eq "width is not folded" 0.000000 "$(jw abc ａｂｃ)"
# m = 5, one transposition, prefix 2: (1 + 1 + 4/5) / 3 + 2 * 0.1 * (1 - 0.9333…)
expect_eq "Japanese, by character" 0.946667 "$(jw まさかりだ まさりかだ)"
# Window 0: only the axe matches; (1/3 + 1/2 + 1) / 3, no bonus at Jaro <= 0.7.
expect_eq "emoji are one character each" 0.611111 "$(jw '🪓🔥💥' '🪓💥')"

t "masakarictl jw refuses invalid UTF-8 and wrong arguments"
jw $'\xff' a >"$TMP/out" 2>&1
expect_eq "exit" 1 "$?"
check "says why" grep -q "valid UTF-8" "$TMP/out"
"$ctl" jw onlyone >"$TMP/out" 2>&1
expect_eq "exit" 2 "$?"

t "masakarictl score names the weakness and the power"
"$ctl" score "ﾊﾞﾌﾞﾙｿｰﾄをﾘｸｴｽﾄのたびに回している！" >"$TMP/out"
expect_eq "exit" 0 "$?"
check "score 1" grep -qx 'score    1.000000' "$TMP/out"
check "weakness" grep -q '^weakness bubble-sort-in-request ' "$TMP/out"
check "power 100" grep -qx 'power    100' "$TMP/out"

t "masakarictl score explains a miss"
"$ctl" score "the logo looks like it was drawn in Paint" >"$TMP/out"
check "missed below the English threshold" grep -q '^weakness none: missed (below the threshold; nearest .*, en threshold 0.80)' "$TMP/out"

masakari_session
thrown() { # critique → sets SCORE, POWER, SLUG ("" for a miss) from a real throw
	throw "scorer-$_masakari_addr_n-$RUN" "$1"
	SCORE=$(sql "SELECT FORMAT(score, 6) FROM throws WHERE id=${THROW_ID:-0}")
	POWER=$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")
	SLUG=$(sql "SELECT IFNULL(w.slug, '') FROM throws t LEFT JOIN weaknesses w ON w.id = t.weakness_id WHERE t.id=${THROW_ID:-0}")
}

t "a critique is folded (width, case, punctuation) before it is scored"
thrown "BUBBLE SORT — on every request!!"
expect_eq "score" 1.000000 "$SCORE"
expect_eq "weakness" bubble-sort-in-request "$SLUG"
expect_eq "power" 100 "$POWER"
thrown "ﾊﾞﾌﾞﾙｿｰﾄをﾘｸｴｽﾄのたびに回している！"
expect_eq "half-width kana" 1.000000 "$SCORE"

t "a Japanese paraphrase hits under the Japanese threshold"
thrown "サーバーが一台しかない"
expect_eq "weakness" single-server "$SLUG"
check "score between 0.65 and 0.80 ($SCORE)" awk -v s="$SCORE" 'BEGIN { exit !(s >= 0.65 && s < 0.80) }'
expect_eq "power is the ceiling of 100 x score" "$(awk -v s="$SCORE" 'BEGIN { p = 100 * s; printf "%d", (p == int(p)) ? p : int(p) + 1 }')" "$POWER"

t "an unrelated English critique misses, though it scores well above 0.6"
thrown "the logo looks like it was drawn in Paint"
expect_eq "no weakness" "" "$SLUG"
check "score above 0.6 ($SCORE)" awk -v s="$SCORE" 'BEGIN { exit !(s > 0.6) }'
expect_eq "the power still follows the score" "$(awk -v s="$SCORE" 'BEGIN { p = 100 * s; printf "%d", (p == int(p)) ? p : int(p) + 1 }')" "$POWER"

t "a two-letter critique misses however high it scores, and keeps its power"
thrown "no"
expect_eq "no weakness" "" "$SLUG"
expect_eq "score" 0.840000 "$SCORE"
expect_eq "power" 84 "$POWER"

t "the page says which it was"
get "/masakari/throws/$THROW_ID"
expect_body '<dd class="score">0.840</dd>'
expect_body '外れ'

done_testing
