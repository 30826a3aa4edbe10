#!/usr/bin/env bash
# The hall daemon is killed (SIGKILL) with 200 visitors connected and started
# again: every visitor reconnects as the hall page does, and every one sees
# every other avatar again where it stood.
# timeout: 240
. "$(dirname "$0")/../lib.sh"
crowd=200

# Kills the daemon recorded in the stack's pids, forgets it, starts another.
cat >"$TMP/crash.sh" <<SH
pid=\$(awk '\$1 == "halld" { p = \$2 } END { print p }' "$STACK_VAR/pids")
kill -KILL "\$pid"
while kill -0 "\$pid" 2>/dev/null; do sleep 0.1; done
grep -v "^halld \$pid\\\$" "$STACK_VAR/pids" >"$TMP/pids.new"; cat "$TMP/pids.new" >"$STACK_VAR/pids"
sleep 2
"$ROOT/tests/browser/halld-restart.sh" start
SH

t "$crowd visitors stand in the hall, the daemon is killed and started again"
"$ROOT/tests/reliability/node-run.sh" hall-crowd.mjs "$crowd" "t6006-$$" "bash $TMP/crash.sh" 60 "$TMP/crowd.json"
check "the crowd ran (see above if not)" test -s "$TMP/crowd.json"
cat "$TMP/crowd.json"; echo
check "before the crash every visitor saw every other in place ($(jq -c '.before_worst // .before_s' "$TMP/crowd.json"))" \
	[ "$(jq '.before_s != null' "$TMP/crowd.json")" = true ]

t "after the restart every visitor reconnected and sees every other where it stood"
check "reconnections ($(jq .reconnected "$TMP/crowd.json")) at least one per visitor" \
	[ "$(jq ".reconnected >= $crowd" "$TMP/crowd.json")" = true ]
check "all in place again within 60 s ($(jq -c '.after_worst // .after_s' "$TMP/crowd.json"))" \
	[ "$(jq '.after_s != null' "$TMP/crowd.json")" = true ]
check "a daemon runs again" grep -q '^halld ' "$STACK_VAR/pids"

done_testing
