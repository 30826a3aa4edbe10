# flooder.sh — helpers for the flooder tests, sourced after tests/lib.sh.
#
# A test takes the host's flooder slot (the lock cron's `flock -n` uses) from
# the stack's scheduled run, runs its own flooders with a configuration of its
# own, queues jobs the way the masakari pages do (a throws row and its
# attack_jobs row), and counts at the target what arrived. On exit it stops
# what it started and gives the slot back, restarting the scheduled run.

FLOODER=${STACK_BIN:-$ROOT/bin}/masakari-flooder
# What the tests run: the same, unless given another build (bin-san/…).
FLOODER_UNDER_TEST=${FLOODER_UNDER_TEST:-$FLOODER}
FAKE=$ROOT/bin/tests/fake-target
FLOODER_LOCK=$STACK_VAR/run/flooder.lock
TARGET=$BASE/legacy/random
# A cheap page for tests about the queue rather than the target.
CHEAP=$BASE/static/css/site.css
declare -A FLOODER_PID=()
_fake_pids=()

# The flooders that hold the host's slot.
flooder_slot_holders() {
	local fd pid
	find /proc/[0-9]*/fd -lname "$FLOODER_LOCK" 2>/dev/null | while read -r fd; do
		pid=${fd#/proc/}
		pid=${pid%%/*}
		# " (deleted)" when the binary was rebuilt since it started.
		case "$(readlink "/proc/$pid/exe" 2>/dev/null)" in
		"$FLOODER" | "$FLOODER (deleted)") echo "$pid" ;;
		esac
	done | sort -u
}

# Stops the scheduled run (SIGTERM: it gives its jobs back), holds the lock on
# fd 9 until the test exits, then lets the jobs other tests left behind finish,
# so every test starts from an empty queue.
flooder_take_slot() {
	local pid
	exec 9>"$FLOODER_LOCK"
	# Up to 30 s: under valgrind (tests/leaks.sh) a flooder giving its jobs
	# back takes many times longer than the usual fraction of a second.
	for _ in $(seq 300); do
		flock -n 9 && break
		for pid in $(flooder_slot_holders); do kill -TERM "$pid" 2>/dev/null; done
		sleep 0.1
	done
	if ! flock -n 9; then
		fail "the stack's flooder did not let go of $FLOODER_LOCK"
		done_testing
	fi
	trap flooder_cleanup EXIT
	flooder_drain
}

unfinished_jobs() { sql "SELECT COUNT(*) FROM attack_jobs WHERE status IN ('queued', 'running')"; }

flooder_drain() {
	[ "$(unfinished_jobs)" = 0 ] && return 0
	flooder_start drain "$MASAKARI_CONFIG"
	for _ in $(seq 1200); do
		[ "$(unfinished_jobs)" = 0 ] && break
		sleep 0.1
	done
	flooder_stop drain
}

flooder_cleanup() {
	local name pid
	for name in "${!FLOODER_PID[@]}"; do kill -9 "${FLOODER_PID[$name]}" 2>/dev/null; done
	for pid in "${_fake_pids[@]}"; do kill "$pid" 2>/dev/null; done
	wait 2>/dev/null
	exec 9>&-
	# The scheduled run, as the stack's cron loop starts it.
	(flock -n 9 || exit 0; exec "$FLOODER") 9>"$FLOODER_LOCK" >>"$STACK_VAR/log/flooder.log" 2>&1 &
	stack_remember flooder $!
	rm -rf "$TMP"
}

# flooder_config FILE 'Flooder.Key = value'…: the stack's configuration with
# these settings on top (a later HDF assignment wins).
flooder_config() {
	local file=$1
	shift
	cp "$MASAKARI_CONFIG" "$file"
	printf '%s\n' "$@" >>"$file"
}

# flooder_start NAME CONFIG [ARGS…]: a flooder in the background, its pid in
# FLOODER_PID[NAME], its log in $TMP/flooder-NAME.log. It claims for 120 s
# unless told otherwise; tests stop it when they are done.
flooder_start() {
	local name=$1 cfg=$2
	shift 2
	MASAKARI_CONFIG=$cfg "$FLOODER_UNDER_TEST" -s 120 "$@" >>"$TMP/flooder-$name.log" 2>&1 9>&- &
	FLOODER_PID[$name]=$!
	# Started once it has looked at the queue: its first line is logged then.
	for _ in $(seq 50); do
		grep -q "claims jobs" "$TMP/flooder-$name.log" 2>/dev/null && return 0
		sleep 0.1
	done
}

# flooder_stop NAME: SIGTERM and wait; the exit code in FLOODER_EXIT, which
# must be 0 (under a sanitizer build, a report makes it otherwise).
flooder_stop() {
	local pid=${FLOODER_PID[$1]}
	kill -TERM "$pid" 2>/dev/null
	wait "$pid"
	FLOODER_EXIT=$?
	unset "FLOODER_PID[$1]"
	if [ "$FLOODER_EXIT" -ne 0 ]; then
		fail "flooder $1 exited with $FLOODER_EXIT: $(tail -5 "$TMP/flooder-$1.log")"
	fi
}

# The lease owner a flooder writes: host:pid.
flooder_owner() { echo "$(hostname):${FLOODER_PID[$1]}"; }

# fake_start ARGS…: a fake target (tests/tools/fake_target.c); its port in FAKE_PORT.
fake_start() {
	local out=$TMP/fake.$RANDOM
	"$FAKE" "$@" >"$out" 9>&- &
	_fake_pids+=($!)
	FAKE_PORT=
	for _ in $(seq 50); do
		FAKE_PORT=$(head -1 "$out" 2>/dev/null)
		[ -n "$FAKE_PORT" ] && return 0
		sleep 0.1
	done
	fail "the fake target did not start"
}

sql_quote() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\'\'}"; }

# queue_job RATE DURATION URL: a throw and its attack job, as a throw makes
# them; prints the job id.
queue_job() {
	sql "INSERT INTO throws (github_id, remote_addr, critique, normalized, score, power)
		VALUES ('$TEST_NAME', '127.0.0.1', 'flooder test', 'floodertest', 0.5, $1);
	     INSERT INTO attack_jobs (throw_id, target_url, rate, duration_s)
		VALUES (LAST_INSERT_ID(), $(sql_quote "$3"), $1, $2);
	     SELECT LAST_INSERT_ID();"
}

job() { sql "SELECT $2 FROM attack_jobs WHERE id = $1"; }

# wait_job ID 'done|failed' SECONDS: waits until the job's status matches.
wait_job() {
	local end=$((SECONDS + $3))
	while [ $SECONDS -le $end ]; do
		[[ $(job "$1" status) =~ ^($2)$ ]] && return 0
		sleep 0.1
	done
	return 1
}

# Requests of job ID that reached nginx (its access log names the job in the User-Agent).
target_hits() { grep -c "\"masakari-flooder (job $1)\"\$" "$STACK_VAR/log/nginx-access.log"; }

# within PCT EXPECTED ACTUAL: true when ACTUAL is within PCT percent of EXPECTED.
within() { awk -v p="$1" -v e="$2" -v a="$3" 'BEGIN { d = a - e; if (d < 0) d = -d; exit !(d <= e * p / 100) }'; }

# le A B: A ≤ B for decimal numbers.
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 <= b + 0) }'; }
