#!/usr/bin/env bash
# Retention: every flooder run (cron's, once a minute) deletes chat lines older
# than Retention.ChatDays (keeping the newest 50 for the hall's history),
# throw limits untouched for Retention.ThrowLimitHours, visitors not seen for
# Retention.VisitorDays and cached replies older than Retention.ReplyCacheDays;
# newer rows stay. A run of the flooder started here (-s 1) is what prunes.
. "$(dirname "$0")/../lib.sh"
tag=ret$RANDOM$RANDOM

t "old and new rows of each table are in place"
# 60 chat lines: 55 of them 40 days old, the newest 5 of today.
for i in $(seq 55); do
	echo "INSERT INTO chat_messages (github_id, message, daemon_id, created_at)
	      VALUES ('$tag-old', 'old $i', 'test', NOW(3) - INTERVAL 40 DAY);"
done >"$TMP/chat.sql"
for i in $(seq 5); do
	echo "INSERT INTO chat_messages (github_id, message, daemon_id, created_at)
	      VALUES ('$tag-new', 'new $i', 'test', NOW(3));"
done >>"$TMP/chat.sql"
sql "$(cat "$TMP/chat.sql")"
sql "INSERT INTO throw_limits (limit_key, last_at) VALUES ('id:$tag-old', NOW(3) - INTERVAL 2 DAY),
     ('id:$tag-new', NOW(3) - INTERVAL 1 HOUR)"
sql "INSERT INTO visitors (github_id, first_seen, last_seen) VALUES
     ('$tag-old', NOW() - INTERVAL 800 DAY, NOW() - INTERVAL 400 DAY),
     ('$tag-new', NOW() - INTERVAL 800 DAY, NOW() - INTERVAL 10 DAY)"
sql "INSERT INTO llm_cache (normalized_hash, normalized, reply, created_at) VALUES
     (UNHEX(SHA2('$tag-old', 256)), '$tag-old', 'old', NOW() - INTERVAL 31 DAY),
     (UNHEX(SHA2('$tag-new', 256)), '$tag-new', 'new', NOW() - INTERVAL 1 DAY)"
expect_eq "chat lines" 60 "$(sql "SELECT COUNT(*) FROM chat_messages WHERE github_id LIKE '$tag-%'")"

t "a flooder run prunes what is past its retention"
if "$ROOT/bin/masakari-flooder" -s 1 >"$TMP/flooder.log" 2>&1; then pass; else fail "the flooder failed: $(tail -3 "$TMP/flooder.log")"; fi
check "it says what it deleted" grep -q "retention: .* old rows of chat_messages deleted" "$TMP/flooder.log"

t "chat: the old lines go, except those among the newest 50"
expect_eq "today's lines" 5 "$(sql "SELECT COUNT(*) FROM chat_messages WHERE github_id = '$tag-new'")"
newest50_old=$(sql "SELECT COUNT(*) FROM (SELECT github_id FROM chat_messages ORDER BY id DESC LIMIT 50) k WHERE github_id = '$tag-old'")
expect_eq "old lines left: those among the newest 50" "$newest50_old" \
	"$(sql "SELECT COUNT(*) FROM chat_messages WHERE github_id = '$tag-old'")"
check "some old lines were deleted" test "$(sql "SELECT COUNT(*) FROM chat_messages WHERE github_id = '$tag-old'")" -lt 55
expect_eq "and nothing older than 30 days outside the newest 50" 0 \
	"$(sql "SELECT COUNT(*) FROM chat_messages WHERE created_at < NOW(3) - INTERVAL 30 DAY
	        AND id < (SELECT MIN(id) FROM (SELECT id FROM chat_messages ORDER BY id DESC LIMIT 50) k)")"

t "throw limits: a day-old one goes, an hour-old one stays"
expect_eq "old" 0 "$(sql "SELECT COUNT(*) FROM throw_limits WHERE limit_key = 'id:$tag-old'")"
expect_eq "new" 1 "$(sql "SELECT COUNT(*) FROM throw_limits WHERE limit_key = 'id:$tag-new'")"

t "visitors: one not seen for over a year goes, a recent one stays"
expect_eq "old" 0 "$(sql "SELECT COUNT(*) FROM visitors WHERE github_id = '$tag-old'")"
expect_eq "new" 1 "$(sql "SELECT COUNT(*) FROM visitors WHERE github_id = '$tag-new'")"

t "cached replies: a month-old one goes, yesterday's stays"
expect_eq "old" 0 "$(sql "SELECT COUNT(*) FROM llm_cache WHERE normalized = '$tag-old'")"
expect_eq "new" 1 "$(sql "SELECT COUNT(*) FROM llm_cache WHERE normalized = '$tag-new'")"

sql "DELETE FROM chat_messages WHERE github_id LIKE '$tag-%'; DELETE FROM throw_limits WHERE limit_key LIKE 'id:$tag-%';
     DELETE FROM visitors WHERE github_id LIKE '$tag-%'; DELETE FROM llm_cache WHERE normalized LIKE '$tag-%'"
done_testing
