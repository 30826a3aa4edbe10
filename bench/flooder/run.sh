#!/usr/bin/env bash
# bench/flooder — what masakari-flooder keeps, measured at the target:
#   1. requested against achieved rate at 1, 10, 50 and 100 requests/s for 10 s
#      each at /legacy/random, counted in nginx's access log;
#   2. the highest rate it sustains against a static file, doubling until it
#      no longer keeps up, then halving the last bracket twice, and wrk
#      against the same file in the same run;
#   3. what one full-power throw (100 requests/s for 10 s at /legacy/random)
#      costs the host in CPU: the HP a critic sees fall, next to an idle
#      stretch of the same length just before.
# Prints markdown tables for docs/BENCHMARKS.md.
#
# It checks that it measured what it says, and exits 1 otherwise (with no
# flooder/wrk ratio): each job of part 1 sent what was asked and the target
# counted it within 1 %, every answer a 200; the highest sustained rate of
# part 2 is one whose every request reached the static file and was answered
# 200 (as "sustained" already means); wrk had no socket error and no non-2xx
# answer, and nginx's log shows its requests at the same file.
#   bench/flooder/run.sh [seconds per step of part 2, default 5]
. "$(dirname "$0")/../lib.sh"
step=${1:-5}

bench_stack
stack_start >/dev/null
base=http://127.0.0.1:$port
legacy=$base/legacy/random
static=$base/static/css/site.css
hz=$(getconf CLK_TCK)

# The bench runs its own flooder: the stack's cron loop stops first.
kill "$(awk '$1 == "flooder-cron" { print $2 }' "$var/pids")"
sleep 1.5
cp "$MASAKARI_CONFIG" "$var/bench.hdf"
cat >>"$var/bench.hdf" <<EOF
Flooder.MaxTotalRate = 100000
Flooder.VenueMaxRate = 100000
Flooder.MaxInFlight = 1000
Flooder.Targets.100 = $static
EOF
MASAKARI_CONFIG=$var/bench.hdf bin/masakari-flooder -s 3600 >>"$var/log/bench-flooder.log" 2>&1 &
flooder=$!
stack_remember bench-flooder "$flooder"

sql() {
	mariadb --no-defaults -S "$var/run/mysqld.sock" -u masakari -p"$(cat "$var/db-password")" \
		-N -B masakari -e "$1"
}
queue_job() { # rate seconds url
	sql "INSERT INTO throws (github_id, remote_addr, critique, normalized, score, power)
		VALUES ('bench', '127.0.0.1', 'bench', 'bench', 1, LEAST($1, 100));
	     INSERT INTO attack_jobs (throw_id, target_url, rate, duration_s)
		VALUES (LAST_INSERT_ID(), '$3', $1, $2);
	     SELECT LAST_INSERT_ID();"
}
wait_done() { # id seconds
	local status
	for _ in $(seq $(($2 * 10))); do
		status=$(sql "SELECT status FROM attack_jobs WHERE id = $1")
		[ "$status" = done ] && return 0
		[ "$status" = failed ] && break
		sleep 0.1
	done
	echo "job $1 did not finish (status ${status:-none}; the flooder's log: $var/log/bench-flooder.log)" >&2
	grep -F "job $1 " "$var/log/bench-flooder.log" | tail -3 >&2
	return 1
}
hits() { grep -c "\"masakari-flooder (job $1)\"\$" "$var/log/nginx-access.log" || true; }
ticks_of() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done; echo $t; }
cpu_sample() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
bad=()
failed() { echo "bench/flooder: FAILED: $*" >&2; bad+=("$1"); }

echo "## requested against achieved (10 s at /legacy/random, counted in nginx's access log)"
echo
echo "| requested/s | sent | at the target | target / requested | flooder's achieved | status codes | errors | p50 ms | p99 ms |"
echo "| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |"
for rate in 1 10 50 100; do
	id=$(queue_job $rate 10 "$legacy")
	wait_done "$id" 30
	n=$(hits "$id")
	read -r sent achieved codes errors p50 p99 < <(sql "SELECT sent, achieved_rate, codes, errors, IFNULL(p50_ms, -1), IFNULL(p99_ms, -1) FROM attack_jobs WHERE id = $id")
	echo "| $rate | $sent | $n | $(calc %.4f "$n / ($rate * 10)") | $(calc %.3f "$achieved") | \`$codes\` | $errors | $(calc %.1f "$p50") | $(calc %.1f "$p99") |"
	[ "$sent" = $((rate * 10)) ] || failed "$rate/s" "sent $sent, asked $((rate * 10))"
	[ "$(calc %d "($n >= $rate * 10 * 0.99 && $n <= $rate * 10 * 1.01)")" = 1 ] ||
		failed "$rate/s" "the target counted $n, asked $((rate * 10))"
	[ "$codes" = "{\"200\": $((rate * 10))}" ] || [ "$codes" = "{\"200\":$((rate * 10))}" ] ||
		failed "$rate/s" "answers $codes, $errors errors: not every request answered 200"
