#!/usr/bin/env bash
# SIGTERM: the flooder finishes the current second, writes progress, gives the
# job back to the queue (the stop is not counted as a failed attempt) and
# exits; the next run does the job in full.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
flooder_config "$TMP/term.hdf" "Flooder.Targets.100 = $CHEAP"

t "an idle flooder exits at once"
flooder_start idle "$TMP/term.hdf"
start=$(date +%s%N)
flooder_stop idle
took=$((($(date +%s%N) - start) / 1000000))
# It looks at the signal when it would look at the queue (every 250 ms).
check "within a second (${took} ms)" test "$took" -lt 1000
expect_eq "exit code" 0 "$FLOODER_EXIT"

t "a busy flooder stops within a second and releases its job"
id=$(queue_job 10 6 "$CHEAP")
flooder_start busy "$TMP/term.hdf"
wait_job "$id" running 3
sleep 2.5
start=$(date +%s%N)
flooder_stop busy
took=$((($(date +%s%N) - start) / 1000000))
check "within 1.5 s (${took} ms)" test "$took" -lt 1500
expect_eq "exit code" 0 "$FLOODER_EXIT"
expect_eq "back in the queue" queued "$(job "$id" status)"
expect_eq "lease released" "NULL NULL" "$(job "$id" "IFNULL(lease_owner, 'NULL'), IFNULL(lease_expires, 'NULL')" | tr '\t' ' ')"
expect_eq "the stop is not a failed attempt" 0 "$(job "$id" attempts)"
sent=$(job "$id" sent)
check "its progress was written ($sent sent)" test "$sent" -ge 25 -a "$sent" -le 40
expect_eq "what it sent reached the target" "$sent" "$(target_hits "$id")"
check "the log says so" grep -q "job $id released after $sent of 60 requests" "$TMP/flooder-busy.log"

t "the next run does the job in full"
flooder_start next "$TMP/term.hdf"
check "done" wait_job "$id" done 9
expect_eq "a fresh report" "60 60 0" "$(job "$id" "sent, ok, errors" | tr '\t' ' ')"
expect_eq "first counted attempt" 1 "$(job "$id" attempts)"
expect_eq "the target saw both runs" $((sent + 60)) "$(target_hits "$id")"
flooder_stop next
done_testing
