#!/usr/bin/env bash
# The server's reply from an OpenAI-compatible chat API (bin/tests/fake-llm on
# the port LLM.BaseUrl names), fetched off the request path by the flooder's
# repliers: the persona in the critic's language, a bounded context of the
# same critic's earlier critiques (never anyone else's), one line of at most
# 60 characters, and a cache by normalised critique of replies made from the
# critique alone.
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
check "a reply comes" wait_reply
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
check "a reply comes" wait_reply
check "in Japanese" grep -q "in Japanese, the critic's language" \
	<<<"$(last_request | jq -r '.body.messages[0].content')"

t "the context is the same critic's last four critiques with their replies, never more"
for i in 1 2 3 4 5; do
	# One throw per ID every Masakari.ThrowIntervalSeconds (3).
	[ "$i" -gt 1 ] && sleep 3
	throw "llm-ctx-$RUN" "context critique $i $RUN"
	expect_status 303
	check "a reply comes" wait_reply
	# Another critic throws between them: never part of this critic's context.
	throw "llm-other-$i-$RUN" "someone else's critique $i $RUN"
	expect_status 303
	check "a reply comes" wait_reply
done
grep -F "context critique 5 $RUN" "$TMP/llm.log" | tail -n 1 >"$TMP/ctx.json"
expect_eq "system + 4 earlier pairs + this one" 10 "$(jq '.body.messages | length' "$TMP/ctx.json")"
expect_eq "roles" "system user assistant user assistant user assistant user assistant user" \
	"$(jq -r '[.body.messages[].role] | join(" ")' "$TMP/ctx.json")"
expect_eq "the critic's own earlier critiques, oldest first" \
	"context critique 1 $RUN|context critique 2 $RUN|context critique 3 $RUN|context critique 4 $RUN" \
	"$(jq -r '[.body.messages[1:-1][] | select(.role == "user") | .content] | join("|")' "$TMP/ctx.json")"
expect_eq "with the replies they got" "Bubble sort never hurt anyone, kid." \
	"$(jq -r '.body.messages[-2].content' "$TMP/ctx.json")"
t "another critic's first throw is sent alone: the persona and the critique"
grep -F "someone else's critique 1 $RUN" "$TMP/llm.log" | tail -n 1 >"$TMP/other.json"
expect_eq "system + this one" "system user" "$(jq -r '[.body.messages[].role] | join(" ")' "$TMP/other.json")"
check "no other critic's words" bash -c "! grep -q 'context critique' '$TMP/other.json'"
t "a reply made with earlier critiques in the context is not cached; one made from the critique alone is"
# The cache is keyed by the throw's language and the normalised critique.
expect_eq "no cache row for a reply with context" 0 \
	"$(sql "SELECT COUNT(*) FROM llm_cache WHERE normalized LIKE CONCAT('%', CHAR(10), 'contextcritique5$RUN')")"
expect_eq "a cache row for the critic's first" 1 \
	"$(sql "SELECT COUNT(*) FROM llm_cache WHERE normalized LIKE CONCAT('%', CHAR(10), 'contextcritique1$RUN')")"

t "the same critique, written differently, is answered from the cache"
before=$(requests)
throw "llm-cache-$RUN" "BUBBLE SORT — on every request!! # $RUN" -H "Accept-Language: en"
expect_status 303
check "a reply comes" wait_reply
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
check "a reply comes" wait_reply
reply=$(sql "SELECT reply FROM throws WHERE id=$THROW_ID")
expect_eq "60 characters" 60 "$(printf %s "$reply" | wc -m)"
expect_eq "ends in an ellipsis" "…" "${reply: -1}"
expect_eq "source" llm "$(sql "SELECT reply_source FROM throws WHERE id=$THROW_ID")"

done_testing
