#!/usr/bin/env bash
# t4001-hall.sh — the exhibition hall in a real browser: two visitors in
# Debian's chromium, driven by playwright-core (installed from the npm
# registry into tests/browser/node_modules), against this run's stack.
# Screenshots go to $STACK_VAR/screenshots (kept with the logs when a test
# fails, or always with `keep=1 make test`).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
: "${BASE:?run through tests/run.sh}" "${STACK_VAR:?run through tests/run.sh}"

for tool in node npm /usr/bin/chromium; do
	command -v "$tool" >/dev/null || { echo "not ok - t4001-hall: $tool is missing (scripts/deps.sh test)"; exit 1; }
done

# Install exactly what package-lock.json says, once per lock change; the lock
# keeps two test runs from installing into the same directory at once.
want=$(node -p "require('$HERE/package-lock.json').packages['node_modules/playwright-core'].version")
have=$(node -p "try { require('$HERE/node_modules/playwright-core/package.json').version } catch { '' }")
if [ "$want" != "$have" ]; then
	mkdir -p "$ROOT/var"
	if ! (cd "$HERE" && flock "$ROOT/var/npm-browser-tests.lock" \
		npm ci --no-audit --no-fund --loglevel=error >"$STACK_VAR/log/npm-browser-tests.log" 2>&1); then
		echo "not ok - t4001-hall: npm ci failed; see $STACK_VAR/log/npm-browser-tests.log"
		exit 1
	fi
fi

export SCREENSHOTS=$STACK_VAR/screenshots
cd "$HERE" && node --test --test-reporter=spec --test-timeout=120000 hall.test.mjs
status=$?
echo "screenshots: $SCREENSHOTS"
exit $status
