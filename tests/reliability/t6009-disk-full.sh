#!/usr/bin/env bash
# MariaDB's disk fills up (its datadir moved onto a small tmpfs, then filled):
# a throw that cannot be stored is a 503 that says nothing was saved, the
# programs' log says the database has no room, the hall keeps chat it cannot
# store yet; once space is back, throws land again and the waiting chat is
# stored, in order, none lost. MariaDB itself may abort on the full disk
# (InnoDB's rollback with no room); then the refusals say the database is
# away, and it is started again once there is room, as its unit would.
# timeout: 240
. "$(dirname "$0")/../lib.sh"
. "$ROOT/tests/masakari/masakari.sh"
MASAKARI_FILE_NO=209
datadir=$STACK_VAR/mysql
prefix="t6009-$RUN"
mounted=
# Whatever happens, the datadir goes back to the real disk and MariaDB runs.
restore() {
	[ -n "$mounted" ] || return 0
	rm -f "$datadir/filler"
	stack_stop_mariadb
	rm -rf "$datadir.disk"
	mkdir "$datadir.disk"
	cp -a "$datadir/." "$datadir.disk/"
	umount "$datadir"
	rmdir "$datadir"
	mv "$datadir.disk" "$datadir"
	mounted=
	stack_start_mariadb >/dev/null 2>&1
}
trap 'restore; masakari_quiesce; rm -rf "$TMP"' EXIT
mariadb_up() { mariadb-admin --no-defaults -S "$STACK_VAR/run/mysqld.sock" -u "$STACK_USER" ping >/dev/null 2>&1; }

t "MariaDB runs from a small disk of its own"
stack_stop_mariadb
mv "$datadir" "$datadir.disk"
mkdir "$datadir"
size_mb=$(( $(du -sm "$datadir.disk" | cut -f1) + 64 ))
mount -t tmpfs -o "size=${size_mb}m,mode=0750" tmpfs "$datadir" && mounted=1
cp -a "$datadir.disk/." "$datadir/"
rm -rf "$datadir.disk"
chown "$STACK_USER" "$datadir"
stack_start_mariadb >/dev/null 2>&1
check "MariaDB is up on the ${size_mb} MB disk" mariadb_up
masakari_session
throw "$prefix-before" "サーバー1台で冗長化なし"
expect_status 303

t "the disk fills up: throws are refused with a 503 that says nothing was saved"
"$ROOT/tests/reliability/node-run.sh" hall-witness.mjs 20 "$prefix" "$TMP/stop" "$TMP/hall.json" &
witness=$!
# Its visitors are in the hall as themselves before anything breaks.
witness_ready "$witness" "$TMP/hall.json"
cat /dev/zero >"$datadir/filler" 2>/dev/null
statuses=
for i in $(seq 150); do
	throw "$prefix-full-$i" "バブルソートをリクエストのたびに回している $i" -H "Accept-Language: en"
	# Once the entrance cannot store a claim, the throw goes as the critic
	# who threw last, whom the throw interval may still hold: a 429 says
	# "too soon", not what the disk did; the same throw goes again after it.
	if [ "$(status)" = 429 ]; then
		sleep 4   # Masakari.ThrowIntervalSeconds is 3 on the test stack
		throw "$prefix-full-$i" "バブルソートをリクエストのたびに回している $i" -H "Accept-Language: en"
	fi
	statuses="$statuses $(status)"
	[ "$(status)" = 303 ] || break
done
expect_status 503
echo "  (throws before the first refusal: $(echo "$statuses" | wc -w))"
# InnoDB ends the server itself when a rollback finds no room to undo in
# ("[FATAL] InnoDB: Error (Out of disk space) in rollback"): MariaDB's own
# way out, now and then, which Debian's unit answers with a restart
# (Restart=on-abort). The programs then see a database that is away, and
# say so; the test starts it again once there is room, as the unit would.
aborted=
mariadb_up || aborted=1
if [ -z "$aborted" ]; then
	expect_body "nothing was saved"
	check "the programs' log says the database has no room" \
		grep -q "no room left to write" "$STACK_VAR/log/fcgi.log"
else
	echo "  (MariaDB aborted on the full disk: the rest of the refusals meet a database that is away)"
	check "MariaDB's own log says it ran out of disk space" \
		grep -q "Out of disk space" "$STACK_VAR/log/mysqld.log"
	expect_body "database is unavailable"
fi
# Each entrance before a throw writes too, and InnoDB can still find room for
# a row or two once full: the next throw refused is the one checked, by its
# critique (a critic whose entrance was refused throws as the one before).
for j in $(seq 10); do
	throw "$prefix-full-again-$j" "cronがジョブスケジューラ $j"
	[ "$(status)" = 303 ] || break
done
expect_status 503
refused="cronがジョブスケジューラ $j"
mariadb_up || aborted=1
# Chat fills what room its table had left, then waits (for room, or for the
# database to be back).
if [ -z "$aborted" ]; then
	waits="chat waits to be stored"
else
	waits="chat waits to be stored\|hall database work stopped"
fi
for _ in $(seq 60); do
	grep -q "$waits" "$STACK_VAR/log/halld.log" && break
	sleep 0.5
done
check "the hall daemon's log says chat waits" grep -q "$waits" "$STACK_VAR/log/halld.log"
sleep 3

t "space comes back: throws land again and the waiting chat is stored"
rm -f "$datadir/filler"
if [ -n "$aborted" ] || ! mariadb_up; then
	aborted=1
	stack_stop_mariadb
	stack_start_mariadb >/dev/null 2>&1
fi
check "MariaDB is up" mariadb_up
expect_eq "the refused throw is not half-stored" 0 \
	"$(sql "SELECT COUNT(*) FROM throws WHERE critique = '$refused'")"
sleep 6
throw "$prefix-after" "ジョブスケジューラがcron"
expect_status 303
touch "$TMP/stop"
wait "$witness"
sleep 3
jq -r '.broadcast[]' "$TMP/hall.json" | sort >"$TMP/broadcast"
sql "SELECT message FROM chat_messages WHERE message LIKE '$prefix %'" | sort >"$TMP/stored"
check "chat was broadcast meanwhile ($(wc -l <"$TMP/broadcast"))" [ "$(wc -l <"$TMP/broadcast")" -gt 5 ]
expect_eq "broadcast messages missing from the database" 0 "$(comm -23 "$TMP/broadcast" "$TMP/stored" | wc -l)"
expect_eq "closed hall connections" "[]" "$(jq -c .closed "$TMP/hall.json")"
if [ -z "$aborted" ]; then
	check "the hall daemon's log says the chat went in" grep -q "has room again" "$STACK_VAR/log/halld.log"
else
	check "the hall daemon's log says its database work resumed" \
		grep -q "hall database work resumed" "$STACK_VAR/log/halld.log"
fi

done_testing
