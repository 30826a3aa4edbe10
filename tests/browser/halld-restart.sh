#!/usr/bin/env bash
# halld-restart.sh — stops or starts the test stack's hall daemon, for the
# browser test of reconnecting after a daemon restart (t4001-hall.sh).
#   halld-restart.sh stop    kill the daemon recorded in $STACK_VAR/pids, wait until it is gone
#   halld-restart.sh start   start it again exactly as scripts/stack.sh does
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/stack.sh"
: "${STACK_VAR:?run from tests/run.sh}" "${MASAKARI_CONFIG:?run from tests/run.sh}"
STACK_USER=$(id -un)

case "${1:-}" in
stop)
	pid=$(awk '$1 == "halld" { p = $2 } END { print p }' "$STACK_VAR/pids")
	[ -n "$pid" ] || { echo "no hall daemon in $STACK_VAR/pids" >&2; exit 1; }
	kill "$pid"
	for _ in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		echo "the hall daemon ($pid) did not stop on SIGTERM" >&2
		exit 1
	fi
	# Forget it, so stack_stop never signals a pid the system may reuse.
	grep -v "^halld $pid\$" "$STACK_VAR/pids" >"$STACK_VAR/pids.new" || true
	cat "$STACK_VAR/pids.new" >"$STACK_VAR/pids"
	rm -f "$STACK_VAR/pids.new"
	;;
start)
	STACK_HALLD_PORT=$(sed -n '/^Halld {/,/^}/s/^ *Port = *//p' "$MASAKARI_CONFIG" | head -1)
	[ -n "$STACK_HALLD_PORT" ] || { echo "no Halld.Port in $MASAKARI_CONFIG" >&2; exit 1; }
	stack_start_halld </dev/null
	;;
*)
	echo "usage: $0 stop|start" >&2
	exit 2
	;;
esac
