#!/usr/bin/env bash
# run.sh — `make test`: installs what the tests need, builds, runs the C unit
# tests (plain and under ASan+UBSan) and each fuzz target briefly (tests/fuzz/),
# then starts a private stack on free ports
# and runs every tests/<suite>/tNNNN-*.sh against it. Stops everything it
# started, whatever happens, and exits non-zero on any failure.
#   tests/run.sh [PATTERN]   only test files whose name contains PATTERN
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
pattern=${1:-}

scripts/deps.sh test || exit 1
failed=()

echo "== build"
make -s programs >/dev/null || exit 1

if [ -z "$pattern" ]; then
	echo "== unit tests"
	make -s unit || failed+=(unit)
	echo "== unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 make -s SAN=1 unit || failed+=(unit-sanitizers)
	echo "== fuzz targets, ${FUZZ_TEST_SECONDS:-30} s each, under AddressSanitizer and UndefinedBehaviorSanitizer"
	tests/fuzz/run.sh "${FUZZ_TEST_SECONDS:-30}" || failed+=(fuzz)
	# The whole daemon and flooder suites under valgrind take twenty minutes
	# here (`make leaks`); every run checks one file of each and one of the pages.
	echo "== leak check under valgrind: t0002 t3002 t2001"
	tests/leaks.sh t0002 t3002 t2001 || failed+=(leaks)
fi

. scripts/stack.sh
mkdir -p var
trap 'stack_stop; [ ${#failed[@]} -eq 0 ] && [ -z "${keep:-}" ] && rm -rf "$var"' EXIT
trap 'exit 130' INT TERM HUP
# Output piped into a reader that went away (`make test | tee`, Ctrl-C) ends the
# run through the EXIT trap above, not by a silent SIGPIPE that skips it.
trap 'trap "" PIPE; exit 141' PIPE
# A free port can be taken by someone else before nginx binds it: then the
# stack is started again on other ports (three tries).
for attempt in 1 2 3; do
	port=$(stack_free_port)
	# Each run has its own stack directory, so runs can go on side by side; it is
	# removed when everything passed and kept (with its logs) when something failed.
	var=$(mktemp -d "$ROOT/var/test.XXXXXX")
	# The server's replies come from an OpenAI-compatible API at this address; the
	# masakari tests start bin/tests/fake-llm there when they need one, and
	# otherwise nothing listens (a refused connection, so the replies are canned).
	MASAKARI_TEST_LLM_PORT=$(stack_free_port)
	while [ "$MASAKARI_TEST_LLM_PORT" = "$port" ]; do MASAKARI_TEST_LLM_PORT=$(stack_free_port); done
	export MASAKARI_TEST_LLM_PORT MASAKARI_LLM_BASE_URL=http://127.0.0.1:$MASAKARI_TEST_LLM_PORT/v1
	# "Sign in with GitHub" is set up against a fake GitHub at this address
	# (tests/tools/fake_github.py, started by the tests that sign in); no test
	# ever reaches github.com.
	MASAKARI_TEST_GITHUB_PORT=$(stack_free_port)
	while [ "$MASAKARI_TEST_GITHUB_PORT" = "$port" ] || [ "$MASAKARI_TEST_GITHUB_PORT" = "$MASAKARI_TEST_LLM_PORT" ]; do
		MASAKARI_TEST_GITHUB_PORT=$(stack_free_port)
	done
	export MASAKARI_TEST_GITHUB_PORT MASAKARI_GITHUB_CLIENT_ID=test-client-id MASAKARI_GITHUB_CLIENT_SECRET=test-client-secret
	export MASAKARI_GITHUB_AUTHORIZE_URL=http://127.0.0.1:$MASAKARI_TEST_GITHUB_PORT/login/oauth/authorize
	export MASAKARI_GITHUB_API_URL=http://127.0.0.1:$MASAKARI_TEST_GITHUB_PORT/api
	# One of the team's IDs runs the venue (Site.Operators); a test becomes
	# that operator through `masakarictl operator-link ops-team`.
	export MASAKARI_OPERATOR=ops-team
	stack_init "$var" "$port" || exit 1
	echo "== starting a private stack on port $port ($var)"
	stack_start && break
	if [ $attempt -lt 3 ] && grep -qs "Address already in use" "$var"/log/*.log; then
		echo "a port was taken meanwhile; starting again on other ports"
		stack_stop
		rm -rf "$var"
		continue
	fi
	echo "the stack did not start; logs:"
	tail -n 20 "$var"/log/*.log
	exit 1
done
export BASE=http://127.0.0.1:$port STACK_VAR=$var MASAKARI_CONFIG MASAKARI_OPERATOR

for f in $(ls tests/*/t[0-9][0-9][0-9][0-9]-*.sh 2>/dev/null | sort -t/ -k3); do
	case "$f" in *"$pattern"*) ;; *) continue ;; esac
	echo "== $f"
	# 15 minutes a file, unless its header says "# timeout: SECONDS".
	limit=$(sed -n '1,15s/^# timeout: \([0-9][0-9]*\)$/\1/p' "$f" | head -1)
	if ! timeout "${limit:-900}" bash "$f"; then
		failed+=("$f")
	fi
done

if [ ${#failed[@]} -gt 0 ]; then
	echo
	echo "FAILED: ${failed[*]}"
	echo "(logs of the test stack: $var/log/)"
	exit 1
fi
echo
echo "all tests passed"
