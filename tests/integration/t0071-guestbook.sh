#!/usr/bin/env bash
# Each work's guestbook: a visitor's note, the team's answer marked as the
# team's, an operator's deletion (logged); hostile notes refused with a
# reason, storing nothing; a reply from a non-member refused.
. "$(dirname "$0")/../lib.sh"

notes() { sql "SELECT COUNT(*) FROM exhibit_notes n JOIN exhibits e ON e.id = n.exhibit_id WHERE e.slug = 'meguru-cosmos'"; }
# write JAR CSRF [curl args…]: posts to meguru-cosmos's guestbook
write() {
	local jar=$1 csrf=$2
	shift 2
	post /exhibits/meguru-cosmos/notes -b "$jar" -c "$jar" -H "Accept-Language: en" \
		--data "csrf_token=$csrf" "$@"
}
en=(-H "Accept-Language: en")

start_session "$TMP/visitor"
V=$JAR VCSRF=$CSRF
enter guest-writer
start_session "$TMP/member"
M=$JAR MCSRF=$CSRF
enter team-member-1
check "the operator's link makes this browser the operator" operator_session "$TMP/op"
O=$JAR OCSRF=$CSRF
sql "DELETE n FROM exhibit_notes n JOIN exhibits e ON e.id = n.exhibit_id WHERE e.slug = 'meguru-cosmos'"

# Pages are read by whoever wrote last: anyone else may be given a copy kept
# for Cache.PagesSeconds (docs/EXHIBITS.md, Caching).
t "a visitor's note shows on the work's page, as text"
write "$V" "$VCSRF" --data-urlencode $'body=How long did this take?\r\nLovely colours <b>bold</b>'
expect_status 303
expect_header Location "/exhibits/meguru-cosmos#guestbook"
get /exhibits/meguru-cosmos -b "$V" "${en[@]}"
expect_body "How long did this take?"
expect_body "Lovely colours &lt;b&gt;bold&lt;/b&gt;"
expect_body "@guest-writer"
note=$(sql "SELECT MAX(id) FROM exhibit_notes")
check "a line break is kept as one" test "$(sql "SELECT body LIKE '%?\nLovely%' FROM exhibit_notes WHERE id = $note")" = 1

t "someone not of the team cannot answer"
write "$V" "$VCSRF" --data "reply_to=$note" --data-urlencode "body=I answer for the team"
expect_status 403
expect_body "team can answer notes"
write "$M" "$MCSRF" --data "reply_to=$note" --data-urlencode "body=I am not on the team yet"
expect_status 403
expect_eq "notes after refused answers" 1 "$(notes)"

t "an operator makes a member of the team, who answers, marked as the team"
"$ROOT/bin/masakarictl" team-add meguru-cosmos team-member-1 >"$TMP/ctl" 2>&1
check "team-add says so" grep -q "team-member-1 is now one of the team of meguru-cosmos" "$TMP/ctl"
check "team-add refuses an unknown work" sh -c "! '$ROOT/bin/masakarictl' team-add no-such-work someone 2>/dev/null"
check "team-add refuses a bad ID" sh -c "! '$ROOT/bin/masakarictl' team-add meguru-cosmos 'bad id' 2>/dev/null"
# The test stack has GitHub sign-in set up: a member proves the ID with it.
write "$M" "$MCSRF" --data "reply_to=$note" --data-urlencode "body=Not signed in yet"
expect_status 403
expect_body "sign in with GitHub"
sql "UPDATE identities SET verified = 1 WHERE github_id = 'team-member-1'"
get /exhibits/meguru-cosmos -b "$M" "${en[@]}"
expect_body "Answer as the team"
write "$M" "$MCSRF" --data "reply_to=$note" --data-urlencode "body=Two weekends, thank you!"
expect_status 303
get /exhibits/meguru-cosmos -b "$M" "${en[@]}"
expect_body "Two weekends, thank you!"
expect_body 'class="team-mark"'
get /exhibits/meguru-cosmos -b "$M" -H "Accept-Language: ja"
expect_body ">チーム</span>"
write "$M" "$MCSRF" --data "reply_to=999999999" --data-urlencode "body=to nothing"
expect_status 404
write "$M" "$MCSRF" --data "reply_to=1x" --data-urlencode "body=to nothing"
expect_status 400

