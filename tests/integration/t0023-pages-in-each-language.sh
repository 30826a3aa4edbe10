#!/usr/bin/env bash
# Every page in English carries no Japanese interface text and every page in
# Japanese no English one (names, titles of works and what people wrote aside,
# which are marked with their own lang); caches never hand one visitor
# another's language; errors — the programs', the API's JSON and nginx's own —
# come in the visitor's language.
. "$(dirname "$0")/../lib.sh"

# The fragments of the last page's interface text that are in the other
# language, one a line: a fragment in an English page that has Japanese in
# it, or one in a Japanese page that has English words and no Japanese at
# all. Left out: whatever is marked lang="<the other language>" (exhibit
# titles, Japanese facts with no English), what people wrote or are called
# (critiques, the server's words, the operators' announcements, IDs, teams, events), names of technologies and
# external pages (stack and link lists), the <title> (the heading's twin),
# and the few words that read the same in both (the site's name, HP, UTC…).
foreign_text() { # lang-of-the-page
	python3 - "$1" "$TMP/body" <<'PY'
import html.parser, re, sys
page_lang, path = sys.argv[1], sys.argv[2]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NAMES = ("critique", "whoami", "server-words", "announcement-text", "exhibit-team", "exhibit-event", "exhibit-stack", "exhibit-links")
JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef、。「」]")
SAME = re.compile(r"masakari exhibition|GitHub ID|GitHub|@[\w-]+|/legacy/\w*|HTTP|UTC|HP|CPU|DEFEATED|p50|p90|p99|2xx|3xx|ms|English|ja|en|v\d")
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.out = [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        skip = bool(self.stack and self.stack[-1]) or tag in ("script", "style", "title") \
            or a.get("lang", page_lang) != page_lang or any(n in cls for n in NAMES)
        for k in ("title", "aria-label", "placeholder", "alt"):
            if not skip and a.get(k):
                self.out.append(a[k])
        if tag not in VOID:
            self.stack.append(skip)
    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()
    def handle_data(self, d):
        if not (self.stack and self.stack[-1]) and d.strip():
            self.out.append(d.strip())
p = P()
p.feed(open(path, encoding="utf-8").read())
for text in p.out:
    if page_lang == "en" and JA.search(text):
        print(text)
    if page_lang == "ja" and not JA.search(text) and re.search(r"[A-Za-z]{3,}", SAME.sub("", text)):
        print(text)
PY
}

check_page() { # path lang [curl args…]
	local path=$1 lang=$2
	shift 2
	get "$path" -H "Accept-Language: $lang" "$@"
	check "$path ($lang) is a page" grep -q "<html lang=\"$lang\">" "$TMP/body"
	foreign_text "$lang" >"$TMP/foreign"
	if [ -s "$TMP/foreign" ]; then
		fail "$path in $lang shows the other language: $(head -3 "$TMP/foreign" | tr '\n' '|')"
	else
		pass
	fi
}

t "a throw to walk through"
start_session
walker=walker-$RANDOM
enter "$walker" --interface 127.23.0.1
post /masakari/throw -b "$JAR" -c "$JAR" -H "Accept-Language: en" --interface 127.23.0.1 \
	--data-urlencode "github_id=$walker" --data-urlencode "critique=bubble sort on every request" \
	--data "csrf_token=$CSRF"
expect_status 303
throw=$(header Location)
check "a throw page" test -n "$throw"

t "an operator, with a report, a mute and a line in the log, to walk through /operators"
post /report -b "$JAR" --interface 127.23.0.1 --data "csrf_token=$CSRF&target=$walker" \
	--data-urlencode "reason=language walk"
expect_status 200
"$ROOT/bin/masakarictl" mute "$walker" --minutes 5 --reason "language walk" >/dev/null 2>&1
sql "DELETE FROM identities WHERE github_id = 'ops-team'"
oplink=$("$ROOT/bin/masakarictl" operator-link ops-team 2>/dev/null)
opjar=$TMP/operator
curl -sS -o /dev/null -c "$opjar" -b "$opjar" "$BASE/${oplink#http*://*/}"
get /operators -b "$opjar"
expect_status 200

for lang in en ja; do
	t "every page in $lang speaks $lang only"
	check_page / "$lang"
	check_page / "$lang" -b "$JAR"
	check_page /exhibits/ "$lang"
	for slug in red deathma-tv kisei crowd4u bears-sandbag watalk meguru-cosmos lab-blog masakari; do
		check_page "/exhibits/$slug" "$lang"
	done
	check_page /masakari "$lang"
	check_page "$throw" "$lang"
	check_page /masakari/ranking "$lang"
	check_page /operators "$lang" -b "$opjar"
	check_page /operators "$lang"
	check_page /legacy/ "$lang"
	check_page /legacy/random "$lang"
	check_page "/legacy/source?file=README.md" "$lang"
	check_page /no/such/page "$lang"
	check_page "/exhibits/?lang=xx" "$lang"
done

"$ROOT/bin/masakarictl" unmute "$walker" >/dev/null 2>&1
sql "DELETE FROM identities WHERE github_id = 'ops-team'"

