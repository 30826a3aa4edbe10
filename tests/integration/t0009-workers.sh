#!/usr/bin/env bash
# Each FastCGI program keeps its workers alive: one that dies is replaced.
. "$(dirname "$0")/../lib.sh"

sup=$(cat "$STACK_VAR/run/site.pid")
workers() { pgrep -P "$sup" | sort | tr '\n' ' '; }

t "the site program runs its configured workers under one supervisor"
before=$(workers)
expect_eq "worker count" 2 "$(wc -w <<<"$before")"

t "a worker killed with SIGKILL is replaced and the site keeps answering"
victim=$(awk '{print $1}' <<<"$before")
kill -9 "$victim"
for _ in $(seq 50); do
	now=$(workers)
	[ "$(wc -w <<<"$now")" -eq 2 ] && ! grep -qw "$victim" <<<"$now" && break
	sleep 0.1
done
expect_eq "worker count after the kill" 2 "$(wc -w <<<"$now")"
check "the dead worker is gone" bash -c "! grep -qw $victim <<<'$now'"
for _ in 1 2 3 4 5 6; do
	get /exhibits/kisei -H "Pragma: no-cache"
	expect_status 200
done
check "the supervisor logged it" grep -q "worker $victim died of signal 9" "$STACK_VAR/log/fcgi.log"

done_testing
