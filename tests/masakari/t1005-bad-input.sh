#!/usr/bin/env bash
# Bad input to POST /masakari/throw gets a 4xx page that says what to fix,
# and nothing is stored: empty, blank and over-long critiques, invalid UTF-8,
# control characters, bad IDs, a missing or wrong CSRF token, repeated fields,
# an oversized body; and bad throw ids get a 404.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
masakari_session

stored() { sql "SELECT (SELECT COUNT(*) FROM throws) + (SELECT COUNT(*) FROM attack_jobs) + (SELECT COUNT(*) FROM throw_limits)"; }

# refused STATUS MESSAGE GITHUB_ID CRITIQUE [curl args…]: refused, said why, stored nothing
refused() {
	local status=$1 message=$2 before
	shift 2
	before=$(stored)
	throw "$@" -H "Accept-Language: en"
	expect_status "$status"
	expect_body "$message"
	expect_eq "nothing stored" "$before" "$(stored)"
	expect_eq "no redirect" "" "$THROW_ID"
}
id="bad-$RUN"

t "an empty critique is refused and the form shown again"
refused 400 "Write your critique: the box is empty." "$id" ""
expect_body '<form method="post" action="/masakari/throw"'
expect_body "value=\"$id\""

t "a missing critique field is refused"
before=$(stored)
next_addr
post /masakari/throw --interface "$ADDRESS" -b "$JAR" -H "Accept-Language: en" --data-urlencode "github_id=$id" --data "csrf_token=$CSRF"
expect_status 400
expect_body "Write your critique"
expect_eq "nothing stored" "$before" "$(stored)"

t "a critique of only spaces, tabs and line breaks is refused"
refused 400 "it has only spaces or line breaks" "$id" $' \t\r\n\u3000 '

t "a 501-character critique is refused with its length"
long=$(printf 'a%.0s' $(seq 501))
refused 400 "The critique is 501 characters long. Keep it to 500 characters or fewer." "$id" "$long"
expect_body "$long"

t "501 Japanese characters are counted as characters, not bytes"
refused 400 "The critique is 501 characters long" "$id" "$(printf 'あ%.0s' $(seq 501))"

t "500 characters are accepted, a CR LF line break counting as one"
throw "$id" "$(printf 'あ%.0s' $(seq 500))"
expect_status 303
# 1 + 249 x 2 + 1 = 500 characters in 749 bytes.
throw "$id-crlf" "a$(printf '\r\na%.0s' $(seq 249))b"
expect_status 303
expect_eq "stored with its CR LFs" 749 "$(sql "SELECT LENGTH(critique) FROM throws WHERE id=${THROW_ID:-0}")"

t "invalid UTF-8 is refused and not echoed"
enter "$id"
before=$(stored)
next_addr
post /masakari/throw --interface "$ADDRESS" -b "$JAR" -H "Accept-Language: en" --data-urlencode "github_id=$id" \
	--data "critique=abc%ff%fe&csrf_token=$CSRF"
expect_status 400
expect_body "not valid UTF-8"
expect_no_body $'\xff'
expect_eq "nothing stored" "$before" "$(stored)"

t "an overlong encoding is invalid UTF-8 too"
next_addr
post /masakari/throw --interface "$ADDRESS" -b "$JAR" -H "Accept-Language: en" --data-urlencode "github_id=$id" \
	--data "critique=%c0%afetc%2fpasswd&csrf_token=$CSRF"
expect_status 400
expect_body "not valid UTF-8"

t "control characters are refused"
refused 400 "contains control characters" "$id" $'bubble sort\x01\x02'
refused 400 "contains control characters" "$id" $'escape \x1b[31m red'

