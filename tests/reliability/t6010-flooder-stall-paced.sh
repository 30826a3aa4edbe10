#!/usr/bin/env bash
# A flooder that stalls in the middle of a job (here: stopped with SIGSTOP for
# 2 s, as a host under memory pressure or a paused VM would) does not send
# everything that came due meanwhile at once when it resumes: the target never
# sees more than the job's rate plus a quarter second's burst, the requests
# too far behind are given up and counted as timeouts, and the report still
# accounts for every request of the job (flooder/attack.c, the job's pace).
# timeout: 120
. "$(dirname "$0")/../lib.sh"
. "$ROOT/tests/flooder/flooder.sh"

RATE=40
flooder_take_slot
fake_start -l "$TMP/arrivals" -t
url=http://127.0.0.1:$FAKE_PORT/paced
flooder_config "$TMP/paced.hdf" "Flooder.Targets.100 = $url"
flooder_start paced "$TMP/paced.hdf"
id=$(queue_job $RATE 8 "$url")

t "the job runs, then its flooder stalls for 2 s"
for _ in $(seq 100); do
	[ "$(job "$id" "status = 'running' AND sent >= 40")" = 1 ] && break
	sleep 0.1
done
expect_eq "running" running "$(job "$id" status)"
kill -STOP "${FLOODER_PID[paced]}"
sleep 2
kill -CONT "${FLOODER_PID[paced]}"
check "done" wait_job "$id" done 30
flooder_stop paced

t "after the stall the target never sees more than the job's rate and its burst"
# The most requests that arrived within any 250 ms: the pace allows a burst
# of 250 ms of the rate on top of the rate itself, 20 at 40/s (22 with a
# little slack); all that came due in 2 s at once would be about 80.
max=$(awk '{ print $1 }' "$TMP/arrivals" | sort -n | awk '
	{ t[NR] = $1 }
	END { j = 1; m = 0
	      for (i = 1; i <= NR; i++) { while (t[i] - t[j] >= 250) j++; if (i - j + 1 > m) m = i - j + 1 }
	      print m }')
check "at most 22 requests in any 250 ms ($max)" le "$max" 22
arrived=$(wc -l <"$TMP/arrivals")
check "requests did arrive ($arrived)" le 200 "$arrived"

t "the report accounts for every request: the ones given up count as timeouts"
read -r sent ok timeouts < <(job "$id" "sent, ok, errors_timeout")
expect_eq "sent: the whole job" $((RATE * 8)) "$sent"
expect_eq "answered or given up" $((RATE * 8)) $((ok + timeouts))
check "some were given up ($timeouts)" le 20 "$timeouts"
expect_eq "what arrived is what was answered" "$ok" "$arrived"

done_testing
