#!/usr/bin/env bash
# Likes: one per ID per work, with undo; the count on the work's page, in the
# list (sortable by likes) and on the hall's stands; hostile likes change no
# count; the page cache never hands one visitor's likes to another.
. "$(dirname "$0")/../lib.sh"

likes() { sql "SELECT COUNT(*) FROM exhibit_likes l JOIN exhibits e ON e.id = l.exhibit_id WHERE e.slug = '$1'"; }
# like JAR CSRF SLUG ACTION [curl args…]
like() {
	local jar=$1 csrf=$2 slug=$3 action=$4
	shift 4
	post "/exhibits/$slug/like" -b "$jar" -c "$jar" -H "Accept-Language: en" \
		--data "csrf_token=$csrf&action=$action" "$@"
}

start_session "$TMP/alice"
A=$JAR ACSRF=$CSRF
enter liker-alice
start_session "$TMP/bob"
B=$JAR BCSRF=$CSRF
enter liker-bob
sql "DELETE l FROM exhibit_likes l JOIN exhibits e ON e.id = l.exhibit_id WHERE e.slug IN ('kisei', 'red')"

t "a like is counted once, however often it is sent, and shows on the work's page"
for _ in 1 2 3; do like "$A" "$ACSRF" kisei like; done
expect_status 303
expect_header Location "/exhibits/kisei#likes"
expect_eq "kisei's likes" 1 "$(likes kisei)"
get /exhibits/kisei -b "$A" -H "Accept-Language: en"
expect_body 'data-likes="1"'
expect_body 'value="undo"'
expect_body "You like this work."

t "another visitor's like adds one; their page is theirs"
like "$B" "$BCSRF" kisei like
expect_eq "kisei's likes" 2 "$(likes kisei)"
get /exhibits/kisei -b "$B" -H "Accept-Language: ja"
expect_body 'data-likes="2"'
expect_body "あなたはこの作品にいいねしています。"

t "undo takes the like back, once"
like "$A" "$ACSRF" kisei undo
like "$A" "$ACSRF" kisei undo
expect_status 303
expect_eq "kisei's likes" 1 "$(likes kisei)"
get /exhibits/kisei -b "$A" -H "Accept-Language: en"
expect_body 'data-likes="1"'
expect_body 'value="like"'
expect_no_body "You like this work."

t "the count shows in the list and on the hall's stands, and the list sorts by likes"
get /exhibits/ -b "$A"
expect_body 'data-likes="1"'
get "/exhibits/?sort=likes" -b "$A" -H "Accept-Language: en"
expect_status 200
first=$(grep -o 'href="/exhibits/[a-z0-9-]\+"' "$TMP/body" | head -1)
expect_eq "the most liked work comes first" 'href="/exhibits/kisei"' "$first"
expect_body 'aria-current="page">most liked first'
get "/exhibits/?sort=nonsense" -b "$A"
expect_status 400
expect_body "sort=likes"
get / -b "$A"
expect_body 'data-slug="kisei"'
grep -A8 'data-slug="kisei"' "$TMP/body" >"$TMP/stand"
check "the hall's stand carries the count" grep -qF 'data-likes="1"' "$TMP/stand"

t "hostile likes are refused with a reason and change no count"
before=$(likes kisei)
like "$B" "" kisei like
expect_status 403
expect_body "Reload the page"
like "$B" "0123456789abcdef0123456789abcdef" kisei undo
expect_status 403
like "$B" "$BCSRF" no-such-work like
expect_status 404
expect_body "There is no exhibit at this address."
like "$B" "$BCSRF" kisei explode
expect_status 400
expect_body "action=like or action=undo"
start_session "$TMP/nobody"
like "$JAR" "$CSRF" kisei like
expect_status 403
expect_body "Enter the hall with your GitHub ID first"
expect_eq "kisei's likes after the refusals" "$before" "$(likes kisei)"

t "a like sent a hundred times is one like"
for _ in $(seq 100); do like "$B" "$BCSRF" red like; done
expect_status 303
expect_eq "red's likes" 1 "$(likes red)"
for _ in $(seq 100); do like "$B" "" red undo; done
expect_status 403
expect_eq "red's likes after a hundred forged undos" 1 "$(likes red)"

t "a banned ID cannot like, even from a browser that still holds it"
# The ban as a row only: masakarictl ban would also end the hold.
sql "INSERT INTO sanctions (kind, github_id, reason, created_by) VALUES ('ban', 'liker-bob', 'test', 'test')"
like "$B" "$BCSRF" red undo
expect_status 403
expect_body "banned from the venue"
expect_eq "red's likes" 1 "$(likes red)"
sql "UPDATE sanctions SET lifted_at = NOW() WHERE github_id = 'liker-bob'"
like "$B" "$BCSRF" red undo
expect_status 303
expect_eq "red's likes once the ban is lifted" 0 "$(likes red)"

t "the page cache never hands one visitor's likes to another"
secret_c=$(identity_of liker-carol)
like "$A" "$ACSRF" kisei like
for _ in 1 2; do
	get /exhibits/kisei -b "$A" -H "Accept-Language: en"
	expect_body "You like this work."
	get /exhibits/kisei -H "Cookie: identity=$secret_c" -H "Accept-Language: en"
	expect_no_body "You like this work."
	expect_body 'value="like"'
done

t "a page kept for a visitor is drawn anew after their own like"
get /exhibits/kisei -b "$A" -H "Accept-Language: en"
# Kept by the program, which asks whether the cookie still holds the ID;
# nginx, which cannot ask, never keeps a page drawn for an identity.
check "nginx did not keep the visitor's page" test "$(header X-Cache)" != HIT
count=$(grep -o 'data-likes="[0-9]*"' "$TMP/body" | head -1)
like "$A" "$ACSRF" kisei undo
expect_header Set-Cookie "masakari_answered="
get /exhibits/kisei -b "$A" -H "Accept-Language: en"
check "the liker's page after the undo is not the kept one" test "$(header X-Cache)" != HIT
expect_no_body "You like this work."
expect_no_body "$count"
get / -b "$A" -H "Accept-Language: en"
grep -A8 'data-slug="kisei"' "$TMP/body" >"$TMP/stand"
check "the liker's hall has the new count too" sh -c "! grep -qF '$count' '$TMP/stand'"

t "pages that do not depend on the visitor are still kept"
get /exhibits/kisei -H "Accept-Language: en"
get /exhibits/kisei -H "Accept-Language: en"
expect_header X-Cache HIT
expect_body "Enter the hall with your GitHub ID to like"
expect_no_body 'name="csrf_token"'

done_testing
