#!/usr/bin/env bash
# Scoring never credits a weakness for a word that only looks like its words
# (version 3, docs/MASAKARI.md): HTTP is not HTTPS, 認証情報 (credentials) is
# not 認証 (authentication), chrony is not cron, SQLite is not SQL; nor for
# words another weakness says as well, nor when a critique names two
# weaknesses (version 4), nor for the words of a file name or a word said in
# passing (version 5), nor for a short word that begins like a longer one, the
# parts of a table's name, or a runner-up as strong (version 6), nor for a
# thing said to be missing ("no password") when the weakness is that it is
# there, or when the runner-up has more words of its own (version 7), nor a
# language without bounds checking for templates because it parses requests
# (sql/0128, version 8), nor two words of everyday prose (log, lines) that
# another remark happens to use (version 9), nor a near-spelling of another
# word (select, secret) or a "no" said of something else (version 10), nor a
# URL's scheme (https://github.com/…) or a word a longer one only begins
# (データ, データベース) (version 11), nor a phrasing recalled through the
# game's own nouns (throw, まさかり, ページ) without the word that names its
# fault (version 12), nor for the words that name a weakness's subject
# (login, templates, the HP bar) in a remark about something else (version
# 13), nor for markup's code read as prose (target="_blank", .hp) or a file
# name spelt like a word (exhibit.cs, exhibition) (version 14), nor for a
# fault said without its weakness's subject (a shared nginx and no database,
# the legacy server's HP named in a heading) (version 15), nor for the
# fault of a hit's neighbour said only in words that name its subject, nor
# for another weakness whose subject is said while its fault is not (the
# fixed size of a font, a wording バラバラ, rows of a CSV file) (version 16),
# where version 16 also credits what its runner-up made a guess, nor for
# the first of two weaknesses tying at 0.50 with the second's fault unsaid,
# nor for a docs index page or error pages' wording (version 17), nor for
# a remark on a logging call whose "nobody" is no log collector, or on a
# setting's name whose 合わせる (match) is no 問い合わせる (inquire)
# (version 19), nor for words a third of the catalog uses (each, one,
# time) (version 20), nor for a word only spelt like the weakness's
# (browser, broker) (version 21), nor for a Japanese ない said in another
# sentence or asking whether (ないか), while a runner-up of which a
# critique says only a part no longer hides its hit (version 22), and a
# suggestion (〜した方が良くないですか) is no praise that hides one (version
# 23), nor praise of something else in another clause (version 24), nor
# praise of a part of the weakness before its fault (version 25), nor for
# a phrasing of the other language said by one word, nor the first of three
# close readings (version 26), nor a setting's name for cron as the
# scheduler (version 27), nor a remark on a name for the thing named, nor
# the catalog read once for per-process caches by its cache (version 28);
# and a synonym
# from the catalog's words (catalog_words) hits, as thrown through nginx into
# MariaDB.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"

masakari_session
thrown() { # critique → sets SLUG ("" for a miss) and VERSION from a real throw
	throw "credit-$_masakari_addr_n-$RUN" "$1"
	check "the throw is stored" test -n "$THROW_ID"
	SLUG=$(sql "SELECT IFNULL(w.slug, '') FROM throws t LEFT JOIN weaknesses w ON w.id = t.weakness_id WHERE t.id=${THROW_ID:-0}")
	VERSION=$(sql "SELECT scoring_version FROM throws WHERE id=${THROW_ID:-0}")
}

t "HTTP in a critique about C is not a hit on no HTTPS"
thrown "C言語でHTTPを処理するのはバッファオーバーフローの温床"
check "not no-https ($SLUG)" test "$SLUG" != no-https
expect_eq "web-app-in-c" web-app-in-c "$SLUG"
expect_eq "scored by version 28" 28 "$VERSION"

t "認証情報 (credentials) in a config file is not a hit on no authentication"
thrown "masakari.hdfにデータベースの認証情報がそのまま書かれている"
check "not no-authentication ($SLUG)" test "$SLUG" != no-authentication
expect_eq "plaintext-db-password" plaintext-db-password "$SLUG"

t "chrony is not cron"
thrown "chrony keeps every scheduler's clock in step"
expect_eq "no weakness" "" "$SLUG"
thrown "chronyで各スケジューラの時計を合わせている"
expect_eq "no weakness (ja)" "" "$SLUG"

