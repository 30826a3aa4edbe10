#!/usr/bin/env bash
# POST /masakari/throw: scores the critique, stores the throw and its attack
# job together, answers 303 to the throw's page, and the page and the JSON
# show what was stored.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
masakari_session
target=$(sed -n 's/^ *0 = \(http.*\/legacy\/random\)$/\1/p' "$MASAKARI_CONFIG")
critique='リクエストのたびにバブルソートしてて重い'
# refused LANG MESSAGE [curl args…]: a throw from $JAR's browser, from an
# address of its own, with the page in LANG, is a 403 that says MESSAGE.
refused() {
	next_addr
	post /masakari/throw --interface "$ADDRESS" -b "$JAR" -H "Accept-Language: $1" "${@:3}" \
		--data "csrf_token=$CSRF"
	expect_status 403
	expect_body "$2"
}

t "a valid throw, by the ID entered at the entrance, answers 303 to its own page"
check "the target is quiet before this test's attack" target_quiet
throw "thrower-1-$RUN" "$critique"
expect_status 303
check "Location is /masakari/throws/<id> (got '$(header Location)')" test -n "$THROW_ID"
check "no github_id cookie" sh -c "! grep -qi '^Set-Cookie: github_id=' '$TMP/headers'"

t "the throw is stored byte-exact with the score masakarictl gives"
expected=$("$ROOT/bin/masakarictl" score "$critique")
score=$(awk '$1 == "score" { print $2 }' <<<"$expected")
power=$(awk '$1 == "power" { print $2 }' <<<"$expected")
slug=$(awk '$1 == "weakness" { print $2 }' <<<"$expected")
expect_eq "weakness" "bubble-sort-in-request" "$slug"
expect_eq "critic" "thrower-1-$RUN" "$(sql "SELECT github_id FROM throws WHERE id=$THROW_ID")"
expect_eq "critique bytes" "$(printf %s "$critique" | od -An -tx1 -v | tr -d " \n" | tr a-f A-F)" \
	"$(sql "SELECT HEX(critique) FROM throws WHERE id=$THROW_ID")"
expect_eq "score" "$score" "$(sql "SELECT FORMAT(score, 6) FROM throws WHERE id=$THROW_ID")"
expect_eq "power" "$power" "$(sql "SELECT power FROM throws WHERE id=$THROW_ID")"
expect_eq "weakness row" "bubble-sort-in-request" \
	"$(sql "SELECT w.slug FROM throws t JOIN weaknesses w ON w.id = t.weakness_id WHERE t.id=$THROW_ID")"
expect_eq "normalised text" "リクエストのたびにバブルソートしてて重い" \
	"$(sql "SELECT normalized FROM throws WHERE id=$THROW_ID")"
expect_eq "address" "127" "$(sql "SELECT SUBSTRING_INDEX(remote_addr, '.', 1) FROM throws WHERE id=$THROW_ID")"

t "its attack job is queued at the throw's power against the configured target"
expect_eq "one job" 1 "$(sql "SELECT COUNT(*) FROM attack_jobs WHERE throw_id=$THROW_ID")"
expect_eq "rate" "$power" "$(sql "SELECT rate FROM attack_jobs WHERE throw_id=$THROW_ID")"
expect_eq "duration" 10 "$(sql "SELECT duration_s FROM attack_jobs WHERE throw_id=$THROW_ID")"
expect_eq "target from the config" "$target" \
	"$(sql "SELECT target_url FROM attack_jobs WHERE throw_id=$THROW_ID")"

t "the server's reply is stored with where it came from"
check "a reply comes" wait_reply
check "a reply" test -n "$(sql "SELECT reply FROM throws WHERE id=$THROW_ID AND reply <> ''")"
expect_eq "canned (no model listening)" canned "$(sql "SELECT reply_source FROM throws WHERE id=$THROW_ID")"

t "the throw's page shows score, weakness, power, progress and reply"
get "/masakari/throws/$THROW_ID"
expect_status 200
expect_body "まさかり #$THROW_ID"
expect_body "$critique"
expect_body "<dd class=\"score\">$(printf '%.3f' "$score")</dd>"
expect_body 'リクエストのたびにバブルソート'
expect_body "<span id=\"power\">$power</span> リクエスト/秒 × 10 秒"
expect_body "<span id=\"attack-total\">$((power * 10))</span>"
expect_body '<progress id="attack-progress"'
expect_body '<script type="module" src="/static/js/throw.js"></script>'
expect_body "$(sql "SELECT reply FROM throws WHERE id=$THROW_ID")"
expect_body '定型文'

