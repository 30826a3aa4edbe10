#!/usr/bin/env bash
# One throw per GitHub ID every Masakari.ThrowIntervalSeconds, and per address
# a budget sized for a venue NAT (Masakari.AddressThrowBurst at once, then
# Masakari.AddressThrowsPerMinute): a throw too soon gets 429 saying when to
# try again, and stores nothing; a burst of simultaneous throws by one critic
# lets exactly one through.
#
# "Too soon" depends on the clock, and the machines this runs on can be slow:
# each case is judged only when it took less than the interval, and is tried
# again with fresh names otherwise. A critic's throws here are each a critique
# of its own: the same critique again would be refused as a repeat
# (t1013-repeated-critique.sh), whatever the time.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
masakari_session
interval=$(sed -n 's/^ *ThrowIntervalSeconds = \([0-9]*\)$/\1/p' "$MASAKARI_CONFIG")
critique="cron as the job scheduler"
stored() { sql "SELECT COUNT(*) FROM throws"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
ATTEMPTS=5

# too_soon ID2-CASE ADDR2-CASE: throws once, then again at once with the second
# throw's ID and address chosen by the cases ("same", "upper" or "other"),
# and judges the second when both took less than the interval.
too_soon() {
	local id_case=$1 addr_case=$2 n id id2 addr addr2 start before
	for n in $(seq "$ATTEMPTS"); do
		id="limit-$id_case-$addr_case-$n-$RUN"
		next_addr; addr=$ADDRESS
		case $id_case in same) id2=$id ;; upper) id2=$(tr a-z A-Z <<<"$id") ;; *) id2="$id-2" ;; esac
		case $addr_case in same) addr2=$addr ;; *) next_addr; addr2=$ADDRESS ;; esac
		start=$(now_ms)
		ADDR=$addr throw "$id" "$critique"
		[ "$(status)" = 303 ] || { fail "the first throw got $(status)"; return; }
		before=$(stored)
		ADDR=$addr2 throw "$id2" "$critique, again" -H "Accept-Language: en"
		[ $(($(now_ms) - start)) -lt $((interval * 1000 - 300)) ] || continue
		expect_status 429
		expect_eq "nothing stored" "$before" "$(stored)"
		return
	done
	fail "this machine never threw twice within ${interval}s"
}

t "a first throw goes through"
throw "limit-first-$RUN" "$critique"
expect_status 303

t "the same ID again at once, from elsewhere, gets 429 saying when to try again"
too_soon same other
check "the message names the interval and the wait" \
	grep -q "One throw every $interval seconds, please. Try again in [1-$interval] seconds\?\." "$TMP/body"
check "Retry-After in seconds" grep -qx "[1-$interval]" <<<"$(header Retry-After)"
expect_body "$critique, again"
expect_body '<form method="post" action="/masakari/throw"'

t "the ID is compared without case"
too_soon upper other

t "one address (a venue behind one NAT) may throw its burst at once under many IDs, then gets 429"
burst=$(sed -n 's/^ *AddressThrowBurst = \([0-9]*\)$/\1/p' "$MASAKARI_CONFIG")
per_minute=$(sed -n 's/^ *AddressThrowsPerMinute = \([0-9]*\)$/\1/p' "$MASAKARI_CONFIG")
expect_eq "the default burst" 100 "$burst"
next_addr
venue=$ADDRESS
ok=0 refused= others= entered=
start=$(now_ms)
# Ten critics at a time, each entering and throwing at once, until the first
# 429. The budget refills meanwhile (two a second), so the throws must come
# faster than that however slow this machine is: one by one they may not.
# Entering at the same moment, their claims of new IDs lock the same gap of
# the identities index beside the throws' transactions, and the server picks
# deadlock victims among them: each is claimed again, never told its new ID
# is held by another browser (409).
for batch in $(seq 40); do
	for i in $(seq $(((batch - 1) * 10 + 1)) $((batch * 10))); do
		(
			TMP=$TMP/venue-$i && mkdir -p "$TMP"
			masakari_session "$TMP/jar"
			ADDR=$venue throw "venue-$i-$RUN" "$critique from the venue $i" -H "Accept-Language: en"
		) &
	done
	wait
	for i in $(seq $(((batch - 1) * 10 + 1)) $((batch * 10))); do
		entered="$entered $(cat "$TMP/venue-$i/enter-status")"
		case $(cat "$TMP/venue-$i/status") in
		303) ok=$((ok + 1)) ;;
		429) refused=429 && cp "$TMP/venue-$i/body" "$TMP/body" ;;
		*)
			# What went wrong, for the log: the entrance's status and the form's problem.
			others="$others $(cat "$TMP/venue-$i/status")"
			echo "# critic $i: entrance $(cat "$TMP/venue-$i/enter-status"), throw $(cat "$TMP/venue-$i/status"):" \
				"$(grep -o 'id="throw-problem"[^<]*' "$TMP/venue-$i/body" | cut -d'>' -f2)"
			;;
		esac
	done
	[ -z "$refused" ] || break
