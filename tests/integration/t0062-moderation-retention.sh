#!/usr/bin/env bash
# Retention of the moderation tables (flooder/retention.c): every flooder run
# deletes reports and audit log entries older than Retention.ModerationDays
# (90), mutes and bans lifted or ended that long ago, operator links used or
# expired that long ago, and hall events a day old; a ban in force stays,
# however old, and so does everything newer. A run of the flooder started
# here (-s 1) is what prunes (t0019 covers the other tables).
. "$(dirname "$0")/../lib.sh"
tag=mr$RANDOM$RANDOM
count() { sql "SELECT COUNT(*) FROM $1"; }

t "old and new rows of each moderation table are in place"
sql "INSERT INTO reports (reporter, target, reason, created_at, handled_at) VALUES
     ('$tag-old', 'x', 'old', NOW() - INTERVAL 100 DAY, NULL),
     ('$tag-old', 'x', 'old handled', NOW() - INTERVAL 100 DAY, NOW() - INTERVAL 99 DAY),
     ('$tag-new', 'x', 'new', NOW() - INTERVAL 10 DAY, NULL)"
sql "INSERT INTO moderation_log (actor, action, target, created_at) VALUES
     ('$tag-old', 'ban', 'x', NOW() - INTERVAL 91 DAY),
     ('$tag-new', 'ban', 'x', NOW() - INTERVAL 89 DAY)"
sql "INSERT INTO sanctions (kind, github_id, created_by, created_at, until, lifted_at) VALUES
     ('ban', '$tag-lifted-old', 't', NOW() - INTERVAL 200 DAY, NULL, NOW() - INTERVAL 100 DAY),
     ('mute', '$tag-ended-old', 't', NOW() - INTERVAL 200 DAY, NOW() - INTERVAL 100 DAY, NULL),
     ('ban', '$tag-ended-then-lifted', 't', NOW() - INTERVAL 200 DAY, NOW() - INTERVAL 100 DAY, NOW() - INTERVAL 1 DAY),
     ('ban', '$tag-forgood-old', 't', NOW() - INTERVAL 200 DAY, NULL, NULL),
     ('ban', '$tag-long-old', 't', NOW() - INTERVAL 200 DAY, NOW() + INTERVAL 10 DAY, NULL),
     ('ban', '$tag-lifted-new', 't', NOW() - INTERVAL 200 DAY, NULL, NOW() - INTERVAL 10 DAY),
     ('mute', '$tag-ended-new', 't', NOW() - INTERVAL 20 DAY, NOW() - INTERVAL 10 DAY, NULL)"
sql "INSERT INTO operator_links (token_hash, github_id, created_at, expires_at, used_at) VALUES
     (SHA2('$tag-1', 256), '$tag-used-old', NOW() - INTERVAL 100 DAY, NOW() - INTERVAL 100 DAY, NOW() - INTERVAL 100 DAY),
     (SHA2('$tag-2', 256), '$tag-expired-old', NOW() - INTERVAL 100 DAY, NOW() - INTERVAL 100 DAY, NULL),
     (SHA2('$tag-3', 256), '$tag-used-new', NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 1 DAY),
     (SHA2('$tag-4', 256), '$tag-open', NOW(), NOW() + INTERVAL 15 MINUTE, NULL)"
sql "INSERT INTO hall_events (kind, github_id, created_at) VALUES
     ('kick', '$tag-old', NOW(3) - INTERVAL 25 HOUR),
     ('kick', '$tag-new', NOW(3) - INTERVAL 23 HOUR)"
expect_eq "sanctions" 7 "$(count "sanctions WHERE github_id LIKE '$tag-%'")"

t "a flooder run prunes what is past its retention"
if "$ROOT/bin/masakari-flooder" -s 1 >"$TMP/flooder.log" 2>&1; then pass; else fail "the flooder failed: $(tail -3 "$TMP/flooder.log")"; fi
for table in reports moderation_log sanctions operator_links hall_events; do
	check "it says it deleted old rows of $table" grep -q "retention: .* old rows of $table deleted" "$TMP/flooder.log"
done

t "reports: those made over 90 days ago go, handled or not; a newer one stays"
expect_eq "old" 0 "$(count "reports WHERE reporter = '$tag-old'")"
expect_eq "new" 1 "$(count "reports WHERE reporter = '$tag-new'")"

t "the audit log: entries over 90 days old go"
expect_eq "old" 0 "$(count "moderation_log WHERE actor = '$tag-old'")"
expect_eq "new" 1 "$(count "moderation_log WHERE actor = '$tag-new'")"

t "sanctions: lifted or ended over 90 days ago go; those in force and newer ones stay"
for gone in lifted-old ended-old ended-then-lifted; do
	expect_eq "$gone" 0 "$(count "sanctions WHERE github_id = '$tag-$gone'")"
done
for kept in forgood-old long-old lifted-new ended-new; do
	expect_eq "$kept" 1 "$(count "sanctions WHERE github_id = '$tag-$kept'")"
done

t "operator links: used or expired over 90 days ago go; newer and open ones stay"
for gone in used-old expired-old; do
	expect_eq "$gone" 0 "$(count "operator_links WHERE github_id = '$tag-$gone'")"
done
for kept in used-new open; do
	expect_eq "$kept" 1 "$(count "operator_links WHERE github_id = '$tag-$kept'")"
done

t "hall events: a day old go"
expect_eq "old" 0 "$(count "hall_events WHERE github_id = '$tag-old'")"
expect_eq "new" 1 "$(count "hall_events WHERE github_id = '$tag-new'")"

sql "DELETE FROM reports WHERE reporter LIKE '$tag-%'; DELETE FROM moderation_log WHERE actor LIKE '$tag-%';
     DELETE FROM sanctions WHERE github_id LIKE '$tag-%'; DELETE FROM operator_links WHERE github_id LIKE '$tag-%';
     DELETE FROM hall_events WHERE github_id LIKE '$tag-%'"
done_testing
