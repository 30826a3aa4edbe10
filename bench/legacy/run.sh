#!/usr/bin/env bash
# bench/legacy — what one /legacy/random request costs in CPU, measured from the
# kernel's own accounting: the legacy.fcgi workers' utime+stime in /proc/<pid>/stat
# before and after N sequential requests, divided by N. The calibration inside the
# program aims at Legacy.CostMs (default 10 ms), so that one full-power masakari
# (100 requests/s) costs about one core.
# Every request must be answered 200 (curl -f; the bench stops at the first
# that is not), the page must be the legacy page with its measured rounds, and
# the workers must have spent CPU on the requests, or it exits 1 printing no
# figure.
#   bench/legacy/run.sh [requests]
. "$(dirname "$0")/../lib.sh"
n=${1:-300}

bench_stack
stack_start
url=http://127.0.0.1:$port/legacy/random
hz=$(getconf CLK_TCK)

ticks() {
	local t=0
	for pid in $(pgrep -P "$(cat "$var/run/legacy.pid")"); do
		t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
	done
	echo $t
}

curl -fsS -o /dev/null "$url"
before=$(ticks)
start=$(date +%s.%N)
for _ in $(seq "$n"); do curl -fsS -o /dev/null "$url"; done
end=$(date +%s.%N)
after=$(ticks)
rounds=$(curl -fsS "$url" | sed -n 's/.*（\([0-9]*\) 回、CPU \([0-9.]*\) ms）.*/\1 rounds, \2 ms measured inside the request/p')
if [ -z "$rounds" ]; then
	echo "bench/legacy: FAILED: $url is not the legacy page with its measured rounds" >&2
	exit 1
fi
if [ "$after" -le "$before" ]; then
	echo "bench/legacy: FAILED: the legacy.fcgi workers spent no CPU on $n requests (were they answered elsewhere?)" >&2
	exit 1
fi
ms=$(echo "scale=2; ($after - $before) * 1000 / $hz / $n" | bc)
echo "| requests | CPU per request (kernel accounting) | wall per request | in-request figure |"
echo "| ---: | ---: | ---: | --- |"
printf '| %d | %s ms | %s ms | %s |\n' "$n" "$ms" "$(echo "scale=2; ($end - $start) * 1000 / $n" | bc)" "$rounds"
echo
echo "100 requests/s would cost $(echo "scale=2; $ms * 100 / 1000" | bc) cores ($(nproc) cores here, $(date -u +%F))"
