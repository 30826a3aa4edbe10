#!/usr/bin/env bash
# bench/soak — the whole system under a steady load for SECONDS (default 600):
#   HALL visitors (default 500) moving twice a second and chatting every ten,
#   PAGES page requests a second (default 200) over the site, the game and the
#   API, and throws at full power one after another (each queues a 100 req/s
#   attack, which the flooder runs against /legacy/random within its cap).
# Every 5 s it samples the resident anonymous memory of the hall daemon, each FastCGI
# program (supervisor and workers together), the flooder and MariaDB, and at
# the end reports, per process, the slope over the run after the first fifth
# (warm-up) and the growth from the first to the last third. It fails when:
#   - a process grew more than its bound (below), or
#   - a page other than the attacked target answered 5xx, or did not answer, or
#   - a hall connection closed, or
#   - a throw that got its 303, or a chat message that was broadcast, is not
#     in the database at the end.
# The target's slowness under the attack is its purpose: /legacy/random is
# neither requested by the soak nor counted.
#   bench/soak/run.sh [SECONDS] [HALL] [PAGES]
# Against the stack at BASE (with STACK_VAR) when they are set, otherwise
# against a private stack of its own, whose hall takes HALL visitors from one
# address (t6007 runs it so).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
secs=${1:-600}
hall=${2:-500}
rate=${3:-200}
# Growth allowed from the first to the last third: max(MB, percent).
bound_mb() { case "$1" in mariadb) echo 48 ;; *) echo 6 ;; esac; }
bound_pct=10

if [ -z "${BASE:-}" ]; then
	scripts/deps.sh test >/dev/null
	make -s programs >/dev/null
	. scripts/stack.sh
	mkdir -p var
	STACK_VAR=$(mktemp -d "$ROOT/var/soak.XXXXXX")
	stack_init "$STACK_VAR" "$(stack_free_port)"
	# Every visitor comes from this one address: the hall's cap per address
	# (Halld.MaxPerAddress, 400) is raised above the load, as for a venue
	# whose hundreds share one NAT.
	sed -i "s/^\( *MaxPerAddress = \).*/\1$((hall + 100))/" "$STACK_VAR/masakari.hdf"
	# The stack's logs are kept when the soak fails.
	trap 'stack_stop; [ "${soak_passed:-}" = 1 ] && rm -rf "$STACK_VAR"' EXIT
	stack_start
	BASE=http://127.0.0.1:$(sed -n '/^Site {/,/^}/s/^ *Port = *//p' "$STACK_VAR/masakari.hdf" | head -1)
