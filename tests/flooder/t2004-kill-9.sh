#!/usr/bin/env bash
# A flooder killed with SIGKILL mid-job leaves a lease that expires; a later
# run takes the job again and completes it exactly once. A job whose runners
# keep dying fails after 3 attempts, with the reason.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
flooder_config "$TMP/lease.hdf" "Flooder.LeaseSeconds = 2" "Flooder.Targets.100 = $CHEAP"

# kill_mid_job NAME ID ATTEMPT SENT: starts a flooder, waits until it runs
# attempt ATTEMPT of job ID and has sent SENT requests, and kills it.
kill_mid_job() {
	flooder_start "$1" "$TMP/lease.hdf"
	for _ in $(seq 80); do
		[ "$(job "$2" "status = 'running' AND attempts = $3 AND sent >= $4")" = 1 ] && break
		sleep 0.1
	done
	kill -9 "${FLOODER_PID[$1]}"
	wait "${FLOODER_PID[$1]}" 2>/dev/null
	unset "FLOODER_PID[$1]"
}

id=$(queue_job 10 4 "$CHEAP")
kill_mid_job first "$id" 1 10

t "the killed run leaves the job running under its lease"
expect_eq "status" running "$(job "$id" status)"
killed_owner=$(job "$id" lease_owner)
expires=$(job "$id" lease_expires)
check "leased to the killed run ($killed_owner)" grep -q "^$(hostname):[0-9]*\$" <<<"$killed_owner"
before=$(target_hits "$id")
check "it had sent some ($before)" test "$before" -ge 10 -a "$before" -lt 40

t "a later run takes it again once the lease expires, and completes it"
flooder_start second "$TMP/lease.hdf"
check "done" wait_job "$id" done 12
expect_eq "attempts" 2 "$(job "$id" attempts)"
expect_eq "run by the second" "$(flooder_owner second)" "$(job "$id" lease_owner)"
expect_eq "not before the lease expired ($expires)" 1 "$(job "$id" "started_at >= '$expires'")"
expect_eq "its report counts one full run" "40 40 0" "$(job "$id" "sent, ok, errors" | tr '\t' ' ')"

t "exactly once: the second run sent the whole job, and nothing more came"
expect_eq "requests at the target" $((before + 40)) "$(target_hits "$id")"
sleep 1
expect_eq "still" $((before + 40)) "$(target_hits "$id")"
flooder_stop second

t "after three runs died holding it, the job fails with the reason"
id=$(queue_job 10 4 "$CHEAP")
# Each run dies as soon as its claim is written; the next one takes the job
# once that lease (2 s) has expired.
for n in 1 2 3; do
	kill_mid_job "dying$n" "$id" $n 0
	expect_eq "attempt $n counted" $n "$(job "$id" attempts)"
done
flooder_start last "$TMP/lease.hdf"
check "failed" wait_job "$id" failed 5
reason=$(job "$id" failure_reason)
check "the reason says why ($reason)" grep -q "gave up after 3 attempts" <<<"$reason"
check "and names the last runner" grep -qF "$(hostname):" <<<"$reason"
expect_eq "no fourth attempt" 3 "$(job "$id" attempts)"
expect_eq "no lease" "NULL NULL" "$(job "$id" "IFNULL(lease_owner, 'NULL'), IFNULL(lease_expires, 'NULL')" | tr '\t' ' ')"
hits=$(target_hits "$id")
sleep 1
expect_eq "no request after it failed" "$hits" "$(target_hits "$id")"
flooder_stop last
done_testing
