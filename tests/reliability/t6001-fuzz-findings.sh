#!/usr/bin/env bash
# What the fuzz targets found, as the real stack answers it: a multipart body
# with a broken boundary crashed the cgi kit's parser in a FastCGI worker; it
# is refused with a 415 before anything reads it, and the worker lives on.
. "$(dirname "$0")/../lib.sh"

worker_pids() {
	pgrep -P "$(cat "$STACK_VAR/run/site.pid")" | sort | tr '\n' ' '
}
before=$(worker_pids)

t "a multipart form whose boundary cannot be read is a 415 that says how to send forms"
start_session
printf -- '--XX\r\nContent-Disposition: form-data; name="github_id"\r\n\r\noctocat\r\n--XX--\r\n' >"$TMP/multipart"
post / -b "$JAR" -H "Content-Type: multipart/form-data; bou$(printf '\f\f\f\f')ndary=XX" \
	--data-binary @"$TMP/multipart"
expect_status 415
expect_body "application/x-www-form-urlencoded"

t "a well-formed multipart form is refused the same way: no form here uploads files"
post / -b "$JAR" -F "github_id=octocat" -F "csrf_token=$CSRF"
expect_status 415

t "the workers that answered are the ones that were running: none crashed"
for i in 1 2 3 4 5 6; do
	post / -b "$JAR" -H "Content-Type: multipart/form-data; boundary" --data-binary @"$TMP/multipart"
done
expect_status 415
expect_eq "site workers" "$before" "$(worker_pids)"

t "the same form sent urlencoded still works"
post / -b "$JAR" --data "github_id=octocat&csrf_token=$CSRF"
expect_status 303

done_testing
