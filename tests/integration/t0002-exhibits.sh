#!/usr/bin/env bash
# Exhibit pages: the nine works, their facts, the jump to their site, 404s.
. "$(dirname "$0")/../lib.sh"

t "every exhibit has a page with its title, image and a link to its site"
for slug in red deathma-tv kisei crowd4u bears-sandbag watalk meguru-cosmos lab-blog masakari; do
	get "/exhibits/$slug"
	expect_status 200
	expect_body "/static/img/exhibits/$slug.svg"
	expect_body "href=\"/exhibits/$slug/go\""
	# The poster itself is served by nginx.
	check "poster for $slug is served as SVG" \
		bash -c "curl -fsS -D - -o /dev/null '$BASE/static/img/exhibits/$slug.svg' | grep -qi 'content-type: image/svg+xml'"
done

t "Japanese titles round-trip byte-exact from the database to the page"
for title in "デスマTV" "奇声" "融合知能デザイン研究室 エンジニアブログ" "まさかり"; do
	db_hex=$(sql "SELECT HEX(title) FROM exhibits WHERE title = '$title'")
	expect_eq "stored bytes of $title" "$(printf '%s' "$title" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" "$db_hex"
done
get /exhibits/lab-blog
expect_body '<h1 class="exhibit-heading" lang="ja">融合知能デザイン研究室 エンジニアブログ</h1>'

t "known facts are shown: stack, team, summary"
get /exhibits/meguru-cosmos
expect_body "Three.js"
expect_body "lonely hackathon #01"
get /exhibits/kisei
expect_body "FastAPI"
expect_body 'class="exhibit-summary"'

t "unknown facts are left out, not invented"
get /exhibits/red
expect_status 200
expect_no_body 'class="exhibit-summary"'
expect_no_body 'class="exhibit-stack"'
expect_no_body '<dt>チーム</dt>'
expect_body 'この作品の紹介はまだありません'

t "/go answers 302 to the work's own site and counts the visit"
before=$(sql "SELECT visits FROM exhibits WHERE slug='crowd4u'")
get /exhibits/crowd4u/go
expect_status 302
expect_header Location "https://crowd4u.org/ja/"
get /exhibits/crowd4u/go
after=$(sql "SELECT visits FROM exhibits WHERE slug='crowd4u'")
expect_eq "visits counted" "$((before + 2))" "$after"

t "an unknown slug is a 404 page"
get /exhibits/no-such-work -H "Accept-Language: en"
expect_status 404
expect_body "There is no exhibit at this address"
get /exhibits/no-such-work/go
expect_status 404

t "the exhibit list links all nine"
get /exhibits/
expect_status 200
check "nine cards" test "$(grep -c 'class="exhibit-card"' "$TMP/body")" -eq 9

t "hostile slugs are 404s, never errors"
for path in "/exhibits/%27%20OR%201=1--" "/exhibits/%3Cscript%3E" "/exhibits/%ff%fe" \
	"/exhibits/$(printf 'x%.0s' $(seq 3000))" "/exhibits/kisei/go/extra" "/exhibits/../etc/passwd"; do
	get "$path"
	case "$(status)" in 404|400|414) pass ;; *) fail "$path answered $(status)" ;; esac
done

t "unknown paths are 404 pages with the site's layout"
get /no/such/page -H "Accept-Language: en"
expect_status 404
expect_body "There is no page at this address"
expect_header Content-Type "text/html"

t "a POST to a GET-only page is 405"
post /exhibits/kisei
expect_status 405

done_testing
