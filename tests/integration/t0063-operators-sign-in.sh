#!/usr/bin/env bash
# Where GitHub sign-in is configured, an operator proves the ID by signing
# in (cgi-bin/site/login.c, against tests/tools/fake_github.py as t0035
# does): signed in as one of Site.Operators (ops-team), the browser is an
# operator; signed in as anyone else, it is not. A banned ID that signs in
# is refused, saying until when, and given nothing.
. "$(dirname "$0")/../lib.sh"
OP=ops-team
RUN=$(printf '%x' $((RANDOM * 32768 + RANDOM)))
count() { sql "SELECT COUNT(*) FROM $1"; }

# Each login is an account of its own (a GitHub account id of its own: one
# id under two logins is a renamed account, lib/identity.h).
gh_start() { # LOGIN
	github_start ok --login "$1" --user-id "$(printf '%s' "$1" | cksum | cut -d' ' -f1)"
}
trap 'github_stop; rm -rf "$TMP"' EXIT
sql "DELETE FROM identities WHERE github_id = '$OP'"

t "signed in with GitHub as one of Site.Operators, the browser is an operator"
gh_start "$OP"
start_session "$TMP/op"
github_sign_in
expect_status 303
github_stop
get /operators -b "$JAR" -H "Accept-Language: en"
expect_status 200
expect_body "You are @$OP, an operator."
get "/?fresh=1" -b "$JAR"
expect_body 'data-operator="1"'
expect_body 'class="verified"'
sql "DELETE FROM identities WHERE github_id = '$OP'"

t "signed in as an ID that is not an operator's, it is not"
gh_start "plain-$RUN"
start_session "$TMP/plain"
github_sign_in
expect_status 303
github_stop
get /operators -b "$JAR" -H "Accept-Language: en"
expect_status 403

t "a banned ID that signs in is refused, saying until when, and given nothing"
"$ROOT/bin/masakarictl" ban "banned-$RUN" --hours 3 --reason "test" >/dev/null 2>&1
gh_start "banned-$RUN"
start_session "$TMP/banned"
github_sign_in -H "Accept-Language: en"
expect_status 403
expect_body "The ID @banned-$RUN is banned from this venue by its operators until"
check "no identity cookie" sh -c "! grep -qi '^Set-Cookie: identity=' '$TMP/headers'"
expect_eq "no hold" 0 "$(count "identities WHERE github_id = 'banned-$RUN'")"
github_stop
"$ROOT/bin/masakarictl" unban "banned-$RUN" >/dev/null 2>&1

t "unbanned, the same sign-in lets it in"
gh_start "banned-$RUN"
start_session "$TMP/unbanned"
github_sign_in
expect_status 303
check "the identity cookie is set" grep -qi "^Set-Cookie: identity=" "$TMP/headers"
github_stop
done_testing
