#!/usr/bin/env bash
# Scoring keeps its promise on the labelled critiques of bench/score and on
# every held-out set the default version was tuned on, in each language
# (docs/MASAKARI.md, "Scoring"): at least 90 % of aimed critiques hit the
# right weakness and none a wrong one, at most 5 % of unrelated
# critiques hit anything, the median power of unrelated critiques is at most
# 15 and that of aimed critiques that hit at least 70. The figures are those
# of the default scoring's rows of `bench/score/run.sh`; only its timings are
# left to docs/BENCHMARKS.md. The blind sets run once after the version was
# made (its held-out part, the sets after TUNED_THROUGH in run.sh's order) say
# how it does on wording it has not seen: docs/MASAKARI.md reports them, met
# or not, and they are not held here set by set; pooled with the others, each
# language over every set, the targets are held too.
. "$(dirname "$0")/../lib.sh"

t "bench/score scores the labelled critiques and every held-out set tuned on"
"$ROOT/bench/score/run.sh" 100 >"$TMP/out" 2>&1
expect_eq "the bench ran" 0 "$?"

# The last set version 28 was tuned on; the fifty-seventh to sixtieth
# are its blind ones.
TUNED_THROUGH="fifty-sixth held out"
# Where version 28 falls short on a set it was tuned on (docs/MASAKARI.md,
# "Version 20" to "Version 28"), as "set|language|target". The check holds
# that it is still short, so that a mend shows here and its line goes.
SHORT=$'twenty-third held out|en|unrelated\nthirty-ninth held out|ja|right\nthirty-ninth held out|ja|unrelated\nforty-first held out|ja|unrelated\nforty-fourth held out|en|unrelated\nforty-eighth held out|ja|unrelated\nforty-ninth held out|en|unrelated\nfiftieth held out|en|unrelated\nfifty-fifth held out|ja|unrelated'
short() { grep -qxF "$1" <<<"$SHORT"; }
# The sets bench/score/run.sh scores, in its order, by the names its rows give
# them, up to TUNED_THROUGH.
sets=$(grep -F '| **v28 (default)' "$TMP/out" | awk -F'|' '{ gsub(/^ +| +$/, "", $3); print $3 }' |
	awk '!seen[$0]++' | sed "/^$TUNED_THROUGH\$/q")
check "the sets end with the last one tuned on ($TUNED_THROUGH)" \
	test "$(tail -n 1 <<<"$sets")" = "$TUNED_THROUGH"
check "the labelled set and at least fifteen held-out ones ($(wc -l <<<"$sets"))" \
	test "$(grep -c . <<<"$sets")" -ge 16
while read -r set; do
	for lang in ja en; do
		t "$lang, $set: the targets are met"
		row=$(grep -F '| **v28 (default)' "$TMP/out" | grep -F "| $set | $lang |")
		check "a row for the default scoring" test -n "$row"
		# | name | set | lang | R of A (p %) | wrong | missed | F of U (p %) | unrelated median | hits median |
		IFS='|' read -r _ _ _ _ right wrong _ false unrelated hits _ <<<"$row"
		read -r r _ aimed _ <<<"$right"
		read -r f _ others _ <<<"$false"
		wrong=${wrong// /} unrelated=${unrelated// /} hits=${hits// /}
		if [ "$set" = labelled ]; then
			check "at least 60 aimed and 60 unrelated critiques (${aimed:-?}, ${others:-?})" \
				test "${aimed:-0}" -ge 60 -a "${others:-0}" -ge 60
		fi
		if short "$set|$lang|right"; then
			check "the right weakness for less than 90 %, as docs/MASAKARI.md reports: $r of $aimed" \
				test $((r * 100)) -lt $((aimed * 90))
		else
			check "the right weakness for at least 90 %: $r of $aimed" test $((r * 100)) -ge $((aimed * 90))
		fi
		check "never a wrong one: $wrong of $aimed" test "$wrong" -eq 0
		if short "$set|$lang|unrelated"; then
			check "unrelated critiques hit more than 5 %, as docs/MASAKARI.md reports: $f of $others" \
				test $((f * 100)) -gt $((others * 5))
		else
			check "unrelated critiques hit at most 5 %: $f of $others" test $((f * 100)) -le $((others * 5))
		fi
		check "unrelated critiques' median power at most 15: $unrelated" test "$unrelated" -le 15
		check "aimed hits' median power at least 70: $hits" test "$hits" -ge 70
	done
done <<<"$sets"

# Every set together, each language pooled, the blind ones too: the
# targets as the issue of the extended sets states them.
for lang in ja en; do
	t "$lang, every set together: the targets are met"
	read -r r aimed wrong f others <<<"$(grep -F '| **v28 (default)' "$TMP/out" | grep -F "| $lang |" |
		awk -F'|' '{ split($5, a, " "); split($8, u, " "); r += a[1]; n += a[3]; w += $6; f += u[1]; o += u[3] }
			END { printf "%d %d %d %d %d", r, n, w, f, o }')"
	check "at least 3,000 critiques pooled ($aimed aimed, $others unrelated)" \
		test "$((aimed + others))" -ge 3000
	check "the right weakness for at least 90 %: $r of $aimed" test $((r * 100)) -ge $((aimed * 90))
	check "never a wrong one: $wrong of $aimed" test "$wrong" -eq 0
	check "unrelated critiques hit at most 5 %: $f of $others" test $((f * 100)) -le $((others * 5))
done

done_testing
