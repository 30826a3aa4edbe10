#!/usr/bin/env bash
# Scoring: masakarictl jw on published Jaro–Winkler vectors, masakarictl score
# and how it explains a score, and scoring version 28 as a throw meets it (a
# threshold per language, one word is not enough, a hit's power from 40 at
# the threshold, a miss at most 15, two everyday words no hit, a hit rests on
# words said firmly, a URL's scheme no word, データ no データベース, the
# game's own nouns not among a hit's two words, a weakness's subject without
# its fault no hit, markup's code no words, a runner-up whose fault is not
# said no guess unless it ties the hit, praise as written and not as a
# wish, a file's name a part of it, a compound verb no verb it ends, an
# unsaid subject's phrasing not scored, a runner-up that is a part of the
# hit no second weakness, a hit on a telling word, a near-spelling no word,
# a Japanese ない read in its sentence, a runner-up of which the critique
# says only a part no second weakness, a suggestion no praise, praise of
# what its clause says, a weakness said beside its praise, a phrasing of
# the other language said by one word no reading, a third reading a guess,
# own words deciding from 0.70, a remark on a name no critique of the thing
# named, the version stored).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"
ctl=$ROOT/bin/masakarictl

jw() { "$ctl" jw "$1" "$2"; }

t "masakarictl jw gives the published vectors with 6 decimals"
expect_eq MARTHA/MARHTA 0.961111 "$(jw MARTHA MARHTA)"
expect_eq DIXON/DICKSONX 0.813333 "$(jw DIXON DICKSONX)"
expect_eq DWAYNE/DUANE 0.840000 "$(jw DWAYNE DUANE)"
expect_eq JELLYFISH/SMELLYFISH 0.896296 "$(jw JELLYFISH SMELLYFISH)"

t "masakarictl jw compares code points as given, with no normalisation"
expect_eq "two empty strings" 1.000000 "$(jw '' '')"
expect_eq "one empty string" 0.000000 "$(jw '' abc)"
expect_eq "case is not folded" 0.000000 "$(jw abc ABC)"
expect_eq "width is not folded" 0.000000 "$(jw abc ａｂｃ)"
# m = 5, one transposition, prefix 2: (1 + 1 + 4/5) / 3 + 2 * 0.1 * (1 - 0.9333…)
expect_eq "Japanese, by character" 0.946667 "$(jw まさかりだ まさりかだ)"
# Window 0: only the axe matches; (1/3 + 1/2 + 1) / 3, no bonus at Jaro <= 0.7.
expect_eq "emoji are one character each" 0.611111 "$(jw '🪓🔥💥' '🪓💥')"

t "masakarictl jw refuses invalid UTF-8 and wrong arguments"
jw $'\xff' a >"$TMP/out" 2>&1
expect_eq "exit" 1 "$?"
check "says why" grep -q "valid UTF-8" "$TMP/out"
"$ctl" jw onlyone >"$TMP/out" 2>&1
expect_eq "exit" 2 "$?"

t "masakarictl score names the weakness and the power"
"$ctl" score "ﾊﾞﾌﾞﾙｿｰﾄをﾘｸｴｽﾄのたびに回している！" >"$TMP/out"
expect_eq "exit" 0 "$?"
check "score 1" grep -qx 'score    1.000000' "$TMP/out"
check "weakness" grep -q '^weakness bubble-sort-in-request ' "$TMP/out"
check "power 100" grep -qx 'power    100' "$TMP/out"

