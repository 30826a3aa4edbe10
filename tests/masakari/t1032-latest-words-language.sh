#!/usr/bin/env bash
# /masakari marks the server's latest words with the language they were said
# in (lang on the blockquote); where a canned line answered, the reader gets
# that line in their own language (the game has each one in both), and a
# model's reply is shown as it was said, marked with its language.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"

masakari_session
t "a canned answer to a Japanese throw, read in Japanese"
throw "words-$RUN" "ClearSilverはもうメンテされていない"
expect_status 303
wait_reply
sql "UPDATE throws SET reply_source = 'canned', reply = 'ClearSilverは死んだのではない。完成したのだ。' WHERE id=$THROW_ID"
get /masakari -H 'Accept-Language: ja'
check "marked Japanese" grep -q '<blockquote class="server-words" id="latest-words" lang="ja"><p>「ClearSilverは死んだのではない。完成したのだ。」' "$TMP/body"

t "the same canned answer, read in English, is the English line"
get /masakari -H 'Accept-Language: en'
check "marked English, in English" grep -q '<blockquote class="server-words" id="latest-words" lang="en"><p>“ClearSilver isn&#39;t dead. It is finished.”\|<blockquote class="server-words" id="latest-words" lang="en"><p>“ClearSilver isn.t dead. It is finished.”' "$TMP/body"

t "a model's reply is shown as it was said, marked with the throw's language"
sql "UPDATE throws SET reply_source = 'llm', reply = '動いているコードに敬意を払え' WHERE id=$THROW_ID"
get /masakari -H 'Accept-Language: en'
check "Japanese words on the English page are marked Japanese" grep -q '<blockquote class="server-words" id="latest-words" lang="ja"><p>“動いているコードに敬意を払え”' "$TMP/body"

t "hostile words stay text"
sql "UPDATE throws SET reply_source = 'llm', reply = '<script>alert(1)</script>' WHERE id=$THROW_ID"
get /masakari -H 'Accept-Language: en'
check "escaped" grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$TMP/body"
check "no script element" sh -c "! grep -q '<script>alert' '$TMP/body'"

done_testing
