#!/usr/bin/env bash
# /api/status: five numbers measured on this host, answered without waiting.
. "$(dirname "$0")/../lib.sh"

t "/api/status is JSON with the five fields, all numbers"
get /api/status
expect_status 200
expect_header Content-Type "application/json"
for k in cpuutilization disk_read_bytes disk_write_bytes network_in network_out; do
	expect_eq "$k type" number "$(jq -r ".$k | type" "$TMP/body")"
	check "$k is not negative" jq -e ".$k >= 0" "$TMP/body" >/dev/null
done
check "cpu at most 100" jq -e '.cpuutilization <= 100' "$TMP/body" >/dev/null
expect_eq "exactly five keys" 5 "$(jq 'keys | length' "$TMP/body")"
expect_header X-Status-Host "$(hostname)"

t "the request does not wait for a sampling interval"
ms=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/status" | awk '{printf "%d", $1 * 1000}')
check "answered in ${ms} ms (< 500)" test "$ms" -lt 500

t "CPU load on the host shows in cpuutilization"
# Two busy loops for 3 s on a 2-core host: the next samples must see them.
end=$((SECONDS + 3))
(while [ $SECONDS -lt $end ]; do :; done) & b1=$!
(while [ $SECONDS -lt $end ]; do :; done) & b2=$!
sleep 2.2
get /api/status
kill $b1 $b2 2>/dev/null
wait 2>/dev/null
check "cpu above 30% under load (got $(jq .cpuutilization "$TMP/body"))" jq -e '.cpuutilization > 30' "$TMP/body" >/dev/null

t "unknown API paths are JSON 404s"
get /api/nothing
expect_status 404
expect_header Content-Type "application/json"
expect_eq "error status field" 404 "$(jq .status "$TMP/body")"

done_testing
