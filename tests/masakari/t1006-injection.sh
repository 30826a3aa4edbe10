#!/usr/bin/env bash
# SQL and HTML injection in a critique: stored byte-exact, shown escaped
# everywhere it appears, and the tables are still there.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
masakari_session

hex() { printf %s "$1" | od -An -tx1 -v | tr -d " \n" | tr a-f A-F; }

sqli=$'x\'); DROP TABLE throws; -- " OR 1=1 /* \\\' \\\\ %_'
html='<script>alert("masakari")</script><img src=x onerror=alert(1)> & "q" '"'a'"
html_escaped='&lt;script&gt;alert(&quot;masakari&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp;'

t "a critique full of SQL is stored byte-exact and nothing else happens"
throw "sqli-$RUN" "$sqli"
expect_status 303
sqli_id=$THROW_ID
expect_eq "bytes" "$(hex "$sqli")" "$(sql "SELECT HEX(critique) FROM throws WHERE id=$sqli_id")"
check "throws still there" test "$(sql "SELECT COUNT(*) FROM throws")" -ge 1
expect_eq "its job" 1 "$(sql "SELECT COUNT(*) FROM attack_jobs WHERE throw_id=$sqli_id")"

t "it is shown as text on its page"
get "/masakari/throws/$sqli_id"
expect_status 200
expect_body "x&#39;); DROP TABLE throws; -- &quot; OR 1=1"

t "a critique full of HTML is stored byte-exact"
throw "html-$RUN" "$html"
expect_status 303
html_id=$THROW_ID
expect_eq "bytes" "$(hex "$html")" "$(sql "SELECT HEX(critique) FROM throws WHERE id=$html_id")"

t "it is escaped on its page"
get "/masakari/throws/$html_id"
expect_body "$html_escaped"
expect_no_body '<script>alert("masakari")'
expect_no_body '<img src=x'

t "it is escaped among the recent throws"
get /masakari
expect_body "$html_escaped"
expect_no_body '<script>alert("masakari")'
expect_no_body '<img src=x'

t "a refused critique echoed into the form cannot close the text box"
throw "bad-$RUN" "$(printf 'a%.0s' $(seq 480))</textarea><script>alert(2)</script>"
expect_status 400
expect_body '&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>'
expect_no_body '<script>alert(2)'

t "the JSON carries the critic's ID and reply as JSON strings"
throw_json "$html_id"
expect_eq "github_id" "html-$RUN" "$(jqt .github_id)"
expect_eq "a JSON object" object "$(jq -r type "$TMP/throw.json")"

done_testing
