#!/usr/bin/env bash
# run.sh — `make test`: installs what the tests need, builds, runs the C unit
# tests (plain and under ASan+UBSan), each fuzz target briefly (tests/fuzz/),
# one page, daemon and flooder file under valgrind, and every
# tests/<suite>/tNNNN-*.sh against private stacks on free ports. Stops
# everything it started, whatever happens, exits non-zero on any failure, and
# ends with the time each part and each test file took.
#   tests/run.sh            everything, in four lanes side by side (below)
#   tests/run.sh PATTERN    only test files whose name contains PATTERN, one
#                           after another against one stack, output as it comes
#
# The whole run is four lanes on the machine's cores at once, because most of
# the suite waits (on jobs, timeouts, minutes, downloads) rather than computes:
#   checks     unit tests, the sanitizer build's unit tests, fuzz targets,
#              valgrind; pure computation with nothing timed, so it runs
#              niced and yields to the lanes whose tests measure time
#   provision  the cached Debian root (started first, before the build: it
#              is mostly downloading), then t5000-t5002 in their containers
#   stack A    one stack: integration, masakari and daemon files
#   stack B    a second stack: flooder, browser and reliability files
# (split so that each stack's files take about as long: some 12 minutes)
# A test file changes the stack it runs on (stops MariaDB, kills the daemon,
# takes the flooder's slot, spends an address's budgets): two files never run
# on one stack at once. Within a lane files run in name order, as before.
# Each part's output is kept and printed whole when the part ends.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
pattern=${1:-}
run_start=$SECONDS

scripts/deps.sh test || exit 1
. scripts/stack.sh
mkdir -p var

