#!/usr/bin/env bash
# Two flooders on one queue never run the same job: each job runs once, in
# full, though it outlasts its lease (which the runner renews).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
# Each flooder can run four 5/s jobs at once, so eight jobs need both; each job
# lasts twice the lease.
flooder_config "$TMP/two.hdf" "Flooder.MaxTotalRate = 20" "Flooder.LeaseSeconds = 2" \
	"Flooder.Targets.100 = $CHEAP"
flooder_start a "$TMP/two.hdf"
flooder_start b "$TMP/two.hdf"
ids=()
for _ in $(seq 8); do ids+=("$(queue_job 5 4 "$CHEAP")"); done
list=$(IFS=,; echo "${ids[*]}")

t "every job is done"
for id in "${ids[@]}"; do check "job $id done" wait_job "$id" done 15; done

t "no job was claimed twice or run twice"
expect_eq "attempts" "1 1 1 1 1 1 1 1" "$(sql "SELECT attempts FROM attack_jobs WHERE id IN ($list) ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
for id in "${ids[@]}"; do expect_eq "job $id reached the target" 20 "$(target_hits "$id")"; done
check "no lease was lost" bash -c "! grep -q 'lease lost' '$TMP'/flooder-[ab].log"

t "both flooders ran jobs"
owners=$(sql "SELECT COUNT(DISTINCT lease_owner) FROM attack_jobs WHERE id IN ($list)")
expect_eq "distinct owners" 2 "$owners"
expect_eq "each of the two" 8 "$(sql "SELECT COUNT(*) FROM attack_jobs WHERE id IN ($list) AND lease_owner IN ('$(flooder_owner a)', '$(flooder_owner b)')")"

flooder_stop a
flooder_stop b
done_testing
