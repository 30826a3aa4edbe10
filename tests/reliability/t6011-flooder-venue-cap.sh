#!/usr/bin/env bash
# Flooder.VenueMaxRate caps the whole venue's attack, over every flooder host:
# two flooders, each of which could run two 15/s jobs (MaxTotalRate 40), never
# run more than 20/s between them (VenueMaxRate 20), so three 15/s jobs run
# one after another; none is dropped or slowed. With several flooder hosts a
# venue's target sees what the game promised, not that times the hosts.
# timeout: 120
. "$(dirname "$0")/../lib.sh"
. "$ROOT/tests/flooder/flooder.sh"

flooder_take_slot
flooder_config "$TMP/venue.hdf" "Flooder.MaxTotalRate = 40" "Flooder.VenueMaxRate = 20" \
	"Flooder.Targets.100 = $CHEAP"
flooder_start a "$TMP/venue.hdf"
flooder_start b "$TMP/venue.hdf"
ids=()
for _ in 1 2 3; do ids+=("$(queue_job 15 2 "$CHEAP")"); done
list=$(IFS=,; echo "${ids[*]}")

t "every job runs to the end, whole"
for id in "${ids[@]}"; do check "job $id done" wait_job "$id" done 20; done
for id in "${ids[@]}"; do expect_eq "job $id sent" 30 "$(job "$id" sent)"; done

t "never two at once, whichever host ran them"
overlaps=$(sql "SELECT COUNT(*) FROM attack_jobs x JOIN attack_jobs y ON x.id < y.id
	WHERE x.id IN ($list) AND y.id IN ($list) AND x.started_at < y.finished_at AND y.started_at < x.finished_at")
expect_eq "jobs that overlapped" 0 "$overlaps"
expect_eq "and in queue order" 1 "$(sql "SELECT COUNT(*) = 0 FROM attack_jobs x JOIN attack_jobs y ON x.id < y.id
	WHERE x.id IN ($list) AND y.id IN ($list) AND y.started_at < x.started_at")"

t "a job faster than the venue's cap fails at once with the reason"
big=$(queue_job 30 1 "$CHEAP")
check "failed" wait_job "$big" failed 10
check "says why ($(job "$big" failure_reason))" grep -q "more than the venue's 20 (Flooder.VenueMaxRate)" <<<"$(job "$big" failure_reason)"

flooder_stop a
flooder_stop b
done_testing
