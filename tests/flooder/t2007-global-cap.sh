#!/usr/bin/env bash
# Flooder.MaxTotalRate caps the requests per second of all running jobs: jobs
# beyond it wait their turn in queue order, and none is dropped or slowed.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
flooder_config "$TMP/cap.hdf" "Flooder.MaxTotalRate = 20" "Flooder.Targets.100 = $CHEAP"
flooder_start capped "$TMP/cap.hdf"
# In one go: 15/s runs; 10/s does not fit beside it and waits; 5/s would fit
# but is behind it.
read -r a b c < <(sql "
	INSERT INTO throws (github_id, remote_addr, critique, normalized, score, power)
		VALUES ('$TEST_NAME', '127.0.0.1', 'a', 'a', 0.15, 15), ('$TEST_NAME', '127.0.0.1', 'b', 'b', 0.1, 10),
		       ('$TEST_NAME', '127.0.0.1', 'c', 'c', 0.05, 5);
	INSERT INTO attack_jobs (throw_id, target_url, rate, duration_s)
		SELECT id, '$CHEAP', power, 2 FROM throws WHERE id >= LAST_INSERT_ID() AND github_id = '$TEST_NAME' ORDER BY id;
	SELECT GROUP_CONCAT(id ORDER BY id SEPARATOR ' ') FROM attack_jobs WHERE id >= LAST_INSERT_ID();")

t "every job runs to the end"
for id in $a $b $c; do check "job $id done" wait_job "$id" done 10; done

t "the job that did not fit waited for the running one to finish"
expect_eq "b started after a finished" 1 "$(sql "SELECT (SELECT started_at FROM attack_jobs WHERE id = $b) >= (SELECT finished_at FROM attack_jobs WHERE id = $a)")"
t "the small job behind it did not jump the queue"
expect_eq "c started with or after b" 1 "$(sql "SELECT (SELECT started_at FROM attack_jobs WHERE id = $c) >= (SELECT started_at FROM attack_jobs WHERE id = $b)")"
expect_eq "c ran beside b (10 + 5 fit)" 1 "$(sql "SELECT (SELECT started_at FROM attack_jobs WHERE id = $c) < (SELECT finished_at FROM attack_jobs WHERE id = $b)")"

t "none was dropped or slowed"
for id in $a $b $c; do
	rate=$(job "$id" rate)
	expect_eq "job $id: every request sent" $((rate * 2)) "$(job "$id" sent)"
	expect_eq "job $id: every request at the target" $((rate * 2)) "$(target_hits "$id")"
	achieved=$(job "$id" achieved_rate)
	# Within 5%: one late request on a busy host moves a 2 s job by a percent;
	# sharing the cap would have cost a third.
	check "job $id: achieved $achieved of $rate/s" within 5 "$rate" "$achieved"
done

flooder_stop capped
done_testing