t "HTTP/2 and an SQLite file are not HTTPS and SQL seeds"
thrown "the HTTP status page for 404 could use a funnier illustration"
expect_eq "no weakness" "" "$SLUG"
thrown "an SQLite file would be plenty for a demo this size and much easier to back up"
check "not exhibits-in-sql-seeds ($SLUG)" test "$SLUG" != exhibits-in-sql-seeds

t "a synonym hits: one host is one server"
thrown "the whole stack lives on one host"
expect_eq "single-server" single-server "$SLUG"
thrown "ログを標準エラー出力に吐くだけで監視もない"
expect_eq "logs-on-stderr (ja)" logs-on-stderr "$SLUG"

t "words another weakness says as well credit neither"
# "load", "same" and "host" are all the flooder's words as well as the
# database's.
thrown "the load runs on the same host"
expect_eq "no weakness" "" "$SLUG"
check "it still flies, weakly ($(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}"))" \
	test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 34

t "a critique that names two weaknesses alike credits neither"
# (Until version 22 the example here was "Webもデータベースもデーモンも全部たっ
# た1台のVMに同居していて…", which names one server for everything in words
# of its own, and the database on the web host as a part of it.)
thrown "MariaDBがnginxと同じサーバーで動いていて、CPUの取り合いになるうえ、HPもマシン全体のCPUだ"
expect_eq "no weakness (ja)" "" "$SLUG"

t "a file name is one word: flooder/queue.c is no critique of C"
# Version 4 cut it into queue and c, and c is web-app-in-c's word.
thrown "flooder/queue.c keeps asking MariaDB for work several times a second even when the queue has been empty for hours; ever heard of being notified?"
expect_eq "queue-polling" queue-polling "$SLUG"

t "a word said in passing does not outweigh what the critique is about"
# Version 4 credited these to the queue's polling ("queries", "database")
# and to the catalog read once at start-up (起動時, 一度).
thrown "MariaDB is co-located with nginx and the FastCGI workers, so when an attack saturates the web side the database queries crawl too"
expect_eq "database-on-web-host" database-on-web-host "$SLUG"
thrown "FastCGIのワーカーは起動時に決まった数だけフォークされて、それぞれ一度に一件しか捌かない。遅いクライアントが一人いればワーカーが一つ塞がる"
expect_eq "cgi-era-process-model (ja)" cgi-era-process-model "$SLUG"

t "a short word is not a longer one it begins like (version 6)"
# floor ≈ flooder (0.94) and tags ≈ target (0.87) hit the flooder's weakness
# in version 5; print ≈ point with failure and every ≈ everything hit one server.
thrown "The hall's colour palette is lovely, but the grey name tags on the light floor have too little contrast to be read comfortably"
expect_eq "no weakness" "" "$SLUG"
thrown "tests/run.sh prints a wall of output even when everything passes; a quieter mode that only speaks up on failure would be kinder"
expect_eq "no weakness (print, every)" "" "$SLUG"
check "a miss flies at most 15 ($(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}"))" \
	test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15
thrown "Scheduling attacks through a crontab entry that fires every sixty seconds feels like something out of a 2003 shared hosting control panel"
expect_eq "cron-job-scheduler, not one server through hosting" cron-job-scheduler "$SLUG"

t "a table's name is one word, its parts weak (version 6)"
# Version 5 cut attack_jobs into attack and jobs, the queue's words.
thrown "The flooder hammers the attack_jobs table every quarter of a second whether or not anyone has thrown anything; being told about new work is apparently too modern"
expect_eq "queue-polling" queue-polling "$SLUG"

t "two weaknesses scored nearly alike credit neither (version 6)"
# 0.61 for the database on the web host against 0.60 for one server in
# version 5, before the phrasing of one dead disk: with nothing to tell them
# apart a hit would be a guess.
thrown "MariaDB and nginx on the one host: a single disk and everything is gone"
check "not database-on-web-host ($SLUG)" test "$SLUG" != database-on-web-host

