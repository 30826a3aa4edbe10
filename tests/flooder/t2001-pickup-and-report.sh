#!/usr/bin/env bash
# A queued job is picked up within a second, writes progress every second,
# and ends with its report; every request it sent reached the target.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
flooder_start cron "$MASAKARI_CONFIG"
sleep 0.5
id=$(queue_job 10 5 "$TARGET")

t "a queued job is picked up within a second"
check "it runs" wait_job "$id" 'running|done' 2
waited=$(job "$id" "TIMESTAMPDIFF(MICROSECOND, queued_at, started_at) / 1e6")
check "started ${waited}s after it was queued" le "$waited" 1.0
expect_eq "lease owner" "$(flooder_owner cron)" "$(job "$id" lease_owner)"
expect_eq "attempt" 1 "$(job "$id" attempts)"

t "while it runs, progress is written every second"
sleep 1.2
read -r sent1 age1 < <(job "$id" "sent, TIMESTAMPDIFF(MICROSECOND, progress_at, NOW(3)) / 1e6")
sleep 1
read -r sent2 age2 rate2 < <(job "$id" "sent, TIMESTAMPDIFF(MICROSECOND, progress_at, NOW(3)) / 1e6, current_rate")
check "progress at most a second old ($age1, $age2)" le "$age1" 1.1
check "and again ($age2)" le "$age2" 1.1
check "sent grows ($sent1 → $sent2)" test "$sent1" -gt 0 -a "$sent2" -gt "$sent1"
check "current rate near 10 ($rate2)" within 25 10 "$rate2"

t "when it is done its report is there"
check "done" wait_job "$id" done 6
read -r sent ok errors ec et eh eo codes < <(job "$id" "sent, ok, errors, errors_connect, errors_timeout, errors_http, errors_other, codes")
expect_eq "sent" 50 "$sent"
expect_eq "ok" 50 "$ok"
expect_eq "errors by kind" "0 0 0 0 0" "$errors $ec $et $eh $eo"
expect_eq "status codes" '{"200":50}' "$codes"
read -r p50 p90 p99 max < <(job "$id" "p50_ms, p90_ms, p99_ms, max_ms")
check "latency percentiles in order ($p50 ≤ $p90 ≤ $p99 ≤ $max)" \
	bash -c "awk 'BEGIN { exit !(0 < $p50 && $p50 <= $p90 && $p90 <= $p99 && $p99 <= $max) }'"
achieved=$(job "$id" achieved_rate)
# On a short job one late request on a busy host moves the rate by a percent;
# a slowed job would be far off.
check "achieved rate within 5% of 10 ($achieved)" within 5 10 "$achieved"
took=$(job "$id" "TIMESTAMPDIFF(MICROSECOND, started_at, finished_at) / 1e6")
check "it took the job's 5 s ($took)" bash -c "awk 'BEGIN { exit !($took >= 4.9 && $took < 6) }'"
expect_eq "lease given up" NULL "$(job "$id" "IFNULL(lease_expires, 'NULL')")"
expect_eq "no current rate once done" NULL "$(job "$id" "IFNULL(current_rate, 'NULL')")"

t "the target received every request"
expect_eq "requests in nginx's access log" 50 "$(target_hits "$id")"

flooder_stop cron
done_testing