t "masakarictl score explains a hit: the phrasing and which words matched"
"$ctl" score "ClearSilver is unmaintaned" >"$TMP/out"
check "weakness" grep -q '^weakness clearsilver-unmaintained ' "$TMP/out"
check "version 28" grep -qx 'version  28' "$TMP/out"
check "a hit's power from 40 at the threshold (version 8)" grep -q '^threshold 0.45 (en): a hit.s power = 40 + ceil(60 x (0.[0-9]* - 0.45) / (1 - 0.45)), 40..100' "$TMP/out"
check "the phrasing" grep -q '^phrasing "ClearSilver is unmaintained" (en; recall ' "$TMP/out"
check "a typo matched by likeness" grep -q '^  unmaintain (weight [0-9.]*): matched by "unmaintan", likeness 0\.9' "$TMP/out"
check "an exact word" grep -q '^  clearsilver (weight [0-9.]*): matched by "clearsilver", likeness 1.000' "$TMP/out"
"$ctl" score "the flooder polls the queue evry 250 ms" >"$TMP/out"
check "a short word's typo is no match (version 6)" grep -q '^  everi (weight [0-9.]*): not in the critique$' "$TMP/out"

t "masakarictl score explains a miss: the chance level and why"
"$ctl" score "the logo looks like it was drawn in Paint, page after page" >"$TMP/out"
check "missed below the English threshold" grep -q '^weakness none: missed (below the threshold; nearest .*, en threshold 0.45)' "$TMP/out"
check "the chance subtracted" grep -q '^chance   0.27 subtracted (en): a miss.s power = ceil(15 x (0.[0-9]* - 0.27) / (0.45 - 0.27)), 1..15' "$TMP/out"
check "words not in the critique" grep -q ': not in the critique$' "$TMP/out"
check "why" grep -q '^why      0.[0-9]* is below the en threshold 0.45' "$TMP/out"
"$ctl" score "ClearSilver!" >"$TMP/out"
check "one word is not enough" grep -q '^why      only one word of the phrasing matched' "$TMP/out"
check "and flies no harder than a miss at the threshold: 15" grep -qx "power    15" "$TMP/out"
"$ctl" score "please use chrony or ntpd on the VM image so the log timestamps line up" >"$TMP/out"
check "two everyday words name nothing (version 9)" grep -q '^why      the words it says of the weakness are fewer than 3 and all of everyday prose' "$TMP/out"
check "a miss" grep -q '^weakness none: missed' "$TMP/out"
"$ctl" score "All real-time traffic goes through one halld instance with no clustering and no second node" >"$TMP/out"
# Versions 10 to 19 missed it as a no said of something else (no real
# message broker); since version 20 it is under the threshold.
check "a miss (version 9 credited mysql-job-queue)" grep -q '^weakness none: missed' "$TMP/out"
check "and not for the message broker" test -z "$(grep 'nearest mysql-job-queue' "$TMP/out")"
"$ctl" score "Every visitor's browser pulls portraits straight from https://github.com/<id>.png, so GitHub learns who walked into the hall" >"$TMP/out"
check "a URL's scheme is no word (version 11): the avatars, not no HTTPS" grep -q '^weakness avatars-from-github ' "$TMP/out"
"$ctl" score "リクエストを処理するハンドラ関数がひとつで200行を超えていて、入力チェックとデータの整形が一緒くたになっている。関数に分けてほしい" >"$TMP/out"
check "データ is no データベース (version 11): a miss" grep -q '^weakness none: missed' "$TMP/out"
# Version 10 took データ for it; versions 11 to 19 showed the database's
# phrasing, unsaid; since version 20 it is not scored (the database is its
# subject, and not said).
check "and the database is not the nearest" test -z "$(grep 'nearest database-on-web-host' "$TMP/out")"
"$ctl" score "まさかりのページを開くとワーカーがテンプレートを読み直している" >"$TMP/out"
# Versions 12 to 18 missed it because まさかり and ページ, the game's own
# nouns, were all it said of HP bar polling; since sql/0142 a phrasing of
# the target says them too, and it misses sooner, on words two weaknesses
# share.
check "まさかり and ページ alone are no HP bar polling: a miss" grep -q '^weakness none: missed (its words say another weakness as well; nearest hp-bar-polling' "$TMP/out"
"$ctl" score "nobody checks the page before you throw" >"$TMP/out"
check "check and throw are no missing authentication (version 12): a miss" grep -q '^weakness none: missed (it says only one word of the phrasing firmly; nearest no-authentication' "$TMP/out"
check "and why: the game's own nouns" grep -q "^why      of the phrasing it says one word firmly: .*or the game's own nouns (throw, masakari, page" "$TMP/out"
check "or a no said of something else (version 10)" \
	grep -q '^why      of the phrasing it says one word firmly: the rest is a near-spelling of another word (under 0.90 alike) or no, without, ない' "$TMP/out"