t "a thing said to be missing is no evidence that it is there (version 7)"
# Version 6 credited the plain-text password for "no password", and one
# event loop for "no threads or event loop".
thrown "Identity here is an honour system: type any GitHub username at the door and you are that person, no OAuth, no password, nothing"
check "not plaintext-db-password ($SLUG)" test "$SLUG" != plaintext-db-password
thrown "Four forked worker processes and no threads or event loop: the concurrency model of a 1998 Perl site, and a handful of slow clients can tie them all up"
check "not single-websocket-daemon ($SLUG)" test "$SLUG" != single-websocket-daemon
expect_eq "cgi-era-process-model" cgi-era-process-model "$SLUG"
thrown "the database password is written in plain text in masakari.hdf"
expect_eq "said as there, it hits" plaintext-db-password "$SLUG"

t "buffer overflows in plain C are no credit for hand-rolled C strings (version 7)"
# Version 6 credited hand-rolled C strings (0.69) over a web app in C (0.62).
thrown "Writing the request handlers in plain C means every form field is a potential buffer overflow; a memory-safe language would have ruled out a whole class of bugs"
check "not hand-rolled-c-strings ($SLUG)" test "$SLUG" != hand-rolled-c-strings
# sql/0127's phrasing of what a memory-safe language rules out names C itself.
expect_eq "web-app-in-c" web-app-in-c "$SLUG"

t "a language without bounds checking is the web app in C, not the templates it parses (version 8)"
# Version 7 credited templates parsed per request (0.52) for "parses" and
# "requests".
thrown "Choosing a language without bounds checking or garbage collection for code that parses strangers' HTTP requests is brave"
expect_eq "web-app-in-c" web-app-in-c "$SLUG"
check "a hit flies at least 40" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -ge 40

t "two everyday words name no weakness (version 9)"
# Version 8 credited logs on stderr (0.64, power 62) for "log" and "lines".
thrown "There is no favicon, so the browser requests one on every page load and the access log fills up with 404 lines"
expect_eq "no weakness" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15
# A term of two words is the catalog's own (sql/0129): standard error is stderr.
thrown "log.c prints a timestamped line to standard error and stops there: no JSON, no aggregation, no metrics"
expect_eq "logs-on-stderr" logs-on-stderr "$SLUG"

t "a near-spelling or a no said of something else names no weakness (version 10)"
# Version 9 credited the plain-text password (0.548, power 51) for database
# and select, 0.86 like secret, and MySQL as a job queue (0.529, power 49)
# for "no" and the real of real-time, of "no real message broker".
thrown "Keeping track of who is in the hall by selecting and updating rows in the database is a strange way to do real-time state"
check "not plaintext-db-password ($SLUG)" test "$SLUG" != plaintext-db-password
thrown "All real-time traffic goes through one halld instance with no clustering and no second node"
check "not mysql-job-queue ($SLUG)" test "$SLUG" != mysql-job-queue
# The catalog's words for what reviewers call things (sql/0130): a VPS is the
# single server, a content delivery network a CDN, 待ち行列 a queue.
thrown "the whole exhibition runs on one VPS, and when it reboots everything is gone"
expect_eq "single-server" single-server "$SLUG"
thrown "静的ファイルはどれも配信網を通さず、遠くの来場者にも唯一のオリジンから直接送っている"
expect_eq "no-cdn (ja)" no-cdn "$SLUG"

t "a URL's scheme or a word a longer one only begins names no weakness (version 11)"
# Version 10 scored no HTTPS 1.0 for the scheme of the avatars' URL (a miss
# only because the avatars scored 0.75 too), and credited the database on
# the web host (0.74, power 72) for データ, 0.88 like データベース.
thrown "Every visitor's browser pulls portraits straight from https://github.com/<id>.png, so GitHub learns who walked into the hall"
check "not no-https ($SLUG)" test "$SLUG" != no-https
expect_eq "avatars-from-github" avatars-from-github "$SLUG"
thrown "リクエストを処理するハンドラ関数がひとつで200行を超えていて、入力チェックとデータの整形が一緒くたになっている。関数に分けてほしい"
expect_eq "no weakness (ja)" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15
# The catalog's words for what reviewers call things (sql/0131): an upstream
# gone quiet, a string similarity, the load generator on its own box over
# loopback.
thrown "ClearSilver's upstream has been silent for years; nobody will patch a hole in it"
expect_eq "clearsilver-unmaintained" clearsilver-unmaintained "$SLUG"
thrown "ClearSilverは本家がもう何年もリリースしていない"
expect_eq "clearsilver-unmaintained (ja)" clearsilver-unmaintained "$SLUG"
thrown "編集距離みたいな文字列の類似度で意味を判定するのは無理がある"
expect_eq "jaro-winkler-for-sentences (ja)" jaro-winkler-for-sentences "$SLUG"
thrown "fuzzy matching on letters, not meaning: synonyms miss"
expect_eq "jaro-winkler-for-sentences" jaro-winkler-for-sentences "$SLUG"

