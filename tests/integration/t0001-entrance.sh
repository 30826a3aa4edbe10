#!/usr/bin/env bash
# The entrance: a GitHub ID form; a valid ID claims it for this browser (a
# random secret in an HttpOnly cookie, stored hashed) and shows the hall (whose
# page t0030-hall-page tests). Another browser cannot take a held ID.
. "$(dirname "$0")/../lib.sh"

t "the entrance shows the GitHub ID form with a CSRF token"
get /
expect_status 200
expect_header Content-Type "text/html; charset=utf-8"
expect_body 'name="github_id"'
expect_body 'name="csrf_token"'

t "a valid ID sets an HttpOnly SameSite=Lax cookie and redirects to the hall"
start_session
post / -b "$JAR" -c "$JAR" --data-urlencode "github_id=octo-cat9" --data "csrf_token=$CSRF"
expect_status 303
expect_header Location "/"
expect_header Set-Cookie "identity="
expect_header Set-Cookie "HttpOnly"
expect_header Set-Cookie "SameSite=Lax"

t "a form body typed with a charset parameter (as fetch sends it) is read"
main_jar=$JAR main_csrf=$CSRF
start_session "$TMP/jar2"
post / -b "$JAR" -c "$JAR" -H "Content-Type: application/x-www-form-urlencoded;charset=UTF-8" \
	--data "github_id=charset-ok&csrf_token=$CSRF"
expect_status 303
expect_header Set-Cookie "identity="
JAR=$main_jar CSRF=$main_csrf

t "with the cookie, / is the hall (t0030-hall-page says what it shows)"
get / -b "$JAR"
expect_status 200
expect_body 'id="hall"'

t "the visitor is recorded"
expect_eq "visitor row" "octo-cat9" "$(sql "SELECT github_id FROM visitors WHERE github_id='octo-cat9'")"

t "?change=1 shows the form again, prefilled"
get "/?change=1" -b "$JAR"
expect_status 200
expect_body 'value="octo-cat9"'

bad_id() { # id expected-message (in English)
	post / -b "$JAR" -c "$JAR" -H "Accept-Language: en" --data-urlencode "github_id=$1" --data "csrf_token=$CSRF"
	expect_status 400
	expect_body "$2"
	expect_body 'name="github_id"'
}
t "an empty ID is refused with a message"; bad_id "" "Enter your GitHub ID."
t "a 40-character ID is refused"; bad_id "$(printf 'a%.0s' $(seq 40))" "at most 39 characters"
t "a leading hyphen is refused"; bad_id "-octo" "cannot begin or end with a hyphen"
t "a trailing hyphen is refused"; bad_id "octo-" "cannot begin or end with a hyphen"
t "a double hyphen is refused"; bad_id "oc--to" "two hyphens in a row"
t "an underscore is refused"; bad_id "oc_to" "only letters, digits and hyphens"
t "non-ASCII letters are refused"; bad_id "オクト" "only letters, digits and hyphens"
t "HTML injection is refused and shown escaped"
bad_id '<script>alert(1)</script>' "only letters, digits and hyphens"
expect_no_body '<script>alert(1)</script>'
expect_body '&lt;script&gt;alert(1)&lt;/script&gt;'
t "the refusal is in the visitor's language"
post / -b "$JAR" -c "$JAR" -H "Accept-Language: ja" --data "github_id=oc--to&csrf_token=$CSRF"
expect_status 400
expect_body "GitHub の ID にハイフンは 2 つ続けられません。"
t "SQL injection is refused and nothing is stored"
bad_id "x' OR '1'='1" "only letters, digits and hyphens"
expect_eq "visitors" "charset-ok octo-cat9" "$(sql "SELECT github_id FROM visitors ORDER BY github_id" | tr '\n' ' ' | sed 's/ $//')"
t "invalid UTF-8 is refused and not echoed"
post / -b "$JAR" -c "$JAR" --data "github_id=%ff%fe&csrf_token=$CSRF"
expect_status 400
expect_no_body $'\xff'

t "a repeated github_id field is refused, saying it was sent twice"
post / -b "$JAR" -c "$JAR" -H "Accept-Language: en" --data "github_id=a&github_id=b&csrf_token=$CSRF"
expect_status 400
expect_body 'The form sent the field &quot;github_id&quot; more than once.'
expect_eq "nothing stored" "" "$(sql "SELECT github_id FROM visitors WHERE github_id IN ('a', 'b')")"

t "a repeated csrf_token field is refused, saying it was sent twice"
post / -b "$JAR" -c "$JAR" -H "Accept-Language: en" --data "github_id=twice&csrf_token=$CSRF&csrf_token=$CSRF"
expect_status 400
expect_body 'The form sent the field &quot;csrf_token&quot; more than once.'

t "a repeated change field is refused, saying it was sent twice"
get "/?change=1&change=1" -b "$JAR" -H "Accept-Language: en"
expect_status 400
expect_body 'The form sent the field &quot;change&quot; more than once.'

t "a POST without the CSRF token is forbidden and stores nothing"
post / -b "$JAR" -H "Accept-Language: en" --data "github_id=nocsrf"
expect_status 403
expect_body "Reload the page"
expect_eq "visitor" "" "$(sql "SELECT github_id FROM visitors WHERE github_id='nocsrf'")"

t "a POST with a wrong CSRF token is forbidden"
post / -b "$JAR" --data "github_id=wrongcsrf&csrf_token=00000000000000000000000000000000"
expect_status 403

t "a forged github_id cookie is ignored"
get / -b "github_id=<b>x</b>"
expect_status 200
expect_body 'name="github_id"'
expect_no_body '<b>x</b>'

