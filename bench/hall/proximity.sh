#!/usr/bin/env bash
# bench/hall/proximity.sh — what the hall's bubbles cost (halld/proximity.c):
# CONNECTIONS visitors (default 1000) moving 10 times a second for SECONDS
# (default 20), against masakari-halld with Hall.ProximityRadius = 0 (no
# proximity at all) and with the default 160, ROUNDS times each (default 2),
# alternating. Reports the daemon's CPU and the tick's delivery delays of
# each run, and the ratios with proximity to without. The load client is
# bench-hall-load (bench/hall/loadclient.c), as bench/hall/run.sh uses it:
# its visitors stand on one vertical line one pixel apart and sweep across
# the hall together, so each has hundreds of others within the radius — far
# denser than a real crowd, the grid's worst case.
#   bench/hall/proximity.sh [CONNECTIONS] [SECONDS] [ROUNDS]
. "$(dirname "$0")/lib.sh"
conns=${1:-1000}
secs=${2:-20}
rounds=${3:-2}

make -s bin/bench-hall-load >/dev/null
ulimit -n "$(ulimit -Hn)"

hall_bench_stack

hold_ids "$conns"

run() { # NAME RADIUS
	local port
	port=$(stack_free_port)
	# One load client is one address: no cap per address here.
	{ cat "$MASAKARI_CONFIG"; echo "Halld.Port = $port"; echo "Halld.MaxPerAddress = 0"
	  echo "Hall.ProximityRadius = $2"; } >"$var/halld.hdf"
	MASAKARI_CONFIG=$var/halld.hdf bin/masakari-halld >>"$var/log/halld-$1.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 100); do
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
		sleep 0.1
	done
	bin/bench-hall-load --port "$port" --pid "$server_pid" --connections "$conns" --rate 10 \
		--warmup 5 --seconds "$secs" >"$var/$1.json"
	stop_server
	stack_mysql masakari -e "DELETE FROM hall_presence; DELETE FROM chat_messages; DELETE FROM hall_signals"
}

j() { jq -r "$1" "$var/$2.json"; }
sum() { # FIELD PREFIX: the mean over the rounds
	local total=0 f
	for f in "$var/$2"-*.json; do total=$(awk -v a="$total" -v b="$(jq -r "$1" "$f")" 'BEGIN { print a + b }'); done
	awk -v a="$total" -v n="$rounds" 'BEGIN { printf "%.3f", a / n }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }

for r in $(seq "$rounds"); do
	run "off-$r" 0
	run "on-$r" 160
done

echo "Proximity: $conns visitors moving 10 times a second, ${secs} s after a 5 s warm-up, $rounds rounds each, alternating"
echo
echo "| Hall.ProximityRadius | run | CPU (cores) | p50 delay | p99 delay | max delay | peak RSS | closed/failed |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for r in $(seq "$rounds"); do
	for mode in off on; do
		f=$mode-$r
		printf '| %s | %s | %.3f | %.1f ms | %.1f ms | %.1f ms | %.1f MB | %s/%s |\n' \
			"$([ $mode = on ] && echo 160 || echo 0)" "$r" "$(j .cpu_cores $f)" "$(j .p50_ms $f)" \
			"$(j .p99_ms $f)" "$(j .max_ms $f)" "$(awk -v k="$(j .rss_max_kb $f)" 'BEGIN { print k / 1024 }')" \
			"$(j .closed $f)" "$(j .failed $f)"
	done
done
printf '| with / without (means) | | %s | %s | %s | %s | %s | |\n' \
	"$(ratio "$(sum .cpu_cores on)" "$(sum .cpu_cores off)")" \
	"$(ratio "$(sum .p50_ms on)" "$(sum .p50_ms off)")" \
	"$(ratio "$(sum .p99_ms on)" "$(sum .p99_ms off)")" \
	"$(ratio "$(sum .max_ms on)" "$(sum .max_ms off)")" \
	"$(ratio "$(sum .rss_max_kb on)" "$(sum .rss_max_kb off)")"
echo
echo "($(nproc) cores, $(date -u +%F), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
