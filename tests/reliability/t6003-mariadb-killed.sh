#!/usr/bin/env bash
# MariaDB is killed (SIGKILL) while pages load, throws are being made and hall
# visitors move and chat, then started again. During the outage a page that
# needs the database is a 503 that says so; afterwards everything works again
# without restarting anything; the hall kept every connection; and nothing a
# user was told had succeeded is lost: every throw answered 303 and every chat
# message that was broadcast is in the database.
# timeout: 240
. "$(dirname "$0")/../lib.sh"
. "$ROOT/tests/masakari/masakari.sh"
MASAKARI_FILE_NO=203   # throws from 127.203.x.x, an address block of this file's own
prefix="t6003-$RUN"

mariadb_kill() {
	local pid
	pid=$(cat "$STACK_VAR/run/mysqld.pid")
	kill -KILL "$pid"
	while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}
fcgi_pids() {
	for f in site api masakari; do
		cat "$STACK_VAR/run/$f.pid"
		pgrep -P "$(cat "$STACK_VAR/run/$f.pid")"
	done | sort | tr '\n' ' '
}
halld_pid() { awk '$1 == "halld" { print $2 }' "$STACK_VAR/pids" | tail -1; }
pids_before="$(fcgi_pids) $(halld_pid)"

# Page loads, one after another, each status and time on a line.
pages() {
	TMP=$TMP/pages.d && mkdir -p "$TMP"
	while [ ! -e "$TMP/../stop" ]; do
		curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 10 "$BASE/exhibits/kisei/go"
		sleep 0.05
	done >"$TMP/../pages.log"
}
# Throws, one after another, each from an address of its own: the status,
# and the throw's id when it was a 303.
throws() {
	TMP=$TMP/throws.d && mkdir -p "$TMP"
	masakari_session "$TMP/throw-jar"
	local i=0
	while [ ! -e "$TMP/../stop" ]; do
		i=$((i + 1))
		# "-t": the hall witnesses hold $prefix-1, $prefix-2, …
		throw "$prefix-t$i" "バブルソートをリクエストのたびに回している $i"
		echo "$(status) ${THROW_ID:-}"
		sleep 0.2
	done >"$TMP/../throws.log"
}

t "before the outage the site, a throw and the hall all work"
masakari_session
throw "$prefix-first" "サーバー1台で冗長化なし"
expect_status 303
"$ROOT/tests/reliability/node-run.sh" hall-witness.mjs 10 "$prefix" "$TMP/stop" "$TMP/hall.json" &
witness=$!
# Its visitors are in the hall as themselves before anything breaks.
witness_ready "$witness" "$TMP/hall.json"
pages &
pager=$!
throws &
thrower=$!
sleep 4

mariadb_kill
outage_start=$(date +%s.%N)
sleep 3

t "during the outage a page that needs the database is a 503 that says so"
get /exhibits/kisei/go -H "Accept-Language: en"
expect_status 503
expect_body "The database is unavailable"
# With the form taken before the outage (a page without the database has none).
throw "$prefix-outage" "cronがジョブスケジューラ"
expect_status 503

t "during the outage pages that need no database still work"
# The entrance's form, to a browser without an identity cookie: the site's
# own workers, and no query. (The legacy service needs no database either,
# but the attacks the throws above started are flooding it, as they should.)
get / -H "Accept-Language: en"
expect_status 200
expect_body 'name="github_id"'

sleep 3
stack_start_mariadb >/dev/null 2>&1
mariadb_up() { mariadb-admin --no-defaults -S "$STACK_VAR/run/mysqld.sock" -u "$STACK_USER" ping >/dev/null 2>&1; }
check "MariaDB is back" mariadb_up
outage_end=$(date +%s.%N)
# The hall daemon retries every few seconds; give the backlog time to go in.
sleep 8
touch "$TMP/stop"
wait "$pager" "$thrower"
wait "$witness"
witness_rc=$?

t "after the outage everything works again, with no program restarted"
get /exhibits/kisei/go
expect_status 302
masakari_session
throw "$prefix-after" "ジョブスケジューラがcron"
expect_status 303
expect_eq "the FastCGI supervisors, workers and the hall daemon" "$pids_before" \
	"$(fcgi_pids) $(halld_pid)"

t "pages answered 302 before and after, 503 between, and never anything else"
others=$(awk '$1 != 302 && $1 != 503' "$TMP/pages.log" | sort | uniq -c)
expect_eq "statuses other than 302 and 503" "" "$others"
check "some pages were 503 (the outage was seen)" grep -q '^503 ' "$TMP/pages.log"
check "the last page was a 302 (recovered)" [ "$(tail -1 "$TMP/pages.log" | cut -d' ' -f1)" = 302 ]
slow=$(awk '$2 > 5' "$TMP/pages.log" | wc -l)
expect_eq "pages that took more than 5 s" 0 "$slow"

t "every throw that got its 303 is in the database, with its attack job"
awk '$1 != 303 && $1 != 503 && $1 != 429' "$TMP/throws.log" | sort | uniq -c >"$TMP/throw-others"
expect_eq "throw statuses other than 303, 503, 429" "" "$(cat "$TMP/throw-others")"
ids=$(awk '$1 == 303 { print $2 }' "$TMP/throws.log")
n=$(echo "$ids" | grep -c .)
check "throws got 303 ($n)" [ "$n" -gt 3 ]
in_db=$(sql "SELECT COUNT(*) FROM throws t JOIN attack_jobs j ON j.throw_id = t.id
	     WHERE t.id IN ($(echo $ids | tr ' ' ,))")
expect_eq "throws with a 303 found with their job" "$n" "$in_db"

t "the hall kept every connection and every broadcast chat message is in the database"
check "the hall visitors ran to the end (exit $witness_rc)" [ "$witness_rc" = 0 ]
expect_eq "closed connections" "[]" "$(jq -c .closed "$TMP/hall.json")"
jq -r '.broadcast[]' "$TMP/hall.json" | sort >"$TMP/broadcast"
sql "SELECT message FROM chat_messages WHERE message LIKE '$prefix %'" | sort >"$TMP/stored"
nb=$(wc -l <"$TMP/broadcast")
check "messages were broadcast ($nb of $(jq .sent "$TMP/hall.json") sent)" [ "$nb" -gt 20 ]
missing=$(comm -23 "$TMP/broadcast" "$TMP/stored" | wc -l)
expect_eq "broadcast messages missing from chat_messages" 0 "$missing"
comm -23 "$TMP/broadcast" "$TMP/stored" | head -3 | sed 's/^/  missing: /'

echo "  (outage $(awk -v a="$outage_start" -v b="$outage_end" 'BEGIN { printf "%.1f", b - a }') s;" \
	"pages $(wc -l <"$TMP/pages.log"), of which 503: $(grep -c '^503 ' "$TMP/pages.log");" \
	"throws $(wc -l <"$TMP/throws.log"), of which 303: $n; chat broadcast $nb)"
done_testing
