#!/usr/bin/env bash
# t4002-masakari.sh — the masakari game in a real browser (Debian's chromium
# driven by playwright-core from tests/browser/node_modules) against this
# run's stack: masakari.test.mjs. Screenshots go to $STACK_VAR/screenshots.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
: "${BASE:?run through tests/run.sh}" "${STACK_VAR:?run through tests/run.sh}"

for tool in node npm /usr/bin/chromium; do
	command -v "$tool" >/dev/null || { echo "not ok - t4002-masakari: $tool is missing (scripts/deps.sh test)"; exit 1; }
done

# The same install as t4001-hall.sh: exactly package-lock.json, once per change.
want=$(node -p "require('$HERE/package-lock.json').packages['node_modules/playwright-core'].version")
have=$(node -p "try { require('$HERE/node_modules/playwright-core/package.json').version } catch { '' }")
if [ "$want" != "$have" ]; then
	mkdir -p "$ROOT/var"
	if ! (cd "$HERE" && flock "$ROOT/var/npm-browser-tests.lock" \
		npm ci --no-audit --no-fund --loglevel=error >"$STACK_VAR/log/npm-browser-tests.log" 2>&1); then
		echo "not ok - t4002-masakari: npm ci failed; see $STACK_VAR/log/npm-browser-tests.log"
		exit 1
	fi
fi

export SCREENSHOTS=$STACK_VAR/screenshots
cd "$HERE" && node --test --test-reporter=spec --test-timeout=180000 masakari.test.mjs
status=$?
echo "screenshots: $SCREENSHOTS"
exit $status