t "the game's own nouns name no weakness (version 12)"
# Version 11 credited no authentication (0.67, power 64) for check and
# throw, and the HP bar's polling (0.69, power 66) for まさかり and ページ.
thrown "masakari.fcgi slurps the list of weaknesses once, the first time somebody throws, and keeps that snapshot for the life of the worker; ship a new weakness in a migration and nobody can find it until somebody bounces the FastCGI daemons. No reload signal, no TTL, no version check."
check "not no-authentication ($SLUG)" test "$SLUG" != no-authentication
thrown "まさかりのページを開くたびに、ワーカーが .cs をディスクから読んで構文木を組み立て直している(cs_parse_file)。毎回同じ結果になるのだから、起動時にコンパイルして持っておけば済むのに。"
check "not hp-bar-polling ($SLUG)" test "$SLUG" != hp-bar-polling
# Said with the words that name the fault, through the game's nouns too.
thrown "まさかりのページが毎秒ポーリングしていて、観客が増えるほどサーバーが忙しくなる"
expect_eq "hp-bar-polling (ja)" hp-bar-polling "$SLUG"
# The catalog's words for how the scorer searches (sql/0132): a scan of
# everything, no index.
thrown "投げられた批評1本ごとに、カタログの言い回しを頭から最後まで全件なめて比較している。転置インデックスも何もないので、弱点を倍にすれば採点時間も倍。O(n)の全件スキャンです。"
expect_eq "brute-force-scoring (ja)" brute-force-scoring "$SLUG"

t "a weakness's subject without its fault names no weakness (version 13)"
# Version 12 credited no authentication (0.78, power 76) for login alone,
# the HP bar's polling (0.69, power 67) for its colours, and queue polling
# (0.60, power 57) for the database's queries.
thrown "There's a chunk of commented-out code near the top of the login page handler. Delete it; git remembers."
expect_eq "no weakness" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15
thrown "変数名 tmp2 や flag3 では何のことかわからない。ログイン状態やCookieの値を持つなら is_signed_in、id_cookie のように名前で語らせて。"
expect_eq "no weakness (ja)" "" "$SLUG"
thrown "HPバーが赤と緑の色だけで残量を表しているので、色の見分けがつきにくい人には読めない。数値も併記しては。"
expect_eq "no weakness: the HP bar's colours" "" "$SLUG"
thrown "Naming nit: the timestamp columns are created_at in some tables and just \`at\` in others. Pick one convention for the whole database so the queries and the data dictionary read the same everywhere."
expect_eq "no weakness: a naming nit about the database" "" "$SLUG"
thrown "the rate limit error message is only in English"
expect_eq "no weakness: the rate limit's wording" "" "$SLUG"
# Said with its fault, through the subject's words and another phrasing.
thrown "本人確認は自己申告制で、好きなGitHubの名前を打てばサイトは信じてしまう。そのアカウントの持ち主かどうか誰も確かめない"
expect_eq "no-authentication (ja)" no-authentication "$SLUG"
thrown "Anyone can type torvalds at the entrance and throw axes under that name: unless the optional GitHub OAuth app is configured (make run does not), nothing proves you own the account, it is first come first served"
expect_eq "no-authentication" no-authentication "$SLUG"

t "markup's code names that code, not a weakness (version 14)"
# Version 13 credited the target being the app (0.49, power 45) for an
# attribute and a file name, HP being the host's CPU (0.47, power 43) for a
# CSS class, and no authentication (0.50, power 46) for avatars whose URL
# names an ID and every person on screen.
thrown 'exhibit.cs puts rel="noopener" on the exhibit links but they never open with target="_blank", so the attribute does nothing. Either add the target or drop the rel.'
expect_eq "no weakness" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15
thrown 'exhibit.cs の作品リンクに rel="noopener" が付いてるけど target="_blank" がないので意味がない。どちらかに揃えて。'
expect_eq "no weakness (ja)" "" "$SLUG"
thrown "masakari.css で .hp と各パネルに border-radius: 12px と同じ box-shadow を何度も書いてる。共通のカード用クラスにまとめれば一箇所で済む。"
expect_eq "no weakness: a CSS class" "" "$SLUG"
thrown "hall-avatar.js points each <img> at https://github.com/<id>.png, so every visitor's browser pings GitHub for every person on screen. Venue Wi-Fi offline? Identicons for everybody, and GitHub learns who attended."
check "not no-authentication ($SLUG)" test "$SLUG" != no-authentication
expect_eq "avatars-from-github" avatars-from-github "$SLUG"
# The same words in prose still name their weakness.
thrown "attacking the legacy target slows down the exhibition itself, they are the same app"
expect_eq "target-is-the-app-itself" target-is-the-app-itself "$SLUG"

