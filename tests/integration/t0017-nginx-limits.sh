#!/usr/bin/env bash
# nginx limits each client address — pages, throws and the hall's WebSocket —
# with the defaults sized for a hundred people behind one venue NAT
# (docs/ARCHITECTURE.md): a real flood from one address is cut off with a 429
# page, while another address and the flooder's own address go on unhindered.
# Floods come from loopback addresses of this file's own (127.17.x.y).
. "$(dirname "$0")/../lib.sh"

PORT=${BASE##*:}
WS_HOLD=$ROOT/tests/tools/ws_hold.py
CONF=$STACK_VAR/nginx/nginx.conf

# flood FROM COUNT PATH [curl args…]: COUNT requests, 50 at a time, from address
# FROM; leaves "status count" lines in $TMP/codes and the body of a refused
# one (if any) in $TMP/refused.
flood() {
	local from=$1 count=$2 path=$3
	shift 3
	rm -rf "$TMP/out" "$TMP/refused"
	mkdir "$TMP/out"
	for i in $(seq "$count"); do
		printf 'url = "%s"\noutput = "%s"\n' "$BASE$path" "$TMP/out/$i"
	done >"$TMP/urls"
	curl -s --parallel --parallel-max 50 --interface "$from" --max-time 20 "$@" \
		-w '%{http_code} %{filename_effective}\n' -K "$TMP/urls" 2>/dev/null >"$TMP/answers"
	cut -d' ' -f1 "$TMP/answers" | sort | uniq -c | awk '{print $2, $1}' >"$TMP/codes"
	local refused
	refused=$(awk '$1 == 429 {print $2; exit}' "$TMP/answers")
	[ -n "$refused" ] && cp "$refused" "$TMP/refused"
	rm -rf "$TMP/out"
}
count_of() { awk -v s="$1" '$1 == s {print $2}' "$TMP/codes" | grep . || echo 0; }

t "the limits are in the configuration nginx runs, with their defaults"
check "limit_conn on every request" grep -qE '^\s*limit_conn masakari_conn 1024;' "$CONF"
check "limit_req on pages" grep -qE 'limit_req_zone .* zone=masakari_page_rate:.* rate=100r/s;' "$CONF"
check "limit_req on throws" grep -qE 'limit_req_zone .* zone=masakari_throws:.* rate=120r/m;' "$CONF"
check "limit_conn on /ws" grep -qE '^\s*limit_conn masakari_ws_conn 400;' "$CONF"
check "limit_req on /ws" grep -qE 'limit_req_zone .* zone=masakari_ws:.* rate=10r/s;' "$CONF"

t "a page flood from one address is cut off with 429 once past its burst"
started=$(date +%s)
flood 127.17.0.2 1000 /
expect_eq "every request answered" 1000 "$(($(count_of 200) + $(count_of 429)))"
check "the burst (400) is served: $(count_of 200) were" test "$(count_of 200)" -ge 400
check "the rest is refused: $(count_of 429) were" test "$(count_of 429)" -ge 100
echo "# 1000 pages from one address: $(count_of 200) served, $(count_of 429) refused in $(($(date +%s) - started)) s"

t "the refusal is the 429 page that says to wait"
check "a refused page is static/errors/ja/429.html" cmp -s "$TMP/refused" "$ROOT/static/errors/ja/429.html"
check "which says to wait" grep -q 'Wait a few seconds' "$ROOT/static/errors/en/429.html"

t "under /api/ the refusal is JSON"
flood 127.17.0.7 600 /api/status
check "refused: $(count_of 429)" test "$(count_of 429)" -ge 1
expect_eq "body (nginx's page in Japanese, asked for no language)" "$(cat "$ROOT/static/errors/ja/429.json")" \
	"$(cat "$TMP/refused" 2>/dev/null)"

t "another address is not affected by that flood"
get / --interface 127.17.0.3
expect_status 200

t "the flooder's address (127.0.0.1) is never limited: it attacks /legacy/random by design"
flood 127.0.0.1 1000 /
expect_eq "all served" "1000" "$(count_of 200)"

t "a throw flood with no identity from one address is cut off after 60 throws"
flood 127.17.0.4 100 /masakari/throw --data "critique=x"
# Without a CSRF token the program refuses each throw it is given (403): the
# ones nginx lets through. A throw costs far more than a page, hence 60.
check "throws let through: $(count_of 403)" test "$(count_of 403)" -ge 60 -a "$(count_of 403)" -le 70
check "throws refused by nginx: $(count_of 429)" test "$(count_of 429)" -ge 30
check "the throw page's 429 is HTML" cmp -s "$TMP/refused" "$ROOT/static/errors/ja/429.html"
t "throws are limited apart from pages: the same address still gets the form"
get /masakari --interface 127.17.0.4
expect_status 200

t "one address holds at most 50 spectators' hall connections, well within nginx's bound of 400"
# Connections with no identity are spectators: the daemon caps them per
# address (Halld.SpectatorsPerAddress) far below nginx's bound on all hall
# connections, which is there against one address taking the daemon.
python3 "$WS_HOLD" 127.0.0.1 "$PORT" --from 127.17.0.5 --count 80 --hold 3 >"$TMP/codes" &
holder=$!
sleep 1.5
# Meanwhile another address joins.
python3 "$WS_HOLD" 127.0.0.1 "$PORT" --from 127.17.0.6 --count 1 >"$TMP/other"
wait "$holder"
expect_eq "connections accepted" 50 "$(count_of 101)"
expect_eq "connections refused" 30 "$(count_of 429)"
expect_eq "the other address joins meanwhile" "101 1" "$(cat "$TMP/other")"

t "new hall connections from one address are limited to a rate, even closed at once"
sleep 1
python3 "$WS_HOLD" 127.0.0.1 "$PORT" --from 127.17.0.8 --count 400 --one-at-a-time --hold 0 >"$TMP/codes"
check "the burst (200) is accepted: $(count_of 101)" test "$(count_of 101)" -ge 200
check "the rest is refused: $(count_of 429)" test "$(count_of 429)" -ge 50

done_testing
