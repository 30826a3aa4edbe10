#!/usr/bin/env bash
# Hitting a weakness you already hit halves the power each time; IDs are
# compared without case, as GitHub does; other critics and other weaknesses
# are not affected. Each hit is another phrasing of the weakness (all of them
# in the catalog, so each scores 1): the same critique again would be refused
# as a repeat (t1013-repeated-critique.sh).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
masakari_session
critic="Repeat-$RUN"
interval=$(sed -n 's/^ *ThrowIntervalSeconds = \([0-9]*\)$/\1/p' "$MASAKARI_CONFIG")
wait_turn() { sleep "$interval.2"; }

power_of() { sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}"; }
repeats_of() { sql "SELECT repeat_hits FROM throws WHERE id=${THROW_ID:-0}"; }

t "the first hit on a weakness has full power"
throw "$critic" "bubble sort on every request"
expect_status 303
expect_eq "power" 100 "$(power_of)"
expect_eq "repeat hits" 0 "$(repeats_of)"

t "the second hit on it, in other words, has half"
wait_turn
throw "$critic" "バブルソートをリクエストのたびに回している"
expect_eq "power" 50 "$(power_of)"
expect_eq "repeat hits" 1 "$(repeats_of)"
expect_eq "the job attacks at that power" 50 "$(sql "SELECT rate FROM attack_jobs WHERE throw_id=$THROW_ID")"
get "/masakari/throws/$THROW_ID"
expect_body '<span id="power">50</span>'
expect_body 'この弱点を突くのは 2 回目なので、威力は 1 回半分になった'

t "the third has a quarter, also under the ID in another case"
wait_turn
throw "$(tr 'A-Z' 'a-z' <<<"$critic")" "use qsort instead of a bubble sort"
expect_eq "power" 25 "$(power_of)"
expect_eq "repeat hits" 2 "$(repeats_of)"

t "a miss in between changes nothing"
wait_turn
throw "$critic" "the logo looks like it was drawn in Paint"
expect_eq "a miss" NULL "$(sql "SELECT IFNULL(weakness_id, 'NULL') FROM throws WHERE id=$THROW_ID")"
expect_eq "not counted as a repeat" 0 "$(repeats_of)"
wait_turn
throw "$critic" "リクエストごとにバブルソート"
expect_eq "fourth hit" 13 "$(power_of)"

t "a different weakness has full power for the same critic"
wait_turn
throw "$critic" "one server, no redundancy"
expect_eq "power" 100 "$(power_of)"
expect_eq "repeat hits" 0 "$(repeats_of)"

t "another critic hitting the same weakness has full power"
throw "other-$RUN" "bubble sort on every request"
expect_eq "power" 100 "$(power_of)"

done_testing
