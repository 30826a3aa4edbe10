#!/usr/bin/env bash
# A throw belongs to the language its critic uses the site in: stored with
# the throw, the language the server answers in (canned or from the model,
# cached apart), and the language of the page the throw redirects to.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
trap 'fake_llm_stop; masakari_quiesce; rm -rf "$TMP"' EXIT
masakari_session
last_request() { tail -n 1 "$TMP/llm.log"; }
system_prompt() { last_request | jq -r '.body.messages[0].content'; }
# A copy of the session's cookie jar with masakari_lang set to VALUE, in $LANG_JAR.
jar_with_lang() {
	LANG_JAR=$TMP/jar-lang
	grep -v 'masakari_lang\|identity' "$JAR" >"$LANG_JAR"
	printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tmasakari_lang\t%s\n' "$1" >>"$LANG_JAR"
}
# throw() keeps its cookies in $JAR: the language cookie must not stay there.
forget_lang() { sed -i '/masakari_lang/d' "$JAR"; }
# replied_in LANG WHAT: the throw just made answered 303 and is stored in
# LANG, and its reply, written off the request path, is one of
# lib/canned.c's lines in LANG (checked as WHAT); the reply is left in $reply.
replied_in() {
	expect_status 303
	expect_eq "stored language" "$1" "$(sql "SELECT lang FROM throws WHERE id=${THROW_ID:-0}")"
	check "the reply arrives off the request path" wait_reply
	reply=$(sql "SELECT reply FROM throws WHERE id=${THROW_ID:-0}")
	check "$2 ($reply)" grep -qF "${1^^}, \"$reply\"" "$ROOT/lib/canned.c"
}

t "a critic on the English site gets English canned words, even for a Japanese critique"
jar_with_lang en
throw "lang-en-$RUN" "リクエストのたびにバブルソートしている $RUN" -b "$LANG_JAR"
forget_lang
replied_in en "an English line"

t "the redirect after the throw leads to a page in the critic's language"
enter "lang-follow-$RUN" --interface 127.30.9.9
curl -sS -o "$TMP/body" -L --interface 127.30.9.9 -b "$JAR" -H "Accept-Language: en" \
	--data-urlencode "github_id=lang-follow-$RUN" --data-urlencode "critique=cron as the scheduler $RUN" \
	--data "csrf_token=$CSRF" "$BASE/masakari/throw"
expect_body '<html lang="en">'
expect_body 'Words of wisdom from the server'
expect_no_body 'サーバーからのありがたいお言葉'

t "a critic on the Japanese site gets Japanese words for an English critique"
throw "lang-ja-$RUN" "bubble sort on every request $RUN" -H "Accept-Language: ja"
replied_in ja "a Japanese line"
throw_json "$THROW_ID"
expect_eq "the API says the throw's language" ja "$(jqt .lang)"

t "the model is asked to answer in the throw's language, and the cache keeps languages apart"
fake_llm_start ok --reply "Answer."
throw "lang-llm-en-$RUN" "single server forever $RUN" -H "Accept-Language: en-GB,ja;q=0.5"
expect_status 303
check "the reply arrives off the request path" wait_reply
check "in English" grep -q "in English, the critic's language" <<<"$(system_prompt)"
throw "lang-llm-ja-$RUN" "single server forever $RUN" -H "Accept-Language: ja"
expect_status 303
check "the reply arrives off the request path" wait_reply
expect_eq "not answered from the English entry" llm "$(sql "SELECT reply_source FROM throws WHERE id=${THROW_ID:-0}")"
check "in Japanese" grep -q "in Japanese, the critic's language" <<<"$(system_prompt)"
check "the context holds only earlier Japanese throws" \
	test "$(last_request | jq -r '[.body.messages[] | select(.role == "user") | .content] | map(select(test("cron as the scheduler"))) | length')" = 0
expect_eq "two cache entries" 2 "$(sql "SELECT COUNT(*) FROM llm_cache WHERE normalized LIKE '%singleserverforever$RUN'")"
throw "lang-llm-en2-$RUN" "Single server, forever! $RUN" -H "Accept-Language: en"
check "the reply arrives off the request path" wait_reply
expect_eq "the English entry answers English" cache "$(sql "SELECT reply_source FROM throws WHERE id=${THROW_ID:-0}")"
fake_llm_stop

t "a refused throw is told in the critic's language, and the switch goes to /masakari"
throw "lang-bad-$RUN" "" -H "Accept-Language: en"
expect_status 400
expect_body "Write your critique: the box is empty."
expect_body 'href="/masakari?lang=ja"'
throw "lang-bad-$RUN" "" -H "Accept-Language: ja"
expect_body "まさかりを書いてください: 欄が空です。"
next_addr
post /masakari/throw --interface "$ADDRESS" -b "$JAR" -H "Accept-Language: en" \
	--data "github_id=lang--bad&critique=x&csrf_token=$CSRF"
expect_body "You entered as @lang-bad-$RUN"

t "a hostile language cookie on a throw is ignored: the throw is Japanese"
for bad in "xx" "en'; DROP TABLE throws; --" "$(printf 'e%.0s' $(seq 1 3000))"; do
	jar_with_lang "$bad"
	throw "lang-hostile-$RANDOM-$RUN" "templates parsed per request $RANDOM $RUN" -b "$LANG_JAR" -H "Accept-Language: fr"
	forget_lang
	expect_status 303
	expect_eq "stored language for cookie ${bad:0:20}" ja "$(sql "SELECT lang FROM throws WHERE id=${THROW_ID:-0}")"
done
expect_eq "the throws table is there" 1 "$(sql "SELECT COUNT(*) > 0 FROM throws")"

done_testing