"$ctl" score "There's a chunk of commented-out code near the top of the login page handler. Delete it; git remembers." >"$TMP/out"
# Versions 13 to 18 missed it as login alone, the subject of no
# authentication; from sql/0141 to version 21 as words the rate limit's
# phrasings say too (its budget is for IDs no sign-in proved); since
# version 22, whose cut leaves ない out of the phrasing of 4つしかない (only
# four workers), ない weighs a little more and login alone is one word of
# 認証がない's two.
check "login alone is no missing authentication: a miss" grep -q '^weakness none: missed (.*; nearest no-authentication' "$TMP/out"
check "flying as a miss" grep -qx 'power    1[0-5]' "$TMP/out"
"$ctl" score "HPバーが赤と緑の色だけで残量を表しているので、色の見分けがつきにくい人には読めない" >"$TMP/out"
check "the HP bar's colours are no HP bar polling (version 13): a miss" grep -q '^weakness none: missed (it says what the weakness is about, not what is wrong; nearest hp-bar-polling' "$TMP/out"
check "and why: the words of its subject" grep -q '^why      of hp-bar-polling it says only words that name what it is about (.*), not what is wrong with it' "$TMP/out"
"$ctl" score "there is no login at all: type any GitHub ID and you are that person" >"$TMP/out"
check "the subject said as missing is the fault: a hit" grep -q '^weakness no-authentication ' "$TMP/out"
"$ctl" score 'exhibit.cs puts rel="noopener" on the exhibit links but they never open with target="_blank", so the attribute does nothing.' >"$TMP/out"
check "an attribute's name is no target of an attack (version 14): a miss" grep -q '^weakness none: ' "$TMP/out"
check "and why: markup's code left out" grep -q "^code     2 written as markup's code (an attribute's name before =\", a CSS selector's .class or #id) left out" "$TMP/out"
"$ctl" score "masakari.css で .hp と各パネルに border-radius: 12px と同じ box-shadow を何度も書いてる" >"$TMP/out"
check "a CSS selector is no HP (version 14): a miss" grep -q '^weakness none: ' "$TMP/out"
"$ctl" score "the stats page runs on the same machine as nginx" >"$TMP/out"
# Versions 15 to 19 missed it as the database's fault without the database;
# since version 20 the database's phrasings are not scored at all.
check "a shared host without the database is no database on the web host: a miss" grep -q '^weakness none: missed' "$TMP/out"
check "and the database's phrasings not scored (version 20)" test -z "$(grep 'database-on-web-host' "$TMP/out")"
check "flying as a miss" grep -qx 'power    1[0-5]\|power    [1-9]' "$TMP/out"
# Version 15 missed it as no authentication's too (login scores 1.0 there),
# though the critique says no fault of sign-in: version 16 credits no HTTPS.
"$ctl" score "Login sessions travel as plain HTTP on port 80; there is no TLS anywhere, not even a self-signed certificate" >"$TMP/out"
check "a runner-up whose fault is not said makes no guess (version 16): a hit" grep -q '^weakness no-https ' "$TMP/out"
check "and why the runner-up did not count" grep -q '^rival    no-authentication scores 1.000000, but the critique says no fault of it' "$TMP/out"
check "flying as a hit" grep -qx 'power    100' "$TMP/out"
# A claimed ID and the budget per address tie at 0.50: a tie is a
# competing reading (version 17).
"$ctl" score "a claimed ID and one budget per client address" >"$TMP/out"
check "a runner-up tying the hit makes a guess (version 17): a miss" grep -q '^weakness none: missed (another weakness scores nearly as much; nearest no-authentication' "$TMP/out"
check "and why the tie counted" grep -q '^tie      rate-limit-per-ip scores 0.500000, as high as the nearest' "$TMP/out"
check "flying as a miss" grep -qx 'power    1[0-5]\|power    [1-9]' "$TMP/out"
# Versions 16 and 17 missed it too, a tie at 0.50 of the two; since
# sql/0141 the limit's own words (a budget per address for IDs no sign-in
# proved, a bucket) say it.
"$ctl" score "Throws from unverified IDs draw on one budget per client address (100 at once, refilled at 120 a minute), so an entire conference behind one NAT drains the same bucket, while the 3-second per-ID interval is dodged by simply claiming another ID." >"$TMP/out"
check "the rate limit by its bucket (sql/0141): a hit" grep -q '^weakness rate-limit-per-ip ' "$TMP/out"
# Version 17 read NIC as nice: praise, and a miss.
"$ctl" score "The load generator runs on the very machine it is attacking and hits it over loopback. Its own CPU gets counted against the target, and the latency it reports never went through a NIC." >"$TMP/out"
check "NIC is no praise (version 18): a hit" grep -q '^weakness flooder-on-target-host ' "$TMP/out"
# Version 18 read "would be nice" as praise.
"$ctl" score "catalog_get() loads the weakness catalog on the first throw and sets catalog_loaded = 1 for good. A migration that adds a weakness won't count until someone restarts masakari.fcgi. A TTL or a version check would be nice." >"$TMP/out"
check "a wish is no praise (version 19): a hit" grep -q '^weakness catalog-loaded-once ' "$TMP/out"
# Version 18 had no log in log.c, and missed.
"$ctl" score "log.c is basically fprintf(stderr, ...) with a timestamp and a pid. No JSON, no aggregation, no metrics shipped anywhere." >"$TMP/out"
check "a file's name is a part of it (version 19): a hit" grep -q '^weakness logs-on-stderr ' "$TMP/out"
# Version 18 took 合わせる (match) for 問い合わせる (inquire) and credited
# queue polling.
"$ctl" score "DB.ConnectTimeout = 2 って単位がキー名から分からない。ほかに合わせて ConnectTimeoutSeconds にしては。" >"$TMP/out"
check "a compound verb is no verb it ends (version 19): a miss" grep -q '^weakness none: ' "$TMP/out"
check "and nearest no queue polling" test -z "$(grep 'nearest queue-polling' "$TMP/out")"
# Version 19 scored the database's phrasing by nginx and the host, and
# missed it as that fault without the database (version 15).
"$ctl" score "/legacy/random sits behind the same nginx on the same host as the exhibition. So the better the critics aim, the slower the hall gets for everyone." >"$TMP/out"
check "an unsaid subject's phrasing is not scored (version 20): the target, a hit" grep -q '^weakness target-is-the-app-itself ' "$TMP/out"
# Version 19 missed it as two weaknesses named: MariaDB among the rest on
# one box is the database on the web host as one case of one server.
"$ctl" score "make run puts nginx, the fcgi programs, halld, the flooder and MariaDB on one box. That's a textbook SPOF: one kernel panic and the whole show is gone." >"$TMP/out"
check "a runner-up that is a part of the hit is no second weakness (version 20): a hit" grep -q '^weakness single-server ' "$TMP/out"
check "and the runner-up named" grep -q 'database-on-web-host' "$TMP/out"
# Version 20 missed it as two weaknesses named: browser, 0.89 alike to
# broker, and real of "the real one" said no real message broker.
"$ctl" score "Identity is finders-keepers: type any GitHub ID at the entrance and your browser owns it. GitHub OAuth is off by default, so someone can squat @torvalds until the real one signs in or Identity.HoldDays lapses." >"$TMP/out"
check "a near-spelling is another word (version 21): no authentication, a hit" grep -q '^weakness no-authentication ' "$TMP/out"
check "and MySQL as a job queue no rival" test -z "$(grep 'mysql-job-queue' "$TMP/out")"
# Version 21 named the missing sign-in too: ログイン in the second
# sentence, and the ない of the first, said of metrics.
"$ctl" score "ログは stderr への平文1行出力のみで、構造化されておらず、ホストをまたいだ集約基盤もメトリクス送信もない。障害発生時は各ホストにログインして個別にジャーナルを確認する必要がある。" >"$TMP/out"
check "a Japanese ない counts in its own sentence (version 22): logs on stderr, a hit" grep -q '^weakness logs-on-stderr ' "$TMP/out"
# Version 21 credited the missing sign-in: サインイン, and the ない of ないか
# (whether there is any), which says nothing is missing.
"$ctl" score "「GitHub でサインイン」まわりの文言に訳し漏れがないか確認をお願いします。" >"$TMP/out"
check "ないか asks, it says nothing missing (version 22): a miss" grep -q '^weakness none: ' "$TMP/out"
# Version 21 missed it as two weaknesses named: the database on the web
# host is said in words one server for everything says too, and one server
# in its own (VM, 落ちる, 消える).
"$ctl" score "Webもデータベースもデーモンも全部たった1台のVMに同居していて、そいつが落ちたら展示会ごと消える" >"$TMP/out"
check "a runner-up of which the critique says only a part (version 22): single server, a hit" grep -q '^weakness single-server ' "$TMP/out"
check "and the database on the web host a part of it" grep -q '^part     database-on-web-host scores 1.000000, but what the critique says only of single-server outweighs' "$TMP/out"
# Version 22 read 良く of 方が良くないですか (wouldn't it be better) as praise.
"$ctl" score "MariaDB が Web サーバーと同じホストに同居しているのはなぜですか？攻撃で CPU が埋まると DB まで巻き添えで遅くなるので、DB は別ホストに分けた方が良くないですか？" >"$TMP/out"
check "a suggestion is no praise (version 23): the database on the web host, a hit" grep -q '^weakness database-on-web-host ' "$TMP/out"
# Version 23 took the praise of the tests for praise of C.
"$ctl" score "Why does code that parses untrusted HTTP bodies manage its heap by hand with malloc and free? Running the tests under ASan is nice, but it is not a memory-safe language." >"$TMP/out"
check "praise is of what its clause says (version 24): C, a hit" grep -q '^weakness web-app-in-c ' "$TMP/out"
# Version 24 read the praise of /proc/stat as praise of the HP's weakness.
"$ctl" score "Reading /proc/stat in lib/status.c is neat and cheap. But that makes the HP bar whole-machine CPU busy%: anything busy on the box drains HP." >"$TMP/out"
check "a weakness said beside its praise (version 25): the HP's host CPU, a hit" grep -q '^weakness hp-is-host-cpu ' "$TMP/out"
# Version 25 credited the database on the web host, the first of three
# readings, where one server for everything was a close third.
"$ctl" score "Topology of make run / default setup: single box. nginx, all the .fcgi programs, halld, the flooder and MariaDB share one machine, so one kernel panic takes down the exhibition and the game together. Where is node #2?" >"$TMP/out"
check "a third reading close to the hit makes a guess (version 26): a miss" grep -q '^weakness none: ' "$TMP/out"
check "and which" grep -q 'single-server' "$TMP/out"
# Version 26 missed it as a guess: the HP's host CPU scored as close.
"$ctl" score "By default the flooder runs on the very box it's attacking and talks to it over loopback. The CPU it burns generating requests shows up as HP damage, and the latency numbers never touched a real network." >"$TMP/out"
check "own words decide from 0.70 (version 27): the flooder, a hit" grep -q '^weakness flooder-on-target-host ' "$TMP/out"
# Version 27 credited cron as the scheduler for a remark on task names.
"$ctl" score "The ansible task names 'Install cron' and 'Start cron now and at boot' say what the module does, not why the role needs it; rename them." >"$TMP/out"
check "a remark on a name is no critique of the thing named (version 28): a miss" grep -q '^weakness none: ' "$TMP/out"
check "and why" grep -q '^why      it speaks of a name (rename, naming, the name says, 命名, キー名…) where it says the weakness' "$TMP/out"
check "flying as a miss" grep -qx 'power    1[0-5]\|power    [1-9]' "$TMP/out"
"$ctl" score "ansible の cron タスクのタスク名が『Install cron』のようにモジュール名そのままで、命名がほかのロールと揃っていない。" >"$TMP/out"
check "nor in Japanese (タスク名, 命名): a miss" grep -q '^weakness none: ' "$TMP/out"
"$ctl" score "The task names in roles/flooder are odd. Worse, cron as the job scheduler: nothing restarts a flooder run that dies, it waits for the next minute." >"$TMP/out"
check "the weakness said in another sentence is faulted: cron, a hit" grep -q '^weakness cron-job-scheduler ' "$TMP/out"
# Version 19 credited the CGI-era process model for each, one and time.
"$ctl" score "There's no CONTRIBUTING.md describing the house style (tabs, the one-line file comment at the top of each .c, naming). It would help first-time contributors." >"$TMP/out"
check "a hit says a word few weaknesses use (version 20): a miss" grep -q '^weakness none: ' "$TMP/out"
check "flying as a miss" grep -qx 'power    1[0-5]\|power    [1-9]' "$TMP/out"
"$ctl" score "docs/ has a dozen files in capitals but no index page; a docs/README.md listing them with one line each would help newcomers find their way." >"$TMP/out"
check "an index page is no scoring without an index (sql/0140): a miss" grep -q '^weakness none: ' "$TMP/out"
# (Version 9's sql/0129 made the hotlinked-portraits critique that used to be
# the example here a hit on avatars from GitHub.)
"$ctl" score "ドキュメントの外部リンクがすべてHTTPSになっているのは良い" >"$TMP/out"
# Versions 7 to 15 missed it as a guess (avatars from GitHub's words, said
# of links and not of avatars, outweighed its own); since version 16 that
# runner-up is no rival, and it misses as the praise it is.
check "praise of HTTPS still misses (version 7), the runner-up no rival (version 16)" grep -q '^why      it praises (nice, lovely, 良い…) and says nothing of the weakness missing' "$TMP/out"
check "flying as a miss" grep -qx 'power    1[0-5]\|power    [1-9]' "$TMP/out"
"$ctl" score "the load runs on the same host" >"$TMP/out"
check "words another weakness says too" \
	grep -q '^weakness none: missed (its words say another weakness as well; nearest flooder-on-target-host, en threshold 0.45)' "$TMP/out"
