#!/usr/bin/env bash
# A closed port, a target that never answers and one that hangs up produce
# connect errors, timeouts and dropped connections in the report, without
# hanging the runner, without opening more than Flooder.MaxInFlight
# connections, and without leaking descriptors (/proc/<pid>/fd).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
closed=http://127.0.0.1:$(stack_free_port)/legacy/random
fake_start -d 600000
sleeping=http://127.0.0.1:$FAKE_PORT/slow
fake_start -x
hanging_up=http://127.0.0.1:$FAKE_PORT/bye
flooder_config "$TMP/dead.hdf" "Flooder.RequestTimeoutMs = 1000" "Flooder.MaxInFlight = 16" \
	"Flooder.Targets.100 = $closed" "Flooder.Targets.101 = $sleeping" "Flooder.Targets.102 = $hanging_up"
flooder_start dead "$TMP/dead.hdf"
pid=${FLOODER_PID[dead]}
fds() { ls "/proc/$pid/fd" | wc -l; }
sleep 0.5
idle=$(fds)

t "a closed port gives connect errors"
id=$(queue_job 20 2 "$closed")
check "done in time" wait_job "$id" done 5
expect_eq "sent, ok, errors, connect errors" "40 0 40 40" "$(job "$id" "sent, ok, errors, errors_connect" | tr '\t' ' ')"
expect_eq "no status codes, no latency" "{} NULL" "$(job "$id" "codes, IFNULL(p50_ms, 'NULL')" | tr '\t' ' ')"

t "a target that never answers gives timeouts, with at most MaxInFlight connections open"
id=$(queue_job 30 2 "$sleeping")
most=0
end=$((SECONDS + 6))
while [ "$(job "$id" status)" != done ] && [ $SECONDS -lt $end ]; do
	n=$(fds)
	[ "$n" -gt "$most" ] && most=$n
	sleep 0.05
done
expect_eq "done within duration + timeout" done "$(job "$id" status)"
expect_eq "sent, ok, errors, timeouts" "60 0 60 60" "$(job "$id" "sent, ok, errors, errors_timeout" | tr '\t' ' ')"
check "descriptors in use stayed within idle $idle + 16 (at most $most)" test "$most" -le $((idle + 16))
check "it did use connections (at most $most)" test "$most" -gt $((idle + 8))

t "a target that hangs up gives errors of the other kind"
id=$(queue_job 10 1 "$hanging_up")
check "done" wait_job "$id" done 4
expect_eq "sent, errors, other" "10 10 10" "$(job "$id" "sent, errors, errors_other" | tr '\t' ' ')"

t "after all that, no descriptor is left open"
sleep 0.3
expect_eq "descriptors" "$idle" "$(fds)"
check "the flooder is still running" kill -0 "$pid"

t "and it still attacks a live target normally"
id=$(queue_job 10 1 "$TARGET")
check "done" wait_job "$id" done 4
expect_eq "reached the target" 10 "$(target_hits "$id")"

flooder_stop dead
expect_eq "exit code" 0 "$FLOODER_EXIT"
done_testing