t "a github_id field that is not the visitor's own, hostile or not, is refused (403) and not echoed"
enter "$id"
refused 403 "You entered as @$id" "" "bubble sort on every request"
refused 403 "You entered as @$id" "$(printf 'a%.0s' $(seq 40))" "bubble sort on every request"
refused 403 "You entered as @$id" "-$id" "bubble sort on every request"
refused 403 "You entered as @$id" "a--b" "bubble sort on every request"
refused 403 "You entered as @$id" "オクト" "bubble sort on every request"
refused 403 "You entered as @$id" "x' OR '1'='1" "bubble sort on every request"
refused 403 "You entered as @$id" "$(printf 'a%.0s' $(seq 3000))" "bubble sort on every request"
refused 403 "You entered as @$id" "<script>alert(1)</script>" "bubble sort on every request"
expect_no_body "<script>alert(1)</script>"
expect_no_body "&lt;script&gt;"
before=$(stored)
next_addr
post /masakari/throw --interface "$ADDRESS" -b "$JAR" -H "Accept-Language: en" \
	--data "github_id=%ff%fe&critique=bubble&csrf_token=$CSRF"
expect_status 403
expect_no_body $'\xff'
expect_eq "nothing stored" "$before" "$(stored)"

t "the visitor's own ID in another case is theirs: the form goes on to the critique"
refused 400 "Write your critique: the box is empty." "${id^^}" ""

t "a missing CSRF token is forbidden"
before=$(stored)
next_addr
post /masakari/throw --interface "$ADDRESS" -b "$JAR" -H "Accept-Language: en" --data-urlencode "github_id=$id" \
	--data-urlencode "critique=bubble sort on every request"
expect_status 403
expect_body "Reload the page"
expect_eq "nothing stored" "$before" "$(stored)"

t "a wrong CSRF token is forbidden"
before=$(stored)
next_addr
post /masakari/throw --interface "$ADDRESS" -b "$JAR" --data-urlencode "github_id=$id" \
	--data-urlencode "critique=bubble sort on every request" \
	--data "csrf_token=00000000000000000000000000000000"
expect_status 403
expect_eq "nothing stored" "$before" "$(stored)"

t "a token without its cookie is forbidden"
next_addr
post /masakari/throw --interface "$ADDRESS" --data-urlencode "github_id=$id" \
	--data-urlencode "critique=bubble sort on every request" --data "csrf_token=$CSRF"
expect_status 403

# repeated FIELD BODY: a form that sends FIELD twice is refused with a 400
# that names the field, and stores nothing.
repeated() {
	local before
	before=$(stored)
	next_addr
	post /masakari/throw --interface "$ADDRESS" -b "$JAR" -H "Accept-Language: en" --data "$2"
	expect_status 400
	expect_body "The form sent the field &quot;$1&quot; more than once."
	expect_no_body "the box is empty"
	expect_eq "nothing stored" "$before" "$(stored)"
}

t "a repeated critique field is refused, saying it was sent twice"
repeated critique "github_id=$id&critique=hi&critique=ho&csrf_token=$CSRF"

t "a repeated github_id field is refused, saying it was sent twice"
repeated github_id "github_id=$id&github_id=$id-2&critique=hi&csrf_token=$CSRF"

t "a repeated csrf_token field is refused, saying it was sent twice"
repeated csrf_token "github_id=$id&critique=hi&csrf_token=$CSRF&csrf_token=$CSRF"

t "an oversized body gets 413 with a page that says what to fix"
before=$(stored)
head -c 40000 /dev/zero | tr '\0' 'a' | sed "s/^/csrf_token=$CSRF\&github_id=$id\&critique=/" >"$TMP/big"
next_addr
post /masakari/throw --interface "$ADDRESS" -b "$JAR" -H "Accept-Language: en" --data-binary "@$TMP/big"
expect_status 413
expect_body "A critique is at most 500 characters"
expect_eq "nothing stored" "$before" "$(stored)"

t "GET on the throw address is not allowed"
get /masakari/throw
expect_status 405

t "bad throw ids are 404 pages"
for bad in abc 0 -1 1.5 1e3 99999999999999999999 "%27%20OR%201=1" 999999999; do
	get "/masakari/throws/$bad" -H "Accept-Language: en"
	expect_status 404
	expect_body "There is no"
done

t "bad throw ids are 404 JSON under /api/"
for bad in abc 0 -1 99999999999999999999 999999999; do
	get "/api/throws/$bad"
	expect_status 404
	expect_header Content-Type application/json
	expect_eq "error JSON" 404 "$(jq -r .status "$TMP/body")"
done

done_testing
