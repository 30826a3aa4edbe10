#!/usr/bin/env bash
# The operators' page (cgi-bin/site/operators.c, operators_link.c): one of
# the team's IDs (Site.Operators: tests/run.sh makes it ops-team) becomes an
# operator through a one-time link from `masakarictl operator-link`, that
# works once; /operators is theirs alone; every act posted there changes the
# tables lib/moderation.c keeps, is in the audit log and on the page; a
# non-operator's act, a missing CSRF token or a bad field changes nothing.
# Bans hold at the entrance and at a throw, of an ID and of an address; an
# announcement is on /masakari. Reports and masakarictl: t0061; retention:
# t0062; the GitHub sign-in of an operator: t0063.
. "$(dirname "$0")/../lib.sh"
OP=ops-team
RUN=$(printf '%x' $((RANDOM * 32768 + RANDOM)))
TROLL=troll-$RUN
ctl() { "$ROOT/bin/masakarictl" "$@"; }
csrf_of() { awk '$6 == "masakari_csrf" { print $7 }' "$1"; }
# The operator's browser acts: op ACTION [field=value…] (URL-encoded here).
op() {
	local args=() f
	for f in "${@:2}"; do args+=(--data-urlencode "$f"); done
	post /operators -b "$OPJAR" -c "$OPJAR" -H "Accept-Language: en" --data "csrf_token=$OPCSRF" \
		--data-urlencode "action=$1" "${args[@]}"
}
count() { sql "SELECT COUNT(*) FROM $1"; }
json_is() { jq -e "$1" "$TMP/body" >/dev/null; }
# The ID is free when the test starts, whatever ran before on this stack.
sql "DELETE FROM identities WHERE github_id = '$OP'"

t "/operators is 403 for a visitor without an ID, saying how one becomes an operator"
get /operators -H "Accept-Language: en"
expect_status 403
expect_body "Site.Operators"
expect_body "masakarictl operator-link"
get /operators -H "Accept-Language: ja"
expect_status 403
expect_body "運営"

t "…for a visitor with an ID that is not an operator's"
start_session "$TMP/visitor"
VJAR=$JAR VCSRF=$CSRF
enter "visitor-$RUN"
get /operators -b "$VJAR" -H "Accept-Language: en"
expect_status 403
expect_body "sign in with GitHub as that ID"

t "…and for an unproven claim of the operator's ID at the entrance"
start_session "$TMP/claimer"
CLJAR=$JAR
enter "$OP"
get /operators -b "$CLJAR" -H "Accept-Language: en"
expect_status 403
get "/?fresh=1" -b "$CLJAR"
expect_no_body 'data-operator'
expect_no_body 'operator-badge'