t "/api/throws/<id> has exactly the fields DESIGN.md lists, the rest of the flooder's report, and the throw's language"
throw_json "$THROW_ID"
expect_eq "fields" "codes,duration_s,errors,errors_by_kind,failure_reason,finished_at,github_id,id,lang,max_ms,ok,p50_ms,p90_ms,p99_ms,power,rate,reply,score,sent,started_at,status,weakness" \
	"$(jq -r 'keys | join(",")' "$TMP/throw.json")"
expect_eq "errors by kind" "connect,http,other,timeout" "$(jq -r '.errors_by_kind | keys | join(",")' "$TMP/throw.json")"
expect_eq "id" "$THROW_ID" "$(jqt .id)"
expect_eq "github_id" "thrower-1-$RUN" "$(jqt .github_id)"
expect_eq "score" "$score" "$(printf '%.6f' "$(jqt .score)")"
expect_eq "weakness slug" bubble-sort-in-request "$(jqt .weakness.slug)"
expect_eq "power" "$power" "$(jqt .power)"
expect_eq "duration" 10 "$(jqt .duration_s)"
check "status is a job status" grep -qx 'queued\|running\|done\|failed' <<<"$(jqt .status)"
expect_eq "codes is an object" object "$(jqt '.codes | type')"
expect_eq "sent is a number" number "$(jqt '.sent | type')"
expect_eq "reply" "$(sql "SELECT reply FROM throws WHERE id=$THROW_ID")" "$(jqt .reply)"
get "/api/throws/$THROW_ID"
expect_header Content-Type "application/json"
expect_header Cache-Control "no-store"

t "the flooder runs the job and the report appears on the page and in the JSON"
for _ in $(seq 60); do
	throw_json "$THROW_ID"
	[ "$(jqt .status)" = done ] && break
	sleep 1
done
expect_eq "status" done "$(jqt .status)"
expect_eq "sent all" "$((power * 10))" "$(jqt .sent)"
expect_eq "ok + errors = sent" "$(jqt .sent)" "$(jq -r '.ok + .errors' "$TMP/throw.json")"
expect_eq "p50 is a number" number "$(jqt '.p50_ms | type')"
expect_eq "errors by kind add up to errors" "$(jqt .errors)" "$(jq -r '[.errors_by_kind[]] | add' "$TMP/throw.json")"
expect_eq "errors by kind as the job row has them" \
	"$(sql "SELECT CONCAT_WS(' ', errors_connect, errors_timeout, errors_http) FROM attack_jobs WHERE throw_id=$THROW_ID")" \
	"$(jq -r '.errors_by_kind | "\(.connect) \(.timeout) \(.http)"' "$TMP/throw.json")"
check "started and finished, in that order" jq -e '.started_at != null and .finished_at != null and .started_at <= .finished_at' "$TMP/throw.json"
expect_eq "start as the job row has it" "$(sql "SELECT DATE_FORMAT(started_at, '%Y-%m-%d %H:%i:%s') FROM attack_jobs WHERE throw_id=$THROW_ID")" "$(jqt .started_at)"
expect_eq "no failure reason" null "$(jqt .failure_reason)"
expect_eq "max is a number" number "$(jqt '.max_ms | type')"
expect_eq "codes add up to the answers" "$(jq -r '[.codes[]] | add // 0' "$TMP/throw.json")" \
	"$(sql "SELECT ok + errors_http FROM attack_jobs WHERE throw_id=$THROW_ID")"
get "/masakari/throws/$THROW_ID"
expect_body '<section class="report" id="attack-report">'
expect_body "<td id=\"report-sent\">$((power * 10))</td>"
check "latency figures" grep -q '<td id="report-latency">[0-9.]* / [0-9.]* / [0-9.]* / [0-9.]* ms' "$TMP/body"
if [ "$(jq -r '.codes | length' "$TMP/throw.json")" -gt 0 ]; then
	check "status codes" grep -q '<span class="code">[1-5][0-9][0-9]: [0-9]*</span>' "$TMP/body"
else
	expect_body '<td id="report-codes">–</td>'
fi