secret=$(awk '$6 == "identity" { print $7 }' "$JAR")
t "the identity cookie is a 64-hex secret; the database keeps only its SHA-256"
check "64 hex digits" grep -qx '[0-9a-f]\{64\}' <<<"$secret"
expect_eq "stored hash" "$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)" \
	"$(sql "SELECT secret_hash FROM identities WHERE github_id='octo-cat9'")"
expect_eq "no secret stored" 0 "$(sql "SELECT COUNT(*) FROM identities WHERE secret_hash='$secret'")"

t "another browser cannot take a held ID: 409, saying so and how to get it back, in each language"
start_session "$TMP/thief"
post / -b "$JAR" -c "$JAR" -H "Accept-Language: en" --data "github_id=octo-cat9&csrf_token=$CSRF"
expect_status 409
expect_body "Another browser already holds the ID @octo-cat9"
expect_body "enter from that browser"
check "no identity cookie handed out" sh -c "! grep -qi '^Set-Cookie: identity=' '$TMP/headers'"
post / -b "$JAR" -c "$JAR" -H "Accept-Language: ja" --data "github_id=OCTO-CAT9&csrf_token=$CSRF"
expect_status 409
expect_body "別のブラウザが使っています"
get / -b "$JAR"
expect_body 'name="github_id"'
expect_eq "still the first browser's" "$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)" \
	"$(sql "SELECT secret_hash FROM identities WHERE github_id='octo-cat9'")"
JAR=$main_jar CSRF=$main_csrf

t "a forged or hostile identity cookie is nobody, never an error"
for forged in "$(printf '0%.0s' $(seq 64))" "${secret%?}x" "' OR '1'='1" '<b>x</b>' \
	"$(printf 'a%.0s' $(seq 3000))" $'\xff\xfe'"$secret"; do
	get / -b "identity=$forged"
	expect_status 200
	expect_body 'name="github_id"'
	expect_no_body '<b>x</b>'
done
get / -b "identity=${secret^^}"
expect_body 'name="github_id"'

t "the secret works alone: the browser that holds it is that ID"
get / -b "identity=$secret"
expect_body 'id="hall"'

t "the same browser may enter again, and changing its ID lets the old one go"
post / -b "$JAR" -c "$JAR" --data "github_id=octo-cat9&csrf_token=$CSRF"
expect_status 303
post / -b "$JAR" -c "$JAR" --data "github_id=octo-new&csrf_token=$CSRF"
expect_status 303
expect_eq "old one free" 0 "$(sql "SELECT COUNT(*) FROM identities WHERE github_id='octo-cat9'")"
start_session "$TMP/other"
post / -b "$JAR" -c "$JAR" --data "github_id=octo-cat9&csrf_token=$CSRF"
expect_status 303
JAR=$main_jar CSRF=$main_csrf

t "a lapsed hold (Identity.HoldDays without use) can be claimed by another browser"
sql "UPDATE identities SET last_seen = NOW() - INTERVAL 31 DAY WHERE github_id='octo-new'"
get / -b "$JAR"
expect_body 'name="github_id"'
start_session "$TMP/later"
post / -b "$JAR" -c "$JAR" --data "github_id=octo-new&csrf_token=$CSRF"
expect_status 303
JAR=$main_jar CSRF=$main_csrf

# claim_at_once NAME N ID…: N browsers, each from an address of its own
# (127.1.0.1…, so that no per-address limit of nginx's is what answers), open
# the entrance one after another, then post their IDs (the i-th browser the
# i-th ID, or the last one given) all at the same instant; their answers are
# left in $TMP/NAME-i.status.
claim_at_once() {
	local name=$1 n=$2 i ids JAR CSRF
	shift 2
	ids=("$@")
	for i in $(seq "$n"); do
		start_session "$TMP/$name-$i" --interface "127.1.0.$i"
		echo "$CSRF" >"$TMP/$name-$i.csrf"
	done
	for i in $(seq "$n"); do
		local id=${ids[$((i - 1))]:-${ids[-1]}}
		curl -sS -o /dev/null -w '%{http_code}\n' --interface "127.1.0.$i" -b "$TMP/$name-$i" -c "$TMP/$name-$i" \
			--max-time 30 --data "github_id=$id&csrf_token=$(cat "$TMP/$name-$i.csrf")" "$BASE/" \
			>"$TMP/$name-$i.status" 2>/dev/null &
	done
	wait
}

t "a room arriving at once: 40 browsers claim 40 new IDs in the same instant, and every one is let in"
room=$(printf '%x' $((RANDOM * 32768 + RANDOM)))
claim_at_once room 40 $(for i in $(seq 40); do echo "room-$i-$room"; done)
expect_eq "answers" "40 303" "$(cat "$TMP"/room-*.status | sort | uniq -c | awk '{print $1, $2}')"
expect_eq "IDs held, each under a secret of its own" "40 40" \
	"$(sql "SELECT COUNT(*), COUNT(DISTINCT secret_hash) FROM identities WHERE github_id LIKE 'room-%-$room'" | tr '\t' ' ')"

t "eight browsers claiming one new ID in the same instant: one holds it, seven are told it is held"
claim_at_once same 8 "same-$room"
expect_eq "answers" "1 303,7 409" "$(cat "$TMP"/same-*.status | sort | uniq -c | awk '{print $1, $2}' | paste -sd,)"
expect_eq "one row" 1 "$(sql "SELECT COUNT(*) FROM identities WHERE github_id = 'same-$room'")"

t "an oversized body gets 413 from nginx"
head -c 40000 /dev/zero | tr '\0' 'a' >"$TMP/big"
post / -b "$JAR" --data-binary "@$TMP/big"
expect_status 413

done_testing
