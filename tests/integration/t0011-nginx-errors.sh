#!/usr/bin/env bash
# Errors nginx produces itself (a request it cannot parse, a directory under
# /static/, a body or address too large, a FastCGI program that is down) are
# pages from static/errors/ — JSON under /api/ — with the right status, the
# security headers and a sentence that says what to do. Errors the programs
# answer themselves pass through unchanged.
. "$(dirname "$0")/../lib.sh"

CONF=$ROOT/etc/nginx.conf.in
RUN=$STACK_VAR/run

# Sockets moved aside to play a FastCGI program that is down go back whatever happens.
restore_sockets() {
	local s
	for s in "$RUN"/*.sock.away; do
		[ -e "$s" ] && mv -f "$s" "${s%.away}"
	done
	return 0
}
trap 'restore_sockets; rm -rf "$TMP"' EXIT

security_headers() {
	expect_header Content-Security-Policy "default-src 'self'"
	expect_header Content-Security-Policy "frame-ancestors 'self'"
	expect_header X-Content-Type-Options nosniff
	expect_header Referrer-Policy same-origin
}

# The last response is nginx's page for STATUS that says PHRASE.
expect_error_page() { # status phrase
	expect_status "$1"
	expect_header Content-Type "text/html"
	security_headers
	expect_body "<h1>$1 "
	expect_body "$2"
	expect_body '<link rel="stylesheet" href="/static/css/site.css">'
	expect_body '戻る</a>'
}

# The last response is nginx's JSON error for STATUS: {"status":N,"error":"…PHRASE…"}.
expect_error_json() { # status phrase
	expect_status "$1"
	expect_eq "content type" "application/json; charset=utf-8" "$(header Content-Type)"
	security_headers
	if python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(not (d["status"] == int(sys.argv[2]) and isinstance(d["error"], str) and sys.argv[3] in d["error"]))' \
		"$TMP/body" "$1" "$2" 2>/dev/null; then
		pass
	else
		fail "body is not {\"status\":$1,\"error\":\"…$2…\"}: $(head -c 200 "$TMP/body")"
	fi
}

t "every error page nginx is configured with exists, in HTML and JSON"
pages=$(grep -oE 'error_page [0-9 ]+ /static/errors/[^;]+' "$CONF" | awk '{print $NF}' | sort -u)
check "error pages found in etc/nginx.conf.in" test -n "$pages"
for p in $pages; do
	case "$p" in
	*'$masakari_error_ext') files="${p%.*}.html ${p%.*}.json" ;;
	*) files=$p ;;
	esac
	for f in $files; do
		check "$f exists" test -s "$ROOT$f"
	done
done

t "the error pages carry no inline script or style and are valid JSON"
for f in "$ROOT"/static/errors/*.html; do
	check "$(basename "$f") has no inline script or style" \
		bash -c "! grep -qiE '<script|<style|style=|onclick=|onload=' '$f'"
	check "$(basename "$f") is in Japanese" python3 -c 'import sys
sys.exit(not any("\u3040" <= c <= "\u30ff" for c in open(sys.argv[1], encoding="utf-8").read()))' "$f"
done
for f in "$ROOT"/static/errors/*.json; do
	check "$(basename "$f") is JSON" python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$f"
done

t "an address with %00 is a 400 page"
get /exhibits/%00
expect_error_page 400 "アドレスに使えない文字"
t "under /api/ it is a JSON 400"
get /api/%00
expect_error_json 400 "not allowed"

t "a header too large is a 400 page (JSON under /api/)"
get / -H "X-Big: $(head -c 20000 /dev/zero | tr '\0' a)"
expect_error_page 400 "Cookie を消して"
get /api/status -H "Cookie: big=$(head -c 9000 /dev/zero | tr '\0' a)"
expect_error_json 400 "headers are too large"

t "a directory under /static/ is a 403 page"
get /static/
expect_error_page 403 "一覧できません"
get /static/css/
expect_error_page 403 "一覧できません"

t "a missing file under /static/ is a 404 page"
get /static/css/no-such.css
expect_error_page 404 "ファイルはありません"

t "a POST to a static file is a 405 page"
post /static/css/site.css --data x=1
expect_error_page 405 "受け付けません"

t "a 9 KB query string is a 414 page"
get "/?x=$(head -c 9000 /dev/zero | tr '\0' a)"
expect_error_page 414 "アドレスが長すぎます"

t "an oversized POST / (the entrance form) is a 413 page"
head -c 40000 /dev/zero | tr '\0' a >"$TMP/big"
post / --data-binary "@$TMP/big"
expect_error_page 413 "送ったデータが大きすぎます"
t "an oversized POST under /api/ is a JSON 413"
post /api/status --data-binary "@$TMP/big"
expect_error_json 413 "larger than this site accepts"
t "an oversized throw keeps the masakari 413 page, now with the security headers"
post /masakari/throw --data-binary "@$TMP/big"
expect_error_page 413 "A critique is at most 500 characters"

t "an unsatisfiable range of a static file is a 416 page"
get /static/css/site.css -H "Range: bytes=99999999-"
expect_error_page 416 "再読み込み"

t "a FastCGI program that is down is a 502 page (JSON under /api/)"
for s in site api legacy masakari; do
	check "$s.sock is there" test -S "$RUN/$s.sock"
	mv "$RUN/$s.sock" "$RUN/$s.sock.away"
done
get "/no/such/page?down=$RANDOM"
expect_error_page 502 "応答していません"
get /exhibits/kisei -H "Pragma: no-cache"
expect_error_page 502 "応答していません"
get /legacy/random
expect_error_page 502 "応答していません"
get /masakari
expect_error_page 502 "応答していません"
get /api/status
expect_error_json 502 "not answering"
restore_sockets
get /api/status
expect_status 200

t "errors the programs answer pass through unchanged"
get /no/such/page -H "Accept-Language: en"
expect_status 404
expect_body "There is no page at this address."
expect_no_body "what nginx itself answers"
security_headers
get /api/no-such-route -H "Accept-Language: en"
expect_status 404
expect_eq "content type" "application/json; charset=utf-8" "$(header Content-Type)"
expect_body '"error":"There is no page at this address."'
get /masakari/throws/abc
expect_status 404
expect_no_body "what nginx itself answers"

t "the error pages are not cached"
get /static/
expect_header Cache-Control no-store

done_testing