t "a throw that misses is stored with no weakness and still attacks"
throw "thrower-2-$RUN" "the logo looks like it was drawn in Paint"
expect_status 303
expect_eq "no weakness" NULL "$(sql "SELECT IFNULL(weakness_id, 'NULL') FROM throws WHERE id=$THROW_ID")"
check "power at least 1" test "$(sql "SELECT power FROM throws WHERE id=$THROW_ID")" -ge 1
expect_eq "job" 1 "$(sql "SELECT COUNT(*) FROM attack_jobs WHERE throw_id=$THROW_ID")"
get "/masakari/throws/$THROW_ID"
expect_body 'カタログのどの弱点にも当たらなかった'
throw_json "$THROW_ID"
expect_eq "weakness is null" null "$(jqt .weakness)"

t "with an identity, the form shows the ID, read-only"
masakari_session "$TMP/mine"
enter "thrower-9-$RUN"
get /masakari -b "$JAR"
expect_body "value=\"thrower-9-$RUN\" readonly"

t "a github_id field naming someone else is refused (403) in each language, and nothing is stored"
before=$(sql "SELECT COUNT(*) FROM throws")
refused en "You entered as @thrower-9-$RUN" \
	--data-urlencode "github_id=victim-$RUN" --data-urlencode "critique=cron is the scheduler"
refused ja "自分の ID でしか投げられません" \
	--data-urlencode "github_id=victim-$RUN" --data-urlencode "critique=cron is the scheduler"
expect_eq "nothing stored" "$before" "$(sql "SELECT COUNT(*) FROM throws")"
expect_eq "nothing in the victim's name" 0 "$(sql "SELECT COUNT(*) FROM throws WHERE github_id='victim-$RUN'")"

t "a throw without an identity asks the visitor to enter at the entrance first (403)"
masakari_session "$TMP/nobody"
expect_eq "the form says so" 1 "$(grep -c 'id="throw-enter-first"' "$TMP/form")"
refused en "Enter the hall at the entrance first" \
	--data-urlencode "github_id=victim-$RUN" --data-urlencode "critique=cron is the scheduler"
refused ja "先に入口で入場してください" \
	-b "github_id=victim-$RUN" --data-urlencode "critique=cron is the scheduler"
expect_eq "nothing in the victim's name" 0 "$(sql "SELECT COUNT(*) FROM throws WHERE github_id='victim-$RUN'")"

t "a throw without the github_id field is made by the identity"
masakari_session "$TMP/own"
enter "own-$RUN"
next_addr
post /masakari/throw --interface "$ADDRESS" -b "$JAR" --data-urlencode "critique=one server and no redundancy $RUN" \
	--data "csrf_token=$CSRF"
expect_status 303
expect_eq "own ID" 1 "$(sql "SELECT COUNT(*) FROM throws WHERE github_id='own-$RUN'")"

t "a throw by an identity a GitHub sign-in proved is marked verified on its page and in the ranking"
# (tests/integration/t0035-github-sign-in.sh signs in for real; here the hold
# is marked as a sign-in marks it.)
masakari_session "$TMP/proven"
enter "proven-$RUN"
sql "UPDATE identities SET verified = 1, github_user_id = 424242 WHERE github_id = 'proven-$RUN'"
next_addr
post /masakari/throw --interface "$ADDRESS" -b "$JAR" -H "Accept-Language: en" \
	--data-urlencode "critique=the hall polls the database every second $RUN" --data "csrf_token=$CSRF"
expect_status 303
proven=$(header Location)
expect_eq "stored verified" 1 "$(sql "SELECT verified FROM throws WHERE github_id = 'proven-$RUN'")"
expect_eq "with the GitHub account that proved it" 424242 \
	"$(sql "SELECT github_user_id FROM throws WHERE github_id = 'proven-$RUN'")"
expect_eq "an unproven throw has none" NULL "$(sql "SELECT COALESCE(github_user_id, 'NULL') FROM throws WHERE github_id = 'own-$RUN'")"
get "$proven" -H "Accept-Language: en"
expect_body 'class="verified"'
get "/masakari/throws/$(sql "SELECT id FROM throws WHERE github_id = 'own-$RUN'")" -H "Accept-Language: en"
expect_no_body 'class="verified"'
get /masakari/ranking -H "Accept-Language: en" -H "Pragma: no-cache"
check "the ranking marks the verified critic" grep -q "@proven-$RUN <span class=\"verified\"" "$TMP/body"
check "and not the others" sh -c "! grep -q '@own-$RUN <span class=\"verified\"' '$TMP/body'"

done_testing
