#!/usr/bin/env bash
# Reports (cgi-bin/site/report.c): a visitor with an ID reports a visitor or
# one of their chat lines, with a reason; it lands in the operators' queue on
# /operators, where an act on it or "dismiss" closes it. Hostile input is a
# clear 400 that stores nothing; past Moderation.ReportsPerHour (10) a 429.
# And masakarictl's moderation commands: each act through lib/moderation.c,
# logged as shell:<user>; each failure (an ID not banned, nobody holding
# it, an invalid ID, an unknown chat line, the database away) says why and
# exits non-zero.
. "$(dirname "$0")/../lib.sh"
OP=ops-team
RUN=$(printf '%x' $((RANDOM * 32768 + RANDOM)))
REPORTER=reporter-$RUN
TARGET=target-$RUN
ctl() { "$ROOT/bin/masakarictl" "$@"; }
ctl_quiet() { ctl "$@" >/dev/null 2>&1; }
count() { sql "SELECT COUNT(*) FROM $1"; }
json_is() { jq -e "$1" "$TMP/body" >/dev/null; }
# report [curl args…]: the reporter's browser reports (fields URL-encoded by the caller).
report() { post /report -b "$RJAR" -H "Accept-Language: en" --data "csrf_token=$RCSRF" "$@"; }
# refused JAR STATUS MESSAGE PAGE-FIELDS JSON-FIELDS: a report from JAR's
# browser is STATUS with MESSAGE on the page (in English), and STATUS as a
# JSON error when asked for JSON.
refused() {
	post /report -b "$1" -H "Accept-Language: en" --data "$4"
	expect_status "$2"
	expect_body "$3"
	post /report -b "$1" -H "Accept: application/json" --data "$5"
	expect_status "$2"
	check "a JSON error" json_is ".status == $2"
}

start_session "$TMP/reporter"
RJAR=$JAR RCSRF=$CSRF
enter "$REPORTER"
line=$((800000000 + RANDOM * 1000 + RANDOM % 1000))
sql "INSERT INTO chat_messages (line_id, github_id, message, daemon_id, created_at)
     VALUES ($line, '$TARGET', 'something vile $RUN', 'test', NOW(3))"

t "a visitor reports a chat line with a reason: it is in the operators' queue, with the line's text"
report --data "target=$TARGET&line_id=$line" --data-urlencode "reason=insults in chat"
expect_status 200
expect_body "Thank you for the report"
expect_body "Your report about @$TARGET is in the operators&#39; queue."
expect_eq "the report" 1 \
	"$(count "reports WHERE reporter = '$REPORTER' AND target = '$TARGET' AND line_id = $line AND line_text = 'something vile $RUN' AND reason = 'insults in chat' AND handled_at IS NULL")"
post /report -b "$RJAR" -H "Accept-Language: ja" --data "csrf_token=$RCSRF&target=$TARGET&line_id=$line" \
	--data-urlencode "reason=暴言"
expect_body "通報ありがとうございます"

t "a report of a visitor alone, answered as JSON for the hall's script"
report -H "Accept: application/json" --data "target=$TARGET" --data-urlencode "reason=spams the hall"
expect_status 200
expect_header Content-Type "application/json"
check "ok" json_is '.ok == true'
expect_eq "stored without a line" 1 "$(count "reports WHERE reporter = '$REPORTER' AND line_id IS NULL AND reason = 'spams the hall'")"

t "a line that is not the target's is reported without its text"
report --data "target=$REPORTER&line_id=$line" --data-urlencode "reason=wrong target $RUN"
expect_status 200
expect_eq "no text" 1 "$(count "reports WHERE reason = 'wrong target $RUN' AND line_text IS NULL")"

t "a visitor without an ID cannot report"
start_session "$TMP/nobody"
refused "$JAR" 403 "Only a visitor who has entered the hall with a GitHub ID can report." \
	"csrf_token=$CSRF&target=$TARGET&reason=x" "csrf_token=$CSRF&target=$TARGET&reason=x"

t "a report without the CSRF token is refused"
post /report -b "$RJAR" -H "Accept-Language: en" --data "target=$TARGET&reason=no-token-$RUN"
expect_status 403
expect_eq "nothing stored" 0 "$(count "reports WHERE reason = 'no-token-$RUN'")"

before=$(count "reports WHERE reporter = '$REPORTER'")
# bad WHAT STATUS MESSAGE [curl args…]: a report refused with MESSAGE, nothing stored.
bad() {
	t "$1"
	report "${@:4}"
	expect_status "$2"
	expect_body "$3"
	expect_eq "nothing stored" "$before" "$(count "reports WHERE reporter = '$REPORTER'")"
}
bad "an oversized reason (501 characters) is refused" 400 "This text is too long" \
	--data "target=$TARGET" --data-urlencode "reason=$(printf 'x%.0s' $(seq 501))"