t "a fault said without its weakness's subject names no weakness (version 15)"
# Version 14 credited database on web host (0.80, power 79) for a page on
# nginx's machine, and HP being the host's CPU (0.61, power 57)
# and logs on stderr (0.64, power 62) for remarks about naming and time zones.
thrown "the stats page runs on the same machine as nginx"
expect_eq "no weakness" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15
thrown "lang/en/masakari.hdf calls the same thing 'The legacy server's HP' in one heading and 'The target's HP' in another. Pick one name for it."
expect_eq "no weakness: the HP's name" "" "$SLUG"
thrown "lang/ja/masakari.hdf、「レガシーサーバーの HP」は半角スペースありで「標的のHP」はスペースなし。和欧間スペースのルールを決めて統一してほしいです。"
expect_eq "no weakness: the HP's spacing (ja)" "" "$SLUG"
thrown "log_line() stamps lines with localtime_r while every time in the database is UTC, so matching a log line against a row means doing timezone arithmetic in your head. Pick one."
expect_eq "no weakness: a log line's time zone" "" "$SLUG"
# Said with its subject, the same fault names its weakness.
thrown "The thing we are load-testing is /legacy/random, sitting behind the very same nginx that serves the hall and /masakari. So the better the critics play, the slower the game gets for everyone playing it."
expect_eq "target-is-the-app-itself" target-is-the-app-itself "$SLUG"
thrown "the database runs on the same host as the web server"
expect_eq "database-on-web-host" database-on-web-host "$SLUG"

t "a runner-up whose fault is not said makes no hit a guess (version 16)"
# Version 15 missed these as guesses: no authentication (1.0, by login) and
# database on web host (0.78, by the host) scored close, their faults unsaid.
thrown "Login sessions travel as plain HTTP on port 80; there is no TLS anywhere, not even a self-signed certificate"
expect_eq "no-https" no-https "$SLUG"
thrown "攻撃対象の /legacy/random が展示会と同じnginx、同じホストで動いている。まさかりが当たれば当たるほど、展示会場もまさかりのページも全員にとって重くなる。自分で自分を殴るゲーム。"
expect_eq "target-is-the-app-itself (ja)" target-is-the-app-itself "$SLUG"
# The subjects sql/0139 marks: a fault's words said of something else.
thrown "The insights chart sets its tick labels in fixed 11px type, which ignores the reader's font size; use rem like the rest of site.css."
expect_eq "no weakness: a font's fixed size" "" "$SLUG"
thrown "lang/ja の文体がバラバラ。Intro は「投げよう。…与えられます。」と一文ごとに常体と敬体が入れ替わり、WordsEmpty は常体、EnterFirst は「ください」。どちらかに揃えましょう。"
expect_eq "no weakness: the wording バラバラ (ja)" "" "$SLUG"
thrown "/operators/insights.csv puts two tables in one file, each with its own header row; most spreadsheet imports will read the second header as data."
expect_eq "no weakness: a CSV file's tables and rows" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15

t "a runner-up tying the hit is a competing reading (version 17)"
# Version 16 credited no authentication, the rate limit per address tying
# it at 0.50 with its fault unsaid: a wrong credit.
thrown "a claimed ID and one budget per client address"
expect_eq "no weakness: a tie" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15
# The subjects sql/0140 marks: a fault's words said of something else.
thrown "docs/ has a dozen files in capitals but no index page; a docs/README.md listing them with one line each would help newcomers find their way."
expect_eq "no weakness: a docs index page" "" "$SLUG"
thrown "static/errors/ja/*.htmlの文言がlang/jaとは別に手書きされていて、言い回しを直すときに二か所を見ないといけない。"
expect_eq "no weakness: error pages' wording (ja)" "" "$SLUG"
# A lead keeps version 16's waiver: these still hit.
thrown "Login sessions travel as plain HTTP on port 80; there is no TLS anywhere, not even a self-signed certificate"
expect_eq "no-https, tied at 1.0 and named whole" no-https "$SLUG"

