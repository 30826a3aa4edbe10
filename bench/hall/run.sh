#!/usr/bin/env bash
# bench/hall — masakari-halld under load, side by side in the same run with a
# reference server written with Node and the npm ws package speaking the same
# protocol (bench/hall/reference/server.mjs):
#   1. CONNECTIONS clients (default 1000; a comma-separated list runs each)
#      each moving 10 times a second for SECONDS (default 20): when each
#      published tick reaches each client (p50/p99/max, and how soon the first
#      client had it), the server's CPU (kernel accounting; and of it the
#      time in the kernel, stime: system calls, and loopback's TCP for both
#      ends, which the two servers share) and peak RSS;
#   2. IDLE connections (default 10000) that only sit there: the server's RSS
#      before and after, and so its memory per connection. They join as
#      spectators (no ?user=), so what is measured is the connection, not a
#      hall of ten thousand avatars sent to every newcomer.
# The load client is bench-hall-load (bench/hall/loadclient.c, libwebsockets).
# The daemon runs against a private MariaDB as in production; the reference
# keeps everything in memory. The load client connects from one address, so
# the daemon's cap per address (Halld.MaxPerAddress) is lifted for the bench.
#
# Each run is checked before any figure of it is believed: every connection
# opened and none closed or failed, no ERROR_MESSAGE, every client joined as
# the visitor it claims (connection 0 saw each of them move; a client taken
# for a spectator would not), the moves asked for were sent, and every
# published tick reached every connection. A run that fails a check makes
# the bench exit non-zero, and no ratio is printed for its comparison.
#   bench/hall/run.sh [CONNECTIONS] [SECONDS] [IDLE]
. "$(dirname "$0")/lib.sh"
conns=${1:-1000}
secs=${2:-20}
idle=${3:-10000}

make -s bin/bench-hall-load >/dev/null
if [ ! -f bench/hall/reference/node_modules/ws/package.json ]; then
	(cd bench/hall/reference && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# Every connection is a descriptor on both ends: raise the limit to the
# hard maximum (load client and servers inherit it).
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((idle + 200)) ]; then
	echo "bench/hall: ulimit -n is $(ulimit -n), $((idle + 200)) needed for $idle connections" >&2
	exit 1
fi

hall_bench_stack

# Waits until the server started as $server_pid listens on port $1; when it
# does not (it exited, or still does not listen after 10 s), says why: its
# exit status and the end of its log.
wait_port() {
	local log=$var/log/$2.log status
	for _ in $(seq 100); do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		if ! kill -0 "$server_pid" 2>/dev/null; then
			wait "$server_pid" && status=0 || status=$?
			server_pid=
			echo "bench/hall: the $2 server exited with status $status before listening on $1; its log ends:" >&2
			tail -n 8 "$log" >&2
			return 1
		fi
		sleep 0.1
	done
	echo "bench/hall: the $2 server (pid $server_pid) runs but nothing listens on $1 after 10 s; its log ends:" >&2
	tail -n 8 "$log" >&2
	echo "bench/hall: sockets on port $1:" >&2
	ss -tanp "( sport = :$1 )" >&2
	return 1
}

# Starts a fresh server; sets server_port and server_pid (not in a subshell:
# the server would hold a command substitution open).
start_server() { # halld|node
	server_port=$(stack_free_port)
	if [ "$1" = halld ]; then
		# A later HDF assignment wins. Every connection comes from this one
		# address, and the idle ones are spectators: the caps per address
		# are off, as what is measured is the connection, not the limits.
		# The reference has no bubbles, so neither has the daemon here: the
		# same work on both sides (what bubbles cost is measured apart, by
		# bench/hall/proximity.sh).
		{ cat "$MASAKARI_CONFIG"; echo "Halld.Port = $server_port"
		  echo "Halld.MaxPerAddress = 0"; echo "Halld.SpectatorsPerAddress = 0"
		  echo "Hall.ProximityRadius = 0"; } >"$var/halld.hdf"
		MASAKARI_CONFIG=$var/halld.hdf bin/masakari-halld >>"$var/log/halld.log" 2>&1 &
	else
		node bench/hall/reference/server.mjs "$server_port" >>"$var/log/node.log" 2>&1 &
	fi
	server_pid=$!
	wait_port "$server_port" "$1"
}

# load NAME ARGS… : one run of the load client against a fresh server.
load() {
	local name=$1
	shift
	start_server "$name"
	bin/bench-hall-load --port "$server_port" --pid "$server_pid" "$@" >"$var/$name.json"
	stop_server
	sql_clear
}
# Each run starts from an empty hall and chat history.
sql_clear() { stack_mysql masakari -e "DELETE FROM hall_presence; DELETE FROM chat_messages"; }

j() { jq -r "$1" "$var/$2.json"; }
ms() { printf '%.1f' "$(j "$1" "$2")"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }

