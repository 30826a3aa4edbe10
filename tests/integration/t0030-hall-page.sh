#!/usr/bin/env bash
# The hall page (cgi-bin/site/hall.c, templates/site/hall.cs): "/" for a
# visitor with an ID is the hall, whose content is every exhibit with its
# place in the hall, and which works as a list without JavaScript. The hall's
# live side is tested in tests/daemon (the WebSocket) and tests/browser.
. "$(dirname "$0")/../lib.sh"

# An ID of its own: t0001 holds octo-cat9 in the same stack.
critic="octo-hall-$(printf '%x' $((RANDOM * 32768 + RANDOM)))"
octo=$(identity_of "$critic")
t "with the identity cookie, / is the hall, linking every exhibit"
check "the ID is claimed at the entrance" test -n "$octo"
get / -b "identity=$octo"
expect_status 200
expect_body 'id="hall"'
expect_body "@$critic"
for slug in red deathma-tv kisei crowd4u bears-sandbag watalk meguru-cosmos lab-blog masakari; do
	expect_body "href=\"/exhibits/$slug\""
done

t "each exhibit card carries its place in the hall for the script"
for slug in red masakari; do
	x=$(sql "SELECT hall_x FROM exhibits WHERE slug = '$slug'")
	y=$(sql "SELECT hall_y FROM exhibits WHERE slug = '$slug'")
	expect_body "data-slug=\"$slug\" data-hall-x=\"$x\" data-hall-y=\"$y\""
done

t "the hall loads its script from /static/ and says what it needs without one"
expect_body '/static/js/hall.js'
expect_body 'class="hall-noscript"'
expect_no_body '<script>'

t "the hall is in the visitor's language"
get / -b "identity=$octo; masakari_lang=en"
expect_status 200
expect_body 'lang="en"'

t "a github_id cookie, with markup or not, is no identity"
get / -b "github_id=octo-cat9"
expect_status 200
expect_body 'name="github_id"'
expect_no_body 'id="hall"'
get / -b "github_id=<script>alert(1)</script>"
expect_status 200
expect_body 'name="github_id"'
expect_no_body 'id="hall"'
expect_no_body '<script>alert(1)</script>'

t "?change=1 shows the form instead of the hall"
get "/?change=1" -b "identity=$octo"
expect_status 200
expect_body 'name="github_id"'
expect_no_body 'id="hall"'

done_testing
