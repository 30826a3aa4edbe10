#!/usr/bin/env bash
# A fresh installation as `make run` makes one: no chat API configured and no
# HP samples recorded yet. Started as a second private stack of its own, so
# that the configuration is the default one, and without the hall daemon (the
# one writer of samples), so that none appear while the test looks.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"

unset MASAKARI_LLM_BASE_URL
mkdir -p "$TMP/bin"
for program in "$ROOT"/bin/*; do
	[ "$(basename "$program")" = masakari-halld ] || ln -s "$program" "$TMP/bin/"
done
STACK_BIN=$TMP/bin
# Run as root, the stack's nginx workers are www-data: they must reach its sockets.
chmod 755 "$TMP"
stack_init "$TMP/stack" "$(stack_free_port)" || exit 1
trap 'stack_stop; rm -rf "$TMP"' EXIT
BASE=http://127.0.0.1:$STACK_PORT
if ! stack_start; then
	tail -n 20 "$STACK_VAR"/log/*.log
	exit 1
fi

t "the configuration names no chat API"
expect_eq "LLM.BaseUrl" "" "$(awk '/^LLM \{/ { llm = 1 } llm && $1 == "BaseUrl" { print $3; exit }' "$MASAKARI_CONFIG")"

t "with no samples recorded, the HP history says so instead of drawing a line"
expect_eq "no samples" 0 "$(sql "SELECT COUNT(*) FROM status_samples")"
get /masakari
expect_status 200
expect_body '<text class="chart-empty" x="315" y="95" text-anchor="middle">直近 10 分のサンプルがありません</text>'
expect_body '直近 10 分の HP のサンプルがまだありません'
expect_no_body '<polyline'
expect_no_body 'hp-now'

t "with no throws yet, the page says so"
expect_body 'まだ誰もまさかりを投げていない'
expect_body 'まだ一本も投げられていない'

t "a throw with no chat API configured gets a canned reply at once"
masakari_session
throw "fresh-$RUN" "サーバー1台で冗長化なし"
expect_status 303
expect_eq "source" canned "$(sql "SELECT reply_source FROM throws WHERE id=${THROW_ID:-0}")"
expect_eq "the weakness's own line in Japanese" "この1台で何年も回してきたんだ。落ちたらそのとき考える。" \
	"$(sql "SELECT reply FROM throws WHERE id=${THROW_ID:-0}")"
check "no attempt to reach a model was logged" bash -c "! grep -q 'llm:' '$STACK_VAR'/log/*.log"
get "/masakari/throws/${THROW_ID:-0}"
expect_body '<p class="reply-source" data-source="canned">定型文（言語モデルの返事がなかった）</p>'

t "the ranking of a fresh installation"
get /masakari/ranking
expect_status 200
expect_body "@fresh-$RUN"
total=$(sql "SELECT COUNT(*) FROM weaknesses")
expect_body "<strong id=\"unfound-count\">$((total - 1))</strong>"
expect_body '見つかった弱点（1）'

done_testing
