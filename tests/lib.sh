# lib.sh — helpers for the shell tests in tests/*/tNNNN-*.sh.
#
# tests/run.sh starts one private stack and runs each test file with
#   BASE            http://127.0.0.1:<port> of that stack's nginx
#   STACK_VAR       its var directory (logs in $STACK_VAR/log)
#   MASAKARI_CONFIG its configuration
# A test file sources this, describes each behaviour with `t "…"`, checks it
# with the expect_* functions, and ends with `done_testing`.

set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/stack.sh"
STACK_USER=$(id -un)
TEST_NAME=$(basename "$0" .sh)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/$TEST_NAME.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
_failures=0
_checks=0
_current="(no description)"

t() { _current=$1; }

pass() { _checks=$((_checks + 1)); }

fail() {
	_checks=$((_checks + 1))
	_failures=$((_failures + 1))
	printf 'not ok - %s: %s: %s\n' "$TEST_NAME" "$_current" "$*"
}

check() { # description command...  — passes when the command succeeds
	local what=$1
	shift
	if "$@"; then pass; else fail "$what"; fi
}

# http METHOD PATH [curl args…]: fills $TMP/status, $TMP/headers, $TMP/body.
http() {
	local method=$1 path=$2
	shift 2
	curl -sS -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" \
		--max-time 20 "$@" "$BASE$path" >"$TMP/status" 2>"$TMP/curl-err" || echo 000 >"$TMP/status"
}
get() { http GET "$@"; }
post() { http POST "$@"; }
status() { cat "$TMP/status"; }
body() { cat "$TMP/body"; }
header() { grep -i "^$1:" "$TMP/headers" | head -1 | cut -d' ' -f2- | tr -d '\r'; }

