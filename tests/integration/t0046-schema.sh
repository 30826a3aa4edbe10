#!/usr/bin/env bash
# sql/schema.sql is the schema as the migrations leave it: `masakarictl
# schema` against the test stack's freshly migrated database prints it byte
# for byte. A migration added without `make schema` fails here, with the
# difference; so does a hand edit of sql/schema.sql.
. "$(dirname "$0")/../lib.sh"

ctl=$ROOT/bin/masakarictl

t "masakarictl schema prints every table's CREATE TABLE, in name order"
check "exit 0" sh -c '"$1" schema >"$2"' sh "$ctl" "$TMP/schema.sql"
tables=$(sql "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
              AND table_type = 'BASE TABLE' ORDER BY table_name")
expect_eq "one CREATE TABLE a table, in order" "$tables" \
	"$(sed -n 's/^CREATE TABLE `\([^`]*\)` (.*/\1/p' "$TMP/schema.sql")"
check "the throws table, whole: its last migration's column is in it" \
	grep -q '`verified`' <(sed -n '/^CREATE TABLE `throws`/,/;$/p' "$TMP/schema.sql")
check "no AUTO_INCREMENT counter, which differs between databases" \
	sh -c '! grep -q "AUTO_INCREMENT=" "$1"' sh "$TMP/schema.sql"

t "the output is stable: a second run, after rows are added, prints the same"
before=$(sql "SELECT COUNT(*) FROM chat_messages")
sql "INSERT INTO chat_messages (github_id, message, daemon_id, created_at)
     VALUES ('schema-$RANDOM', 'x', 'test', NOW(3))"
expect_eq "a row was added (the table's counter moved)" \
	"$(sql "SELECT COUNT(*) FROM chat_messages")" "$((before + 1))"
"$ctl" schema >"$TMP/again.sql"
check "the same bytes" cmp -s "$TMP/schema.sql" "$TMP/again.sql"

t "sql/schema.sql is up to date (make schema writes it)"
if diff -u "$ROOT/sql/schema.sql" "$TMP/schema.sql" >"$TMP/diff"; then
	pass
else
	fail "sql/schema.sql differs from the migrations' schema; run \`make schema\`: $(head -40 "$TMP/diff")"
fi

t "the check can fail: a schema with one column more differs"
sed 's/^  `verified` /  `verified_extra` int(11) DEFAULT NULL,\n&/' "$ROOT/sql/schema.sql" >"$TMP/edited.sql"
check "diff finds it" sh -c '! cmp -s "$1" "$2"' sh "$TMP/edited.sql" "$TMP/schema.sql"

done_testing