t "masakarictl operator-link prints a one-time link to /operators/link/"
link=$(ctl operator-link "$OP" 2>"$TMP/link-err")
check "a link (${link:0:60}…)" grep -qE "^http://[^/]+/operators/link/[0-9a-f]{64}$" <<<"$link"
check "it says how long it works" grep -q "works once" "$TMP/link-err"
path=/${link#http*://*/}

t "opening the link makes this browser the operator and goes on to /operators"
# Other tests on this stack may have opened links of their own just before.
logged_before=$(count "moderation_log WHERE action = 'operator-link-used' AND actor = '$OP'")
start_session "$TMP/operator"
OPJAR=$JAR OPCSRF=$CSRF
get "$path" -b "$OPJAR" -c "$OPJAR"
expect_status 303
expect_header Location "/operators"
expect_header Set-Cookie "identity="
expect_header Cache-Control "no-store"
get /operators -b "$OPJAR" -H "Accept-Language: en"
expect_status 200
expect_header Cache-Control "no-store"
expect_body "Running the venue"
expect_body "You are @$OP, an operator."
expect_eq "held as an operator until later" 1 \
	"$(sql "SELECT operator_until > NOW() FROM identities WHERE github_id = '$OP'")"
expect_eq "the link is used" 1 "$(count "operator_links WHERE token_hash = SHA2('${link##*/}', 256) AND used_at IS NOT NULL")"
expect_eq "it is in the audit log" $((logged_before + 1)) \
	"$(count "moderation_log WHERE action = 'operator-link-used' AND actor = '$OP'")"

t "the unproven claim of the ID is let go"
get "/?fresh=1" -b "$CLJAR"
expect_body 'name="github_id"'

t "the page is there in both languages"
get /operators -b "$OPJAR" -H "Accept-Language: ja"
expect_body '<html lang="ja">'
expect_body "会場の運営"
expect_body "操作記録"
get /operators -b "$OPJAR" -H "Accept-Language: en"
expect_body "Audit log"
expect_body "Everyone behind that address is banned with it"
expect_body "/64"

t "the operator is marked in the hall, which gives every visitor a CSRF token"
get "/?fresh=1" -b "$OPJAR" -H "Accept-Language: en"
expect_body 'data-operator="1"'
expect_body "data-csrf=\"$OPCSRF\""
expect_body 'class="operator-badge"'
expect_body 'href="/operators"'
get "/?fresh=1" -b "$VJAR"
expect_body "data-csrf=\"$VCSRF\""
expect_no_body 'data-operator'

t "the link works once: opened again it is refused"
start_session "$TMP/replay"
get "$path" -b "$JAR" -c "$JAR" -H "Accept-Language: en"
expect_status 403
expect_body "This operator link is not valid"
expect_header Cache-Control "no-store"
check "no identity cookie" sh -c "! grep -qi '^Set-Cookie: identity=' '$TMP/headers'"

t "a forged link is refused"
for forged in "$(printf 'f%.0s' $(seq 64))" abc "${path##*/}0" "%3Cscript%3E"; do
	get "/operators/link/$forged" -H "Accept-Language: en"
	expect_status 403
	expect_body "This operator link is not valid"
done

t "an expired link is refused"
late=$(ctl operator-link "$OP" 2>/dev/null)
sql "UPDATE operator_links SET expires_at = NOW() - INTERVAL 1 SECOND WHERE used_at IS NULL AND github_id = '$OP'"
get "/${late#http*://*/}" -H "Accept-Language: en"
expect_status 403
expect_body "This operator link is not valid"

t "operator-link refuses an ID that is not an operator's"
if ctl operator-link "visitor-$RUN" >/dev/null 2>"$TMP/err"; then fail "it made a link"; else pass; fi
check "it says why" grep -q "not one of Site.Operators" "$TMP/err"

t "a non-operator's act is 403 and changes nothing"
before=$(count "moderation_log")
post /operators -b "$VJAR" -H "Accept-Language: en" --data "csrf_token=$VCSRF&action=ban&github_id=$TROLL"
expect_status 403
post /operators -b "$VJAR" -H "Accept: application/json" --data "csrf_token=$VCSRF&action=announce&message=hi"
expect_status 403
expect_header Content-Type "application/json"
check "a JSON error" json_is '.status == 403 and (.error | length > 0)'
post /operators --data "action=kick&github_id=$TROLL"
expect_status 403
expect_eq "no sanction" 0 "$(count "sanctions WHERE github_id = '$TROLL'")"
expect_eq "nothing logged" "$before" "$(count "moderation_log")"

t "an operator's act without the CSRF token is 403 and changes nothing"
post /operators -b "$OPJAR" -H "Accept-Language: en" --data "action=announce&message=no-token-$RUN"
expect_status 403
expect_body "Reload the page"
post /operators -b "$OPJAR" --data "csrf_token=0123456789abcdef0123456789abcdef&action=announce&message=no-token-$RUN"
expect_status 403
expect_eq "no announcement" 0 "$(count "hall_events WHERE message = 'no-token-$RUN'")"

t "announce: in hall_events, the audit log, and on /masakari as a banner"
op announce "message=Demo starts in 5 minutes <b>$RUN</b>"
expect_status 303
expect_header Location "/operators?done=announce"
expect_eq "the event" 1 "$(count "hall_events WHERE kind = 'announce' AND actor = '$OP' AND message = 'Demo starts in 5 minutes <b>$RUN</b>'")"
expect_eq "logged" 1 "$(count "moderation_log WHERE action = 'announce' AND actor = '$OP' AND detail LIKE '%$RUN%'")"
get "/operators?done=announce" -b "$OPJAR" -H "Accept-Language: en"
expect_body "Done: Announce."
expect_body "Demo starts in 5 minutes &lt;b&gt;$RUN&lt;/b&gt;"
get /masakari -H "Accept-Language: en"
expect_body 'id="announcement" role="status"'
expect_body "From the operators:"
expect_body "Demo starts in 5 minutes &lt;b&gt;$RUN&lt;/b&gt;"
expect_no_body "<b>$RUN</b>"
expect_body "@$OP"
get /masakari -H "Accept-Language: ja"
expect_body "運営からのお知らせ"

t "announce refuses an empty or oversized message"
op announce "message="
expect_status 400
expect_body "cannot be empty"
op announce "message=$(printf 'x%.0s' $(seq 301))"
expect_status 400
expect_body "too long"
op announce "message=$(printf 'x%.0s' $(seq 300))"
expect_status 303

t "the troll enters"
start_session "$TMP/troll"
TJAR=$JAR TCSRF=$CSRF
enter "$TROLL" --interface 127.60.0.7
expect_eq "entered" 303 "$(cat "$TMP/enter-status")"

t "mute: a sanction for the minutes given, an event for the halls, in the log and on the page"
op mute "github_id=$TROLL" minutes=10 "reason=slurs in chat"
expect_status 303
expect_eq "muted for ten minutes" 1 \
	"$(count "sanctions WHERE kind = 'mute' AND github_id = '$TROLL' AND lifted_at IS NULL AND until BETWEEN NOW() + INTERVAL 9 MINUTE AND NOW() + INTERVAL 11 MINUTE AND reason = 'slurs in chat' AND created_by = '$OP'")"
expect_eq "the event" 1 "$(count "hall_events WHERE kind = 'mute' AND github_id = '$TROLL'")"
expect_eq "logged" 1 "$(count "moderation_log WHERE action = 'mute' AND target = '$TROLL' AND reason = 'slurs in chat'")"
get /operators -b "$OPJAR" -H "Accept-Language: en"
expect_body "Mutes and bans in force"
expect_body "@$TROLL"
expect_body "slurs in chat"
expect_body "for 10 minutes"
get /operators -b "$OPJAR" -H "Accept-Language: ja"
expect_body "10 分"

t "a mute's minutes must be a whole number in range"
for m in 0 -5 10.5 abc "" 10081 99999999999999999999; do
	op mute "github_id=$TROLL" "minutes=$m"
	expect_status 400
	expect_body "A mute is for a whole number of minutes, from 1 to 10080."
done
expect_eq "still one mute" 1 "$(count "sanctions WHERE kind = 'mute' AND github_id = '$TROLL'")"

t "unmute lifts it; unmuting again says it is not muted"
op unmute "github_id=$TROLL"
expect_status 303
expect_eq "lifted" 0 "$(count "sanctions WHERE kind = 'mute' AND github_id = '$TROLL' AND lifted_at IS NULL")"
expect_eq "the event" 1 "$(count "hall_events WHERE kind = 'unmute' AND github_id = '$TROLL'")"
op unmute "github_id=$TROLL"
expect_status 409
expect_body "@$TROLL is not muted, so nothing changed."

t "kick lets go of the troll's hold; kicking again says nobody holds it"
op kick "github_id=$TROLL" "reason=flooding"
expect_status 303
expect_eq "no hold" 0 "$(count "identities WHERE github_id = '$TROLL'")"
expect_eq "the event" 1 "$(count "hall_events WHERE kind = 'kick' AND github_id = '$TROLL'")"
get "/?fresh=1" -b "$TJAR"
expect_body 'name="github_id"'
op kick "github_id=$TROLL"
expect_status 404
expect_body "Nobody holds the ID @$TROLL right now"
check "the page is shown again" grep -q 'id="operators-problem" role="alert"' "$TMP/body"

t "a ban of an invalid ID is 400 and stores nothing"
before=$(count "sanctions")
for bad in "" "-x" "a_b" "<script>alert(1)</script>" "x' OR '1'='1" "$(printf 'a%.0s' $(seq 40))"; do
	op ban "github_id=$bad" hours=1
	expect_status 400
	expect_no_body "<script>alert(1)</script>"
done
expect_eq "no sanction stored" "$before" "$(count "sanctions")"

t "a ban's hours must be a whole number up to 87600"
for h in -1 1.5 87601 abc; do
	op ban "github_id=$TROLL" "hours=$h"
	expect_status 400
	expect_body "A ban is for a whole number of hours"
done
expect_eq "no ban yet" 0 "$(count "sanctions WHERE kind = 'ban' AND github_id = '$TROLL'")"

t "an unknown action, or none, is 400"
op "drop table" "github_id=$TROLL"
expect_status 400
expect_body "That is not something this page does."
post /operators -b "$OPJAR" -H "Accept-Language: en" --data "csrf_token=$OPCSRF"
expect_status 400

t "the troll enters again, then is banned for two hours"
JAR=$TJAR CSRF=$TCSRF
enter "$TROLL" --interface 127.60.0.7
expect_eq "entered again" 303 "$(cat "$TMP/enter-status")"
op ban "github_id=$TROLL" hours=2 "reason=slurs again"
expect_status 303
expect_eq "banned for two hours" 1 \
	"$(count "sanctions WHERE kind = 'ban' AND github_id = '$TROLL' AND lifted_at IS NULL AND until BETWEEN NOW() + INTERVAL 119 MINUTE AND NOW() + INTERVAL 121 MINUTE")"
expect_eq "the hold is gone" 0 "$(count "identities WHERE github_id = '$TROLL'")"
expect_eq "the event" 1 "$(count "hall_events WHERE kind = 'ban' AND github_id = '$TROLL'")"
expect_eq "logged" 1 "$(count "moderation_log WHERE action = 'ban' AND target = '$TROLL' AND detail = '2 h' AND reason = 'slurs again'")"

t "a banned ID is refused at the entrance, saying until when"
post / -b "$TJAR" -c "$TJAR" -H "Accept-Language: en" --data "github_id=$TROLL&csrf_token=$TCSRF"
expect_status 403
expect_body "The ID @$TROLL is banned from this venue by its operators until"
expect_body "(UTC)"
check "no identity cookie" sh -c "! grep -qi '^Set-Cookie: identity=' '$TMP/headers'"
expect_eq "no hold" 0 "$(count "identities WHERE github_id = '$TROLL'")"
post / -b "$TJAR" -c "$TJAR" -H "Accept-Language: ja" --data "github_id=${TROLL^^}&csrf_token=$TCSRF"
expect_status 403
expect_body "入場を禁止されています"

t "the audit log on the page shows who did what to whom, when and why"
get /operators -b "$OPJAR" -H "Accept-Language: en"
for what in "Announce" "Mute" "Unmute" "Kick" "Ban" "Operator link used"; do
	expect_body "<td>$what</td>"
done
expect_body "for 2 hours"
expect_body "slurs again"
expect_body "flooding"

t "unban lets the ID in again; unbanning again says it is not banned"
op unban "github_id=$TROLL"
expect_status 303
expect_eq "lifted" 0 "$(count "sanctions WHERE kind = 'ban' AND github_id = '$TROLL' AND lifted_at IS NULL")"
JAR=$TJAR CSRF=$TCSRF
enter "$TROLL" --interface 127.60.0.7
expect_eq "entered" 303 "$(cat "$TMP/enter-status")"
op unban "github_id=$TROLL"
expect_status 409
expect_body "@$TROLL is not banned, so nothing changed."

t "a ban without hours is for good"
op ban "github_id=$TROLL" "hours="
expect_status 303
expect_eq "until nothing" 1 "$(count "sanctions WHERE kind = 'ban' AND github_id = '$TROLL' AND lifted_at IS NULL AND until IS NULL")"
post / -b "$TJAR" -c "$TJAR" -H "Accept-Language: en" --data "github_id=$TROLL&csrf_token=$TCSRF"
expect_status 403
expect_body "The ID @$TROLL is banned from this venue by its operators. If you think"
get /operators -b "$OPJAR" -H "Accept-Language: en"
expect_body "for good"
op unban "github_id=$TROLL"
expect_status 303

t "a throw by a banned ID is refused"
JAR=$TJAR CSRF=$TCSRF
enter "$TROLL" --interface 127.60.0.7
# A ban recorded while the troll still holds the ID (banned from elsewhere
# as it entered): the throw checks the ban itself.
sql "INSERT INTO sanctions (kind, github_id, created_by, until) VALUES ('ban', '$TROLL', 'test', NOW() + INTERVAL 1 HOUR)"
throws_before=$(count "throws WHERE github_id = '$TROLL'")
post /masakari/throw -b "$TJAR" -H "Accept-Language: en" --interface 127.60.0.7 \
	--data-urlencode "critique=the bubble sort runs on every request $RUN" --data "csrf_token=$TCSRF"
expect_status 403
expect_body "The ID @$TROLL is banned from this venue by its operators until"
expect_eq "no throw stored" "$throws_before" "$(count "throws WHERE github_id = '$TROLL'")"
sql "UPDATE sanctions SET lifted_at = NOW() WHERE github_id = '$TROLL' AND created_by = 'test'"

t "ban an address: everyone from it is refused at the entrance and at a throw, others are not"
op ban-address address=127.60.0.7 hours=1 "reason=new IDs every minute"
expect_status 303
expect_eq "the address's key" 1 "$(count "sanctions WHERE kind = 'ban' AND address = 'ip:127.60.0.7' AND lifted_at IS NULL")"
expect_eq "the event" 1 "$(count "hall_events WHERE kind = 'ban_address' AND address = 'ip:127.60.0.7'")"
post / -b "$TJAR" -c "$TJAR" -H "Accept-Language: en" --interface 127.60.0.7 \
	--data "github_id=fresh-$RUN&csrf_token=$TCSRF"
expect_status 403
expect_body "Your network address is banned from this venue by its operators until"
expect_eq "no hold" 0 "$(count "identities WHERE github_id = 'fresh-$RUN'")"
post /masakari/throw -b "$TJAR" -H "Accept-Language: en" --interface 127.60.0.7 \
	--data-urlencode "critique=the bubble sort runs on every request $RUN" --data "csrf_token=$TCSRF"
expect_status 403
expect_body "Your network address is banned"
start_session "$TMP/neighbour"
enter "neighbour-$RUN" --interface 127.60.0.8
expect_eq "another address enters" 303 "$(cat "$TMP/enter-status")"
get /operators -b "$OPJAR" -H "Accept-Language: en"
expect_body "ip:127.60.0.7"
expect_body 'name="address" value="127.60.0.7"'

t "an IPv6 address is banned by its /64"
op ban-address address=2001:db8:1:2:aaaa:bbbb:cccc:dddd
expect_status 303
expect_eq "the /64" 1 "$(count "sanctions WHERE address = 'ip6:2001:db8:1:2::/64' AND lifted_at IS NULL AND until IS NULL")"
op unban-address address=2001:db8:1:2::1
expect_status 303
expect_eq "lifted by another address in it" 0 "$(count "sanctions WHERE address = 'ip6:2001:db8:1:2::/64' AND lifted_at IS NULL")"

t "an address that is not one is 400"
for a in "" not-an-ip 300.1.1.1 "127.0.0.1; DROP TABLE sanctions" "$(printf '1%.0s' $(seq 70))"; do
	op ban-address "address=$a"
	expect_status 400
done
expect_eq "none stored" 0 "$(count "sanctions WHERE address LIKE 'ip:?%'")"

t "unban-address lets the address in again"
op unban-address address=127.60.0.7
expect_status 303
post / -b "$TJAR" -c "$TJAR" --interface 127.60.0.7 --data "github_id=fresh-$RUN&csrf_token=$TCSRF"
expect_status 303
op unban-address address=127.60.0.7
expect_status 409
expect_body "The address ip:127.60.0.7 is not banned"

t "delete a chat line: gone from the stored history, an event for the halls, logged"
line=$((900000000 + RANDOM * 1000 + RANDOM % 1000))
sql "INSERT INTO chat_messages (line_id, github_id, message, daemon_id, created_at)
     VALUES ($line, '$TROLL', 'a slur <i>$RUN</i>', 'test', NOW(3))"
get /operators -b "$OPJAR" -H "Accept-Language: en"
expect_body "a slur &lt;i&gt;$RUN&lt;/i&gt;"
expect_body "name=\"line_id\" value=\"$line\""
op chat-delete "line_id=$line" "reason=slur"
expect_status 303
expect_eq "gone" 0 "$(count "chat_messages WHERE line_id = $line")"
expect_eq "the event" 1 "$(count "hall_events WHERE kind = 'chat_delete' AND line_id = $line")"
expect_eq "logged" 1 "$(count "moderation_log WHERE action = 'chat-delete' AND target = 'chat $line' AND detail = 'by $TROLL'")"
get /operators -b "$OPJAR" -H "Accept-Language: en"
expect_body "chat line #$line"
expect_body "a line by @$TROLL"
op chat-delete "line_id=$line"
expect_status 404
expect_body "There is no chat line #$line"
for l in 0 -1 abc 1.5 ""; do
	op chat-delete "line_id=$l"
	expect_status 400
done

t "the hall's script acts with JSON: {\"ok\":true}, or the error with its status"
post /operators -b "$OPJAR" -H "Accept: application/json" -H "Accept-Language: en" \
	--data "csrf_token=$OPCSRF&action=mute&github_id=$TROLL&minutes=5"
expect_status 200
expect_header Content-Type "application/json"
check "ok" json_is '.ok == true'
post /operators -b "$OPJAR" -H "Accept: application/json" -H "Accept-Language: en" \
	--data "csrf_token=$OPCSRF&action=unmute&github_id=$TROLL"
check "ok" json_is '.ok == true'
post /operators -b "$OPJAR" -H "Accept: application/json" -H "Accept-Language: en" \
	--data "csrf_token=$OPCSRF&action=unmute&github_id=$TROLL"
expect_status 409
check "the reason" json_is '.status == 409 and (.error | test("is not muted"))'
post /operators -b "$OPJAR" -H "Accept: application/json" -H "Accept-Language: en" \
	--data "action=unmute&github_id=$TROLL"
expect_status 403
check "a JSON error for a missing token" json_is '.status == 403'

t "a field sent twice is refused"
post /operators -b "$OPJAR" -H "Accept-Language: en" \
	--data "csrf_token=$OPCSRF&action=ban&github_id=$TROLL&github_id=someone"
expect_status 400
expect_eq "no ban" 0 "$(count "sanctions WHERE kind = 'ban' AND github_id IN ('$TROLL', 'someone') AND lifted_at IS NULL")"

t "the operator link's hold ends: then the page is closed again"
sql "UPDATE identities SET operator_until = NOW() - INTERVAL 1 SECOND WHERE github_id = '$OP'"
get /operators -b "$OPJAR" -H "Accept-Language: en"
expect_status 403
sql "DELETE FROM identities WHERE github_id = '$OP'"

# The announcements this test made are not left on /masakari for others.
sql "DELETE FROM hall_events WHERE kind = 'announce' AND actor = '$OP'"
done_testing
