#!/usr/bin/env bash
# browser-test.sh NAME TIMEOUT_MS — runs tests/browser/NAME.test.mjs with Node's
# test runner: Debian's chromium driven by playwright-core (installed from the
# npm registry into tests/browser/node_modules, exactly as package-lock.json
# says) against the stack tests/run.sh started. Screenshots go to
# $STACK_VAR/screenshots (kept with the logs when a test fails, or always with
# `keep=1 make test`). Exits non-zero when any case fails.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
name=$1 timeout_ms=$2
: "${BASE:?run through tests/run.sh}" "${STACK_VAR:?run through tests/run.sh}"

for tool in node npm /usr/bin/chromium; do
	command -v "$tool" >/dev/null || { echo "not ok - $name: $tool is missing (scripts/deps.sh test)"; exit 1; }
done

# Installed once per lock change (the lock's hash is kept beside the
# modules); the flock keeps two test runs from installing into the same
# directory at once.
want=$(sha256sum "$HERE/package-lock.json" | cut -d' ' -f1)
have=$(cat "$HERE/node_modules/.package-lock.sha256" 2>/dev/null)
if [ "$want" != "$have" ]; then
	mkdir -p "$ROOT/var"
	if ! (cd "$HERE" && flock "$ROOT/var/npm-browser-tests.lock" \
		npm ci --no-audit --no-fund --loglevel=error >"$STACK_VAR/log/npm-browser-tests.log" 2>&1); then
		echo "not ok - $name: npm ci failed; see $STACK_VAR/log/npm-browser-tests.log"
		exit 1
	fi
	echo "$want" >"$HERE/node_modules/.package-lock.sha256"
fi

export SCREENSHOTS=$STACK_VAR/screenshots
cd "$HERE" && node --test --test-reporter=spec --test-timeout="$timeout_ms" "$name.test.mjs"
status=$?
echo "screenshots: $SCREENSHOTS"
exit $status
