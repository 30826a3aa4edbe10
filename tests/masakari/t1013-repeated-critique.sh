#!/usr/bin/env bash
# A critic who throws a critique they have thrown before — the same form sent
# again, or the same text in other case, spacing or punctuation, as scoring
# normalises it — gets 409 with the form, the critique kept and a link to the
# earlier throw, and nothing is stored. Other critiques and other critics are
# not affected. Identical throws sent at once store one, even with the rate
# limit turned off (a second stack, whose configuration sets it to 0).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
masakari_session
interval=$(sed -n 's/^ *ThrowIntervalSeconds = \([0-9]*\)$/\1/p' "$MASAKARI_CONFIG")
wait_turn() { sleep "$interval.2"; }
stored() { sql "SELECT (SELECT COUNT(*) FROM throws) + (SELECT COUNT(*) FROM attack_jobs) + (SELECT COUNT(*) FROM throw_critiques)"; }
limits() { sql "SELECT GROUP_CONCAT(limit_key, last_at ORDER BY limit_key) FROM throw_limits"; }
critic="Again-$RUN"
critique="cron as the job scheduler"

# repeated GITHUB_ID CRITIQUE: refused with 409 and a link to $first, nothing stored
repeated() {
	local before before_limits
	before=$(stored)
	before_limits=$(limits)
	throw "$1" "$2" -H "Accept-Language: en"
	expect_status 409
	expect_body "You have thrown this critique before"
	expect_body "<a id=\"earlier-throw\" href=\"/masakari/throws/$first\">"
	expect_eq "no redirect" "" "$THROW_ID"
	expect_eq "nothing stored" "$before" "$(stored)"
	expect_eq "the rate limit untouched" "$before_limits" "$(limits)"
}

t "a first throw goes through"
throw "$critic" "$critique"
expect_status 303
first=$THROW_ID
check "a throw id" test -n "$first"

t "the same form sent again later is refused with 409, linking to the first throw"
wait_turn
repeated "$critic" "$critique"
expect_body '<form method="post" action="/masakari/throw"'
expect_body ">$critique</textarea>"

t "sent again at once, it is told it is a repeat, not to wait"
throw "$critic" "$critique #$RUN"
expect_status 303
second=$THROW_ID
before=$(stored)
throw "$critic" "$critique #$RUN"
expect_status 409
expect_body "<a id=\"earlier-throw\" href=\"/masakari/throws/$second\">"
expect_eq "nothing stored" "$before" "$(stored)"

t "case, spaces and punctuation do not make it another critique, nor the ID's case"
wait_turn
repeated "$critic" "CRON  as the job-scheduler!!"
repeated "$(tr 'A-Z' 'a-z' <<<"$critic")" "$critique"

t "another critique by the same critic goes through"
wait_turn
throw "$critic" "a worker started by cron every minute"
expect_status 303

t "another critic may throw the same critique"
throw "other-$RUN" "$critique"
expect_status 303

t "the throw page still shows the earlier throw"
get "/masakari/throws/$first"
expect_status 200
expect_body "$critique"

# A second stack with no rate limit, so nothing but the repeat rule stands
# between identical throws sent at once. No flooder (its attacks would only
# load the machine) and no hall daemon. This stack's own attacks are dealt
# with first, as when a test file ends.
masakari_quiesce
mkdir -p "$TMP/bin"
for program in "$ROOT"/bin/*; do
	case $(basename "$program") in masakari-halld | masakari-flooder) ;; *) ln -s "$program" "$TMP/bin/" ;; esac
done
STACK_BIN=$TMP/bin
# Run as root, the stack's nginx workers are www-data: they must reach its sockets.
chmod 755 "$TMP"
stack_init "$TMP/stack" "$(stack_free_port)" || exit 1
trap 'stack_stop; rm -rf "$TMP"' EXIT
sed -i -e 's/^\( *ThrowIntervalSeconds = \).*/\10/' -e 's/^\( *masakari = \)[0-9]*$/\18/' "$MASAKARI_CONFIG"
BASE=http://127.0.0.1:$STACK_PORT
if ! stack_start; then
	tail -n 20 "$STACK_VAR"/log/*.log
	exit 1
fi

t "with no rate limit, of eight identical throws sent at once exactly one is stored"
masakari_session
for n in 1 2 3; do
	enter "burst-$n-$RUN"
	pids=()
	for i in $(seq 8); do
		curl -sS -o /dev/null -w '%{http_code}\n' -b "$JAR" \
			--data-urlencode "github_id=burst-$n-$RUN" --data-urlencode "critique=$critique" \
			--data "csrf_token=$CSRF" "$BASE/masakari/throw" >"$TMP/burst.$n.$i" &
		pids+=($!)
	done
	# Only the throws: the stack this file started runs in the background too.
	wait "${pids[@]}"
	expect_eq "one 303" 1 "$(cat "$TMP"/burst.$n.* | grep -c '^303$')"
	expect_eq "seven 409" 7 "$(cat "$TMP"/burst.$n.* | grep -c '^409$')"
	expect_eq "one throw" 1 "$(sql "SELECT COUNT(*) FROM throws WHERE github_id = 'burst-$n-$RUN'")"
	expect_eq "one job" 1 "$(sql "SELECT COUNT(*) FROM attack_jobs j JOIN throws t ON t.id = j.throw_id WHERE t.github_id = 'burst-$n-$RUN'")"
done

done_testing
