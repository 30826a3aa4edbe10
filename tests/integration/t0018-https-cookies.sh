#!/usr/bin/env bash
# With Site.BaseUrl on https, as in production, the programs' cookies are
# Secure and carry the __Host- prefix, and only prefixed cookies are read back:
# one planted without the prefix (over plain HTTP, by anyone on the way) is
# ignored. The site and masakari programs run here a second time with such a
# configuration, behind an nginx of this test's own that speaks TLS with a
# certificate made now. The stack itself (make run) stays plain http: its
# cookies have neither (checked last).
. "$(dirname "$0")/../lib.sh"

STACK_BASE=$BASE
D=$TMP/https
mkdir -p "$D"
# nginx's workers are not root (see scripts/stack.sh): they reach the sockets here.
chmod 755 "$TMP" "$D"
stop_all() {
	local p
	# One file at a time: spawn-fcgi ends a PID file without a newline, so
	# two read at once run together into one number.
	for p in "$D"/*.pid; do [ -s "$p" ] && kill "$(cat "$p")" 2>/dev/null; done
	[ -n "${NGINX_PID:-}" ] && kill "$NGINX_PID" 2>/dev/null
	wait 2>/dev/null
	return 0
}
trap 'stop_all; rm -rf "$TMP"' EXIT

PORT=$(stack_free_port)
HTTPS=https://localhost:$PORT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
	-addext subjectAltName=DNS:localhost -keyout "$D/key.pem" -out "$D/cert.pem" 2>/dev/null
sed -e "s|^\( *BaseUrl = \)http://.*|\1$HTTPS|" -e "s|^\( *Port = \)$((${BASE##*:}))\$|\1$PORT|" \
	-e "s|^\( *File = \).*fcgi.log|\1$D/fcgi.log|" \
	-e "s|^\( *site = \).*|\11|" -e "s|^\( *masakari = \).*|\11|" "$MASAKARI_CONFIG" >"$D/masakari.hdf"
for name in site masakari; do
	MASAKARI_CONFIG=$D/masakari.hdf spawn-fcgi -s "$D/$name.sock" -M 0600 \
		$([ "$(id -u)" -eq 0 ] && echo -U www-data) -F 1 -P "$D/$name.pid" -- \
		"$ROOT/bin/$name.fcgi" >/dev/null 2>&1
done
mkdir -p "$D/nginx"
cat >"$D/nginx.conf" <<EOF
$([ "$(id -u)" -eq 0 ] && echo "user www-data www-data;")
worker_processes 1;
pid $D/nginx.pid.nginx;
error_log $D/nginx-error.log warn;
daemon off;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path $D/nginx/body;
	proxy_temp_path $D/nginx/proxy;
	fastcgi_temp_path $D/nginx/fastcgi;
	uwsgi_temp_path $D/nginx/uwsgi;
	scgi_temp_path $D/nginx/scgi;
	server {
		listen 127.0.0.1:$PORT ssl http2;
		ssl_certificate $D/cert.pem;
		ssl_certificate_key $D/key.pem;
		location /masakari { include /etc/nginx/fastcgi_params; fastcgi_pass unix:$D/masakari.sock; }
		location / { include /etc/nginx/fastcgi_params; fastcgi_pass unix:$D/site.sock; }
	}
}
EOF
nginx -p "$D/nginx" -c "$D/nginx.conf" -e "$D/nginx-error.log" 2>>"$D/nginx-error.log" &
NGINX_PID=$!
BASE=$HTTPS
# curl's own name resolution: localhost is the certificate's name, at 127.0.0.1.
TLS=(--cacert "$D/cert.pem" --resolve "localhost:$PORT:127.0.0.1")
stack_wait_for "the https test site" 20 curl -fsS "${TLS[@]}" -o /dev/null "$HTTPS/" || {
	fail "the https site did not come up: $(tail -3 "$D/nginx-error.log" "$D/fcgi.log" 2>/dev/null)"
	done_testing
	exit 1
}

t "over https the CSRF cookie is Secure, HttpOnly, SameSite=Lax, with the __Host- prefix"
get / "${TLS[@]}" -c "$TMP/jar"
expect_status 200
expect_header Set-Cookie "__Host-masakari_csrf="
expect_header Set-Cookie "; Path=/"
expect_header Set-Cookie "; Secure"
expect_header Set-Cookie "; HttpOnly"
expect_header Set-Cookie "; SameSite=Lax"
expect_eq "no Domain (which __Host- forbids)" "" "$(header Set-Cookie | grep -io 'domain=')"
CSRF=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$TMP/body" | grep -o '[0-9a-f]\{32\}' | head -1)

t "the prefixed CSRF cookie is the one a form is checked against"
post / "${TLS[@]}" -b "$TMP/jar" -c "$TMP/jar" --data-urlencode "github_id=tls-visitor" --data "csrf_token=$CSRF"
expect_status 303
expect_header Set-Cookie "__Host-identity="
expect_header Set-Cookie "; Secure"

t "the entrance's cookie is read back by its prefixed name"
get / "${TLS[@]}" -b "$TMP/jar"
expect_body '@tls-visitor'

t "a cookie without the prefix is ignored over https"
tls_secret=$(awk '$6 == "__Host-identity" { print $7 }' "$TMP/jar")
get / "${TLS[@]}" -H "Cookie: identity=$tls_secret"
expect_status 200
expect_no_body '@tls-visitor'
post / "${TLS[@]}" -H "Cookie: masakari_csrf=$CSRF" --data-urlencode "github_id=tls-two" --data "csrf_token=$CSRF"
expect_status 403

t "a throw over https is made by the prefixed identity cookie"
curl -sS "${TLS[@]}" -c "$TMP/jar2" -b "$TMP/jar2" -o "$TMP/form" "$HTTPS/masakari"
CSRF2=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$TMP/form" | grep -o '[0-9a-f]\{32\}')
post / "${TLS[@]}" -b "$TMP/jar2" -c "$TMP/jar2" --data-urlencode "github_id=tls-thrower" --data "csrf_token=$CSRF2"
expect_status 303
expect_header Set-Cookie "__Host-identity="
expect_header Set-Cookie "; Secure"
post /masakari/throw "${TLS[@]}" -b "$TMP/jar2" --data-urlencode "github_id=tls-thrower" \
	--data-urlencode "critique=TLS cookie check $RANDOM$RANDOM" --data "csrf_token=$CSRF2"
expect_status 303
# Its attack must not run on into later tests.
attacks_quiesce "t.github_id = 'tls-thrower'" || true

t "the plain-http stack (make run) keeps plain cookie names, without Secure"
BASE=$STACK_BASE
get /
expect_header Set-Cookie "masakari_csrf="
expect_eq "Secure" "" "$(header Set-Cookie | grep -o 'Secure')"
expect_eq "__Host-" "" "$(header Set-Cookie | grep -o '__Host-')"

done_testing