check "and which" grep -q '^why      every word it matched is a word of target-is-the-app-itself too' "$TMP/out"
"$ctl" score "the flooder runs on the target host and its CPU use lowers the HP" >"$TMP/out"
check "two weaknesses named" grep -q '^weakness none: missed (it names two weaknesses; nearest flooder-on-target-host, en threshold 0.45)' "$TMP/out"
check "and the other" grep -q '^why      it names hp-is-host-cpu as well (0\.[0-9]*): two weaknesses at once credit neither' "$TMP/out"
"$ctl" score "flooder/queue.c keeps asking MariaDB for work several times a second even when the queue has been empty" >"$TMP/out"
check "a file name is one word, not queue and c" grep -q '^weakness queue-polling ' "$TMP/out"
"$ctl" score "the database runs on the same host as the web server" >"$TMP/out"
check "a phrasing that is its own tells the weakness apart" grep -q '^weakness database-on-web-host ' "$TMP/out"
"$ctl" score "!!! ??? ..." >"$TMP/out"
check "nothing to compare" grep -q '^weakness none: missed (no content word to compare' "$TMP/out"

masakari_session
thrown() { # critique → sets SCORE, POWER, SLUG ("" for a miss) from a real throw
	throw "scorer-$_masakari_addr_n-$RUN" "$1"
	SCORE=$(sql "SELECT FORMAT(score, 6) FROM throws WHERE id=${THROW_ID:-0}")
	POWER=$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")
	SLUG=$(sql "SELECT IFNULL(w.slug, '') FROM throws t LEFT JOIN weaknesses w ON w.id = t.weakness_id WHERE t.id=${THROW_ID:-0}")
}

