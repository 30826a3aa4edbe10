#!/usr/bin/env bash
# nginx serves static/ and the FastCGI routes only; every page carries the security headers.
. "$(dirname "$0")/../lib.sh"

t "static files are served"
get /static/css/site.css
expect_status 200
expect_header Content-Type "text/css"

t "nothing outside static/ is reachable"
for p in /.git/config /var/masakari.hdf /sql/0001-core.sql /templates/error.cs /Makefile \
	/etc/masakari.hdf.in /static/../Makefile /static/..%2fMakefile /static/%2e%2e/Makefile \
	/lib/db.c /var/test/masakari.hdf /bin/site.fcgi; do
	get "$p"
	case "$(status)" in 404|400|403) pass ;; *) fail "$p answered $(status)" ;; esac
	expect_no_body "DB {"
	expect_no_body "CREATE TABLE"
	expect_no_body "PROGRAMS"
done

t "every page carries CSP, nosniff and a referrer policy"
for p in / /exhibits/kisei /legacy/ /legacy/random /no/such/page /api/status; do
	get "$p"
	expect_header Content-Security-Policy "default-src 'self'"
	expect_header Content-Security-Policy "frame-ancestors 'self'"
	expect_header X-Content-Type-Options nosniff
	expect_header Referrer-Policy same-origin
done

t "pages carry no inline script or style"
for p in / /exhibits/kisei /exhibits/red /legacy/ /legacy/random /no/such/page; do
	get "$p"
	check "$p has no inline script" bash -c "! grep -qiE '<script>|<script [^>]*>[^<]|<style|style=|onclick=|onload=' '$TMP/body'"
done

t "the ClearSilver debug dump is off"
get "/?debug=1&debug_pause=1"
expect_status 200
expect_no_body "hdf.loadpaths"

t "an oversized query string is refused by nginx"
get "/?x=$(head -c 20000 /dev/zero | tr '\0' a)"
case "$(status)" in 414|400) pass ;; *) fail "got $(status)" ;; esac

t "an oversized header is refused"
get / -H "X-Big: $(head -c 20000 /dev/zero | tr '\0' a)"
case "$(status)" in 400|431|494) pass ;; *) fail "got $(status)" ;; esac

done_testing