t "a verb or a logging call is not another weakness's word (version 19)"
# Version 18 credited queue polling (合わせる, match, for 問い合わせる,
# inquire) and logs on stderr (nobody of "nobody collects the logs").
thrown "DB.ConnectTimeout = 2 って単位がキー名から分からない。ほかに合わせて ConnectTimeoutSeconds にしては。"
expect_eq "no weakness: a setting's unit (ja)" "" "$SLUG"
thrown "web_workers.c logs 'worker %d died of signal %d'. Print strsignal() too, nobody remembers that 11 is SIGSEGV at 3 a.m."
expect_eq "no weakness: a log line's wording" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15

t "words a third of the catalog uses tell no weakness (version 20)"
# Version 19 credited the CGI-era process model: each worker, one request
# at a time.
thrown "There's no CONTRIBUTING.md describing the house style (tabs, the one-line file comment at the top of each .c, naming). It would help first-time contributors."
expect_eq "no weakness: a contributors' guide" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15

t "a near-spelling is another word (version 21)"
# Version 20 read browser as broker (0.89 alike) and "the real one" as
# "no real message broker": MySQL as a job queue named beside the missing
# sign-in, and neither credited.
thrown "Identity is finders-keepers: type any GitHub ID at the entrance and your browser owns it. GitHub OAuth is off by default, so someone can squat @torvalds until the real one signs in or Identity.HoldDays lapses."
expect_eq "no-authentication" no-authentication "$SLUG"

t "a Japanese ない is read in its sentence (version 22)"
# Version 21 credited the missing sign-in for サインイン and the ない of
# ないか (whether there is any).
thrown "「GitHub でサインイン」まわりの文言に訳し漏れがないか確認をお願いします。"
expect_eq "no weakness: a translation check" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15
# Version 21 named the missing sign-in as well (ログイン, and the ない of the
# sentence before) and credited neither.
thrown "ログは stderr への平文1行出力のみで、構造化されておらず、ホストをまたいだ集約基盤もメトリクス送信もない。障害発生時は各ホストにログインして個別にジャーナルを確認する必要がある。"
expect_eq "logs-on-stderr" logs-on-stderr "$SLUG"

t "a runner-up of which the critique says only a part is no second weakness (version 22)"
# Version 21 missed both as two weaknesses named.
thrown "The HP bar is just host-wide CPU from /proc/stat (lib/status.c), not the target's own usage. halld, the exhibition pages, MariaDB, the flooder when colocated, even a stray apt-get will knock HP down."
expect_eq "hp-is-host-cpu, the flooder among what takes the HP" hp-is-host-cpu "$SLUG"
thrown "So make run puts nginx, every .fcgi, halld, the flooder and MariaDB on one box. One kernel panic and the whole show goes dark. Where's the second node?"
expect_eq "single-server, the database among the rest on the box" single-server "$SLUG"
# Both named with words of their own, alike: still neither.
thrown "the flooder runs on the target host and its CPU use lowers the HP"
expect_eq "no weakness: the flooder's and the HP's both said" "" "$SLUG"
# One said at length and the other in passing: the one said at length.
thrown "ログは標準エラーに一行出すだけで、構造化も集約もされていない。認証もない"
expect_eq "logs-on-stderr, the sign-in said in passing" logs-on-stderr "$SLUG"

t "a suggestion is no praise (version 23)"
# Version 22 read 良い of 方が良い (it would be better to) as praise, and missed.
thrown "CI はテストを回すだけで、本番への反映は手で ansible-playbook を叩く運用なのはなぜですか？CD のパイプラインを用意した方が良くないですか？"
expect_eq "manual-ansible-deploy" manual-ansible-deploy "$SLUG"
thrown "DB のパスワードが HDF の設定ファイルに平文で書き出されているのが気になります。シークレットは実行時に渡す形にしたほうがよいと思います。"
expect_eq "plaintext-db-password" plaintext-db-password "$SLUG"