done
elapsed_ms=$(($(now_ms) - start))
expect_eq "refused at last" 429 "${refused:-none after $ok throws in $elapsed_ms ms}"
expect_eq "the critics' entrance answers other than 303" "" "$(tr ' ' '\n' <<<"$entered" | grep -v '^303$' | grep . | sort | uniq -c)"
expect_eq "throw statuses other than 303 and 429" "" "$others"
most=$((burst + elapsed_ms * per_minute / 60000 + 1))
check "the burst went through, and no more than it plus the refill: $ok in $elapsed_ms ms (at most $most)" \
	test "$ok" -ge "$burst" -a "$ok" -le "$most"
check "the message says the network shares the budget" \
	grep -q "Too many throws from your network right now (everyone on it shares $per_minute a minute). Try again in [0-9]* seconds\?\." "$TMP/body"
t "from that exhausted address an ID a GitHub sign-in proved still throws: it is one account, not a claim"
tokens=$(sql "SELECT FLOOR(tokens) FROM throw_limits WHERE limit_key = 'ip:$venue'")
masakari_session "$TMP/proven-jar"
enter "venue-proven-$RUN" --interface "$venue"
sql "UPDATE identities SET verified = 1 WHERE github_id = 'venue-proven-$RUN'"
post /masakari/throw --interface "$venue" -b "$JAR" -c "$JAR" \
	--data-urlencode "critique=$critique from a proven critic" --data "csrf_token=$CSRF"
expect_status 303
expect_eq "and it took nothing from the address's budget" "$tokens" \
	"$(sql "SELECT FLOOR(tokens) FROM throw_limits WHERE limit_key = 'ip:$venue'")"
before=$(stored)
t "another address is not affected"
throw "venue-other-$RUN" "$critique from elsewhere"
expect_status 303

t "another ID from another address goes through"
throw "limit-z-$RUN" "$critique"
expect_status 303

t "a refused throw does not push the wait further out"
next_addr
addr=$ADDRESS
for n in $(seq "$ATTEMPTS"); do
	start=$(now_ms)
	ADDR=$addr throw "limit-push-$n-$RUN" "$critique"
	expect_status 303
	# The server stamped the first throw before its answer came back: the
	# wait is counted from the answer, so that a slow request on a loaded
	# machine does not make it look shorter than it was.
	first=$(now_ms)
	sleep 1
	ADDR=$addr throw "limit-push-$n-$RUN" "$critique, again"
	[ $(($(now_ms) - start)) -lt $((interval * 1000 - 300)) ] || { sleep "$interval"; continue; }
	expect_status 429
	# After the first throw's interval, though not after the refused one's
	# (a second later than the first's answer).
	sleep "$(awk -v i="$interval" -v e="$(($(now_ms) - first))" 'BEGIN { printf "%.3f", i - e / 1000 + 0.3 }')"
	ADDR=$addr throw "limit-push-$n-$RUN" "$critique, once more"
	expect_status 303
	pushed=1
	break
done
[ -n "${pushed:-}" ] || fail "this machine never threw twice within ${interval}s"

t "of eight simultaneous throws by one critic, exactly one is stored"
for n in $(seq "$ATTEMPTS"); do
	enter "burst-$n-$RUN"
	before=$(stored)
	start=$(now_ms)
	for i in $(seq 8); do
		next_addr
		curl -sS -o /dev/null -w '%{http_code}\n' --interface "$ADDRESS" -b "$JAR" \
			--data-urlencode "github_id=burst-$n-$RUN" --data-urlencode "critique=$critique $i" \
			--data "csrf_token=$CSRF" "$BASE/masakari/throw" >"$TMP/burst.$i" &
	done
	wait
	[ $(($(now_ms) - start)) -lt $((interval * 1000 - 300)) ] || { sleep "$interval"; continue; }
	expect_eq "one 303" 1 "$(cat "$TMP"/burst.* | grep -c '^303$')"
	expect_eq "seven 429" 7 "$(cat "$TMP"/burst.* | grep -c '^429$')"
	expect_eq "one stored" "$((before + 1))" "$(stored)"
	expect_eq "one job" 1 "$(sql "SELECT COUNT(*) FROM attack_jobs j JOIN throws t ON t.id = j.throw_id WHERE t.github_id = 'burst-$n-$RUN'")"
	judged=1
	break
done
[ -n "${judged:-}" ] || fail "this machine never threw eight at once within ${interval}s"

done_testing
