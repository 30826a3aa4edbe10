#!/usr/bin/env bash
# The legacy target: its front page, the bubble sort, its readable source.
. "$(dirname "$0")/../lib.sh"

t "/legacy/ is the legacy front page"
get /legacy/
expect_status 200
expect_body "おら、マサカリを投げやがれ！"
expect_body 'href="/legacy/source"'
expect_body 'href="/legacy/random"'

t "/legacy redirects to /legacy/"
get /legacy
expect_status 301
expect_header Location "/legacy/"

t "/legacy/random renders 512 numbers in non-decreasing order"
get /legacy/random
expect_status 200
sed -n 's/.*<pre id="sorted" class="sorted">\(.*\)<\/pre>.*/\1/p' "$TMP/body" | tr ' ' '\n' >"$TMP/numbers"
expect_eq "count" 512 "$(grep -c . "$TMP/numbers")"
check "sorted" sort -n -c "$TMP/numbers"

t "two requests sort different shuffles"
cp "$TMP/numbers" "$TMP/first"
get /legacy/random
sed -n 's/.*<pre id="sorted" class="sorted">\(.*\)<\/pre>.*/\1/p' "$TMP/body" | tr ' ' '\n' >"$TMP/numbers"
check "different numbers" bash -c "! cmp -s '$TMP/first' '$TMP/numbers'"

t "the source viewer lists the files and shows one, escaped"
get "/legacy/source?file=cgi-bin/legacy/random.c"
expect_status 200
expect_body "bubble_sort"
expect_body "#include &lt;stdio.h&gt;"

t "the source viewer shows only its listed files"
for f in "../../etc/passwd" "/etc/passwd" "var/masakari.hdf" "sql/0001-core.sql" "%00"; do
	get "/legacy/source?file=$f"
	expect_status 404
done
get "/legacy/source?file=$(printf 'a%.0s' $(seq 5000))"
case "$(status)" in 404|414) pass ;; *) fail "long file name answered $(status)" ;; esac

t "malformed query strings do not break the page"
for q in "%" "%zz" "a=%ff%fe" "=&&=="; do
	get "/legacy/source?$q"
	case "$(status)" in 200|404) pass ;; *) fail "?$q answered $(status)" ;; esac
done

t "a field sent twice is refused with a 400 that names it"
for q in "file&file" "file=a&file=b"; do
	get "/legacy/source?$q" -H "Accept-Language: en"
	expect_status 400
	expect_body 'The form sent the field &quot;file&quot; more than once.'
done

done_testing