t "praise is of what its clause says (version 24)"
# Version 23 read the praise of the irony as praise of the target.
thrown "Lovely irony: the endpoint you are supposed to knock over is served by the exhibition's own web server, so the better you play, the slower the game gets for everybody"
expect_eq "target-is-the-app-itself" target-is-the-app-itself "$SLUG"

t "a weakness said beside its praise is faulted (version 25)"
# Version 24 read the praise of flock as praise of cron as the scheduler.
thrown "flock で多重起動を防いでいるのは良い判断です。ただ、フラッダーを毎分 cron で起動して55秒ごろで終わらせる方式だと、途中で落ちた場合そのホストでは次の分まで誰もジョブを拾いません。常駐のワーカーにしてはどうでしょう。"
expect_eq "cron-job-scheduler" cron-job-scheduler "$SLUG"

t "no wrong credit where version 25 gave two (version 26)"
# One server for everything, credited to the database on the web host (the
# first of three close readings).
thrown "Topology of make run / default setup: single box. nginx, all the .fcgi programs, halld, the flooder and MariaDB share one machine, so one kernel panic takes down the exhibition and the game together. Where is node #2?"
check "not the database on the web host ($SLUG)" test "$SLUG" != database-on-web-host
# The one hall daemon, credited to one server for everything by
# "fail over" read through フェイルオーバーも冗長構成もない.
thrown "halld got restarted once and every avatar in the hall vanished at the same instant. One libwebsockets process with one lws_service loop on one thread: it can never use a second core, and by default there's no second daemon for anyone to fail over to."
expect_eq "single-websocket-daemon" single-websocket-daemon "$SLUG"
# 冗長 said of wordy text is no redundancy.
thrown "Legacy.CostMsやStatus.IntervalMsのような設定値の単位はキー名で分かるのに、説明文でも単位を繰り返していて冗長。どちらかに寄せたい。"
expect_eq "no weakness: wordy text (冗長)" "" "$SLUG"

t "a setting's name is no fault of cron (version 27)"
# Version 26 credited cron as the scheduler: the flooder, cron and minute.
thrown "The masakari_flooder_cron_minute variable name suggests a single minute, but it's really a cron minute expression. A comment in the role defaults showing an example value would help."
expect_eq "no weakness: a variable's name" "" "$SLUG"

t "a remark on a name is no critique of the thing named (version 28)"
# Version 27 credited cron as the scheduler (the task names say cron), and
# the HP bar's polling (/api/status).
thrown "ansible/roles/flooder/tasks/main.yml: task names like 'Install cron' and 'Start cron now and at boot' describe the module rather than what the role needs; naming them after the outcome makes the playbook output easier to read."
expect_eq "no weakness: task names" "" "$SLUG"
thrown "/api/status のキー名、cpuutilization だけ単語をくっつけた書き方で、ほかの disk_read_bytes や network_in はスネークケース。命名を揃えてほしい。それと disk_read_bytes は実際は毎秒のバイト数なので、単位が名前から読めない。"
expect_eq "no weakness: key names (キー名, 命名)" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15

t "the catalog read once is not per-process caches for its cache (version 28)"
# Versions 26 and 27 credited per-process caches (プロセス, キャッシュ).
thrown "弱点カタログをプロセスが最初に1回読んだきりで、DB側を更新しても masakari.fcgi を再起動するまで反映されない。キャッシュの無効化がない典型例ですね。"
check "not per-process-caches ($SLUG)" test "$SLUG" != per-process-caches
expect_eq "catalog-loaded-once" catalog-loaded-once "$SLUG"

t "praise is no critique (version 7)"
# Version 6 credited no HTTPS, with power 100, for praise of HTTPS.
thrown "The HTTPS redirect in the ansible template is nice, but the HSTS max-age could be longer"
expect_eq "no weakness" "" "$SLUG"
thrown "ansibleのテンプレートにあるHTTPSへのリダイレクトは良いが、HSTSのmax-ageはもっと長くてもいい"
expect_eq "no weakness (ja)" "" "$SLUG"
check "a miss flies at most 15" test "$(sql "SELECT power FROM throws WHERE id=${THROW_ID:-0}")" -le 15