expect_status() {
	if [ "$(status)" = "$1" ]; then pass; else fail "expected status $1, got $(status)"; fi
}
expect_body() { # fixed string
	if grep -qF -- "$1" "$TMP/body"; then pass; else fail "body lacks: $1"; fi
}
expect_no_body() {
	if grep -qF -- "$1" "$TMP/body"; then fail "body should not contain: $1"; else pass; fi
}
expect_header() { # name fixed-substring
	if header "$1" | grep -qF -- "$2"; then pass; else fail "header $1 lacks '$2' (got '$(header "$1")')"; fi
}
expect_eq() { # what expected actual
	if [ "$2" = "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi
}

# witness_ready PID FILE: waits up to 30 s for tests/reliability/js/hall-witness.mjs
# (PID) to say its visitors are in the hall as themselves (FILE.ready), and
# checks that it did: a test injects its fault only after that.
witness_ready() {
	for _ in $(seq 300); do [ -e "$2.ready" ] || ! kill -0 "$1" 2>/dev/null && break; sleep 0.1; done
	check "the hall's witnesses are in" test -e "$2.ready"
}

# server_start VAR PORT COMMAND…: a fake server of the tests (bin/tests/fake-llm,
# tests/tools/fake_github.py) in the background, its pid in the variable VAR;
# succeeds once PORT accepts connections, within 5 s. server_stop VAR stops it.
server_start() {
	local var=$1 port=$2
	shift 2
	"$@" &
	printf -v "$var" '%s' "$!"
	for _ in $(seq 50); do
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
		sleep 0.1
	done
	echo "the server for port $port did not start: $*" >&2
	return 1
}
server_stop() {
	local pid=${!1:-}
	[ -n "$pid" ] || return 0
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	printf -v "$1" '%s' ''
}

# doctor_fails CONFIG WHAT PATTERN: masakarictl doctor with the configuration
# CONFIG exits non-zero, and its output (left in $TMP/out) says PATTERN,
# checked as WHAT.
doctor_fails() {
	MASAKARI_CONFIG=$1 "$ROOT/bin/masakarictl" doctor >"$TMP/out" 2>&1
	check "non-zero exit" test $? -ne 0
	check "$2" grep -q "$3" "$TMP/out"
}

# github_start MODE [fake_github.py args…]: tests/tools/fake_github.py on
# $MASAKARI_TEST_GITHUB_PORT answering as MODE, its pid in GH_PID, logging
# each request it is sent to $TMP/gh.log (emptied first); github_stop stops
# it. github_sign_in [curl args…]: POST /login/github in $JAR's browser (with
# its $CSRF), GitHub's authorize page, then back to the callback, whose
# answer is left in $TMP/status etc.
github_start() {
	local mode=$1
	shift
	: >"$TMP/gh.log"
	server_start GH_PID "$MASAKARI_TEST_GITHUB_PORT" python3 "$ROOT/tests/tools/fake_github.py" \
		--port "$MASAKARI_TEST_GITHUB_PORT" --mode "$mode" --log "$TMP/gh.log" "$@"
}
github_stop() { server_stop GH_PID; }
github_sign_in() {
	local to back
	post /login/github -b "$JAR" -c "$JAR" --data "csrf_token=$CSRF" "$@"
	to=$(header Location)
	back=$(curl -sS -o /dev/null -D - "$to" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
	get "/${back#http*://*/}" -b "$JAR" -c "$JAR" "$@"
}

# chat_lines TAG N AGE: N chat lines by TAG, AGE old (a MariaDB interval: "40 DAY").
chat_lines() {
	for i in $(seq "$2"); do
		echo "INSERT INTO chat_messages (github_id, message, daemon_id, created_at)
		      VALUES ('$1', '$1 $i', 'test', NOW(3) - INTERVAL $3);"
	done >"$TMP/chat-lines.sql"
	sql "$(cat "$TMP/chat-lines.sql")"
}

# The mariadb client as the application's database user.
sql() {
	mariadb --no-defaults -S "$STACK_VAR/run/mysqld.sock" -u masakari \
		-p"$(cat "$STACK_VAR/db-password")" --default-character-set=utf8mb4 -N -B masakari -e "$1"
}

# Every throw queues a real attack, which a flooder would go on running into
# later tests: attacks_quiesce CONDITION cancels the queued attacks of the
# throws that match CONDITION (SQL on throws t) that no flooder has claimed
# yet, marked failed as a job the flooder gave up on, and waits (at most 30 s)
# for those running. As tests/browser/lib.mjs's quiesceAttacks.
attacks_quiesce() {
	local of="attack_jobs j JOIN throws t ON t.id = j.throw_id"

	sql "UPDATE $of SET j.status = 'failed', j.failure_reason = 'cancelled: the test that threw it is over'
	     WHERE j.status = 'queued' AND ($1)" 2>/dev/null
	for _ in $(seq 60); do
		[ "$(sql "SELECT COUNT(*) FROM $of WHERE j.status = 'running' AND ($1)" 2>/dev/null)" = 0 ] && return 0
		sleep 0.5
	done
	return 1
}

# A cookie jar with a valid CSRF token in $CSRF: start_session [jar [curl args…]]
# (an --interface, say, for a browser at an address of its own)
start_session() {
	JAR=${1:-$TMP/jar}
	shift $(($# > 0))
	curl -sS -c "$JAR" -b "$JAR" -o "$TMP/session" "$@" "$BASE/"
	CSRF=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$TMP/session" | grep -o '[0-9a-f]\{32\}' | head -1)
}

# enter GITHUB_ID [curl args…]: claims the ID at the entrance, as a browser
# does, for the cookie jar $JAR (start_session or masakari_session first, for
# $CSRF); the identity cookie the entrance hands out lands in the jar. Leaves
# the entrance's answer in $TMP/enter-status; succeeds on its 303.
enter() {
	local id=$1
	shift
	curl -sS -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" --max-time 20 "$@" \
		--data-urlencode "github_id=$id" --data "csrf_token=$CSRF" "$BASE/" \
		>"$TMP/enter-status" 2>/dev/null || echo 000 >"$TMP/enter-status"
	[ "$(cat "$TMP/enter-status")" = 303 ]
}

# operator_session [JAR]: a browser made the operator $MASAKARI_OPERATOR the
# way a venue does it (docs/MODERATION.md): a one-time link from
# `masakarictl operator-link`, opened with the jar's cookies. Sets $JAR and
# $CSRF as start_session does; succeeds when the link answered 303.
operator_session() {
	local link status
	start_session "${1:-$TMP/operator-jar}"
	link=$("$ROOT/bin/masakarictl" operator-link "$MASAKARI_OPERATOR" 2>/dev/null) || return 1
	status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" "$BASE/${link#http*://*/}")
	[ "$status" = 303 ]
}

# identity_of GITHUB_ID [curl args…]: enters as the ID from a browser of its
# own and prints that browser's identity cookie, to send as "identity=…".
identity_of() {
	local JAR CSRF id=$1
	shift
	start_session "$TMP/identity-jar.$id"
	enter "$id" "$@" || return 1
	awk '$6 == "identity" || $6 == "__Host-identity" { print $7 }' "$JAR"
}

done_testing() {
	if [ "$_checks" -eq 0 ]; then
		echo "not ok - $TEST_NAME: no checks ran"
		exit 1
	fi
	if [ "$_failures" -gt 0 ]; then
		echo "FAIL $TEST_NAME: $_failures of $_checks checks failed"
		exit 1
	fi
	echo "ok   $TEST_NAME ($_checks checks)"
}
