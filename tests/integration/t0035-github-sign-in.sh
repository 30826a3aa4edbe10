#!/usr/bin/env bash
# "Sign in with GitHub" (cgi-bin/site/login.c) against a fake GitHub
# (tests/tools/fake_github.py, a real local HTTP server): the authorization
# code flow with its state check proves an ID, takes it back from the browser
# that held it and marks it verified; POST /logout lets it go. GitHub saying
# no, a state that is not this browser's, a 500, an answer too slow, one that
# is not JSON, a login that is not an ID: each is an error page that says so,
# and nobody is signed in. No request reaches github.com.
. "$(dirname "$0")/../lib.sh"
RUN=$(printf '%x' $((RANDOM * 32768 + RANDOM)))
ID=gh-$RUN

gh_start() { # MODE [args…]
	local mode=$1
	shift
	: >"$TMP/gh.log"
	server_start GH_PID "$MASAKARI_TEST_GITHUB_PORT" python3 "$ROOT/tests/tools/fake_github.py" \
		--port "$MASAKARI_TEST_GITHUB_PORT" --mode "$mode" --login "$ID" --log "$TMP/gh.log" "$@"
}
gh_stop() { server_stop GH_PID; }
trap 'gh_stop; rm -rf "$TMP"' EXIT

# sign_in [curl args…]: /login/github in $JAR's browser, GitHub's authorize
# page, then back to the callback, whose answer is left in $TMP/status etc.
sign_in() {
	local to back
	get /login/github -b "$JAR" -c "$JAR" "$@"
	to=$(header Location)
	back=$(curl -sS -o /dev/null -D - "$to" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
	get "/${back#http*://*/}" -b "$JAR" -c "$JAR" "$@"
}
secret_in() { awk '$6 == "identity" { print $7 }' "$1"; }

t "the entrance offers the sign-in"
get /
expect_body 'href="/login/github"'

t "/login/github sends the visitor to GitHub's authorize page with the app, the callback and a state cookie"
start_session
get /login/github -b "$JAR" -c "$JAR"
expect_status 302
loc=$(header Location)
check "to the configured authorize address ($loc)" grep -q "^http://127.0.0.1:$MASAKARI_TEST_GITHUB_PORT/login/oauth/authorize?" <<<"$loc"
check "the client ID" grep -q "client_id=test-client-id" <<<"$loc"
check "the callback" grep -q "redirect_uri=http%3A%2F%2Flocalhost%3A[0-9]*%2Flogin%2Fgithub%2Fcallback" <<<"$loc"
state=$(sed -n 's/.*[?&]state=\([0-9a-f]\{32\}\).*/\1/p' <<<"$loc")
check "a 32-hex state" test -n "$state"
expect_header Set-Cookie "oauth_state=$state"
expect_header Set-Cookie "HttpOnly"

t "signing in takes the ID back from the browser that held it, verified"
start_session "$TMP/holder"
enter "$ID"
holder=$(secret_in "$TMP/holder")
get / -b "identity=$holder"
expect_body "@$ID"
start_session "$TMP/owner"
post / -b "$JAR" -c "$JAR" -H "Accept-Language: en" --data "github_id=$ID&csrf_token=$CSRF"
expect_status 409
expect_body "sign in with GitHub below"
expect_body 'href="/login/github"'
gh_start ok
sign_in
expect_status 303
expect_header Location "/"
expect_header Set-Cookie "identity="
check "the code was exchanged with the app's secret" grep -q '"secret_ok": true' "$TMP/gh.log"
check "the user was asked with the token" grep -q '"authorization": "Bearer tok-'"$ID"'"' "$TMP/gh.log"
owner=$(secret_in "$TMP/owner")
get / -b "identity=$owner" -H "Accept-Language: en"
expect_body "@$ID"
expect_body 'class="verified"'
expect_body 'action="/logout"'
expect_eq "verified in the database" 1 "$(sql "SELECT verified FROM identities WHERE github_id='$ID'")"
# (The hall page cached for that exact cookie may still be shown for
# Cache.PagesSeconds; a query string is never cached, and asks afresh.)
get "/?fresh=1" -b "identity=$holder" -H "Pragma: no-cache"
expect_body 'name="github_id"'
expect_no_body "@$ID"
t "the browser that lost it cannot claim it back at the entrance"
JAR=$TMP/holder CSRF=$(awk '$6 == "masakari_csrf" { print $7 }' "$TMP/holder")
post / -b "$JAR" -c "$JAR" --data "github_id=$ID&csrf_token=$CSRF"
expect_status 409
gh_stop

t "the state cookie is spent: the same callback again is refused"
JAR=$TMP/owner
get "/login/github/callback?code=code-$ID&state=$state" -b "$JAR" -H "Accept-Language: en"
expect_status 403
expect_body "not the one this browser started"

t "POST /logout needs the CSRF token, then lets the ID go"
CSRF=$(awk '$6 == "masakari_csrf" { print $7 }' "$JAR")
post /logout -b "$JAR" -c "$JAR"
expect_status 403
post /logout -b "$JAR" -c "$JAR" --data "csrf_token=$CSRF"
expect_status 303
expect_eq "the hold is gone" 0 "$(sql "SELECT COUNT(*) FROM identities WHERE github_id='$ID'")"
get "/?fresh=1" -b "identity=$owner" -H "Pragma: no-cache"
expect_body 'name="github_id"'

# failed CASE MODE STATUS MESSAGE [fake args…]: a sign-in that fails, says
# so in English, and signs nobody in.
failed() {
	local what=$1 mode=$2 status=$3 message=$4
	shift 4
	t "$what"
	gh_start "$mode" "$@"
	start_session "$TMP/jar-$mode"
	sign_in -H "Accept-Language: en"
	expect_status "$status"
	expect_body "$message"
	check "no identity cookie" sh -c "! grep -qi '^Set-Cookie: identity=' '$TMP/headers'"
	expect_eq "nobody holds it" 0 "$(sql "SELECT COUNT(*) FROM identities WHERE github_id='$ID'")"
	gh_stop
}
failed "GitHub sign-in cancelled by the visitor" denied 403 "GitHub sign-in was cancelled"
failed "GitHub answering 500" 500 503 "GitHub could not be asked right now"
failed "GitHub not accepting the code" refused 403 "GitHub did not accept this sign-in"
failed "GitHub's answer not JSON" garbage 503 "answer could not be read"
failed "a login that is not a GitHub ID" user-garbage 503 "answer could not be read"
failed "the user endpoint answering 500" user-500 503 "GitHub could not be asked right now"
start=$(date +%s)
failed "GitHub too slow: given up after GitHub.TimeoutMs" slow 503 "GitHub did not answer in time" --delay-ms 9000
check "given up within the timeout ($(($(date +%s) - start)) s)" test $(($(date +%s) - start)) -le 8

t "a forged state, or none, is refused in each language"
start_session "$TMP/forger"
get /login/github -b "$JAR" -c "$JAR"
get "/login/github/callback?code=code-$ID&state=00000000000000000000000000000000" -b "$JAR" -H "Accept-Language: en"
expect_status 403
expect_body "not the one this browser started"
get "/login/github/callback?code=code-$ID&state=%3Cscript%3E" -b "$JAR" -H "Accept-Language: ja"
expect_status 403
expect_body "このブラウザが始めたものではない"
expect_no_body "<script>"
get "/login/github/callback?code=code-$ID" -H "Accept-Language: en"
expect_status 403
expect_eq "nobody holds it" 0 "$(sql "SELECT COUNT(*) FROM identities WHERE github_id='$ID'")"

done_testing