bad "…and so are 501 Japanese characters" 400 "This text is too long" \
	--data "target=$TARGET" --data-urlencode "reason=$(printf 'あ%.0s' $(seq 501))"
bad "a reason that is not UTF-8 is refused" 400 "cannot be used" \
	--data "target=$TARGET&reason=%ff%fe"
bad "a reason with a line break is refused" 400 "cannot be used" \
	--data "target=$TARGET&reason=one%0Atwo"
bad "an empty reason is refused" 400 "cannot be empty" --data "target=$TARGET&reason="
bad "no reason is refused" 400 "cannot be empty" --data "target=$TARGET"
bad "a target that is not a GitHub ID is refused" 400 "only letters, digits and hyphens" \
	--data-urlencode "target=<b>x</b>" --data "reason=x"
expect_no_body "<b>x</b>"
bad "no target is refused" 400 "Enter your GitHub ID." --data "reason=x"
bad "a line number that is not one is refused" 400 "A chat line&#39;s number is a positive whole number." \
	--data "target=$TARGET&line_id=1;DROP%20TABLE%20reports&reason=x"
bad "a field twice is refused" 400 "more than once" --data "target=$TARGET&reason=a&reason=b"

t "500 characters are fine, in either language"
report --data "target=$TARGET" --data-urlencode "reason=$(printf 'x%.0s' $(seq 500))"
expect_status 200
report --data "target=$TARGET" --data-urlencode "reason=$(printf 'あ%.0s' $(seq 500))"
expect_status 200

t "HTML and SQL in a reason are stored as written"
evil="<script>alert('$RUN')</script>'; DROP TABLE reports; --"
report --data "target=$TARGET&line_id=$line" --data-urlencode "reason=$evil"
expect_status 200
expect_eq "stored as written" 1 "$(sql "SELECT COUNT(*) FROM reports WHERE reason = '$(sed "s/'/''/g" <<<"$evil")'")"

t "past Moderation.ReportsPerHour an hour, a report is 429 and not stored"
start_session "$TMP/flooder"
FJAR=$JAR FCSRF=$CSRF
enter "flood-$RUN"
for i in $(seq 10); do
	post /report -b "$FJAR" --data "csrf_token=$FCSRF&target=$TARGET&reason=flood+$i"
	[ "$(status)" = 200 ] || break
done
expect_eq "ten taken" 10 "$(count "reports WHERE reporter = 'flood-$RUN'")"
refused "$FJAR" 429 "You have sent 10 reports in the last hour" \
	"csrf_token=$FCSRF&target=$TARGET&reason=flood+11" "csrf_token=$FCSRF&target=$TARGET&reason=flood+12"
expect_eq "still ten" 10 "$(count "reports WHERE reporter = 'flood-$RUN'")"
t "…while another visitor still may report"
report --data "target=$TARGET" --data-urlencode "reason=not a flood $RUN"
expect_status 200

t "the operators' queue shows each open report, escaped"
sql "DELETE FROM identities WHERE github_id = '$OP'"
link=$(ctl operator-link "$OP" 2>/dev/null)
start_session "$TMP/operator"
OPJAR=$JAR OPCSRF=$CSRF
get "/${link#http*://*/}" -b "$OPJAR" -c "$OPJAR"
expect_status 303
get /operators -b "$OPJAR" -H "Accept-Language: en"
expect_status 200
expect_body "Open reports"
expect_body "insults in chat"
expect_body "something vile $RUN"
expect_body "&lt;script&gt;alert("
expect_no_body "<script>alert('$RUN')"
expect_body "@$REPORTER"
report_id=$(sql "SELECT id FROM reports WHERE reason = 'insults in chat' AND reporter = '$REPORTER'")
expect_body "name=\"report_id\" value=\"$report_id\""

t "an act taken on a report closes it"
post /operators -b "$OPJAR" -H "Accept-Language: en" \
	--data "csrf_token=$OPCSRF&action=chat-delete&line_id=$line&report_id=$report_id"
expect_status 303
expect_eq "line gone" 0 "$(count "chat_messages WHERE line_id = $line")"
expect_eq "report handled by the operator" 1 "$(count "reports WHERE id = $report_id AND handled_at IS NOT NULL AND handled_by = '$OP'")"

