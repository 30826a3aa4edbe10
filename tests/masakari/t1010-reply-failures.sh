#!/usr/bin/env bash
# When the chat API is slow, fails, talks garbage, returns no choices or is
# not there at all, the throw still lands at once, no reply waits past
# LLM.TimeoutMs, and the server answers with a canned line for the weakness
# hit, in the language the critic reads the site in, recorded as canned.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
trap 'fake_llm_stop; masakari_quiesce; rm -rf "$TMP"' EXIT
masakari_session
timeout_ms=$(sed -n '/^LLM {/,/^}/s/^ *TimeoutMs = \([0-9]*\)$/\1/p' "$MASAKARI_CONFIG")
canned_en="Bubble sort is battle-tested. Feel all n² of those swaps!"
canned_ja="バブルソートは枯れた技術だ。O(n²)の重みを味わえ！"

# canned_throw MODE CRITIQUE EXPECTED-REPLY: throws, checks the fallback
canned_throw() {
	local mode=$1 critique=$2 expected=$3 lang=ja
	[ "$expected" = "$canned_en" ] && lang=en
	throw "fail-$mode-$RUN" "$critique" -H "Accept-Language: $lang"
	expect_status 303
	check "stored with its job" test "$(sql "SELECT COUNT(*) FROM attack_jobs WHERE throw_id=${THROW_ID:-0}")" = 1
	check "a reply comes" wait_reply
	expect_eq "hit" bubble-sort-in-request \
		"$(sql "SELECT w.slug FROM throws t JOIN weaknesses w ON w.id = t.weakness_id WHERE t.id=${THROW_ID:-0}")"
	expect_eq "source" canned "$(sql "SELECT reply_source FROM throws WHERE id=${THROW_ID:-0}")"
	expect_eq "the weakness's own line" "$expected" "$(sql "SELECT reply FROM throws WHERE id=${THROW_ID:-0}")"
}

t "a model slower than the timeout: the throw is answered at once, the reply canned after the timeout"
fake_llm_start slow --delay-ms 20000 --reply "too late"
started=$(date +%s%N)
throw "fail-slow-$RUN" "bubble sort on every request #$RUN" -H "Accept-Language: en"
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
expect_status 303
check "the throw answered in ${elapsed_ms} ms, without waiting for the model" test "$elapsed_ms" -lt "$timeout_ms"
check "a reply comes" wait_reply
expect_eq "source" canned "$(sql "SELECT reply_source FROM throws WHERE id=${THROW_ID:-0}")"
expect_eq "the weakness's own line" "$canned_en" "$(sql "SELECT reply FROM throws WHERE id=${THROW_ID:-0}")"
check "the model was asked" test "$(grep -c . "$TMP/llm.log")" -ge 1
fake_llm_stop

t "an HTTP 500 from the model: canned"
fake_llm_start 500
canned_throw 500 "バブルソートをリクエストのたびに回している $RUN" "$canned_ja"
check "the model was asked" test "$(grep -c . "$TMP/llm.log")" -eq 1
fake_llm_stop

t "garbage instead of JSON: canned"
fake_llm_start garbage
canned_throw garbage "bubble sort on every request ## $RUN" "$canned_en"
fake_llm_stop

t "an empty list of choices: canned"
fake_llm_start empty
canned_throw empty "bubble sort on every request ### $RUN" "$canned_en"
fake_llm_stop

t "nothing listening at the configured address: canned"
canned_throw none "bubble sort on every request #### $RUN" "$canned_en"

t "a miss gets a canned line for a miss"
throw "fail-miss-$RUN" "the logo looks like it was drawn in Paint $RUN" -H "Accept-Language: en"
expect_status 303
check "a reply comes" wait_reply
reply=$(sql "SELECT reply FROM throws WHERE id=${THROW_ID:-0}")
check "one of the miss lines ($reply)" grep -qF "{ CANNED_MISS, EN, \"$reply\" }" "$ROOT/lib/canned.c"

t "a failure is never cached: the model is asked again next time"
fake_llm_start ok --reply "Now I answer."
throw "fail-again-$RUN" "bubble sort on every request ## $RUN"
expect_status 303
check "a reply comes" wait_reply
expect_eq "source" llm "$(sql "SELECT reply_source FROM throws WHERE id=${THROW_ID:-0}")"
expect_eq "reply" "Now I answer." "$(sql "SELECT reply FROM throws WHERE id=${THROW_ID:-0}")"

done_testing