t "a critique is folded (width, case, punctuation) before it is scored"
thrown "BUBBLE SORT — on every request!!"
expect_eq "score" 1.000000 "$SCORE"
expect_eq "weakness" bubble-sort-in-request "$SLUG"
expect_eq "power" 100 "$POWER"
thrown "ﾊﾞﾌﾞﾙｿｰﾄをﾘｸｴｽﾄのたびに回している！"
expect_eq "half-width kana" 1.000000 "$SCORE"

hit_power() { # score threshold → the power versions 8 to 28 give a hit
	awk -v s="$1" -v t="$2" 'BEGIN { p = 60 * (s - t) / (1 - t) - 1e-9; q = (p == int(p)) ? p : int(p) + 1; if (p < 0) q = 0; if (q > 60) q = 60; printf "%d", 40 + q }'
}

t "a throw stores the scoring version that scored it"
expect_eq "version" 28 "$(sql "SELECT scoring_version FROM throws WHERE id=$THROW_ID")"

t "a Japanese paraphrase hits, its power from 40 at the Japanese threshold"
thrown "サーバーが1台で冗長化されていない"
expect_eq "weakness" single-server "$SLUG"
check "score at least 0.45 ($SCORE)" awk -v s="$SCORE" 'BEGIN { exit !(s >= 0.45) }'
expect_eq "power" "$(hit_power "$SCORE" 0.45)" "$POWER"
check "a hit flies at least 40 ($POWER)" test "$POWER" -ge 40