t "dismissing a report closes it; dismissing it again says it is not open"
other=$(sql "SELECT id FROM reports WHERE reason = 'spams the hall' AND reporter = '$REPORTER'")
post /operators -b "$OPJAR" -H "Accept-Language: en" --data "csrf_token=$OPCSRF&action=report-close&report_id=$other"
expect_status 303
expect_eq "handled" 1 "$(count "reports WHERE id = $other AND handled_at IS NOT NULL")"
expect_eq "logged" 1 "$(count "moderation_log WHERE action = 'report-closed' AND target = 'report $other' AND actor = '$OP'")"
post /operators -b "$OPJAR" -H "Accept-Language: en" --data "csrf_token=$OPCSRF&action=report-close&report_id=$other"
expect_status 404
expect_body "Report #$other is not open"
get /operators -b "$OPJAR" -H "Accept-Language: en"
expect_no_body "name=\"report_id\" value=\"$other\""
expect_body "report #$other"
sql "DELETE FROM identities WHERE github_id = '$OP'"

# ctl_fails WHAT MESSAGE COMMAND…: exits non-zero, saying MESSAGE on stderr.
ctl_fails() {
	local what=$1 message=$2
	shift 2
	t "masakarictl $what fails and says why"
	if ctl "$@" >"$TMP/out" 2>"$TMP/err"; then fail "it exited 0"; else pass; fi
	check "it says: $message (got: $(head -c 200 "$TMP/err"))" grep -qi -- "$message" "$TMP/err"
}
ctl_fails "unban of an ID not banned" "nobody-$RUN is not banned" unban "nobody-$RUN"
ctl_fails "unmute of an ID not muted" "nobody-$RUN is not muted" unmute "nobody-$RUN"
ctl_fails "kick of an ID nobody holds" "nobody holds nobody-$RUN" kick "nobody-$RUN"
ctl_fails "ban of an invalid ID" "is not a GitHub ID" ban "bad_id-$RUN"
ctl_fails "ban of HTML" "is not a GitHub ID" ban "<script>"
ctl_fails "chat-delete of an unknown line" "no chat line 999999999999 is stored" chat-delete 999999999999
ctl_fails "chat-delete of something that is not a line's id" "not a chat line's id" chat-delete "1; DROP TABLE chat_messages"
ctl_fails "ban-address of something that is not an address" "not an IPv4 or IPv6 address" ban-address nowhere
ctl_fails "mute without minutes" "usage: masakarictl mute" mute "nobody-$RUN"
ctl_fails "ban for too many hours" "at most 87600" ban "nobody-$RUN" --hours 87601
ctl_fails "an oversized announcement" "1 to 300 characters" announce "$(printf 'x%.0s' $(seq 301))"
ctl_fails "an oversized reason" "at most 500 characters" ban "nobody-$RUN" --reason "$(printf 'x%.0s' $(seq 501))"
expect_eq "no sanction stored for them" 0 "$(count "sanctions WHERE github_id IN ('nobody-$RUN', 'bad_id-$RUN')")"

t "with the database away, masakarictl says so and exits non-zero"
sed 's|^\( *Socket = \).*|\1/nonexistent/mysqld.sock|' "$MASAKARI_CONFIG" >"$TMP/away.hdf"
check "the copy points elsewhere" grep -q "/nonexistent/mysqld.sock" "$TMP/away.hdf"
for cmd in "ban away-$RUN" "unban away-$RUN" "kick away-$RUN" "chat-delete 1" "announce hello" "moderation-log" "operator-link $OP"; do
	# shellcheck disable=SC2086
	if MASAKARI_CONFIG=$TMP/away.hdf ctl $cmd >"$TMP/out" 2>"$TMP/err"; then fail "$cmd exited 0"; else pass; fi
	check "$cmd says the database cannot be reached" grep -q "the database cannot be reached" "$TMP/err"
done

t "masakarictl's acts go through the same core: logged as shell:<user>, on the page"
start_session "$TMP/shell-target"
enter "shelled-$RUN"
check "ban" ctl_quiet ban "shelled-$RUN" --hours 1 --reason "from the shell $RUN"
expect_eq "banned" 1 "$(count "sanctions WHERE kind = 'ban' AND github_id = 'shelled-$RUN' AND lifted_at IS NULL")"
expect_eq "the hold is gone" 0 "$(count "identities WHERE github_id = 'shelled-$RUN'")"
expect_eq "logged as the shell's user" 1 "$(count "moderation_log WHERE action = 'ban' AND target = 'shelled-$RUN' AND actor LIKE 'shell:%'")"
ctl moderation-log 5 >"$TMP/log"
check "moderation-log lists it" grep -q "from the shell $RUN" "$TMP/log"
post / -b "$JAR" -c "$JAR" -H "Accept-Language: en" --data "github_id=shelled-$RUN&csrf_token=$CSRF"
expect_status 403
check "unban" ctl_quiet unban "shelled-$RUN"
check "announce" ctl_quiet announce "from the shell $RUN"
get /masakari -H "Accept-Language: en"
expect_body "from the shell $RUN"
expect_body "the venue&#39;s staff"
sql "DELETE FROM hall_events WHERE kind = 'announce' AND message = 'from the shell $RUN'"
done_testing
