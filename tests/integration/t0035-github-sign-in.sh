#!/usr/bin/env bash
# "Sign in with GitHub" (cgi-bin/site/login.c) against a fake GitHub
# (tests/tools/fake_github.py, a real local HTTP server): the authorization
# code flow, started by a POST with the CSRF token and checked by its state,
# proves an ID, takes it back from the browser that held it, marks it
# verified and binds it to GitHub's numeric account id, so a renamed account
# keeps it and its throws and whoever registers the freed login gets neither;
# POST /logout lets it go. GitHub saying no, a state that is not this
# browser's, a 500, an answer too slow, one that is not JSON, a login that is
# not an ID: each is an error page that says so, spends the state, and signs
# nobody in. A code that cannot be one is refused before GitHub is asked. No
# request reaches github.com.
. "$(dirname "$0")/../lib.sh"
RUN=$(printf '%x' $((RANDOM * 32768 + RANDOM)))
ID=gh-$RUN

# The fake GitHub signs $ID in unless told another --login.
gh_start() { # MODE [args…]
	local mode=$1
	shift
	github_start "$mode" --login "$ID" "$@"
}
trap 'github_stop; rm -rf "$TMP"' EXIT
secret_in() { awk '$6 == "identity" { print $7 }' "$1"; }

t "the entrance offers the sign-in, as a form with the CSRF token"
get /
expect_body '<form method="post" action="/login/github"'

t "another site cannot start a sign-in: a GET, or a POST without the CSRF token, sets no state"
start_session
get /login/github -b "$JAR" -c "$JAR"
expect_status 405
check "no state cookie" sh -c "! grep -qi '^Set-Cookie: oauth_state=' '$TMP/headers'"
check "no way to GitHub" sh -c "! grep -qi '^Location:' '$TMP/headers'"
post /login/github -b "$JAR" -c "$JAR" --data "csrf_token=00000000000000000000000000000000"
expect_status 403
check "no state cookie" sh -c "! grep -qi '^Set-Cookie: oauth_state=' '$TMP/headers'"

t "POST /login/github sends the visitor to GitHub's authorize page with the app, the callback and a state cookie"
post /login/github -b "$JAR" -c "$JAR" --data "csrf_token=$CSRF"
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
expect_body 'action="/login/github"'
gh_start ok
github_sign_in
expect_status 303
expect_header Location "/"
check "an identity cookie" grep -qi '^Set-Cookie: identity=' "$TMP/headers"
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
github_stop

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

# throw_as: a throw by $JAR's browser, from an address of its own.
throw_as() {
	post /masakari/throw -b "$JAR" --data-urlencode "critique=$1" --data "csrf_token=$CSRF"
	expect_status 303
}

t "a verified ID is bound to GitHub's numeric id: a renamed account takes it and its throws to the new login"
OLD=old-$RUN NEW=new-$RUN
gh_start ok --login "$OLD" --user-id 7001
start_session "$TMP/alice"
github_sign_in
expect_status 303
expect_eq "bound to the account" 7001 "$(sql "SELECT github_user_id FROM identities WHERE github_id='$OLD'")"
throw_as "a single database with no replica $RUN"
expect_eq "the throw carries the account" "7001 1" \
	"$(sql "SELECT CONCAT(github_user_id, ' ', verified) FROM throws WHERE github_id='$OLD'")"
github_stop
gh_start ok --login "$NEW" --user-id 7001
github_sign_in
expect_status 303
expect_eq "the new login is held, bound to the same account" 7001 \
	"$(sql "SELECT github_user_id FROM identities WHERE github_id='$NEW'")"
expect_eq "the old login's hold ended" 0 "$(sql "SELECT COUNT(*) FROM identities WHERE github_id='$OLD'")"
expect_eq "the throw moved to the new login, still proven" "$NEW 1" \
	"$(sql "SELECT CONCAT(github_id, ' ', verified) FROM throws WHERE github_user_id=7001")"
github_stop

