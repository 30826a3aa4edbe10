#!/usr/bin/env bash
# /masakari: the HP bar, the form beside the framed legacy target, the HP
# history, the latest words and recent throws — with nothing inline.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"

t "/masakari answers 200 with an HTML page"
get /masakari
expect_status 200
expect_header Content-Type "text/html; charset=utf-8"
expect_header Cache-Control "no-store"

t "the page carries the security headers, framing only by itself"
expect_header Content-Security-Policy "default-src 'self'"
expect_header Content-Security-Policy "frame-ancestors 'self'"
expect_header X-Content-Type-Options nosniff

t "the form posts github_id, critique and a CSRF token to /masakari/throw"
expect_body '<form method="post" action="/masakari/throw"'
expect_body 'name="github_id"'
expect_body '<textarea id="critique" name="critique"'
expect_body 'maxlength="500"'
check "a 32-hex CSRF token" grep -q 'name="csrf_token" value="[0-9a-f]\{32\}"' "$TMP/body"
expect_header Set-Cookie "masakari_csrf="

t "the HP bar is a meter from 0 to 100 with the current HP"
check "meter" grep -q '<meter id="hp-meter"[^>]*min="0" max="100"[^>]*value="[0-9]\{1,3\}"' "$TMP/body"
check "HP value" grep -q '<span id="hp-value">[0-9]\{1,3\}</span> / 100' "$TMP/body"

t "the defeated banner is there, hidden until HP falls below 20"
check "hidden banner" grep -q '<p id="defeated" class="defeated" role="status" hidden>' "$TMP/body"

t "the legacy target is framed beside the form, with the axe and the cracks"
expect_body '<iframe src="/legacy/"'
expect_body 'src="/static/img/masakari/axe.svg"'
expect_body 'src="/static/img/masakari/cracks.svg"'

t "the HP history is an SVG drawn on the server"
expect_body '<svg class="hp-svg" viewBox="0 0 600 200"'
expect_body 'HP の推移（直近 10 分）'

t "there is no inline script or style: only files from /static/"
check "no inline script" bash -c "! grep -qi '<script>\|<script [^>]*>[^<]' '$TMP/body'"
check "no style attribute" bash -c "! grep -qi ' style=' '$TMP/body'"
check "no style element" bash -c "! grep -qi '<style' '$TMP/body'"
expect_body '<script type="module" src="/static/js/masakari.js"></script>'
expect_body '<link rel="stylesheet" href="/static/css/masakari.css">'

t "the script, the stylesheet and the images are served"
for f in js/masakari.js js/throw.js css/masakari.css img/masakari/axe.svg img/masakari/cracks.svg; do
	get "/static/$f"
	expect_status 200
done
get /static/img/masakari/axe.svg
expect_header Content-Type "image/svg+xml"

t "the frame itself may be framed by this site"
get /legacy/
expect_status 200
expect_header Content-Security-Policy "frame-ancestors 'self'"
expect_header X-Frame-Options SAMEORIGIN

t "the visitor's identity fills in the form, read-only; a github_id cookie does not"
get /masakari -b "identity=$(identity_of octo-page)"
expect_body 'value="octo-page" readonly'
get /masakari -b "github_id=octo-page"
expect_no_body 'value="octo-page"'
expect_body 'id="throw-enter-first"'

t "a forged ID cookie is not echoed"
get /masakari -b 'github_id=<b>x</b>'
expect_status 200
expect_no_body '<b>x</b>'

t "after a throw, the page shows it among the recent throws and the server's words"
masakari_session
throw "page-critic-$RUN" "ClearSilver is unmaintained"
expect_status 303
wait_reply
get /masakari
expect_body "href=\"/masakari/throws/$THROW_ID\""
expect_body "@page-critic-$RUN"
expect_body 'ClearSilver is unmaintained'
check "the latest words quote the reply" grep -q '<blockquote class="server-words"[^>]*><p>「[^」]' "$TMP/body"
expect_body "のまさかり</a>への返事"

t "a trailing slash is not the page"
get /masakari/
expect_status 404

done_testing
