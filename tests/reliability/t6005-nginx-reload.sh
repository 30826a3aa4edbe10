#!/usr/bin/env bash
# nginx is reloaded (SIGHUP, as `systemctl reload nginx` does) five times
# under load — pages from the FastCGI programs, static files, an open hall
# connection — and not one request fails: every answer is the page, and the
# WebSocket opened before the reloads still works after them.
# timeout: 120
. "$(dirname "$0")/../lib.sh"
nginx_pid=$(cat "$STACK_VAR/run/nginx.pid")
nginx_workers() { pgrep -P "$nginx_pid" | sort | tr '\n' ' '; }
workers_before=$(nginx_workers)

# wrk: 2 threads, 16 connections, a new TCP connection per request as browsers
# make them often (an idle keep-alive connection that nginx closes on reload
# is retried by browsers; wrk would count it as an error).
load() { # PATH SECONDS
	wrk -t 2 -c 16 -d "$2s" -H 'Connection: close' --timeout 5s "$BASE$1" >"$TMP/wrk$(echo "$1" | tr / _).txt" 2>&1
}

t "under load, five reloads fail no request"
"$ROOT/tests/reliability/node-run.sh" hall-witness.mjs 2 "t6005-$$" "$TMP/stop" "$TMP/hall.json" &
witness=$!
# Its visitors are in the hall as themselves before anything breaks.
witness_ready "$witness" "$TMP/hall.json"
load / 12 &
l1=$!
load /exhibits/kisei 12 &
l2=$!
sleep 2
for i in 1 2 3 4 5; do
	kill -HUP "$nginx_pid"
	sleep 1.5
done
wait "$l1" "$l2"
touch "$TMP/stop"
wait "$witness"
for f in "$TMP"/wrk*.txt; do
	requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$f")
	check "$(basename "$f"): requests were made ($requests)" [ "${requests:-0}" -gt 100 ]
	check "$(basename "$f"): no socket errors ($(grep 'Socket errors' "$f"))" sh -c "! grep -q 'Socket errors' '$f'"
	check "$(basename "$f"): no non-2xx/3xx answers ($(grep 'Non-2xx' "$f"))" sh -c "! grep -q 'Non-2xx' '$f'"
done
check "nginx's master is the one that was running" kill -0 "$nginx_pid"
check "the reloads happened: nginx's workers are new ones" [ "$(nginx_workers)" != "$workers_before" ]

t "the hall connection opened before the reloads kept working through them"
expect_eq "closed hall connections" "[]" "$(jq -c .closed "$TMP/hall.json")"
check "chat was broadcast ($(jq '.broadcast | length' "$TMP/hall.json") messages)" \
	[ "$(jq '.broadcast | length' "$TMP/hall.json")" -gt 5 ]

done_testing
