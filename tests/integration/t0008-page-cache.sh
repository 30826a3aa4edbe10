#!/usr/bin/env bash
# Cached pages never cross visitors: the key is the path and the cookies.
. "$(dirname "$0")/../lib.sh"

declare -A secret
for who in alice-1 bob-2; do
	secret[$who]=$(identity_of "$who")
done
t "each visitor's hall names that visitor, however often it is served"
for i in 1 2 3; do
	for who in alice-1 bob-2; do
		get / -H "Cookie: identity=${secret[$who]}"
		expect_status 200
		expect_body "@$who"
	done
done
get / -H "Cookie: identity=${secret[alice-1]}" -H "Pragma: no-cache"
expect_body "@alice-1"
expect_no_body "@bob-2"

t "a cached hall page never greets a browser whose ID was taken back"
# Served twice, so that both the program's cache and nginx's could keep it.
get / -H "Cookie: identity=${secret[alice-1]}"
get / -H "Cookie: identity=${secret[alice-1]}"
expect_body "@alice-1"
check "nginx does not keep a page for an identity (X-Cache: $(header X-Cache))" test "$(header X-Cache)" != HIT
# A sign-in elsewhere gives the ID a new secret; this browser's is no one's.
sql "UPDATE identities SET secret_hash = SHA2('taken back $RANDOM', 256) WHERE github_id = 'alice-1'"
for i in 1 2; do
	get / -H "Cookie: identity=${secret[alice-1]}"
	expect_status 200
	expect_no_body "@alice-1"
	expect_body 'name="github_id"'
done
# and a page kept for a verified ID is not served once the mark is gone
get / -H "Cookie: identity=${secret[bob-2]}"
get / -H "Cookie: identity=${secret[bob-2]}"
sql "UPDATE identities SET verified = 1 WHERE github_id = 'bob-2'"
get / -H "Cookie: identity=${secret[bob-2]}" -H "Accept-Language: en"
expect_body "@bob-2"
get / -H "Cookie: identity=${secret[bob-2]}"
expect_body 'class="verified"'

t "pages that depend only on the cookies are served from nginx's cache"
get /exhibits/kisei
get /exhibits/kisei
expect_header X-Cache HIT

never_cached() { # description, then the request
	local what=$1
	shift
	get "$@"
	get "$@"
	check "$what is not served from the cache (X-Cache: $(header X-Cache))" test "$(header X-Cache)" != HIT
}
never_cached "a 404" /exhibits/nope
never_cached "a page that sets a cookie" /
never_cached "a page with a query string" "/?change=1" -H "Cookie: identity=${secret[alice-1]}"
never_cached "the redirect that counts a visit" /exhibits/kisei/go

t "a page with a form keeps the visitor's own CSRF token"
get / -H "Cookie: masakari_csrf=0123456789abcdef0123456789abcdef"
expect_body 'value="0123456789abcdef0123456789abcdef"'
get / -H "Cookie: masakari_csrf=fedcba9876543210fedcba9876543210"
expect_body 'value="fedcba9876543210fedcba9876543210"'
expect_no_body '0123456789abcdef0123456789abcdef'

t "/legacy/random is never served from a cache"
get /legacy/random
first=$(md5sum <"$TMP/body")
get /legacy/random
check "two different sorts" test "$first" != "$(md5sum <"$TMP/body")"

done_testing
