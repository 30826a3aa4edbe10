#!/usr/bin/env bash
# Latency is measured from each request's due time (no coordinated omission):
# a target that can serve only 10 requests/s, flooded at 20/s, shows the
# queueing delay, not just its 100 ms service time, and the report says the
# rate it really got.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
fake_start -d 100
slow=http://127.0.0.1:$FAKE_PORT/slow

t "with room for every request, latency is the service time"
flooder_config "$TMP/room.hdf" "Flooder.Targets.100 = $slow"
flooder_start room "$TMP/room.hdf"
id=$(queue_job 20 2 "$slow")
check "done" wait_job "$id" done 5
flooder_stop room
read -r p50 max achieved < <(job "$id" "p50_ms, max_ms, achieved_rate")
check "p50 from 100 ms, well under a second ($p50)" bash -c "awk 'BEGIN { exit !($p50 >= 100 && $p50 < 500) }'"
check "achieved rate 20/s ($achieved)" within 5 20 "$achieved"

t "with one connection the queue shows in the latency"
flooder_config "$TMP/one.hdf" "Flooder.Targets.100 = $slow" "Flooder.MaxInFlight = 1" "Flooder.RequestTimeoutMs = 10000"
flooder_start one "$TMP/one.hdf"
id=$(queue_job 20 2 "$slow")
check "done" wait_job "$id" done 10
read -r ok p50 p99 max achieved < <(job "$id" "ok, p50_ms, p99_ms, max_ms, achieved_rate")
expect_eq "every request answered" 40 "$ok"
# Request i is due at i × 50 ms and answered at (i + 1) × 100 ms at the
# earliest: latency 100 + i × 50 ms or more, however busy the host.
check "p50 of a second or more ($p50)" le 1000 "$p50"
check "max of two seconds or more ($max)" le 2000 "$max"
check "the achieved rate is what the target allowed, 10/s ($achieved)" le "$achieved" 10.5
flooder_stop one
done_testing