# verify FILE CONNECTIONS RATE — whether the run in FILE measured what it
# says; prints each check that failed and returns 1 if any did.
bad=()
verify() {
	local f=$1 n=$2 rate=$3 ok=0 why=() v
	[ "$(j .open_at_end "$f")" = "$n" ] || why+=("$(j .open_at_end "$f") of $n connections open at the end")
	[ "$(j .failed "$f")" = 0 ] || why+=("$(j .failed "$f") connections failed")
	[ "$(j .closed "$f")" = 0 ] || why+=("$(j .closed "$f") connections closed by the server")
	[ "$(j .errors "$f")" = 0 ] || why+=("$(j .errors "$f") ERROR_MESSAGEs")
	if [ "$rate" -gt 0 ]; then
		[ "$(j .movers_seen "$f")" = "$n" ] ||
			why+=("$(j .movers_seen "$f") of $n visitors seen moving (the others were not taken for who they are)")
		v=$(awk -v m="$(j .moves "$f")" -v want=$((n * rate * secs)) 'BEGIN { print (m >= want * 0.95) }')
		[ "$v" = 1 ] || why+=("$(j .moves "$f") moves sent, $((n * rate * secs)) asked for")
		v=$(awk -v t="$(j .ticks "$f")" 'BEGIN { print (t >= '"$secs"' - 1) }')
		[ "$v" = 1 ] || why+=("$(j .ticks "$f") ticks in ${secs} s")
		v=$(awk -v d="$(j .deliveries "$f")" -v t="$(j .ticks "$f")" -v n="$n" 'BEGIN { print (d >= t * n * 0.98) }')
		[ "$v" = 1 ] || why+=("$(j .deliveries "$f") deliveries of $(j .ticks "$f") ticks to $n connections")
	fi
	[ ${#why[@]} -eq 0 ] && return 0
	for v in "${why[@]}"; do echo "bench/hall: FAILED: $f: $v" >&2; done
	bad+=("$f")
	return 1
}

load halld --connections "$idle" --rate 0 --warmup 5 --seconds 3 --ramp 40 --spectators
cp "$var/halld.json" "$var/idle-halld.json"
load node --connections "$idle" --rate 0 --warmup 5 --seconds 3 --ramp 40 --spectators
cp "$var/node.json" "$var/idle-node.json"
idle_ok=1
verify idle-halld "$idle" 0 || idle_ok=0
verify idle-node "$idle" 0 || idle_ok=0

most=0
for n in ${conns//,/ }; do [ "$n" -gt "$most" ] && most=$n; done
[ "$most" -gt 0 ] && hold_ids "$most"
label() { [ "$1" = halld ] && echo "masakari-halld" || echo "Node + ws (reference)"; }
for n in ${conns//,/ }; do
	load halld --connections "$n" --rate 10 --warmup 5 --seconds "$secs"
	cp "$var/halld.json" "$var/load-halld.json"
	load node --connections "$n" --rate 10 --warmup 5 --seconds "$secs"
	cp "$var/node.json" "$var/load-node.json"
	cp "$var/load-halld.json" "$var/load-$n-halld.json"
	cp "$var/load-node.json" "$var/load-$n-node.json"
	like=1
	verify load-$n-halld "$n" 10 || like=0
	verify load-$n-node "$n" 10 || like=0
	echo "Load: $n connections moving 10 times a second, measured for ${secs} s after a 5 s warm-up"
	echo
	echo "| server | ticks | deliveries | first delivery (p50) | p50 delay | p99 delay | max delay | CPU (cores) | of it kernel | peak RSS | closed/failed |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for s in halld node; do
		f=load-$s
		printf '| %s | %s | %s | %s ms | %s ms | %s ms | %s ms | %.3f | %.3f | %.1f MB | %s/%s |\n' "$(label $s)" \
			"$(j .ticks $f)" "$(j .deliveries $f)" "$(ms .first_p50_ms $f)" "$(ms .p50_ms $f)" \
			"$(ms .p99_ms $f)" "$(ms .max_ms $f)" "$(j .cpu_cores $f)" "$(j .cpu_system_cores $f)" \
			"$(awk -v k="$(j .rss_max_kb $f)" 'BEGIN { print k / 1024 }')" "$(j .closed $f)" "$(j .failed $f)"
	done
	# A ratio only between two runs that both measured what they say.
	[ $like -eq 1 ] && printf '| halld / Node | | | %s | %s | %s | | %s | %s | %s | |\n' \
		"$(ratio "$(j .first_p50_ms load-halld)" "$(j .first_p50_ms load-node)")" \
		"$(ratio "$(j .p50_ms load-halld)" "$(j .p50_ms load-node)")" \
		"$(ratio "$(j .p99_ms load-halld)" "$(j .p99_ms load-node)")" \
		"$(ratio "$(j .cpu_cores load-halld)" "$(j .cpu_cores load-node)")" \
		"$(ratio "$(j .cpu_system_cores load-halld)" "$(j .cpu_system_cores load-node)")" \
		"$(ratio "$(j .rss_max_kb load-halld)" "$(j .rss_max_kb load-node)")"
	echo
done
echo "Idle: $idle connections (spectators)"
echo
echo "| server | open | RSS before | RSS with all open | per connection |"
echo "| --- | ---: | ---: | ---: | ---: |"
for s in halld node; do
	f=idle-$s
	printf '| %s | %s | %.1f MB | %.1f MB | %s |\n' "$(label $s)" "$(j .open_at_end $f)" \
		"$(awk -v k="$(j .rss_start_kb $f)" 'BEGIN { print k / 1024 }')" \
		"$(awk -v k="$(j .rss_end_kb $f)" 'BEGIN { print k / 1024 }')" \
		"$(awk -v a="$(j .rss_start_kb $f)" -v b="$(j .rss_end_kb $f)" -v n="$(j .open_at_end $f)" \
			-v ok=$idle_ok 'BEGIN { if (n > 0 && ok) printf "%.1f KB", (b - a) / n; else print "–" }')"
done
echo
echo "($(nproc) cores, $(date -u +%F), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
if [ ${#bad[@]} -gt 0 ]; then
	echo
	echo "bench/hall: FAILED: ${bad[*]} did not measure what they say (above; the runs' figures are in their rows, no ratio was printed for them)"
	exit 1
fi