t "the ranking shows each critic's throws by the version that scored them"
# scored_before VERSION CRITIQUE SCORE POWER: a throw as that version left it; its id.
scored_before() {
	sql "INSERT INTO throws (github_id, remote_addr, critique, normalized, score, weakness_id, power, repeat_hits, scoring_version) VALUES ('mixed-$RUN', '192.0.2.1', '$2', '$2', $3, NULL, $4, 0, $1)"
	sql "SELECT MAX(id) FROM throws WHERE github_id='mixed-$RUN'"
}
old=$(scored_before 2 'http' 0.76 72)
v3=$(scored_before 3 'web app in c' 1.0 100)
v4=$(scored_before 4 'queue.c' 0.54 25)
v5=$(scored_before 5 'floor tags' 0.53 36)
v6=$(scored_before 6 'no password' 0.57 41)
v7=$(scored_before 7 'parses requests' 0.52 35)
v8=$(scored_before 8 'log lines' 0.644166 62)
v9=$(scored_before 9 'rows select database' 0.548155 51)
v10=$(scored_before 10 'handler data request' 0.737508 72)
v11=$(scored_before 11 'checks throwing' 0.669860 64)
v12=$(scored_before 12 'login page handler' 0.779793 76)
v13=$(scored_before 13 'target blank exhibit' 0.494322 45)
v14=$(scored_before 14 'same nginx hall' 0.462896 42)
v15=$(scored_before 15 'plain http login' 1.000000 15)
v16=$(scored_before 16 'one budget per address' 0.500000 40)
v17=$(scored_before 17 'never went through a NIC' 1.000000 15)
v18=$(scored_before 18 'ほかに合わせて' 0.533816 50)
v19=$(scored_before 19 'one-line comment at the top of each' 0.476482 43)
v20=$(scored_before 20 'the real one and the browser' 0.810821 15)
v21=$(scored_before 21 'ログインして読むしかない' 1.000000 15)
v22=$(scored_before 22 '分けた方が良くないですか' 0.586000 15)
v23=$(scored_before 23 'ASan is nice, but C is not memory-safe' 0.762581 15)
v24=$(scored_before 24 'flock は良い判断。ただ毎分 cron' 0.562000 15)
v25=$(scored_before 25 'single box, MariaDB with nginx' 0.803041 79)
v26=$(scored_before 26 'masakari_flooder_cron_minute' 0.626725 60)
v27=$(scored_before 27 'task names like Install cron' 0.482191 44)
throw "mixed-$RUN" "the database runs on the same host as the web server"
# kept ID VERSION POWER SCORE: the throw still has what that version gave it.
kept() {
	expect_eq "the version $2 throw keeps its version, score and power" "$2 $3 $4" \
		"$(sql "SELECT CONCAT_WS(' ', scoring_version, power, FORMAT(score, 6)) FROM throws WHERE id=$1")"
}
kept "$old" 2 72 0.760000
kept "$v3" 3 100 1.000000
kept "$v4" 4 25 0.540000
kept "$v5" 5 36 0.530000
kept "$v6" 6 41 0.570000
kept "$v7" 7 35 0.520000
kept "$v8" 8 62 0.644166
kept "$v9" 9 51 0.548155
kept "$v10" 10 72 0.737508
kept "$v11" 11 64 0.669860
kept "$v12" 12 76 0.779793
kept "$v13" 13 45 0.494322
kept "$v14" 14 42 0.462896
kept "$v15" 15 15 1.000000
kept "$v16" 16 40 0.500000
kept "$v17" 17 15 1.000000
kept "$v18" 18 50 0.533816
kept "$v19" 19 43 0.476482
kept "$v20" 20 15 0.810821
kept "$v21" 21 15 1.000000
kept "$v22" 22 15 0.586000
kept "$v23" 23 15 0.762581
kept "$v24" 24 15 0.562000
kept "$v25" 25 79 0.803041
kept "$v26" 26 60 0.626725
kept "$v27" 27 44 0.482191
get "/masakari/ranking"
check "v2 to v28 side by side" grep -q "mixed-$RUN</td>.*<td class=\"scoring\">v2 ×1, v3 ×1, v4 ×1, v5 ×1, v6 ×1, v7 ×1, v8 ×1, v9 ×1, v10 ×1, v11 ×1, v12 ×1, v13 ×1, v14 ×1, v15 ×1, v16 ×1, v17 ×1, v18 ×1, v19 ×1, v20 ×1, v21 ×1, v22 ×1, v23 ×1, v24 ×1, v25 ×1, v26 ×1, v27 ×1, v28 ×1</td>" "$TMP/body"

done_testing
