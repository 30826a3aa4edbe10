#!/usr/bin/env bash
# masakarictl jobs lists the queue: queued jobs in line, running ones with
# their progress and lease, finished ones with their report or reason.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"
ctl=$ROOT/bin/masakarictl

# No flooder runs in this test: the rows stay as written.
flooder_take_slot
first=$(queue_job 10 10 "$TARGET")
second=$(queue_job 20 10 "$TARGET")
running=$(queue_job 30 10 "$TARGET")
sql "UPDATE attack_jobs SET status = 'running', lease_owner = 'web1:4242', attempts = 1,
	lease_expires = NOW(3) + INTERVAL 30 SECOND, sent = 120, ok = 118, errors = 2, current_rate = 30
	WHERE id = $running"
stale=$(queue_job 5 10 "$TARGET")
sql "UPDATE attack_jobs SET status = 'running', lease_owner = 'web2:7', attempts = 2,
	lease_expires = NOW(3) - INTERVAL 4 SECOND, sent = 20 WHERE id = $stale"
done_id=$(queue_job 10 2 "$TARGET")
sql "UPDATE attack_jobs SET status = 'done', attempts = 1, sent = 20, ok = 19, errors = 1, errors_timeout = 1,
	codes = '{\"200\":19}', p50_ms = 12.5, p99_ms = 80, max_ms = 91.25, achieved_rate = 10.01,
	started_at = NOW(3), finished_at = NOW(3) WHERE id = $done_id"
failed=$(queue_job 10 2 "http://192.0.2.1/")
sql "UPDATE attack_jobs SET status = 'failed', attempts = 1,
	failure_reason = 'the target is not in the flooder''s allowlist (Flooder.Targets)' WHERE id = $failed"

"$ctl" jobs >"$TMP/out" 2>&1
status=$?
line() { grep -E "^ *$1 " "$TMP/out"; }

t "it lists the queue"
expect_eq "exit code" 0 "$status"
check "a header" grep -q "^ *job  *throw  *status" "$TMP/out"
check "queued jobs in line" grep -q "queued .* 0/100 .*waiting, number 1 in line" <<<"$(line "$first")"
check "the next one" grep -q "queued .* 0/200 .*waiting, number 2 in line" <<<"$(line "$second")"
check "open jobs in queue order, first" test "$(grep -nE "^ *$first " "$TMP/out" | cut -d: -f1)" -lt "$(grep -nE "^ *$second " "$TMP/out" | cut -d: -f1)"

t "running jobs with progress and lease"
check "progress and owner ($(line "$running"))" grep -q "running .* 120/300 *118 *2 *1 .*web1:4242, 30.0/s now, lease [23][0-9].[0-9] s left" <<<"$(line "$running")"
check "an expired lease says what happens next" grep -q "web2:7.*lease expired [4-9].[0-9] s ago: another run will take it" <<<"$(line "$stale")"

t "finished jobs with their report or reason"
check "the report ($(line "$done_id"))" grep -qF 'p50 12.5 ms, p99 80.0 ms, max 91.2 ms, 10.01/s, codes {"200":19}, errors: 0 connect, 1 timeout, 0 http, 0 other' <<<"$(line "$done_id")"
check "the reason ($(line "$failed"))" grep -q "failed.*not in the flooder's allowlist (Flooder.Targets)" <<<"$(line "$failed")"

t "N limits the finished jobs shown"
"$ctl" jobs 1 >"$TMP/out1"
check "the latest finished one" grep -qE "^ *$failed " "$TMP/out1"
check "not the one before" bash -c "! grep -qE '^ *$done_id ' '$TMP/out1'"
check "open jobs still all there" grep -qE "^ *$first " "$TMP/out1"

t "a bad N is a usage error"
for bad in x -1 "" 1x 1.5; do
	"$ctl" jobs "$bad" >/dev/null 2>&1
	expect_eq "exit code for '$bad'" 2 "$?"
done
"$ctl" jobs 1 2 >/dev/null 2>&1
expect_eq "exit code for two arguments" 2 "$?"
"$ctl" jobs abc >/dev/null 2>"$TMP/err"
expect_eq "exit code for abc" 2 "$?"
check "usage" grep -q "usage: masakarictl jobs" "$TMP/err"

# These rows were for reading only; nobody is to run them.
sql "DELETE FROM throws WHERE github_id = '$TEST_NAME'"
done_testing
