#!/usr/bin/env bash
# node-run.sh SCRIPT ARGS… — runs a Node helper of tests/reliability/js/ with
# the npm ws client of tests/daemon (installed on first use).
set -u
dir=$(cd "$(dirname "$0")/../daemon" && pwd)
if [ ! -f "$dir/node_modules/ws/package.json" ]; then
	# One install at a time (tests/daemon/node-test.sh takes the same lock).
	mkdir -p "$dir/../../var"
	(cd "$dir" && flock ../../var/npm-daemon-tests.lock sh -c \
		'[ -f node_modules/ws/package.json ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null') || {
		echo "tests/reliability: npm ci could not install the ws client" >&2
		exit 1
	}
fi
script=$1
shift
exec node "$(dirname "$0")/js/$script" "$@"