done
echo
echo "## highest sustained rate against a static file ($step s a step), and wrk"
echo
echo "Sustained: the schedule kept — the target's count and the achieved rate within 1 % of"
echo "the requested, every request answered 2xx, and the median latency (from the due time)"
echo "under 10 ms, so no queue builds up. p99 is shown; on a shared host it moves with the"
echo "other tenants."
echo
echo "| requested/s | at the target | achieved | errors | p50 ms | p99 ms | flooder CPU per 1000 requests | sustained |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
best=0
best_cpu=
best_p99=
# step_at RATE: one step; prints its row and sets ok, cpu and p99.
step_at() {
	local rate=$1 before after id n achieved errors p50
	before=$(ticks_of "$flooder")
	id=$(queue_job "$rate" "$step" "$static")
	wait_done "$id" $((step + 30))
	after=$(ticks_of "$flooder")
	n=$(hits "$id")
	read -r achieved errors p50 p99 < <(sql "SELECT achieved_rate, errors, p50_ms, p99_ms FROM attack_jobs WHERE id = $id")
	cpu=$(calc %.1f "($after - $before) * 1000 / $hz / ($rate * $step) * 1000")
	ok=$(awk -v n="$n" -v want=$((rate * step)) -v a="$achieved" -v r="$rate" -v e="$errors" -v p="$p50" \
		'BEGIN { print (n >= want * 0.99 && a >= r * 0.99 && e == 0 && p < 10) ? "yes" : "no" }')
	p99=$(calc %.2f "$p99")
	echo "| $rate | $n | $(calc %.1f "$achieved") | $errors | $(calc %.2f "$p50") | $p99 | $cpu ms | $ok |"
}
miss=
# Past what wrk reaches on this machine (Flooder.MaxTotalRate stops at
# 100,000): the ladder must end in a miss, or the ceiling is only known to be
# above its top, and no ratio is printed.
for rate in 500 1000 2000 4000 8000 16000 32000 64000; do
	step_at $rate
	# The host is shared: a step that missed gets a second try.
	[ "$ok" = yes ] || step_at $rate
	[ "$ok" = yes ] || { miss=$rate; break; }
	best=$rate
	best_cpu=$cpu
	best_p99=$p99
done
# Doubling brackets the ceiling within a factor of two; two halvings of that
# bracket put it within an eighth (at most four more steps).
for _ in 1 2; do
	[ -n "$miss" ] && [ "$best" -gt 0 ] || break
	rate=$(((best + miss) / 2 / 100 * 100))
	[ "$rate" -gt "$best" ] || break
	step_at $rate
	[ "$ok" = yes ] || step_at $rate
	if [ "$ok" = yes ]; then
		best=$rate
		best_cpu=$cpu
		best_p99=$p99
	else
		miss=$rate
	fi
done
log_from=$(($(wc -l <"$var/log/nginx-access.log") + 1))
wrk_out=$( (wrk -t2 -c64 -d"${step}s" --latency "$static"; echo "children's CPU:"; times) 2>&1)
wrk_rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$wrk_out")
wrk_p99=$(awk '$1 == "99%" { print $2 }' <<<"$wrk_out")
# `times` prints the subshell's own CPU, then its children's: wrk's.
wrk_cpu=$(awk '/^children.s CPU:/ { n = 1; next } n && ++n == 3 { gsub(/[ms]/, " "); print ($1 * 60 + $2) + ($3 * 60 + $4) }' <<<"$wrk_out")
wrk_reqs=$(awk '/requests in/ { print $1 }' <<<"$wrk_out")
if grep -qE 'Socket errors|Non-2xx' <<<"$wrk_out"; then
	failed wrk "$(grep -E 'Socket errors|Non-2xx' <<<"$wrk_out" | tr -s ' ' | tr '\n' ' ')"