# test_files [PATTERN] — the test files, in name order.
test_files() {
	local f
	for f in $(ls tests/*/t[0-9][0-9][0-9][0-9]-*.sh 2>/dev/null | sort -t/ -k3); do
		case "$f" in *"${1:-}"*) echo "$f" ;; esac
	done
}

# 15 minutes a file, unless its header says "# timeout: SECONDS".
file_limit() {
	local limit
	limit=$(sed -n '1,15s/^# timeout: \([0-9][0-9]*\)$/\1/p' "$1" | head -1)
	echo "${limit:-900}"
}

# test_stack_up — starts a private stack on free ports in a fresh directory
# under var/ (sets var and port; exports what the test files read). A free
# port can be taken by someone else before nginx binds it: then the stack is
# started again on other ports (three tries).
test_stack_up() {
	local attempt
	for attempt in 1 2 3; do
		port=$(stack_free_port)
		# Each stack has its own directory, so runs can go on side by side; it
		# is removed when everything on it passed and kept (with its logs)
		# when something failed.
		var=$(mktemp -d "$ROOT/var/test.XXXXXX")
		# The server's replies come from an OpenAI-compatible API at this
		# address; the masakari tests start bin/tests/fake-llm there when they
		# need one, and otherwise nothing listens (a refused connection, so the
		# replies are canned).
		MASAKARI_TEST_LLM_PORT=$(stack_free_port)
		while [ "$MASAKARI_TEST_LLM_PORT" = "$port" ]; do MASAKARI_TEST_LLM_PORT=$(stack_free_port); done
		export MASAKARI_TEST_LLM_PORT MASAKARI_LLM_BASE_URL=http://127.0.0.1:$MASAKARI_TEST_LLM_PORT/v1
		# "Sign in with GitHub" is set up against a fake GitHub at this address
		# (tests/tools/fake_github.py, started by the tests that sign in); no
		# test ever reaches github.com.
		MASAKARI_TEST_GITHUB_PORT=$(stack_free_port)
		while [ "$MASAKARI_TEST_GITHUB_PORT" = "$port" ] || [ "$MASAKARI_TEST_GITHUB_PORT" = "$MASAKARI_TEST_LLM_PORT" ]; do
			MASAKARI_TEST_GITHUB_PORT=$(stack_free_port)
		done
		export MASAKARI_TEST_GITHUB_PORT MASAKARI_GITHUB_CLIENT_ID=test-client-id MASAKARI_GITHUB_CLIENT_SECRET=test-client-secret
		export MASAKARI_GITHUB_AUTHORIZE_URL=http://127.0.0.1:$MASAKARI_TEST_GITHUB_PORT/login/oauth/authorize
		export MASAKARI_GITHUB_API_URL=http://127.0.0.1:$MASAKARI_TEST_GITHUB_PORT/api
		# One of the team's IDs runs the venue (Site.Operators); a test
		# becomes that operator through `masakarictl operator-link ops-team`.
		export MASAKARI_OPERATOR=ops-team
		# Video on one call only (Hall.VideoMax, 4 by default): t4040 sees
		# the cap at work with two cameras, not five.
		export MASAKARI_STACK_SETTINGS='Hall.VideoMax = 1'
		stack_init "$var" "$port" || return 1
		echo "== starting a private stack on port $port ($var)"
		if stack_start; then
			export BASE=http://127.0.0.1:$port STACK_VAR=$var MASAKARI_CONFIG MASAKARI_OPERATOR
			return 0
		fi
		if [ $attempt -lt 3 ] && grep -qs "Address already in use" "$var"/log/*.log; then
			echo "a port was taken meanwhile; starting again on other ports"
			stack_stop
			rm -rf "$var"
			continue
		fi
		echo "the stack did not start; logs:"
		tail -n 20 "$var"/log/*.log
		return 1
	done
	return 1
}

# m:ss
mmss() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }

# ---------------------------------------------------------------------------
# With a pattern: the matching files one after another against one stack, their
# output as it comes (how one test is run while working on it).
if [ -n "$pattern" ]; then
	if [ -z "$(test_files "$pattern")" ]; then
		echo "no test file's name contains \"$pattern\" (tests/*/tNNNN-*.sh); nothing was run" >&2
		exit 1
	fi
	echo "== build"
	make -s programs >/dev/null || exit 1
	failed=()
	times=()
	trap 'stack_stop; [ ${#failed[@]} -eq 0 ] && [ -z "${keep:-}" ] && rm -rf "$var"' EXIT
	trap 'exit 130' INT TERM HUP
	# Output piped into a reader that went away (`make test | tee`, Ctrl-C)
	# ends the run through the EXIT trap above, not by a silent SIGPIPE that
	# skips it.
	trap 'trap "" PIPE; exit 141' PIPE
	test_stack_up || exit 1
	for f in $(test_files "$pattern"); do
		echo "== $f"
		start=$SECONDS
		if ! timeout "$(file_limit "$f")" bash "$f"; then
			failed+=("$f")
		fi
		times+=("$(mmss $((SECONDS - start)))  $f")
	done
	if [ ${#times[@]} -gt 1 ]; then
		echo
		printf '%s\n' "${times[@]}"
	fi
	if [ ${#failed[@]} -gt 0 ]; then
		echo
		echo "FAILED: ${failed[*]}"
		echo "(logs of the test stack: $var/log/)"
		exit 1
	fi
	echo
	echo "all tests passed"
	exit 0
fi

# ---------------------------------------------------------------------------
# Everything: four lanes side by side.
parts=$(mktemp -d "$ROOT/var/parts.XXXXXX")
: >"$parts/times"
: >"$parts/failed"
: >"$parts/notes"

# part LANE NAME COMMAND… — runs one part of a lane with its output kept, then
# prints that output whole (one part at a time, whatever the other lanes do)
# and records its time and verdict. The command runs in the background so
# that a lane told to stop stops at once (see lane_traps).
part() {
	local lane=$1 name=$2 start rc
	shift 2
	start=$SECONDS
	"$@" >"$(part_log "$name")" 2>&1 </dev/null &
	part_pid=$!
	wait "$part_pid"
	rc=$?
	part_pid=
	part_report "$lane" "$name" $((SECONDS - start)) $rc
}

part_log() { echo "$parts/$(printf '%s' "$1" | tr -c 'a-zA-Z0-9.-' '_').log"; }

part_report() { # LANE NAME SECONDS STATUS
	local lane=$1 name=$2 secs=$3 rc=$4
	printf '%s\t%s\t%s\t%s\n' "$lane" "$name" "$secs" "$rc" >>"$parts/times"
	[ "$rc" -eq 0 ] || echo "$name" >>"$parts/failed"
	(
		flock 9
		echo "== $name ($lane, $(mmss "$secs")$([ "$rc" -eq 0 ] || echo ", FAILED: exit $rc"))"
		cat "$(part_log "$name")"
	) 9>"$parts/print.lock"
	return "$rc"
}

# A lane told to stop (Ctrl-C, a closed pipe, the run's own end) stops the part
# it is running; its EXIT trap then stops what else it started.
lane_traps() {
	part_pid=
	trap '[ -n "$part_pid" ] && kill -TERM "$part_pid" 2>/dev/null; exit 143' TERM INT HUP
	trap '' PIPE
}

checks_lane() {
	lane_traps
	part checks "unit tests" make -s unit
	# The sanitizer build is shared with t2011 (a flooder under the
	# sanitizers), which runs in another lane: one make at a time in it.
	part checks "unit tests under AddressSanitizer and UndefinedBehaviorSanitizer" \
		env ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		flock "$ROOT/var/build-san.lock" make -s SAN=1 unit
	part checks "fuzz targets, ${FUZZ_TEST_SECONDS:-30} s each, under AddressSanitizer and UndefinedBehaviorSanitizer" \
		tests/fuzz/run.sh "${FUZZ_TEST_SECONDS:-30}"
	# The whole daemon and flooder suites under valgrind take twenty minutes
	# here (`make leaks`); every run checks one file of each and one of the pages.
	part checks "leak check under valgrind: t0002 t3002 t2001" tests/leaks.sh t0002 t3002 t2001
	return 0
}

# Run as root only, the cached Debian root of the containers (debootstrap,
# overlayfs and nspawn need root) is built first; t5001 says itself that it
# needs root otherwise. The files start no stack of the run's: STACK_VAR is
# only where t5001 and t5002 keep their logs.
provision_lane() { # FILE…
	local f
	# Globals of the lane's shell: its EXIT trap reads them.
	lane_failed=0
	lane_traps
	lane_var=$(mktemp -d "$ROOT/var/test.XXXXXX")
	mkdir -p "$lane_var/log"
	trap '[ $lane_failed -eq 0 ] && [ -z "${keep:-}" ] && rm -rf "$lane_var"' EXIT
	if [ "$(id -u)" -eq 0 ] && command -v debootstrap >/dev/null; then
		part provision "the cached Debian root of the containers" \
			bash -c 'ROOT=$PWD; . tests/provision/provision.sh && container_root_ready' || lane_failed=1
	fi
	for f in "$@"; do
		part provision "$f" env STACK_VAR="$lane_var" timeout "$(file_limit "$f")" bash "$f" || lane_failed=1
	done
	[ $lane_failed -eq 0 ] || echo "(logs of the provisioning tests: $lane_var/log/)" >>"$parts/notes"
	return 0
}

stack_lane() { # LANE FILE…
	local lane=$1 f start rc
	shift
	lane_failed=0
	lane_traps
	var=
	trap 'stack_stop; [ $lane_failed -eq 0 ] && [ -z "${keep:-}" ] && [ -n "$var" ] && rm -rf "$var"' EXIT
	# In this shell, not in a part's child: the files need what it exports.
	start=$SECONDS
	test_stack_up >"$(part_log "$lane: its stack")" 2>&1
	rc=$?
	part_report "$lane" "$lane: its stack" $((SECONDS - start)) $rc || { lane_failed=1; return 0; }
	for f in "$@"; do
		part "$lane" "$f" timeout "$(file_limit "$f")" bash "$f" || lane_failed=1
	done
	[ $lane_failed -eq 0 ] || echo "(logs of $lane's test stack: $var/log/)" >>"$parts/notes"
	return 0
}

lanes=()
stop_lanes() {
	local pid
	for pid in "${lanes[@]}"; do kill -TERM "$pid" 2>/dev/null; done
	wait
}
trap 'stop_lanes; exit 130' INT TERM HUP
trap 'trap "" PIPE; stop_lanes; exit 141' PIPE

provision_files=() a_files=() b_files=()
for f in $(test_files); do
	case "${f##*/}" in
	t5*) provision_files+=("$f") ;;
	t2* | t4* | t6*) b_files+=("$f") ;;
	*) a_files+=("$f") ;;
	esac
done

# The provisioning lane starts first: building the cached root is mostly
# waiting for Debian's mirror, and needs nothing built here.
provision_lane "${provision_files[@]}" &
lanes+=($!)

echo "== build"
build_start=$SECONDS
if ! make -s -j2 programs >/dev/null; then
	stop_lanes
	exit 1
fi
build_secs=$((SECONDS - build_start))
echo "== started side by side: checks (unit, sanitizers, fuzz, valgrind), provision (${#provision_files[@]} files)," \
	"stack A (${#a_files[@]} files), stack B (${#b_files[@]} files); each part prints when it ends"
(renice -n 5 -p $BASHPID >/dev/null; checks_lane) &
lanes+=($!)
stack_lane "stack A" "${a_files[@]}" &
lanes+=($!)
stack_lane "stack B" "${b_files[@]}" &
lanes+=($!)
# A lane ends with 0 once it has recorded its parts' verdicts; anything else
# (killed, a bug here) fails the run too.
for pid in "${lanes[@]}"; do
	wait "$pid" || echo "a lane (process $pid) ended with exit $?" >>"$parts/failed"
done

# The table: every part and file, lane by lane, in the order they ran.
echo
echo "== time of each part (wall clock; the lanes ran side by side)"
printf '%-9s %7s  %s\n' lane time part
printf '%-9s %7s  %s\n' - "$(mmss "$build_secs")" "build"
for lane in checks provision "stack A" "stack B"; do
	total=0
	while IFS=$'\t' read -r l name secs rc; do
		[ "$l" = "$lane" ] || continue
		total=$((total + secs))
		printf '%-9s %7s  %s%s\n' "$l" "$(mmss "$secs")" "$name" "$([ "$rc" -eq 0 ] || echo "  FAILED")"
	done <"$parts/times"
	printf '%-9s %7s  %s\n' "$lane" "$(mmss $total)" "(the lane in all)"
done
echo "slowest files:"
sort -t$'\t' -k3,3nr "$parts/times" | head -8 | while IFS=$'\t' read -r l name secs rc; do
	printf '%-9s %7s  %s\n' "$l" "$(mmss "$secs")" "$name"
done
echo "the whole run: $(mmss $((SECONDS - run_start)))"

if [ -s "$parts/failed" ]; then
	echo
	echo "FAILED: $(tr '\n' ' ' <"$parts/failed")"
	cat "$parts/notes"
	echo "(each part's output: $parts/)"
	exit 1
fi
[ -z "${keep:-}" ] && rm -rf "$parts"
echo
echo "all tests passed"
