#!/usr/bin/env bash
# The chat API hangs (takes the request and never answers), then drips its
# answer a byte a second, then talks garbage. Every throw still lands with its
# 303, each reply falls back to a canned line once LLM.TimeoutMs has passed,
# the API sees each hung request given up at the timeout, and afterwards no
# FastCGI worker is stuck: the game answers at once.
# timeout: 180
. "$(dirname "$0")/../lib.sh"
. "$ROOT/tests/masakari/masakari.sh"
MASAKARI_FILE_NO=204
trap 'fake_llm_stop; masakari_quiesce; rm -rf "$TMP"' EXIT
timeout_ms=$(sed -n '/^LLM {/,/^}/s/^ *TimeoutMs = \([0-9]*\)$/\1/p' "$MASAKARI_CONFIG")
workers=$(sed -n 's/^ *masakari = \([0-9]*\)$/\1/p' "$MASAKARI_CONFIG")
masakari_session

# throws_at_once N TAG: N throws at the same moment, each from an address of
# its own; $TMP/at-once.TAG has "status seconds location" per throw.
throws_at_once() {
	local n=$1 tag=$2 i pids=()
	local jar=$JAR csrf=$CSRF
	: >"$TMP/at-once.$tag"
	# Each critic enters first, from a browser of its own.
	for i in $(seq "$n"); do
		masakari_session "$TMP/jar.$tag.$i"
		enter "llm-$tag-$i-$RUN"
		echo "$CSRF" >"$TMP/csrf.$tag.$i"
	done
	for i in $(seq "$n"); do
		next_addr
		JAR=$TMP/jar.$tag.$i CSRF=$(cat "$TMP/csrf.$tag.$i")
		curl -sS -o /dev/null -w '%{http_code} %{time_total} %{redirect_url}\n' --max-time 60 \
			--interface "$ADDRESS" -b "$JAR" --data-urlencode "github_id=llm-$tag-$i-$RUN" \
			--data-urlencode "critique=bubble sort on every request $tag $i $RUN" \
			--data "csrf_token=$CSRF" "$BASE/masakari/throw" >>"$TMP/at-once.$tag" &
		pids+=($!)
	done
	wait "${pids[@]}"
	JAR=$jar CSRF=$csrf
}
# The reply each throw of TAG got: its source, once stored (the reply may be
# made after the 303, by the flooder's repliers, each waiting out the API's
# timeout in turn: up to 30 s on a busy machine).
reply_sources() {
	local ids
	ids=$(sed -n 's|.*/masakari/throws/\([0-9]*\)$|\1|p' "$TMP/at-once.$1" | tr '\n' , | sed 's/,$//')
	for _ in $(seq 150); do
		[ "$(sql "SELECT COUNT(*) FROM throws WHERE id IN ($ids) AND reply_source IS NULL")" = 0 ] && break
		sleep 0.2
	done
	sql "SELECT reply_source FROM throws WHERE id IN ($ids)" | sort | uniq -c | sed 's/^ *//'
}
# The game page at once: no worker is left waiting on the API.
game_answers_at_once() {
	local i slow=0
	for i in $(seq $((workers * 3))); do
		curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 10 "$BASE/masakari" >>"$TMP/after"
	done
	awk '$1 != 200 || $2 > 1.5' "$TMP/after" | wc -l
}

n=$((workers * 3))
limit_s=$(awk -v t="$timeout_ms" -v n="$n" -v w="$workers" 'BEGIN { print (t / 1000 + 1.5) * (n / w) + 2 }')

for mode in hang drip garbage; do
	t "the API in '$mode' mode: $n throws at once all land with a 303, within the timeout per worker"
	fake_llm_start "$mode" --delay-ms 1000
	started=$(date +%s.%N)
	throws_at_once "$n" "$mode"
	took=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	expect_eq "statuses" "$n" "$(grep -c '^303 ' "$TMP/at-once.$mode")"
	check "all $n answered in $took s, at most $limit_s s (${timeout_ms} ms per reply, $workers workers)" \
		awk -v a="$took" -v b="$limit_s" 'BEGIN { exit !(a <= b) }'
	t "in '$mode' mode every reply is the canned line, recorded as canned"
	expect_eq "reply sources" "$n canned" "$(reply_sources "$mode")"
	if [ "$mode" != garbage ]; then
		t "in '$mode' mode the API saw every request given up at the timeout, not later"
		sleep 1
		hung=$(jq -r 'select(.hung_up_after_ms) | .hung_up_after_ms' "$TMP/llm.log")
		expect_eq "requests given up" "$n" "$(echo "$hung" | grep -c .)"
		late=$(echo "$hung" | awk -v t="$timeout_ms" '$1 > t + 1000' | wc -l)
		expect_eq "given up later than the timeout + 1 s" 0 "$late"
	fi
	fake_llm_stop
	t "after '$mode' no worker is stuck: the game answers at once"
	expect_eq "slow or failed pages" 0 "$(game_answers_at_once)"
done

t "once the API answers again, replies come from it"
fake_llm_start ok --reply "Back in business."
throw "llm-ok-$RUN" "one server, no redundancy $RUN"
expect_status 303
for _ in $(seq 50); do
	src=$(sql "SELECT reply_source FROM throws WHERE id=${THROW_ID:-0}")
	[ -n "$src" ] && [ "$src" != NULL ] && break
	sleep 0.2
done
expect_eq "source" llm "$src"

done_testing
