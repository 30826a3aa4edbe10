#!/usr/bin/env bash
# One throw per GitHub ID and per address every Masakari.ThrowIntervalSeconds:
# a throw too soon gets 429 saying when to try again, and stores nothing; a
# burst of simultaneous throws lets exactly one through.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
masakari_session
interval=$(sed -n 's/^ *ThrowIntervalSeconds = \([0-9]*\)$/\1/p' "$MASAKARI_CONFIG")
critique="cron as the job scheduler"
stored() { sql "SELECT COUNT(*) FROM throws"; }

next_addr; addr_a=$ADDRESS
next_addr; addr_b=$ADDRESS

t "a first throw goes through"
ADDR=$addr_a throw "limit-x-$RUN" "$critique"
expect_status 303

t "the same ID again at once, from elsewhere, gets 429 saying when to try again"
before=$(stored)
ADDR=$addr_b throw "limit-x-$RUN" "$critique"
expect_status 429
check "the message names the interval and the wait" \
	grep -q "One throw every $interval seconds, please. Try again in [1-$interval] seconds\?\." "$TMP/body"
check "Retry-After in seconds" grep -qx "[1-$interval]" <<<"$(header Retry-After)"
expect_eq "nothing stored" "$before" "$(stored)"
expect_body "$critique"

t "the ID is compared without case"
ADDR=$addr_b throw "LIMIT-X-$RUN" "$critique"
expect_status 429

t "the same address again at once, under another ID, gets 429"
ADDR=$addr_a throw "limit-y-$RUN" "$critique"
expect_status 429
expect_eq "nothing stored" "$before" "$(stored)"

t "another ID from another address goes through"
throw "limit-z-$RUN" "$critique"
expect_status 303

t "a refused throw does not push the wait further out"
sleep "$interval.3"
ADDR=$addr_a throw "limit-x-$RUN" "$critique"
expect_status 303
sleep 1
ADDR=$addr_a throw "limit-x-$RUN" "$critique"
expect_status 429
sleep "$((interval - 1)).3"
ADDR=$addr_a throw "limit-x-$RUN" "$critique"
expect_status 303

t "of eight simultaneous throws by one critic, exactly one is stored"
before=$(stored)
for i in $(seq 8); do
	next_addr
	curl -sS -o /dev/null -w '%{http_code}\n' --interface "$ADDRESS" -b "$JAR" \
		--data-urlencode "github_id=burst-$RUN" --data-urlencode "critique=$critique" \
		--data "csrf_token=$CSRF" "$BASE/masakari/throw" >"$TMP/burst.$i" &
done
wait
expect_eq "one 303" 1 "$(cat "$TMP"/burst.* | grep -c '^303$')"
expect_eq "seven 429" 7 "$(cat "$TMP"/burst.* | grep -c '^429$')"
expect_eq "one stored" "$((before + 1))" "$(stored)"
expect_eq "one job" 1 "$(sql "SELECT COUNT(*) FROM attack_jobs j JOIN throws t ON t.id = j.throw_id WHERE t.github_id = 'burst-$RUN'")"

done_testing
