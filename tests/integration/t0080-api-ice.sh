#!/usr/bin/env bash
# /api/ice: the STUN/TURN servers for the hall's calls go only to a visitor
# who holds an ID; a stranger, or a forged cookie, gets a 403 in JSON. The
# test stack has no TURN server (as `make run`), so the list holds no relay;
# the credentials themselves are tests/unit/test_turn.c's.
. "$(dirname "$0")/../lib.sh"

t "without an identity: 403 in JSON, saying what to do"
get /api/ice
expect_status 403
expect_header Content-Type application/json
expect_body '"status":403'
expect_body 'GitHub ID'

t "a forged identity cookie is nobody"
get /api/ice -H "Cookie: identity=$(printf '%064d' 0)"
expect_status 403

t "a visitor with an ID gets the servers, never cached"
cookie=$(identity_of ice-caller)
check "the entrance gave an identity" test -n "$cookie"
get /api/ice -H "Cookie: identity=$cookie"
expect_status 200
expect_header Content-Type application/json
expect_header Cache-Control no-store
check "iceServers is a list, with no TURN server without a secret" \
	node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		process.exit(Array.isArray(j.iceServers) && !JSON.stringify(j).includes("turn:") && j.ttl > 0 ? 0 : 1)' "$TMP/body"

t "Japanese visitors read the refusal in Japanese"
get /api/ice -H 'Accept-Language: ja'
expect_status 403
check "the error names the entrance in Japanese" \
	node -e 'process.exit(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).error.includes("入口") ? 0 : 1)' "$TMP/body"

done_testing
