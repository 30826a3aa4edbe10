#!/usr/bin/env bash
# /masakari/ranking: critics by total damage; the weaknesses found, each with
# who found it first and when; the unfound ones only as a count.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
masakari_session
interval=$(sed -n 's/^ *ThrowIntervalSeconds = \([0-9]*\)$/\1/p' "$MASAKARI_CONFIG")

t "critics are ranked by the sum of their power"
# The page lists the top 50: A and B deal more than most critics of a test run.
throw "Rank-A-$RUN" "the catalog is never reloaded"
expect_status 303
throw "rank-b-$RUN" "the catalog is never reloaded"
expect_status 303
sleep "$interval.2"
throw "rank-a-$RUN" "rate limiting by IP address"
expect_status 303
throw "rank-b-$RUN" "single point of failure"
expect_status 303
sleep "$interval.2"
throw "RANK-A-$RUN" "no edge caching"
expect_status 303
get /masakari/ranking
expect_status 200
expect_header Cache-Control no-store
row_a=$(grep -n "<td>@Rank-A-$RUN</td>" "$TMP/body" | cut -d: -f1)
row_b=$(grep -n "<td>@rank-b-$RUN</td>" "$TMP/body" | cut -d: -f1)
check "A is listed once, under the first spelling of the ID" test -n "$row_a"
expect_no_body "<td>@rank-a-$RUN</td>"
check "B is listed" test -n "$row_b"
check "A (three hits) above B (two)" test "${row_a:-0}" -lt "${row_b:-0}"
check "A's row: damage 300, 3 throws, 3 weaknesses" \
	grep -q "<td>@Rank-A-$RUN</td><td class=\"damage\">300</td><td>3</td><td>3</td>" "$TMP/body"
check "B's row: damage 200, 2 throws, 2 weaknesses" \
	grep -q "<td>@rank-b-$RUN</td><td class=\"damage\">200</td><td>2</td><td>2</td>" "$TMP/body"

t "a found weakness is listed with its first finder and when"
first=$(sql "SELECT t.github_id FROM throws t JOIN weaknesses w ON w.id = t.weakness_id WHERE w.slug = 'catalog-loaded-once' ORDER BY t.id LIMIT 1")
at=$(sql "SELECT DATE_FORMAT(t.created_at, '%Y-%m-%d %H:%i:%s') FROM throws t JOIN weaknesses w ON w.id = t.weakness_id WHERE w.slug = 'catalog-loaded-once' ORDER BY t.id LIMIT 1")
expect_body '<strong lang="ja">弱点カタログは一度読んだきり</strong>'
expect_body "第一発見: @$first（$(date -u -d "$at" '+%Y年%-m月%-d日 %H:%M:%S') UTC）"

t "in English the weakness is told in English only, the date as English writes it"
get /masakari/ranking -H "Accept-Language: en"
title_en=$(sql "SELECT title_en FROM weaknesses WHERE slug = 'catalog-loaded-once'")
expect_body "<strong lang=\"en\">$title_en</strong>"
expect_no_body '弱点カタログは一度読んだきり'
expect_body "First found by @$first ($(date -u -d "$at" '+%-d %b %Y, %H:%M:%S') UTC)"

t "on a fresh stack the first finder is the first to hit it"
if [ "$(sql "SELECT COUNT(*) FROM throws t JOIN weaknesses w ON w.id = t.weakness_id WHERE w.slug = 'catalog-loaded-once'")" = 2 ]; then
	expect_eq "first finder" "Rank-A-$RUN" "$first"
	check "A has a first find" grep -q "<td>@Rank-A-$RUN</td><td class=\"damage\">300</td><td>3</td><td>3</td><td>[123]</td>" "$TMP/body"
else
	pass
fi

t "unfound weaknesses appear only as a count"
get /masakari/ranking
unfound=$(sql "SELECT COUNT(*) FROM weaknesses w WHERE NOT EXISTS (SELECT 1 FROM throws t WHERE t.weakness_id = w.id)")
expect_body "<strong id=\"unfound-count\">$unfound</strong>"
sql "SELECT title_ja FROM weaknesses w WHERE NOT EXISTS (SELECT 1 FROM throws t WHERE t.weakness_id = w.id)" >"$TMP/unfound"
check "some weakness is still unfound" test -s "$TMP/unfound"
while read -r title; do
	expect_no_body "$title"
done <"$TMP/unfound"
found=$(sql "SELECT COUNT(DISTINCT weakness_id) FROM throws")
expect_body "見つかった弱点（$found）"

done_testing