fi
dir=$(cd "$ROOT/tests/daemon" && pwd)
[ -f "$dir/node_modules/ws/package.json" ] || (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
work=$(mktemp -d "${TMPDIR:-/tmp}/soak.XXXXXX")
prefix="soak-$(printf '%x' $((RANDOM * 32768 + RANDOM)))"
db() {
	mariadb --no-defaults -S "$STACK_VAR/run/mysqld.sock" -u masakari -p"$(cat "$STACK_VAR/db-password")" \
		--default-character-set=utf8mb4 -N -B masakari -e "$1"
}

# Resident anonymous memory (RssAnon: heap, stacks, what a leak grows) in KB
# of each part, its processes and their children. Pages of mapped files
# (libraries, MeCab's dictionary) come in as they are first read, and are no
# leak: they are left out.
tree_rss() { # pid…
	local p kids total=0
	for p in "$@"; do
		[ -r "/proc/$p/status" ] || continue
		total=$((total + $(awk '/^RssAnon:/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0)))
		kids=$(pgrep -P "$p" | tr '\n' ' ')
		[ -n "$kids" ] && total=$((total + $(tree_rss $kids)))
	done
	echo "$total"
}
sample() {
	local t=$1 halld mariadb flooder f line
	halld=$(awk '$1 == "halld" { p = $2 } END { print p }' "$STACK_VAR/pids")
	mariadb=$(cat "$STACK_VAR/run/mysqld.pid")
	flooder=$(pgrep -f "^$(readlink -f "${STACK_BIN:-$ROOT/bin}")/masakari-flooder" | tr '\n' ' ' || true)
	line="$t halld=$(tree_rss "$halld") mariadb=$(tree_rss "$mariadb") flooder=$(tree_rss $flooder)"
	for f in site api legacy masakari; do
		[ -f "$STACK_VAR/run/$f.pid" ] && line="$line $f=$(tree_rss "$(cat "$STACK_VAR/run/$f.pid")")"
	done
	echo "$line"
}

# Throws at full power, one after another from addresses of their own.
throws() {
	local i=0 jar=$work/jar csrf status
	curl -sS -c "$jar" -b "$jar" -o "$work/form" "$BASE/masakari"
	csrf=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$work/form" | grep -o '[0-9a-f]\{32\}')
	while [ ! -e "$work/stop" ]; do
		i=$((i + 1))
		# A throw is made by the browser's identity: it enters as the critic first.
		curl -sS -o /dev/null --max-time 20 -b "$jar" -c "$jar" \
			--interface "127.250.$((i / 250 % 250)).$((i % 250 + 1))" \
			--data-urlencode "github_id=$prefix-t$i" --data "csrf_token=$csrf" "$BASE/" 2>/dev/null || true
		curl -sS -o /dev/null -D "$work/h" -w '%{http_code}\n' --max-time 20 \
			--interface "127.250.$((i / 250 % 250)).$((i % 250 + 1))" -b "$jar" \
			--data-urlencode "github_id=$prefix-t$i" \
			--data-urlencode "critique=バブルソートをリクエストのたびに回している ($i)" \
			--data "csrf_token=$csrf" "$BASE/masakari/throw" >"$work/s" 2>/dev/null || echo 000 >"$work/s"
		echo "$(cat "$work/s") $(sed -n 's|^Location: /masakari/throws/\([0-9]*\).*|\1|p' "$work/h" | tr -d '\r')"
		sleep 1
	done >"$work/throws.log"
}

echo "soak: ${secs} s, $hall hall visitors, $rate pages/s, throws at full power ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
STACK_VAR=$STACK_VAR node bench/soak/load.mjs "$BASE" "$secs" "$hall" 0 "$prefix" "$work/hall.json" &
loader=$!
STACK_VAR=$STACK_VAR node bench/soak/load.mjs "$BASE" "$secs" 0 "$rate" "$prefix" "$work/pages.json" &
pager=$!
throws &
thrower=$!
start=$EPOCHSECONDS
: >"$work/memory"
while kill -0 "$loader" 2>/dev/null; do
	sample $((EPOCHSECONDS - start)) >>"$work/memory"
	sleep 5
done
wait "$loader" || { echo "soak: the hall load client failed"; exit 1; }
wait "$pager" || { echo "soak: the page load client failed"; exit 1; }
jq -s '.[0] + { answers: .[1].answers }' "$work/hall.json" "$work/pages.json" >"$work/load.json"
touch "$work/stop"
wait "$thrower"
# The hall daemon writes chat in batches; give the last ones time to go in.
sleep 3

fail=0
echo
echo "| process | first third | last third | growth | slope after warm-up | bound |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for part in halld site api legacy masakari flooder mariadb; do
	grep -q " $part=" "$work/memory" || continue
	read -r first last slope < <(awk -v p="$part" '
		BEGIN { n = 0 }
		{ for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == p) { t[n] = $1; v[n] = kv[2]; n++ } } }
		END {
			a = int(n / 3); if (a < 1) a = 1
			for (i = 0; i < a; i++) f += v[i]; for (i = n - a; i < n; i++) l += v[i]
			w = int(n / 5); m = 0
			for (i = w; i < n; i++) { sx += t[i]; sy += v[i]; sxx += t[i] * t[i]; sxy += t[i] * v[i]; m++ }
			s = (m > 1 && m * sxx - sx * sx != 0) ? (m * sxy - sx * sy) / (m * sxx - sx * sx) : 0
			printf "%d %d %.1f\n", f / a, l / a, s * 60 }' "$work/memory")
	growth=$((last - first))
	allowed=$(awk -v f="$first" -v mb="$(bound_mb "$part")" -v pct="$bound_pct" \
		'BEGIN { a = f * pct / 100; b = mb * 1024; print int(a > b ? a : b) }')
	verdict=ok
	if [ "$part" != flooder ] && [ "$growth" -gt "$allowed" ]; then verdict=FAIL; fail=1; fi
	printf '| %s | %.1f MB | %.1f MB | %+.1f MB | %+.0f KB/min | %.0f MB %s |\n' "$part" \
		"$(awk -v k="$first" 'BEGIN { print k / 1024 }')" "$(awk -v k="$last" 'BEGIN { print k / 1024 }')" \
		"$(awk -v k="$growth" 'BEGIN { print k / 1024 }')" "$slope" \
		"$(awk -v k="$allowed" 'BEGIN { print k / 1024 }')" "$verdict"
done
echo "(the flooder is a new process every minute, cron's way: its figures are the sum of"
echo " the flooders running at each sample, reported but not bounded)"

echo
pages=$(jq '[.answers[][]] | add // 0' "$work/load.json")
bad=$(jq -r '.answers | to_entries[] | .key as $p | .value | to_entries[] |
	select((.key | test("^[23]|^4")) | not) | "\($p) \(.key) \(.value)"' "$work/load.json")
echo "pages: $pages answered in ${secs} s ($(awk -v n="$pages" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')/s)"
jq -r '.answers | to_entries[] | "  \(.key): \(.value | to_entries | map("\(.key)×\(.value)") | join(" "))"' "$work/load.json"
[ "$pages" -gt 0 ] || { echo "soak: FAIL no page was answered"; fail=1; }
if [ -n "$bad" ]; then echo "soak: FAIL pages that were 5xx or unanswered:"; echo "$bad" | sed 's/^/  /'; fail=1; fi

closed=$(jq '.closed | length' "$work/load.json")
echo "hall: $hall visitors (all joined after $(jq .joinedAfter "$work/load.json") s), $closed connections closed during the run"
[ "$closed" = 0 ] || { echo "soak: FAIL hall connections closed: $(jq -c '.closed[:5]' "$work/load.json")"; fail=1; }

jq -r '.broadcast[]' "$work/load.json" | sort >"$work/broadcast"
db "SELECT message FROM chat_messages WHERE message LIKE '$prefix %'" | sort >"$work/stored"
missing=$(comm -23 "$work/broadcast" "$work/stored" | wc -l)
echo "chat: $(jq .sent "$work/load.json") sent, $(wc -l <"$work/broadcast") broadcast, $(wc -l <"$work/stored") stored, $missing broadcast but not stored"
[ "$missing" = 0 ] || { echo "soak: FAIL chat messages lost"; fail=1; }

ids=$(awk '$1 == 303 && $2 { print $2 }' "$work/throws.log" | tr '\n' , | sed 's/,$//')
n303=$(awk '$1 == 303' "$work/throws.log" | wc -l)
stored=0
[ -n "$ids" ] && stored=$(db "SELECT COUNT(*) FROM throws t JOIN attack_jobs j ON j.throw_id = t.id WHERE t.id IN ($ids)")
others=$(awk '$1 != 303 && $1 != 429 { print $1 }' "$work/throws.log" | sort | uniq -c | tr '\n' ' ')
powers=$(db "SELECT CONCAT(MIN(power), '-', MAX(power)) FROM throws WHERE github_id LIKE '$prefix-t%'" 2>/dev/null || true)
echo "throws: $(wc -l <"$work/throws.log") made, $n303 answered 303 (power $powers), $stored of them stored with their attack; other answers: ${others:-none}"
[ "$stored" = "$n303" ] && [ "$n303" -gt 0 ] || { echo "soak: FAIL throws lost or none made"; fail=1; }
[ -z "$others" ] || { echo "soak: FAIL throws answered otherwise"; fail=1; }
attacks=$(db "SELECT COUNT(*), COALESCE(SUM(status = 'done'), 0) FROM attack_jobs j JOIN throws t ON t.id = j.throw_id WHERE t.github_id LIKE '$prefix-t%'")
echo "attacks: $attacks (queued, done) by the end"

cp "$work/memory" "${SOAK_KEEP:-/dev/null}" 2>/dev/null || true
rm -rf "$work"
if [ $fail -ne 0 ]; then echo "soak: FAILED (the stack's logs: $STACK_VAR/log)"; exit 1; fi
soak_passed=1
echo "soak: passed"
