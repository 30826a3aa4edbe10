#!/usr/bin/env bash
# run.sh — `make run`: the whole system on http://localhost:$PORT until Ctrl-C.
# Data stays in var/ between runs.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/stack.sh

port=${1:-8080}
stack_init var "$port" || exit 1
# Ctrl-C, kill or a closed terminal stop everything. During start-up they
# only ask for it: a process just started is recorded before the stop reads
# the record (stack_start gives up at its next wait).
trap 'STACK_STOPPING=1' INT TERM HUP
if ! stack_start; then
	[ -n "${STACK_STOPPING:-}" ] || stack_log "start-up failed; logs are in var/log/"
	stack_stop
	[ -n "${STACK_STOPPING:-}" ] && exit 0
	exit 1
fi
# Writing may fail by now (`make run | tee log`: tee got the Ctrl-C too),
# which must not end the stop.
trap 'trap "" PIPE; echo; stack_log "stopping"; stack_stop; exit 0' INT TERM HUP
if [ -n "${STACK_STOPPING:-}" ]; then
	stack_stop
	exit 0
fi
cat <<MSG

  masakari exhibition is running:  http://localhost:$port/
    the legacy target:             http://localhost:$port/legacy/
    logs:                          var/log/
  Ctrl-C stops everything.

MSG
while :; do sleep 3600 & wait $!; done
