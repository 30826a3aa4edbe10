#!/usr/bin/env bash
# Only allowlisted targets are attacked: anything else fails the job with a
# clear reason and sends nothing; jobs that can never run fail the same way;
# redirects are never followed, so no answer can aim the flooder elsewhere.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
# It sends every request to the real target, under another host name.
elsewhere=http://localhost:${BASE##*:}/legacy/random
fake_start -r "$elsewhere" -l "$TMP/fake.log"
redirect_url=http://127.0.0.1:$FAKE_PORT/start
flooder_config "$TMP/allow.hdf" "Flooder.Targets.100 = $redirect_url" "Flooder.MaxTotalRate = 150"
flooder_start only "$TMP/allow.hdf"

# bad DESCRIPTION RATE DURATION URL REASON-PATTERN: queues a job that must fail.
ids=() whats=() reasons=()
bad() {
	whats+=("$1")
	ids+=("$(queue_job "$2" "$3" "$4")")
	reasons+=("$5")
}
bad "a target on another host" 10 1 "http://192.0.2.1/legacy/random" "not in the flooder's allowlist"
bad "another page of this site" 10 1 "$BASE/legacy/" "not in the flooder's allowlist"
bad "the target with something appended" 10 1 "$TARGET?x=1" "not in the flooder's allowlist"
bad "the target in other case" 10 1 "${TARGET^^}" "not in the flooder's allowlist"
bad "a file URL" 10 1 "file:///etc/passwd" "not in the flooder's allowlist"
bad "SQL in the URL" 10 1 "$TARGET' OR '1'='1" "not in the flooder's allowlist"
bad "an empty URL" 10 1 "" "not in the flooder's allowlist"
bad "rate 0" 0 1 "$TARGET" "rate 0 is outside 1..150"
bad "a negative rate" -5 1 "$TARGET" "rate -5 is outside"
bad "a rate above Flooder.MaxTotalRate" 151 1 "$TARGET" "rate 151 is outside 1..150"
bad "duration 0" 10 0 "$TARGET" "duration 0 s is outside"
bad "a duration of a day" 1 86400 "$TARGET" "duration 86400 s is outside"

list=$(IFS=,; echo "${ids[*]}")
for _ in $(seq 30); do
	[ "$(sql "SELECT COUNT(*) FROM attack_jobs WHERE id IN ($list) AND status <> 'queued'")" = ${#ids[@]} ] && break
	sleep 0.1
done
sql "SELECT status, sent, errors, failure_reason FROM attack_jobs WHERE id IN ($list) ORDER BY id" >"$TMP/bad"
for i in "${!ids[@]}"; do
	t "${whats[$i]} fails cleanly"
	IFS=$'\t' read -r status sent errors reason < <(sed -n "$((i + 1))p" "$TMP/bad")
	expect_eq "status" failed "$status"
	check "with the reason ($reason)" grep -q "${reasons[$i]}" <<<"$reason"
	expect_eq "nothing sent" "0 0" "$sent $errors"
	expect_eq "nothing reached nginx" 0 "$(target_hits "${ids[$i]}")"
done
check "the flooder is still running" kill -0 "${FLOODER_PID[only]}"

t "the reason is in the throw's JSON too"
curl -sS -o "$TMP/throw.json" "$BASE/api/throws/$(job "${ids[0]}" throw_id)"
expect_eq "status" failed "$(jq -r .status "$TMP/throw.json")"
expect_eq "failure_reason" "$(job "${ids[0]}" failure_reason)" "$(jq -r .failure_reason "$TMP/throw.json")"

t "a job behind failed ones still runs"
id=$(queue_job 10 1 "$TARGET")
check "done" wait_job "$id" done 4
expect_eq "reached the target" 10 "$(target_hits "$id")"

t "a redirect is an answer, never followed"
id=$(queue_job 10 1 "$redirect_url")
check "done" wait_job "$id" done 4
expect_eq "codes" '{"302":10}' "$(job "$id" codes)"
expect_eq "3xx counts as ok" "10 10 0" "$(job "$id" "sent, ok, errors" | tr '\t' ' ')"
expect_eq "the fake target was asked for /start" 10 "$(grep -c '^GET /start HTTP/1.1$' "$TMP/fake.log")"
expect_eq "nothing went where it pointed ($elsewhere)" 0 "$(target_hits "$id")"

flooder_stop only
done_testing