page_says() { # path lang fixed-string…: the page in lang holds each string
	local path=$1 lang=$2 text
	shift 2
	get "$path" -H "Accept-Language: $lang"
	for text; do
		expect_body "$text"
	done
}

t "an exhibit with no English shows its Japanese marked lang=ja, never unmarked"
page_says /exhibits/kisei en '<p class="exhibit-summary" lang="en">A React front end'
page_says /exhibits/masakari en '<dd class="exhibit-event" lang="ja">アロカップ(ハックツハッカソン)</dd>' \
	'<li lang="en">React 18 (original)</li>'
page_says /exhibits/meguru-cosmos en '<li lang="en">Three.js</li>' '<li lang="en">Blender (glTF model)</li>'
page_says /exhibits/red en 'There is no description of this work yet.'
page_says /exhibits/kisei ja '<p class="exhibit-summary" lang="ja">ブラウザで音声を'
expect_no_body 'A React front end'

t "the programs' page cache never gives one visitor another's language"
for i in 1 2 3; do
	for lang in ja en ja en; do
		get /exhibits/kisei -H "Accept-Language: $lang" -H "Pragma: no-cache"
		expect_body "<html lang=\"$lang\">"
	done
done

t "nginx's cache keeps the languages apart, and serves each from the cache"
for lang in en ja en ja; do
	get /exhibits/crowd4u -H "Accept-Language: $lang"
	expect_body "<html lang=\"$lang\">"
done
expect_header X-Cache HIT
get /exhibits/crowd4u -H "Accept-Language: en"
expect_header X-Cache HIT
expect_body '<html lang="en">'
for cookie in "masakari_lang=en" "masakari_lang=ja"; do
	for _ in 1 2; do
		get /exhibits/crowd4u -H "Accept-Language: ja" -H "Cookie: $cookie"
		expect_body "<html lang=\"${cookie#*=}\">"
	done
done
get /exhibits/crowd4u -H "Accept-Language: fr, en;q=0.5"
expect_body '<html lang="en">'
get /exhibits/crowd4u -H "Accept-Language: en;q=0.1, ja"
expect_body '<html lang="ja">'

t "pages say they vary by language and cookie"
get /exhibits/crowd4u
expect_header Vary "Accept-Language"
expect_header Vary "Cookie"

t "the API's JSON errors come in both languages"
get /api/throws/abc -H "Accept-Language: en"
expect_status 404
expect_eq "English error" "There is no such throw: a throw's number is a positive whole number." "$(jq -r .error "$TMP/body")"
get /api/throws/abc -H "Accept-Language: ja"
expect_eq "Japanese error" "そのまさかりはありません。まさかりの番号は正の整数です。" "$(jq -r .error "$TMP/body")"
get /api/throws/999999999 -H "Cookie: masakari_lang=en"
expect_eq "English, by cookie" "There is no throw 999999999 (yet)." "$(jq -r .error "$TMP/body")"
get /api/throws/999999999
expect_eq "Japanese by default" "まさかり #999999999 はありません（まだ）。" "$(jq -r .error "$TMP/body")"
get /api/nope -H "Accept-Language: en"
expect_eq "404 in English" "There is no page at this address." "$(jq -r .error "$TMP/body")"
get /api/nope -H "Accept-Language: ja"
expect_eq "404 in Japanese" "このアドレスにはページがありません。" "$(jq -r .error "$TMP/body")"

t "nginx's own error pages follow the cookie, then the first language asked for"
nginx_error() { # expected-lang [curl args…]: a 404 nginx answers itself
	local want=$1
	shift
	get /static/css/no-such.css "$@"
	expect_status 404
	check "nginx's 404 in $want for: $*" grep -q "<html lang=\"$want\">" "$TMP/body"
}
nginx_error ja
nginx_error en -H "Accept-Language: en-US,en;q=0.9"
nginx_error ja -H "Accept-Language: ja,en;q=0.9"
nginx_error ja -H "Accept-Language: en;q=0, ja"
nginx_error en -H "Accept-Language: ja" -H "Cookie: masakari_lang=en"
nginx_error ja -H "Accept-Language: en" -H "Cookie: masakari_lang=ja"
nginx_error en -H "Accept-Language: en" -H "Cookie: masakari_lang=<b>"
get /static/css/no-such.css -H "Accept-Language: en"
expect_body "There is no file at this address."
expect_body "Back to the hall"
post /api/status -H "Accept-Language: en" --data-binary "@/dev/null" -H "Content-Length: 99999"
get /api/no-such-file-%00 -H "Accept-Language: en"
expect_status 400

t "hostile Accept-Language headers never break a page"
for h in "$(printf 'en;q=0.5,%.0s' $(seq 1 600))" "en;q=1e9" $'\xff\xfe' "ja;q=0.5;q=0.9" \
	"<script>alert(1)</script>" "' OR 1=1 --" "en-${RANDOM}x;q=0.001"; do
	get /exhibits/ -H "Accept-Language: $h"
	expect_status 200
	expect_no_body "<script>alert"
done

done_testing
