#!/usr/bin/env bash
# /operators/insights and its CSV: operators only; the hall's samples added
# up over the daemons, unique IDs and throws per hour, visits, likes, notes
# and minutes near each work; adding a team member from the page.
. "$(dirname "$0")/../lib.sh"

en=(-H "Accept-Language: en")
check "the operator's link makes this browser the operator" operator_session "$TMP/op"
O=$JAR OCSRF=$CSRF
start_session "$TMP/visitor"
V=$JAR VCSRF=$CSRF
enter insights-visitor

t "only operators see the numbers"
get /operators/insights "${en[@]}"
expect_status 403
expect_body "for the venue&#39;s operators only"
get /operators/insights -b "$V" "${en[@]}"
expect_status 403
get /operators/insights.csv -b "$V"
expect_status 403
expect_no_body "hour_utc"
post /operators/insights/team -b "$V" "${en[@]}" --data "csrf_token=$VCSRF&slug=red&github_id=sneaky"
expect_status 403
check "a refused team-add adds nobody" test "$(sql "SELECT COUNT(*) FROM exhibit_team WHERE github_id = 'sneaky'")" = 0

# Two daemons' samples of the same moments, and where people stood.
kx=$(sql "SELECT hall_x FROM exhibits WHERE slug = 'crowd4u'")
ky=$(sql "SELECT hall_y FROM exhibits WHERE slug = 'crowd4u'")
sql "DELETE FROM hall_samples; DELETE FROM hall_sample_positions;
INSERT INTO hall_samples VALUES (UTC_TIMESTAMP() - INTERVAL 10 SECOND, 'test-a', 7), (UTC_TIMESTAMP() - INTERVAL 10 SECOND, 'test-b', 5),
  (UTC_TIMESTAMP() - INTERVAL 5 SECOND, 'test-a', 3);
INSERT INTO hall_sample_positions VALUES
  (UTC_TIMESTAMP() - INTERVAL 10 SECOND, 'test-a', 'stood-1', $kx + 10, $ky),
  (UTC_TIMESTAMP() - INTERVAL 10 SECOND, 'test-b', 'stood-2', $kx, $ky - 100),
  (UTC_TIMESTAMP() - INTERVAL 5 SECOND, 'test-a', 'stood-1', $kx, $ky),
  (UTC_TIMESTAMP() - INTERVAL 5 SECOND, 'test-a', 'far-away', 1250, 1250);"
sql "UPDATE exhibits SET visits = 41 WHERE slug = 'crowd4u'"

t "the page adds up the daemons and names where people stood longest"
get /operators/insights -b "$O" "${en[@]}"
expect_status 200
expect_body "Most visitors in the hall at once: 12"
expect_body "People stood longest at: Crowd4U"
expect_body '<svg viewBox="0 0 600 200" role="img"'
expect_body 'class="bar-visitors"'
grep -A1 'data-slug="crowd4u"' "$TMP/body" | tr -d '\n' >"$TMP/row"
check "crowd4u's visits" grep -q 'class="visits">41<' "$TMP/row"
check "three samples near crowd4u, 5 s apart, are 0.3 minutes stood there" grep -q 'class="minutes">0.3<' "$TMP/row"
check "unique IDs this hour" grep -q '<td>12</td><td>3</td>' "$TMP/body"
get /operators/insights -b "$O" -H "Accept-Language: ja"
expect_status 200
expect_body "会場に同時にいた最大人数：12 人"
check "never kept for anyone" test "$(header X-Accel-Expires)" = ""

t "the CSV has the same numbers"
get /operators/insights.csv -b "$O"
expect_status 200
expect_header Content-Type "text/csv"
expect_header Content-Disposition "insights.csv"
expect_body '"hour_utc","peak_visitors","unique_ids","throws"'
expect_body '"12","3",'
expect_body '"crowd4u","Crowd4U","41","0","0","0.3",'

t "an operator adds a team member from the page; a bad ID or work is refused"
post /operators/insights/team -b "$O" "${en[@]}" --data "csrf_token=$OCSRF&slug=crowd4u&github_id=crowd-member"
expect_status 303
check "the member is stored" test "$(sql "SELECT added_by FROM exhibit_team t JOIN exhibits e ON e.id = t.exhibit_id WHERE e.slug = 'crowd4u' AND t.github_id = 'crowd-member'")" = "$MASAKARI_OPERATOR"
check "and logged" test "$(sql "SELECT COUNT(*) FROM moderation_log WHERE action = 'team_add' AND target = 'crowd-member'")" = 1
get /operators/insights -b "$O" "${en[@]}"
expect_body "crowd-member"
post /operators/insights/team -b "$O" "${en[@]}" --data "csrf_token=$OCSRF&slug=crowd4u&github_id=-bad-"
expect_status 400
post /operators/insights/team -b "$O" "${en[@]}" --data "csrf_token=$OCSRF&slug=nope&github_id=good-id"
expect_status 404
post /operators/insights/team -b "$O" "${en[@]}" --data "csrf_token=&slug=crowd4u&github_id=good-id"
expect_status 403
check "nothing more was added" test "$(sql "SELECT COUNT(*) FROM exhibit_team WHERE github_id IN ('-bad-', 'good-id')")" = 0

done_testing