t "whoever registers the freed login gets neither the verified ID's throws nor their mark"
gh_start ok --login "$OLD" --user-id 7002
start_session "$TMP/bob"
github_sign_in
expect_status 303
expect_eq "the newcomer holds the login, bound to its own account" 7002 \
	"$(sql "SELECT github_user_id FROM identities WHERE github_id='$OLD'")"
expect_eq "no throw of the first account under the old login" 0 \
	"$(sql "SELECT COUNT(*) FROM throws WHERE github_id='$OLD'")"
expect_eq "the renamed account still holds its own" 7001 \
	"$(sql "SELECT github_user_id FROM identities WHERE github_id='$NEW'")"
github_stop
# The same when the first account was renamed and has not signed in since:
# its proven throws lose the mark under the login it gave up.
FREED=freed-$RUN
gh_start ok --login "$FREED" --user-id 7003
start_session "$TMP/carol"
github_sign_in
throw_as "the flooder runs from cron every minute $RUN"
github_stop
gh_start ok --login "$FREED" --user-id 7004
start_session "$TMP/dave"
github_sign_in
expect_status 303
expect_eq "the newcomer's login shows no proven throw of the other account" "0 7003" \
	"$(sql "SELECT CONCAT(verified, ' ', github_user_id) FROM throws WHERE github_id='$FREED'")"
github_stop
gh_start ok --login "carol-$RUN" --user-id 7003
JAR=$TMP/carol CSRF=$(awk '$6 == "masakari_csrf" { print $7 }' "$TMP/carol")
github_sign_in
expect_status 303
expect_eq "the first account, signing in under its new login, has its throw back, proven" "carol-$RUN 1" \
	"$(sql "SELECT CONCAT(github_id, ' ', verified) FROM throws WHERE github_user_id=7003")"
github_stop

# failed CASE MODE STATUS MESSAGE [fake args…]: a sign-in that fails, says
# so in English, and signs nobody in.
failed() {
	local what=$1 mode=$2 status=$3 message=$4
	shift 4
	t "$what"
	gh_start "$mode" "$@"
	start_session "$TMP/jar-$mode"
	github_sign_in -H "Accept-Language: en"
	expect_status "$status"
	expect_body "$message"
	check "no identity cookie" sh -c "! grep -qi '^Set-Cookie: identity=' '$TMP/headers'"
	check "the state is spent" grep -qi '^Set-Cookie: oauth_state=;' "$TMP/headers"
	expect_eq "nobody holds it" 0 "$(sql "SELECT COUNT(*) FROM identities WHERE github_id='$ID'")"
	github_stop
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

t "a callback whose code cannot be one is refused at once, before GitHub is asked, and spends the state"
gh_start slow --delay-ms 9000
start_session "$TMP/junk"
post /login/github -b "$JAR" -c "$JAR" --data "csrf_token=$CSRF"
state=$(header Location | sed -n 's/.*[?&]state=\([0-9a-f]\{32\}\).*/\1/p')
start=$(date +%s%N)
get "/login/github/callback?code=junk%20code%26client_id%3Dx&state=$state" -b "$JAR" -c "$JAR" -H "Accept-Language: en"
took=$((($(date +%s%N) - start) / 1000000))
expect_status 400
expect_body "without a sign-in code"
check "answered within a second, not GitHub.TimeoutMs (${took} ms)" test "$took" -lt 1000
check "GitHub was not asked" sh -c "! grep -q '\"method\": \"POST\"' '$TMP/gh.log'"
check "the state cookie is cleared" grep -qi '^Set-Cookie: oauth_state=;' "$TMP/headers"
get "/login/github/callback?code=code-$ID&state=$state" -b "$JAR" -c "$JAR" -H "Accept-Language: en"
expect_status 403
expect_body "not the one this browser started"
check "GitHub was still not asked" sh -c "! grep -q '\"method\": \"POST\"' '$TMP/gh.log'"
github_stop

t "a forged state, or none, is refused in each language"
start_session "$TMP/forger"
post /login/github -b "$JAR" -c "$JAR" --data "csrf_token=$CSRF"
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
