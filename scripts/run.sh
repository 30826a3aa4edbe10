#!/usr/bin/env bash
# run.sh — `make run`: the whole system on http://localhost:$PORT until Ctrl-C.
# Data stays in var/ between runs.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/stack.sh

port=${1:-8080}
stack_init var "$port" || exit 1
# Ctrl-C, kill or a closed terminal stop everything. Writing may fail by then
# (`make run | tee log`: tee got the Ctrl-C too), which must not end the stop.
trap 'trap "" PIPE; echo; stack_log "stopping"; stack_stop; exit 0' INT TERM HUP
if ! stack_start; then
	stack_log "start-up failed; logs are in var/log/"
	stack_stop
	exit 1
fi
cat <<MSG

  masakari exhibition is running:  http://localhost:$port/
    the legacy target:             http://localhost:$port/legacy/
    logs:                          var/log/
  Ctrl-C stops everything.

MSG
while :; do sleep 3600 & wait $!; done