t "hostile notes are refused with a reason and store nothing"
before=$(notes)
write "$V" "" --data-urlencode "body=no token"
expect_status 403
expect_body "Reload the page"
write "$V" "$VCSRF" --data-urlencode "body=$(head -c 501 /dev/zero | tr '\0' 'a')"
expect_status 400
expect_body "at most 500 characters"
write "$V" "$VCSRF" --data-urlencode "body=$(head -c 500 /dev/zero | tr '\0' 'a')" --data-urlencode "body=twice"
expect_status 400
write "$V" "$VCSRF" --data "body=%C3%28broken"
expect_status 400
expect_body "not valid text"
write "$V" "$VCSRF" --data "body=bell%07"
expect_status 400
write "$V" "$VCSRF" --data-urlencode "body=   "
expect_status 400
expect_body "the note is empty"
post /exhibits/no-such-work/notes -b "$V" "${en[@]}" --data "csrf_token=$VCSRF&body=hello"
expect_status 404
start_session "$TMP/nobody"
write "$JAR" "$CSRF" --data-urlencode "body=who am I"
expect_status 403
expect_body "Enter the hall with your GitHub ID first"
expect_eq "notes after the refusals" "$before" "$(notes)"

t "markup and SQL are kept as text, never run"
write "$V" "$VCSRF" --data-urlencode "body=<script>alert(1)</script>'); DROP TABLE exhibit_notes; --"
expect_status 303
get /exhibits/meguru-cosmos -b "$V" "${en[@]}"
expect_no_body "<script>alert(1)"
expect_body "&lt;script&gt;alert(1)&lt;/script&gt;&#39;); DROP TABLE exhibit_notes; --"
expect_eq "notes" $((before + 1)) "$(notes)"

t "a banned ID cannot write"
sql "INSERT INTO sanctions (kind, github_id, reason, created_by) VALUES ('ban', 'guest-writer', 'test', 'test')"
write "$V" "$VCSRF" --data-urlencode "body=still here"
expect_status 403
expect_body "banned from the venue"
sql "UPDATE sanctions SET lifted_at = NOW() WHERE github_id = 'guest-writer'"

t "too many notes in a minute are refused"
for i in 1 2 3 4 5 6; do write "$M" "$MCSRF" --data-urlencode "body=note $i"; done
expect_status 429
expect_body "too quickly"

t "only an operator deletes a note, and the deletion is logged"
post "/exhibits/meguru-cosmos/notes/$note/delete" -b "$V" "${en[@]}" --data "csrf_token=$VCSRF"
expect_status 403
get /exhibits/meguru-cosmos -b "$O" "${en[@]}"
expect_body "Delete the note by @guest-writer"
post "/exhibits/meguru-cosmos/notes/$note/delete" -b "$O" "${en[@]}" --data "csrf_token="
expect_status 403
post "/exhibits/meguru-cosmos/notes/$note/delete" -b "$O" -c "$O" "${en[@]}" --data "csrf_token=$OCSRF"
expect_status 303
get /exhibits/meguru-cosmos -b "$O" "${en[@]}"
expect_no_body "How long did this take?"
expect_no_body "Two weekends, thank you!"
check "the deletion is in the moderation log" \
	test "$(sql "SELECT COUNT(*) FROM moderation_log WHERE action = 'note_delete' AND detail = 'note $note'")" = 1
post "/exhibits/meguru-cosmos/notes/$note/delete" -b "$O" "${en[@]}" --data "csrf_token=$OCSRF"
expect_status 404
post "/exhibits/red/notes/$((note + 1))/delete" -b "$O" "${en[@]}" --data "csrf_token=$OCSRF"
expect_status 404

t "the operator answers as the team too"
write "$O" "$OCSRF" --data-urlencode "body=Welcome, everyone"
expect_status 303
check "an operator's note is the team's" \
	test "$(sql "SELECT by_team FROM exhibit_notes WHERE github_id = '$MASAKARI_OPERATOR' ORDER BY id DESC LIMIT 1")" = 1

done_testing
