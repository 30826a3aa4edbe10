#!/usr/bin/env bash
# Each part reaches MariaDB with an account of its own, holding only the
# grants sql/grants.sql gives it (masakarictl migrate applies them): the web programs, the hall daemon and
# the flooder connect as themselves, none of them may change the schema, and
# each is refused what belongs to another part.
. "$(dirname "$0")/../lib.sh"

as() { # part statement → the client's output (stdout and stderr)
	mariadb --no-defaults -S "$STACK_VAR/run/mysqld.sock" -u "masakari_$1" \
		-p"$(cat "$STACK_VAR/db-password-$1")" -N -B masakari -e "$2" 2>&1
}
allowed() { # part statement
	local out
	if out=$(as "$1" "$2"); then pass; else fail "masakari_$1 was refused: $2: $out"; fi
}
refused() { # part statement
	local out
	if out=$(as "$1" "$2"); then
		fail "masakari_$1 was allowed: $2"
	elif printf '%s' "$out" | grep -qE 'denied|command denied'; then
		pass
	else
		fail "masakari_$1: $2 failed, but not for want of a grant: $out"
	fi
}

t "the configuration names each part's account"
for part in Web Halld Flooder; do
	lower=$(echo "$part" | tr A-Z a-z)
	check "DB.${part}User" grep -qE "^ *${part}User = masakari_$lower\$" "$MASAKARI_CONFIG"
done

t "the running programs are connected as their own parts, not as the owner"
# A page and a hall visitor make sure both have a connection open.
get /exhibits/
expect_status 200
# As the server's administrator: an account sees only its own connections.
users=$(stack_mysql -N -B -e "SELECT DISTINCT user FROM information_schema.processlist WHERE db = 'masakari'" | sort | tr '\n' ' ')
check "the web programs' account is connected (got: $users)" grep -qw masakari_web <<<"$users"
check "the hall daemon's account is connected (got: $users)" grep -qw masakari_halld <<<"$users"
check "the owner is not (got: $users)" bash -c "! grep -qw masakari <<<'$users'"

t "no part may change the schema or grant anything"
for part in web halld flooder; do
	refused "$part" "CREATE TABLE t0044_$part (id INT)"
	refused "$part" "DROP TABLE throws"
	refused "$part" "ALTER TABLE throws ADD COLUMN t0044 INT"
	refused "$part" "GRANT SELECT ON masakari.throws TO 'masakari_$part'@'localhost'"
	refused "$part" "SELECT COUNT(*) FROM schema_migrations"
done

t "the web programs: their own tables, nothing of the hall's or the flooder's"
allowed web "SELECT COUNT(*) FROM throws"
allowed web "SELECT COUNT(*) FROM identities"
allowed web "SELECT COUNT(*) FROM status_samples"
refused web "SELECT COUNT(*) FROM hall_presence"
refused web "SELECT COUNT(*) FROM hall_signals"
refused web "DELETE FROM throws WHERE id = -1"
refused web "UPDATE attack_jobs SET status = 'done' WHERE throw_id = -1"
# An operator deletes a chat line from the operators' page; the web never
# says one, nor rewrites one.
allowed web "SELECT COUNT(*) FROM chat_messages"
allowed web "DELETE FROM chat_messages WHERE id = -1"
refused web "INSERT INTO chat_messages (github_id, message, daemon_id, created_at) VALUES ('x', 'y', 'z', NOW())"
refused web "UPDATE chat_messages SET message = 'x' WHERE id = -1"
# The audit log is written, never rewritten; a sanction is lifted, never erased.
allowed web "SELECT COUNT(*) FROM moderation_log"
refused web "UPDATE moderation_log SET reason = '' WHERE id = -1"
refused web "DELETE FROM moderation_log WHERE id = -1"
refused web "DELETE FROM sanctions WHERE id = -1"
refused web "DELETE FROM reports WHERE id = -1"

t "the web programs update only the columns they need"
allowed web "UPDATE exhibits SET visits = visits + 1 WHERE slug = 'nobody-t0044'"
refused web "UPDATE exhibits SET site_url = 'https://elsewhere.example' WHERE slug = 'nobody-t0044'"
allowed web "UPDATE throws SET reply = reply WHERE id = -1"
refused web "UPDATE throws SET power = 100 WHERE id = -1"
refused web "UPDATE throws SET score = 1 WHERE id = -1"
allowed web "SELECT COUNT(*) FROM llm_cache"
refused web "INSERT INTO llm_cache (normalized_hash, normalized, reply) VALUES (UNHEX(SHA2('t0044', 256)), 't0044', 'x')"
allowed web "DELETE FROM exhibit_likes WHERE github_id = 'nobody-t0044'"
refused web "INSERT INTO hall_samples (at, daemon_id, visitors) VALUES (NOW(), 't0044', 1)"

