#!/usr/bin/env bash
# The flooder host's wall clock jumps two hours ahead in the middle of a job,
# then an hour back, as a badly set clock corrected by NTP would: the job's
# lease still holds — a second flooder never takes it — and the job runs its
# whole duration at its rate, exactly once.
#
# The jump is real for that flooder: libfaketime (LD_PRELOAD) moves
# CLOCK_REALTIME for its process while it runs, and leaves CLOCK_MONOTONIC
# alone, as a real step of the system clock does. The system clock itself is
# not stepped: the machine is shared, and its MariaDB, nginx and every other
# program would jump too.
# timeout: 120
. "$(dirname "$0")/../lib.sh"
. "$ROOT/tests/flooder/flooder.sh"
FAKETIME_LIB=$(ls /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 /usr/lib/*/faketime/libfaketimeMT.so.1 2>/dev/null | head -1)
if [ -z "$FAKETIME_LIB" ]; then
	fail "libfaketime is not installed (scripts/deps.sh test installs it)"
	done_testing
fi

flooder_take_slot
flooder_config "$TMP/lease.hdf" "Flooder.LeaseSeconds = 2" "Flooder.Targets.100 = $CHEAP"
echo "+0" >"$TMP/clock"

id=$(queue_job 10 8 "$CHEAP")
t "a flooder whose wall clock will jump takes the job"
LD_PRELOAD=$FAKETIME_LIB FAKETIME_TIMESTAMP_FILE=$TMP/clock FAKETIME_NO_CACHE=1 \
	FAKETIME_DONT_FAKE_MONOTONIC=1 flooder_start jumpy "$TMP/lease.hdf"
for _ in $(seq 50); do
	[ "$(job "$id" "status = 'running' AND sent >= 10")" = 1 ] && break
	sleep 0.1
done
expect_eq "it runs the job" "$(flooder_owner jumpy)" "$(job "$id" lease_owner)"

t "its clock jumps two hours ahead, then an hour back, while a second flooder waits for leases"
flooder_start rival "$TMP/lease.hdf"
echo "+2h" >"$TMP/clock"
sleep 2.5
echo "-1h" >"$TMP/clock"
check "done" wait_job "$id" done 20
# Its log lines carry its own wall clock: the jumps reached the flooder (the
# job ends, and is logged, an hour behind).
check "the flooder's clock did jump (a log line stamped an hour behind or two ahead)" \
	grep -q "^\($(date -d '-1 hour' '+%Y-%m-%d %H')\|$(date -d '+2 hours' '+%Y-%m-%d %H')\)" \
	"$TMP/flooder-jumpy.log"

t "the lease held: one attempt, by the flooder whose clock jumped, the whole job once"
expect_eq "attempts" 1 "$(job "$id" attempts)"
expect_eq "run by" "$(flooder_owner jumpy)" "$(job "$id" lease_owner)"
expect_eq "its report counts one full run" "80 80 0" "$(job "$id" "sent, ok, errors" | tr '\t' ' ')"
expect_eq "requests at the target" 80 "$(target_hits "$id")"
took=$(job "$id" "TIMESTAMPDIFF(MICROSECOND, started_at, finished_at) / 1e6")
check "it ran its 8 s, neither cut short nor stretched by the jumps ($took s)" le 7.5 "$took"
check "(at most 10 s)" le "$took" 10
flooder_stop jumpy
flooder_stop rival

done_testing
