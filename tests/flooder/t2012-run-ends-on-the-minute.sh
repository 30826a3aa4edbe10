#!/usr/bin/env bash
# A run claims jobs until Flooder.RunSeconds past the minute, wherever it
# started, so the next cron run finds the lock free; an idle run then exits,
# a busy one keeps claiming in place of the cron run it kept out.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
# A stop 4 s from now (seconds past the minute are 1–59 in the config).
stop_at=$((($(date +%s) + 4) % 60))
[ "$stop_at" -eq 0 ] && stop_at=1
flooder_config "$TMP/minute.hdf" "Flooder.RunSeconds = $stop_at" "Flooder.Targets.100 = $CHEAP"

t "an idle run exits at RunSeconds past the minute"
MASAKARI_CONFIG=$TMP/minute.hdf "$FLOODER_UNDER_TEST" >"$TMP/idle.log" 2>&1 9>&- &
pid=$!
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
ended=$(date +%s)
check "it exited by itself" bash -c "! kill -0 $pid 2>/dev/null"
wait "$pid"
expect_eq "exit code" 0 "$?"
check "at second $stop_at of the minute (ended at $((ended % 60)))" \
	test $(((ended - stop_at + 60) % 60)) -le 1

t "a busy run keeps claiming past it"
stop_at=$((($(date +%s) + 3) % 60))
[ "$stop_at" -eq 0 ] && stop_at=1
flooder_config "$TMP/minute.hdf" "Flooder.RunSeconds = $stop_at" "Flooder.Targets.100 = $CHEAP"
first=$(queue_job 5 6 "$CHEAP")
MASAKARI_CONFIG=$TMP/minute.hdf "$FLOODER_UNDER_TEST" >"$TMP/busy.log" 2>&1 9>&- &
pid=$!
for _ in $(seq 80); do grep -q "still busy" "$TMP/busy.log" && break; sleep 0.1; done
check "it says so" grep -q "still busy: claiming for another 60 s" "$TMP/busy.log"
second=$(queue_job 5 1 "$CHEAP")
wait_job "$second" 'running|done' 3
waited=$(job "$second" "TIMESTAMPDIFF(MICROSECOND, queued_at, started_at) / 1e6")
check "a job queued after that starts within a second ($waited s)" le "$waited" 1.0
check "both are done" wait_job "$first" done 8
check "both are done" wait_job "$second" done 3
kill -TERM "$pid"
wait "$pid"
expect_eq "exit code" 0 "$?"
done_testing