t "the hall daemon: chat, presence and samples; it reads throws and never writes them"
allowed halld "SELECT COUNT(*) FROM chat_messages"
allowed halld "SELECT COUNT(*) FROM throws"
refused halld "UPDATE throws SET power = 100 WHERE id = -1"
refused halld "INSERT INTO throws (github_id, critique) VALUES ('x', 'y')"
refused halld "DELETE FROM identities WHERE github_id = 'nobody'"
allowed halld "SELECT COUNT(*) FROM identities"
refused halld "UPDATE identities SET secret_hash = REPEAT('0', 64) WHERE github_id = 'nobody'"
refused halld "UPDATE identities SET last_seen = '2000-01-01' WHERE github_id = 'nobody'"
refused halld "SELECT COUNT(*) FROM llm_cache"
refused halld "UPDATE attack_jobs SET status = 'done' WHERE throw_id = -1"
allowed halld "DELETE FROM hall_samples WHERE daemon_id = 'nobody-t0044'"
refused halld "DELETE FROM exhibit_likes WHERE github_id = 'nobody-t0044'"
refused halld "UPDATE exhibit_notes SET body = '' WHERE id = -1"
allowed halld "DELETE FROM hall_signals WHERE id = -1"
allowed halld "SELECT COUNT(*) FROM exhibits"
refused halld "UPDATE exhibits SET hall_x = 0 WHERE id = -1"

t "the flooder: the queue, the replies and the retention; it makes no throw and no identity"
allowed flooder "SELECT COUNT(*) FROM attack_jobs"
allowed flooder "DELETE FROM visitors WHERE github_id = 'nobody-t0044'"
refused flooder "INSERT INTO throws (github_id, critique) VALUES ('x', 'y')"
refused flooder "INSERT INTO identities (github_id, secret_hash) VALUES ('x', 'y')"
refused flooder "INSERT INTO attack_jobs (throw_id) VALUES (-1)"
refused flooder "SELECT COUNT(*) FROM hall_presence"
allowed flooder "UPDATE throws SET reply = reply, reply_source = reply_source WHERE id = -1"
refused flooder "UPDATE throws SET power = 100 WHERE id = -1"
refused flooder "UPDATE throws SET github_id = 'x' WHERE id = -1"

t "migrate takes back a table-wide grant an older grants.sql gave"
stack_mysql -e "GRANT UPDATE ON masakari.throws TO 'masakari_flooder'@'localhost'"
allowed flooder "UPDATE throws SET power = 100 WHERE id = -1"
"$ROOT/bin/masakarictl" migrate >/dev/null 2>&1
check "migrate runs" test $? -eq 0
refused flooder "UPDATE throws SET power = 100 WHERE id = -1"
allowed flooder "UPDATE throws SET reply = reply WHERE id = -1"
allowed flooder "DELETE FROM hall_sample_positions WHERE github_id = 'nobody-t0044'"
refused flooder "INSERT INTO exhibit_likes (exhibit_id, github_id) VALUES (1, 'x')"
refused flooder "SELECT COUNT(*) FROM hall_signals"

t "every table of the schema is in some part's grants"
for table in $(sql "SELECT table_name FROM information_schema.tables WHERE table_schema = 'masakari' AND table_name <> 'schema_migrations'"); do
	check "$table has a line in sql/grants.sql" grep -qE "^GRANT .* ON $table TO" "$ROOT/sql/grants.sql"
done

t "migrate gives the grants again, every time, and says so"
out=$("$ROOT/bin/masakarictl" migrate 2>&1)
check "grants.sql given to the three accounts (got: $out)" grep -q "^grants.sql given to 3 accounts$" <<<"$out"

t "a part with no account of its own works as the owner, and says so loudly"
owner=$TMP/owner.hdf
grep -v "^ *FlooderUser = " "$MASAKARI_CONFIG" >"$owner"
printf 'Log.File =\n' >>"$owner"
out=$(MASAKARI_CONFIG=$owner "$ROOT/bin/masakarictl" doctor 2>&1)
check "doctor warns (got: $(grep -i flooder <<<"$out"))" grep -q "^WARN database: the flooder's account is not set (DB.FlooderUser): it connects as the owner" <<<"$out"
check "doctor names the parts that have one" grep -q "^ok   database: the web programs' account is masakari_web" <<<"$out"
out=$(MASAKARI_CONFIG=$owner timeout 20 "$ROOT/bin/masakari-flooder" -s 1 2>&1)
check "the flooder logs it when it starts (got: $(head -c 300 <<<"$out"))" grep -q "DB.FlooderUser is not set: connecting to the database as its owner" <<<"$out"

t "an account name that is not a plain name is refused, never spliced into SQL"
bad=$TMP/bad.hdf
cp "$MASAKARI_CONFIG" "$bad"
printf '%s\n' "DB.WebUser = x'@'%' WITH GRANT OPTION; --" >>"$bad"
out=$(MASAKARI_CONFIG=$bad "$ROOT/bin/masakarictl" migrate 2>&1)
check "migrate fails on it" test $? -ne 0
check "and says why (got: $out)" grep -q "is not a name to grant to" <<<"$out"
refused web "CREATE TABLE t0044_after (id INT)"

done_testing
