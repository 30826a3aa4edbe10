#!/usr/bin/env bash
# node-test.sh NAME — runs tests/daemon/js/NAME.test.mjs with Node's test
# runner against the stack tests/run.sh started (BASE, STACK_VAR,
# MASAKARI_CONFIG), installing the npm ws client on first use. Exits non-zero
# when any case fails, so each tNNNN-*.sh wrapper fails with it.
set -u
dir=$(cd "$(dirname "$0")" && pwd)
cd "$dir" || exit 1
# Once; the flock keeps files running side by side (make test's lanes, the
# reliability tests' node-run.sh) from installing into it at the same time.
if [ ! -f node_modules/ws/package.json ]; then
	mkdir -p ../../var
	flock ../../var/npm-daemon-tests.lock sh -c \
		'[ -f node_modules/ws/package.json ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null' || {
		echo "not ok - tests/daemon: npm ci could not install the ws client"
		exit 1
	}
fi
exec node --test --test-reporter=spec "js/$1.test.mjs"
