#!/usr/bin/env bash
# The server's reply from an OpenAI-compatible chat API (bin/tests/fake-llm on
# the port LLM.BaseUrl names): the persona in the critic's language (the site's, as
# the critic chose it), a bounded
# context of earlier critiques, one line of at most 60 characters, and a cache
# by normalised critique.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
trap 'fake_llm_stop; masakari_quiesce; rm -rf "$TMP"' EXIT
masakari_session
model=$(sed -n 's/^ *Model = \(.*\)$/\1/p' "$MASAKARI_CONFIG")
requests() { grep -c . "$TMP/llm.log"; }
last_request() { tail -n 1 "$TMP/llm.log"; }

fake_llm_start ok --reply '  "Bubble sort never hurt anyone, kid."  '

t "an English critique gets the model's words, as one clean line"
throw "llm-en-$RUN" "Bubble sort on every request #$RUN" -H "Accept-Language: en"
expect_status 303
expect_eq "reply" "Bubble sort never hurt anyone, kid." "$(sql "SELECT reply FROM throws WHERE id=$THROW_ID")"
expect_eq "source" llm "$(sql "SELECT reply_source FROM throws WHERE id=$THROW_ID")"
get "/masakari/throws/$THROW_ID" -H "Accept-Language: ja"
expect_body '「Bubble sort never hurt anyone, kid.」'
expect_body '言語モデルの返事'

t "the request is a chat completion for the configured model"
expect_eq "one request" 1 "$(requests)"
expect_eq "path" /v1/chat/completions "$(last_request | jq -r .path)"
expect_eq "model" "$model" "$(last_request | jq -r .body.model)"
expect_eq "no key configured, no Authorization" "" "$(last_request | jq -r .authorization)"

t "the persona is a veteran who hates bad code, answering in English in 60 characters"
system=$(last_request | jq -r '.body.messages[0] | select(.role == "system") | .content')
check "veteran engineer" grep -q "veteran engineer" <<<"$system"
check "hates bad code" grep -q "hates bad code" <<<"$system"
check "in English" grep -q "in English, the critic's language" <<<"$system"
check "at most 60 characters" grep -q "at most 60 characters" <<<"$system"
check "knows what it hit" grep -q "A bubble sort on every request" <<<"$system"
expect_eq "the critique comes last" "Bubble sort on every request #$RUN" \
	"$(last_request | jq -r '.body.messages[-1] | select(.role == "user") | .content')"

t "a Japanese critique asks for Japanese"
throw "llm-ja-$RUN" "サーバーが一台しかない $RUN"
expect_status 303
check "in Japanese" grep -q "in Japanese, the critic's language" \
	<<<"$(last_request | jq -r '.body.messages[0].content')"

t "the context is the last four critiques with their replies, never more"
for i in 1 2 3 4; do
	throw "llm-ctx-$i-$RUN" "context critique $i $RUN"
	expect_status 303
done
expect_eq "system + 4 earlier pairs + this one" 10 "$(last_request | jq '.body.messages | length')"
expect_eq "roles" "system user assistant user assistant user assistant user assistant user" \
	"$(last_request | jq -r '[.body.messages[].role] | join(" ")')"
expect_eq "the earlier critiques, oldest first" \
	"サーバーが一台しかない $RUN|context critique 1 $RUN|context critique 2 $RUN|context critique 3 $RUN" \
	"$(last_request | jq -r '[.body.messages[1:-1][] | select(.role == "user") | .content] | join("|")')"
expect_eq "with the replies they got" "Bubble sort never hurt anyone, kid." \
	"$(last_request | jq -r '.body.messages[-2].content')"

t "the same critique, written differently, is answered from the cache"
before=$(requests)
throw "llm-cache-$RUN" "BUBBLE SORT — on every request!! # $RUN" -H "Accept-Language: en"
expect_status 303
expect_eq "source" cache "$(sql "SELECT reply_source FROM throws WHERE id=$THROW_ID")"
expect_eq "reply" "Bubble sort never hurt anyone, kid." "$(sql "SELECT reply FROM throws WHERE id=$THROW_ID")"
expect_eq "the model was not asked" "$before" "$(requests)"
expect_eq "one cache row for it" 1 \
	"$(sql "SELECT COUNT(*) FROM llm_cache WHERE normalized = CONCAT('en', CHAR(10), 'bubblesortoneveryrequest$RUN')")"
get "/masakari/throws/$THROW_ID" -H "Accept-Language: ja"
expect_body 'キャッシュ'

t "a reply longer than 60 characters is cut to 60, ending in an ellipsis"
fake_llm_stop
fake_llm_start ok --reply "$(printf 'レガシー%.0s' $(seq 30))"
throw "llm-long-$RUN" "long reply please $RUN"
expect_status 303
reply=$(sql "SELECT reply FROM throws WHERE id=$THROW_ID")
expect_eq "60 characters" 60 "$(printf %s "$reply" | wc -m)"
expect_eq "ends in an ellipsis" "…" "${reply: -1}"
expect_eq "source" llm "$(sql "SELECT reply_source FROM throws WHERE id=$THROW_ID")"

done_testing