fi
[ -n "$wrk_rps" ] && [ "${wrk_reqs:-0}" -gt 0 ] || failed wrk "printed no rate"
# nginx logs a request as it ends: wait for the last of wrk's.
sleep 1
wrk_logged=$(tail -n +"$log_from" "$var/log/nginx-access.log" | grep -c "\"GET ${static#"$base"} HTTP/1.1\" 200 .*\"-\" \"-\"\$" || true)
[ "$wrk_logged" -ge "${wrk_reqs:-1}" ] || failed wrk "nginx logged $wrk_logged answers 200 at ${static#"$base"}, wrk counted $wrk_reqs"
[ "$best" -gt 0 ] || failed ceiling "the flooder sustained not even 500/s against the static file"
echo
echo "| tool | requests/s | p99 | CPU per 1000 requests |"
echo "| --- | ---: | ---: | ---: |"
echo "| masakari-flooder (open loop, highest sustained) | $best | $best_p99 ms | $best_cpu ms |"
echo "| wrk -t2 -c64 (closed loop, as fast as it can) | $wrk_rps | $wrk_p99 | $(calc %.1f "$wrk_cpu * 1000 * 1000 / $wrk_reqs") ms |"
echo
# The two against the same file in the same run, both clean: only then a ratio.
[ -n "$miss" ] || [ "$best" -eq 0 ] || failed ceiling "the flooder sustained the ladder's top ($best/s): its ceiling is above it"
if [ ${#bad[@]} -eq 0 ]; then
	echo "flooder / wrk: $(calc %.2f "$best / $wrk_rps")"
else
	echo "flooder / wrk: – (a run failed its checks: ${bad[*]})"
fi

echo
echo "## one full-power throw (100 requests/s for 10 s at /legacy/random)"
echo
# A program's pid and its children's (legacy.fcgi's workers, nginx's workers).
family() { echo "$1 $(pgrep -P "$1" | tr '\n' ' ')"; }
legacy_pids=$(family "$(cat "$var/run/legacy.pid")")
nginx_pids=$(family "$(cat "$var/run/nginx.pid")")
mariadb_pids=$(cat "$var/run/mysqld.pid")
api_cpu() { # seconds: mean cpuutilization from /api/status, one sample a second
	local sum=0 v
	for _ in $(seq "$1"); do
		v=$(curl -fsS "$base/api/status" | sed 's/.*"cpuutilization": *\([0-9.]*\).*/\1/')
		sum=$(calc %.3f "$sum + $v")
		sleep 1
	done
	calc %.1f "$sum / $1"
}
# shellcheck disable=SC2086
snapshot() { echo "$(ticks_of $legacy_pids) $(ticks_of $nginx_pids) $(ticks_of "$flooder") $(ticks_of $mariadb_pids) $(cpu_sample)"; }
read -r _ _ _ _ b0 t0 < <(snapshot)
idle_api=$(api_cpu 10)
read -r l0 n0 f0 m0 b1 t1 < <(snapshot)
id=$(queue_job 100 10 "$legacy")
throw_api=$(api_cpu 10)
wait_done "$id" 30
read -r l1 n1 f1 m1 b2 t2 < <(snapshot)
idle=$(calc %.1f "($b1 - $b0) * 100 / ($t1 - $t0)")
busy=$(calc %.1f "($b2 - $b1) * 100 / ($t2 - $t1)")
cores=$(nproc)
echo "What each part of the stack spent on the throw's 1000 requests (kernel accounting,"
echo "utime + stime in /proc/<pid>/stat, from queueing the job to its report), and what that"
echo "is at 100 requests/s on an otherwise idle host of $cores cores:"
echo
echo "| process | CPU for 1000 requests | per request | cores at 100/s | HP drop on an idle host |"
echo "| --- | ---: | ---: | ---: | ---: |"
row() { # name ticks
	echo "| $1 | $(calc %.2f "$2 / $hz") s | $(calc %.2f "$2 * 1000 / $hz / 1000") ms | $(calc %.2f "$2 / $hz / 10") | $(calc %.0f "$2 / $hz / 10 / $cores * 100") |"
}
row legacy.fcgi $((l1 - l0))
row nginx $((n1 - n0))
row masakari-flooder $((f1 - f0))
row "mariadbd (progress, report)" $((m1 - m0))
row "all of it" $((l1 - l0 + n1 - n0 + f1 - f0 + m1 - m0))
echo
echo "What a critic saw in this run, next to 10 s just before (the host was shared):"
echo
echo "| | host CPU (/proc/stat) | HP (100 − /api/status cpuutilization) |"
echo "| --- | ---: | ---: |"
echo "| 10 s before the throw | $idle % | $(calc %.0f "100 - $idle_api") |"
echo "| from the throw to its report | $busy % | $(calc %.0f "100 - $throw_api") |"
echo
echo "($cores cores, $(date -u +%F))"
kill -TERM "$flooder"
wait "$flooder" || true
if [ ${#bad[@]} -gt 0 ]; then
	echo "bench/flooder: FAILED: ${bad[*]} did not measure what they say (above)" >&2
	exit 1
fi
