#!/usr/bin/env bash
# A queued job is picked up within a second, writes progress every second,
# and ends with its report; every request it sent reached the target.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
flooder_start cron "$MASAKARI_CONFIG"
sleep 0.5
id=$(queue_job 10 8 "$TARGET")

t "a queued job is picked up within a second"
check "it runs" wait_job "$id" 'running|done' 2
waited=$(job "$id" "TIMESTAMPDIFF(MICROSECOND, queued_at, started_at) / 1e6")
check "started ${waited}s after it was queued" le "$waited" 1.0
expect_eq "lease owner" "$(flooder_owner cron)" "$(job "$id" lease_owner)"
expect_eq "attempt" 1 "$(job "$id" attempts)"

t "while it runs, progress is written every second"
seen=0
sents=()
for _ in $(seq 12); do
	read -r st sent age rate < <(job "$id" "status, sent, IFNULL(TIMESTAMPDIFF(MICROSECOND, progress_at, NOW(3)) / 1e6, -1), IFNULL(current_rate, -1)")
	[ "$st" = running ] || break
	# Before the first write there is nothing to look at.
	if [ "$sent" -gt 0 ]; then
		seen=$((seen + 1))
		sents+=("$sent")
		check "progress at most a second old, give or take ($age)" le "$age" 1.5
		check "current rate near 10 ($rate)" within 25 10 "$rate"
	fi
	sleep 0.6
done
check "progress seen at least three times while it ran ($seen)" test "$seen" -ge 3
check "sent grows (${sents[*]})" test "${sents[-1]:-0}" -gt "${sents[0]:-0}"

t "when it is done its report is there"
check "done" wait_job "$id" done 8
read -r sent ok errors ec et eh eo codes < <(job "$id" "sent, ok, errors, errors_connect, errors_timeout, errors_http, errors_other, codes")
expect_eq "sent" 80 "$sent"
expect_eq "ok" 80 "$ok"
expect_eq "errors by kind" "0 0 0 0 0" "$errors $ec $et $eh $eo"
expect_eq "status codes" '{"200":80}' "$codes"
read -r p50 p90 p99 max < <(job "$id" "p50_ms, p90_ms, p99_ms, max_ms")
check "latency percentiles in order ($p50 ≤ $p90 ≤ $p99 ≤ $max)" \
	bash -c "awk 'BEGIN { exit !(0 < $p50 && $p50 <= $p90 && $p90 <= $p99 && $p99 <= $max) }'"
achieved=$(job "$id" achieved_rate)
# On a short job one late request on a busy host moves the rate by a percent;
# a slowed job would be far off.
check "achieved rate within 5% of 10 ($achieved)" within 5 10 "$achieved"
took=$(job "$id" "TIMESTAMPDIFF(MICROSECOND, started_at, finished_at) / 1e6")
check "it took the job's 8 s ($took)" bash -c "awk 'BEGIN { exit !($took >= 7.9 && $took < 9) }'"
expect_eq "lease given up" NULL "$(job "$id" "IFNULL(lease_expires, 'NULL')")"
expect_eq "no current rate once done" NULL "$(job "$id" "IFNULL(current_rate, 'NULL')")"

t "the target received every request"
expect_eq "requests in nginx's access log" 80 "$(target_hits "$id")"

flooder_stop cron
done_testing
