#!/usr/bin/env bash
# The visitor's language: the cookie wins, then Accept-Language by quality,
# then Japanese; <html lang> says which; ?lang= sets the cookie and comes back.
. "$(dirname "$0")/../lib.sh"

html_lang() { grep -o '<html lang="[a-z]*"' "$TMP/body" | head -1 | cut -d'"' -f2; }

lang_for() { # Accept-Language value, then expected language
	get /exhibits/ -H "Accept-Language: $1"
	expect_eq "Accept-Language: $1" "$2" "$(html_lang)"
}

t "a visitor who asks for no language gets Japanese"
get /exhibits/
expect_status 200
expect_eq "no Accept-Language" ja "$(html_lang)"
lang_for "fr-FR, de;q=0.8" ja
lang_for "*" ja

t "Accept-Language picks the language with the highest quality"
lang_for "en-US" en
lang_for "en-US,en;q=0.9" en
lang_for "ja-JP,ja;q=0.9,en;q=0.8" ja
lang_for "ja;q=0.3, en;q=0.7" en
lang_for "en;q=0.2, fr, ja;q=0.5" ja
lang_for "fr, EN-gb;q=0.1" en
lang_for "en;q=0, ja;q=0" ja
lang_for "en;q=1.000" en
lang_for "ja;q=0.5, en;q=0.5" ja
lang_for "en;q=0.5, ja;q=0.5" en

t "malformed quality values void their item, never the page"
lang_for "en;q=2" ja
lang_for "en;q=abc" ja
lang_for "en;q=0.5555" ja
lang_for "en;q=" ja
lang_for "english" ja
lang_for ";;;,,,q=1" ja
lang_for "ja;q=0.1, en;q=-1" ja
lang_for "$(printf 'x%.0s' $(seq 1 3000)),en" en

t "the language cookie wins over Accept-Language"
get /exhibits/ -H "Accept-Language: en-US" -H "Cookie: masakari_lang=ja"
expect_eq "cookie ja, header en" ja "$(html_lang)"
get /exhibits/ -H "Accept-Language: ja" -H "Cookie: masakari_lang=en"
expect_eq "cookie en, header ja" en "$(html_lang)"

t "a cookie naming no language is ignored"
for bad in fr EN "en;" "<script>" "%E6%97%A5" "ja%00" "$(printf 'e%.0s' $(seq 1 2000))"; do
	get /exhibits/ -H "Accept-Language: en" -H "Cookie: masakari_lang=$bad"
	expect_status 200
	expect_eq "cookie '$bad'" en "$(html_lang)"
done

t "?lang=en sets a year-long HttpOnly cookie and returns to the page without it"
get "/exhibits/kisei?lang=en"
expect_status 302
expect_eq "Location" "/exhibits/kisei" "$(header Location)"
expect_header Set-Cookie "masakari_lang=en"
expect_header Set-Cookie "Max-Age=31536000"
expect_header Set-Cookie "HttpOnly"
expect_header Set-Cookie "SameSite=Lax"

t "the other parameters of the page are kept"
get "/legacy/source?file=README.md&lang=ja"
expect_status 302
expect_eq "Location" "/legacy/source?file=README.md" "$(header Location)"
get "/?lang=en&change=1"
expect_eq "Location" "/?change=1" "$(header Location)"

t "the switch then wins: a browser that switched keeps its language"
rm -f "$TMP/jar"
curl -sS -c "$TMP/jar" -b "$TMP/jar" -o /dev/null -H "Accept-Language: ja" "$BASE/exhibits/?lang=en"
curl -sS -c "$TMP/jar" -b "$TMP/jar" -o "$TMP/body" -H "Accept-Language: ja" "$BASE/exhibits/"
expect_eq "after switching to English" en "$(html_lang)"
curl -sS -c "$TMP/jar" -b "$TMP/jar" -o /dev/null -H "Accept-Language: en" "$BASE/exhibits/?lang=ja"
curl -sS -c "$TMP/jar" -b "$TMP/jar" -o "$TMP/body" -H "Accept-Language: en" "$BASE/exhibits/"
expect_eq "after switching back" ja "$(html_lang)"

t "every page has the switch, pointing at itself in the other language"
get /exhibits/kisei -H "Cookie: masakari_lang=ja"
expect_body 'href="/exhibits/kisei?lang=en"'
expect_body 'hreflang="en"'
get /exhibits/kisei -H "Cookie: masakari_lang=en"
expect_body 'href="/exhibits/kisei?lang=ja"'
get /nope -H "Cookie: masakari_lang=en"
expect_status 404
expect_body 'href="/nope?lang=ja"'
expect_body '<html lang="en">'

t "?lang= with anything but ja or en is a 400 in the visitor's language"
for bad in fr "" "EN" "en%0d%0aSet-Cookie:%20x=1" "%3Cscript%3E" "%FF%FE" "ja'%20OR%201=1" \
	"$(printf 'a%.0s' $(seq 1 1500))"; do
	get "/exhibits/?lang=$bad" -H "Accept-Language: en"
	expect_status 400
	expect_body "Choose the language ja (Japanese) or en (English)."
	check "no language cookie for lang=$bad" test -z "$(header Set-Cookie | grep masakari_lang)"
done
get "/exhibits/?lang=xx"
expect_body "言語は ja（日本語）か en（英語）を選んでください。"
get "/exhibits/?lang=en&lang=ja"
expect_status 400
expect_body "lang"

t "the switch never sends the visitor to another site"
for path in "//evil.example/" "/%2F/evil.example/" '/\evil.example/' "///evil.example/x"; do
	get "$path?lang=en"
	loc=$(header Location)
	check "Location '$loc' for $path stays on this site" test "${loc:0:1}" = / -a "${loc:1:1}" != / -a "${loc:1:1}" != '\'
done

t "the API's errors follow the language too"
get /api/throws/999999999 -H "Accept-Language: en"
expect_status 404
get /api/nope -H "Accept-Language: en"
expect_body '"error":"There is no page at this address."'
get /api/nope -H "Accept-Language: ja"
expect_body '"error":"'

done_testing