t "an unrelated English critique misses and flies weakly"
thrown "the logo looks like it was drawn in Paint, page after page"
expect_eq "no weakness" "" "$SLUG"
check "score below 0.45 ($SCORE)" awk -v s="$SCORE" 'BEGIN { exit !(s < 0.45) }'
expect_eq "the power is a miss's: ceil(15 x (score - 0.27) / (0.45 - 0.27)), at least 1" \
	"$(awk -v s="$SCORE" 'BEGIN { p = 15 * (s - 0.27) / (0.45 - 0.27) - 1e-9; q = (p == int(p)) ? p : int(p) + 1; if (q < 1) q = 1; printf "%d", q }')" "$POWER"
check "weak: at most 15 ($POWER)" test "$POWER" -le 15

t "a remark about something else in the words of a weakness's subject misses (version 13)"
thrown "Indentation in templates/masakari/*.cs mixes tabs and spaces, which makes every template diff noisy."
expect_eq "no weakness" "" "$SLUG"
check "weak: at most 15 ($POWER)" test "$POWER" -le 15

t "a two-letter critique misses with the least power"
thrown "no"
expect_eq "no weakness" "" "$SLUG"
expect_eq "power" 1 "$POWER"

t "the page says which it was"
get "/masakari/throws/$THROW_ID"
expect_body "<dd class=\"score\">$(printf '%.3f' "$SCORE")</dd>"
expect_body '外れ'

t "throws scored before version 2 keep their score, power and version"
sql "INSERT INTO throws (github_id, remote_addr, critique, normalized, score, weakness_id, power, repeat_hits) VALUES ('old-$RUN', '192.0.2.1', 'no', 'no', 0.84, NULL, 84, 0)"
old=$(sql "SELECT MAX(id) FROM throws WHERE github_id='old-$RUN'")
expect_eq "version 1 by default" "1 84 0.840000" "$(sql "SELECT CONCAT_WS(' ', scoring_version, power, FORMAT(score, 6)) FROM throws WHERE id=$old")"
get "/masakari/ranking"
expect_body "@old-$RUN"
check "the ranking names its version" grep -q "old-$RUN</td>.*<td class=\"scoring\">v1 ×1</td>" "$TMP/body"

done_testing
