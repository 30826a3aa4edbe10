# masakari.sh — helpers for the tests in tests/masakari/, sourced after tests/lib.sh.
#
# The game allows one throw per GitHub ID and per client address every few
# seconds, so each test file throws from addresses of its own
# (127.<file>.<n>.<m>, all of them loopback) and with IDs of its own.

# Every throw queues a real attack of up to 100 requests/s for 10 s, and the
# flooder would go on sending them long after the test is over, into the next
# tests' measurements. When a test file ends, the attacks it queued are
# quiesced (tests/lib.sh).
masakari_quiesce() {
	attacks_quiesce "t.remote_addr LIKE '127.$((MASAKARI_FILE_NO % 250)).%'" || true
}
trap 'masakari_quiesce; rm -rf "$TMP"' EXIT

# Appended to the IDs a test throws with, so that a test can run again on the
# same stack without meeting its own earlier throws.
RUN=$(printf '%x' $((RANDOM * 32768 + RANDOM)))

# The test file's number, e.g. 1005 for t1005-bad-input.sh.
MASAKARI_FILE_NO=$(basename "$0" | sed -n 's/^t\([0-9]*\)-.*/\1/p')
_masakari_addr_n=0

# Sets ADDRESS to a loopback address no other throw in this run has used.
next_addr() {
	_masakari_addr_n=$((_masakari_addr_n + 1))
	ADDRESS="127.$((MASAKARI_FILE_NO % 250)).$((_masakari_addr_n / 250)).$((_masakari_addr_n % 250 + 1))"
}

# A cookie jar and $CSRF from the form on /masakari: masakari_session [jar]
masakari_session() {
	JAR=${1:-$TMP/jar}
	curl -sS -c "$JAR" -b "$JAR" -o "$TMP/form" "$BASE/masakari"
	CSRF=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$TMP/form" | grep -o '[0-9a-f]\{32\}')
}

# throw GITHUB_ID CRITIQUE [curl args…]: enters at the entrance as GITHUB_ID
# (a throw is made by the visitor's identity), then posts the form from a
# fresh address (or the one in $ADDR when set); on a 303 sets THROW_ID, else
# THROW_ID="".
throw() {
	local id=$1 critique=$2
	shift 2
	local field=(--data-urlencode "github_id=$id")
	next_addr
	# When the entrance cannot store the claim (a 5xx: the database is down
	# or full), the throw goes as whoever the jar already is, as a browser's
	# would: the form then only carries the critique.
	enter "$id" --interface "${ADDR:-$ADDRESS}" || case $(cat "$TMP/enter-status") in
		5*|000) field=() ;;
	esac
	post /masakari/throw --interface "${ADDR:-$ADDRESS}" -b "$JAR" -c "$JAR" \
		"${field[@]}" --data-urlencode "critique=$critique" \
		--data "csrf_token=$CSRF" "$@"
	THROW_ID=$(header Location | sed -n 's|^/masakari/throws/\([0-9][0-9]*\)$|\1|p')
}

# target_quiet: waits (up to 60 s) until no attack runs and the target
# answers a request within 2 s: an attack the earlier tests queued leaves the
# legacy workers a backlog for a while (that is the game), and a test that
# reads its own attack's latencies needs its requests answered.
target_quiet() {
	for _ in $(seq 60); do
		if [ "$(sql "SELECT COUNT(*) FROM attack_jobs WHERE status IN ('queued', 'running')")" = 0 ] &&
			curl -sS -o /dev/null --max-time 2 "$BASE/legacy/random"; then
			return 0
		fi
		sleep 1
	done
	return 1
}

# wait_reply [ID]: waits until throw ID (default $THROW_ID) has the server's
# reply, which the flooder's repliers fetch off the request path; at most
# 25 s (a reply comes within LLM.TimeoutMs of a replier's claim, and the
# stack's cron-like flooder loop leaves a few seconds each minute between runs).
wait_reply() {
	local id=${1:-${THROW_ID:-0}}
	for _ in $(seq 250); do
		[ "$(sql "SELECT reply IS NOT NULL FROM throws WHERE id=$id")" = 1 ] && return 0
		sleep 0.1
	done
	echo "# throw $id got no reply in 25 s" >&2
	return 1
}

# The JSON of /api/throws/<id> in $TMP/throw.json; jq FILTER reads it.
throw_json() {
	curl -sS -o "$TMP/throw.json" "$BASE/api/throws/$1"
}
jqt() { jq -r "$1" "$TMP/throw.json"; }

# Starts bin/tests/fake-llm on the port the stack's LLM.BaseUrl points at:
# fake_llm_start MODE [args…]; fake_llm_stop stops it. Requests go to $TMP/llm.log.
fake_llm_start() {
	local mode=$1
	shift
	: >"$TMP/llm.log"
	server_start FAKE_LLM_PID "$MASAKARI_TEST_LLM_PORT" "$ROOT/bin/tests/fake-llm" \
		--port "$MASAKARI_TEST_LLM_PORT" --mode "$mode" --log "$TMP/llm.log" "$@"
}
fake_llm_stop() { server_stop FAKE_LLM_PID; }
