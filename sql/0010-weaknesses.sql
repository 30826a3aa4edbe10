-- 0010-weaknesses.sql — the weakness catalog critics aim masakari at, with phrasings.
-- Every entry is something true of this repository or of the way it is
-- deployed, and says where to look. A critique is normalised (lib/normalize.c)
-- and scored by Jaro–Winkler against every phrasing (lib/score.c), so the
-- phrasings are short, in the words of a sharp code-review comment. When the
-- code changes so that an entry stops being true, retire or reword it in a
-- later migration: the catalog must stay honest.

SET NAMES utf8mb4;

CREATE TABLE weaknesses (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug           VARCHAR(64)  NOT NULL,
  title_ja       VARCHAR(200) NOT NULL,
  title_en       VARCHAR(200) NOT NULL,
  explanation_ja TEXT         NOT NULL,           -- shown once someone has found it
  explanation_en TEXT         NOT NULL,
  UNIQUE KEY weaknesses_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE weakness_phrasings (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  weakness_id INT UNSIGNED NOT NULL,
  lang        ENUM('ja','en') NOT NULL,
  text        VARCHAR(500) NOT NULL,               -- as a critic would write it, normalised when loaded
  KEY weakness_phrasings_weakness (weakness_id, id),
  FOREIGN KEY (weakness_id) REFERENCES weaknesses (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each weakness, then its phrasings under the id it was given.

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'bubble-sort-in-request',
  'リクエストのたびにバブルソート',
  'A bubble sort on every request',
  '/legacy/random(cgi-bin/legacy/random.c)は512個の数をシャッフルしてはバブルソートし、1リクエストで約10ミリ秒のCPUを使い切るまでそれを繰り返す。O(n²)の整列をリクエストの経路で毎回やり直し、結果も使い回さない。',
  '/legacy/random (cgi-bin/legacy/random.c) shuffles 512 numbers and bubble-sorts them, again and again until the request has burnt about 10 ms of CPU. An O(n²) sort runs in the request path every time, and nothing is reused.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'バブルソートをリクエストのたびに回している'),
  (@w, 'ja', 'リクエストごとにバブルソート'),
  (@w, 'ja', 'O(n²)のソートを毎回やっている'),
  (@w, 'ja', 'バブルソートじゃなくてqsortを使え'),
  (@w, 'en', 'bubble sort on every request'),
  (@w, 'en', 'O(n^2) sort in the request path'),
  (@w, 'en', 'use qsort instead of a bubble sort'),
  (@w, 'en', 'sorting the same 512 numbers over and over');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'single-server',
  'サーバー1台、冗長化なし',
  'One server, no redundancy',
  'make run も既定の構成も、nginx、FastCGI、ホールデーモン、フラッダー、MariaDBを1台のマシンに載せる。そのマシンが落ちれば展示会もまさかりも止まる。',
  'make run and the default setup put nginx, the FastCGI programs, the hall daemon, the flooder and MariaDB on one machine. When that machine goes down, the exhibition and the game go with it.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'サーバー1台で冗長化なし'),
  (@w, 'ja', '単一障害点になっている'),
  (@w, 'ja', '1台落ちたら全部止まる'),
  (@w, 'en', 'one server, no redundancy'),
  (@w, 'en', 'single point of failure'),
  (@w, 'en', 'if the box dies everything dies');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'cgi-era-process-model',
  'CGI時代のプロセスモデル',
  'A CGI-era process model',
  'FastCGIプログラムは spawn-fcgi が決まった数だけ事前に fork したプロセス(make run ではレガシーのターゲットに4つ、site と api に2つずつ)で、それぞれ一度に1リクエストしか扱わない。非同期I/Oもスレッドもなく、遅いリクエストがワーカーを丸ごと塞ぐ。',
  'The FastCGI programs are a fixed number of processes pre-forked by spawn-fcgi (under make run, four for the legacy target and two each for site and api), each handling one request at a time. No async I/O, no threads: one slow request blocks a whole worker.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'CGI時代のプロセスモデル'),
  (@w, 'ja', 'ワーカー数固定のプリフォーク'),
  (@w, 'ja', '1プロセス1リクエストで非同期じゃない'),
  (@w, 'ja', 'ターゲットのワーカーが4つしかない'),
  (@w, 'en', 'CGI-era process model'),
  (@w, 'en', 'fixed number of pre-forked FastCGI workers'),
  (@w, 'en', 'one request per process, no async'),
  (@w, 'en', 'only four workers behind the target');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'cron-job-scheduler',
  'ジョブスケジューラが cron',
  'Cron as the job scheduler',
  'フラッダーは cron が毎分 flock 付きで起動し、1回の実行がおよそ55秒キューを見張る。常駐ワーカーもスーパーバイザもなく、実行中に落ちれば次の分まで誰もジョブを拾わない。',
  'The flooder is started by cron every minute under flock, and each run watches the queue for about 55 seconds. There is no resident worker and no supervisor: if a run dies, nobody picks up jobs until the next minute.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'cronでジョブを回している'),
  (@w, 'ja', '毎分cronで起動するワーカー'),
  (@w, 'ja', 'スーパーバイザじゃなくてcronとflock'),
  (@w, 'en', 'cron as the job scheduler'),
  (@w, 'en', 'a worker started by cron every minute'),
  (@w, 'en', 'cron and flock instead of a supervisor');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'mysql-job-queue',
  'MySQL をジョブキューに使っている',
  'MySQL used as a job queue',
  '攻撃ジョブは attack_jobs テーブルに積まれ、SELECT … FOR UPDATE SKIP LOCKED とリースの列で取り出される。メッセージキューではなく、RDBの行ロックで奪い合いを防いでいる。',
  'Attack jobs are rows in attack_jobs, claimed with SELECT … FOR UPDATE SKIP LOCKED and lease columns. There is no message broker: row locks in the relational database keep two flooders off the same job.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'MySQLをジョブキューにしている'),
  (@w, 'ja', 'RDBをキュー代わりに使っている'),
  (@w, 'ja', 'メッセージキューがない'),
  (@w, 'en', 'MySQL used as a job queue'),
  (@w, 'en', 'a database table as a message queue'),
  (@w, 'en', 'no real message broker');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'queue-polling',
  '250ミリ秒ごとのキューのポーリング',
  'Polling the queue every 250 ms',
  'フラッダーは新しいジョブを通知で受け取らず、少なくとも250ミリ秒ごとにデータベースへ問い合わせる。ジョブが1つもなくても問い合わせは続く。',
  'The flooder is never notified of a new job: it asks the database at least every 250 ms, and keeps asking when there is nothing to do.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '250ミリ秒ごとにキューをポーリング'),
  (@w, 'ja', '通知じゃなくてポーリング'),
  (@w, 'ja', '暇でもDBに問い合わせ続ける'),
  (@w, 'en', 'polling the queue every 250 ms'),
  (@w, 'en', 'polling instead of notifications'),
  (@w, 'en', 'queries the database even when idle');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'hand-rolled-c-strings',
  '手書きの C 文字列処理',
  'Hand-rolled C string handling',
  'ヘッダ、Cookie、ルーティングは snprintf と固定長バッファと strtok_r で組み立てている(lib/web.c の csp[768]、line[512]、scratch[4096] など)。長すぎる値は切り詰められるか黙って弾かれ、境界の誤りはそのままメモリ破壊になりうる。',
  'Headers, cookies and routing are built with snprintf, fixed-size buffers and strtok_r (csp[768], line[512], scratch[4096] in lib/web.c, among others). Values that are too long are cut short or quietly refused, and any off-by-one is a memory-safety bug.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '文字列処理が手書き'),
  (@w, 'ja', '固定長バッファとsnprintfだらけ'),
  (@w, 'ja', 'strtok_rでパスをパースしている'),
  (@w, 'en', 'hand-rolled C string handling'),
  (@w, 'en', 'fixed-size buffers everywhere'),
  (@w, 'en', 'parsing paths with strtok_r');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'web-app-in-c',
  'WebアプリをCで書いている',
  'A web application written in C',
  'リクエストを受ける部分がすべてメモリ安全でない言語で書かれ、malloc と free を手で管理している。サニタイザ付きのテストはあるが、言語が守ってくれるわけではない。',
  'Everything that handles a request is written in a memory-unsafe language, with malloc and free managed by hand. The tests run under sanitizers, but the language itself guards nothing.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'WebアプリをCで書いている'),
  (@w, 'ja', 'メモリ安全じゃない言語'),
  (@w, 'ja', 'mallocとfreeを手で管理'),
  (@w, 'ja', 'なぜWebアプリをCで書くのか'),
  (@w, 'en', 'a web app written in C'),
  (@w, 'en', 'memory-unsafe language'),
  (@w, 'en', 'manual malloc and free'),
  (@w, 'en', 'why is this written in C');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'clearsilver-unmaintained',
  '更新の止まった ClearSilver',
  'ClearSilver, a template engine nobody maintains',
  'HTMLのページはすべて ClearSilver のテンプレートで描かれる。上流の開発は10年以上止まっていて、直してくれる人も知っている人もほとんどいない。',
  'Every HTML page is rendered with ClearSilver templates. Upstream development stopped more than a decade ago: few people know it and nobody fixes it.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ClearSilverはもうメンテされていない'),
  (@w, 'ja', '化石のテンプレートエンジン'),
  (@w, 'ja', '10年以上更新のないライブラリに依存'),
  (@w, 'en', 'ClearSilver is unmaintained'),
  (@w, 'en', 'a fossil template engine'),
  (@w, 'en', 'depends on a library untouched for a decade');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'templates-parsed-per-request',
  'テンプレートを毎リクエスト解析',
  'Templates parsed on every request',
  'lib/web.c の web_render は cgi_display を呼び、テンプレートファイルを毎回読み込んで解析し直す。解析済みテンプレートのキャッシュはない。',
  'web_render in lib/web.c calls cgi_display, which reads and parses the template files again on every request. Nothing keeps a parsed template.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'テンプレートを毎回パースしている'),
  (@w, 'ja', 'テンプレートのキャッシュがない'),
  (@w, 'ja', 'リクエストごとにテンプレートファイルを読む'),
  (@w, 'en', 'templates re-parsed on every request'),
  (@w, 'en', 'no compiled template cache'),
  (@w, 'en', 'reads the template file from disk per request');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'no-https',
  'HTTPS なし',
  'No HTTPS',
  'ローカル構成の nginx は 127.0.0.1 で平文のHTTPだけを待ち受け、TLSの設定がない。Cookie にも Secure 属性が付かない。',
  'The local nginx listens only for plain HTTP on 127.0.0.1, with no TLS configured, and cookies are set without the Secure attribute.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'HTTPSになっていない'),
  (@w, 'ja', '平文のHTTPで通信している'),
  (@w, 'ja', 'CookieにSecure属性がない'),
  (@w, 'en', 'no HTTPS'),
  (@w, 'en', 'plain HTTP, no TLS'),
  (@w, 'en', 'cookies without the Secure flag');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'database-on-web-host',
  'DB と Web が同じホスト',
  'Database and web on the same host',
  'MariaDB は nginx や FastCGI と同じマシンで動き、CPUとメモリを取り合う。攻撃でWebが重くなれば、データベースも巻き添えになる。',
  'MariaDB runs on the same machine as nginx and the FastCGI programs and competes with them for CPU and memory. When an attack loads the web side, the database suffers too.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'DBとWebサーバーが同居している'),
  (@w, 'ja', 'データベースが同じホストにある'),
  (@w, 'ja', 'DBを別サーバーに分けていない'),
  (@w, 'en', 'database on the same host as the web server'),
  (@w, 'en', 'db and web share one machine'),
  (@w, 'en', 'the database is not on its own server');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'hp-is-host-cpu',
  'HP はホスト全体の CPU 使用率',
  'HP is the whole host''s CPU',
  'HPバーはステータスのサンプラー(lib/status.c)が /proc/stat から読むホスト全体のCPU使用率でしかない。ターゲットのプロセスを測っているわけではなく、フラッダーやMariaDBなど何がCPUを使ってもHPが減る。',
  'The HP bar is host-wide CPU utilisation that the status sampler (lib/status.c) reads from /proc/stat. It does not measure the target processes: anything using CPU, the flooder and MariaDB included, takes HP away.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'HPがホスト全体のCPU使用率'),
  (@w, 'ja', '/procを読んでCPUを測っているだけ'),
  (@w, 'ja', '攻撃と関係ない負荷でもHPが減る'),
  (@w, 'en', 'HP is just host-wide CPU'),
  (@w, 'en', 'reads /proc/stat instead of measuring the target'),
  (@w, 'en', 'any load on the host lowers the HP');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'target-is-the-app-itself',
  '攻撃対象がアプリ自身',
  'The target is the application itself',
  '/legacy/random は展示会と同じnginx、同じホストで動く。まさかりが当たるほど、展示会場もまさかりのページも全員にとって遅くなる。',
  '/legacy/random runs behind the same nginx on the same host as the exhibition. The harder critics hit it, the slower the hall and the masakari pages get for everyone.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '攻撃対象が自分自身'),
  (@w, 'ja', '自分で自分にDoSしている'),
  (@w, 'ja', '攻撃すると展示会まで遅くなる'),
  (@w, 'en', 'the target is the app itself'),
  (@w, 'en', 'the app DoSes itself'),
  (@w, 'en', 'attacking the target slows the whole site');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'flooder-on-target-host',
  '負荷をかける側と受ける側が同じホスト',
  'Load generator on the target host',
  '既定ではフラッダーはターゲットと同じマシンで動き、ループバック経由で攻撃する。負荷を生む側のCPUまでHPから引かれ、測ったレイテンシはネットワークを通っていない。',
  'By default the flooder runs on the target''s own machine and attacks over loopback. The CPU it spends generating load is taken from the HP too, and the latency it measures never crossed a network.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '負荷をかける側と受ける側が同じマシン'),
  (@w, 'ja', 'フラッダーがターゲットと同居'),
  (@w, 'ja', 'ループバックで負荷試験している'),
  (@w, 'en', 'load generator on the same host as the target'),
  (@w, 'en', 'the flooder eats the CPU it is measuring'),
  (@w, 'en', 'benchmarking over loopback');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'no-cdn',
  'CDN なし',
  'No CDN',
  '画像、CSS、JavaScript はアプリと同じnginxが配り、CDNもエッジのキャッシュもない。訪問者が遠くても、静的ファイルは毎回この1台まで取りに来る。',
  'Images, CSS and JavaScript are served by the same nginx as the application, with no CDN and no edge cache: however far away visitors are, every static file comes from this one machine.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'CDNがない'),
  (@w, 'ja', '静的ファイルを自前のnginxで配信'),
  (@w, 'ja', 'エッジキャッシュがない'),
  (@w, 'en', 'no CDN'),
  (@w, 'en', 'static files served by the app server'),
  (@w, 'en', 'no edge caching');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'no-authentication',
  '認証なし、Cookie だけ',
  'No authentication, only a cookie',
  'GitHub ID は書式を確かめて Cookie に入れるだけで、本人かどうかは確かめない(OAuthなどのログインがない)。誰でも他人のIDを名乗ってまさかりを投げ、ランキングに載せられる。',
  'A GitHub ID is checked for its format and kept in a cookie, never verified as the visitor''s own (no OAuth or any login). Anyone can throw, and rank, under someone else''s ID.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '認証がない'),
  (@w, 'ja', '誰でも他人のGitHub IDを名乗れる'),
  (@w, 'ja', 'Cookieに入れたIDを信じている'),
  (@w, 'en', 'no authentication'),
  (@w, 'en', 'anyone can claim any GitHub ID'),
  (@w, 'en', 'trusts a plain cookie for identity');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'presence-through-mariadb',
  '位置とチャットを MariaDB で共有',
  'Presence and chat shared through MariaDB',
  '複数のホールデーモンは、訪問者の位置とチャットをMariaDBを介して共有する。pub/subではなく、刻々と変わる状態をRDBに書いては読み直している。',
  'Hall daemons share visitors'' positions and chat through MariaDB. Instead of pub/sub, fast-changing state is written to a relational database and read back.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '位置情報をDBで共有している'),
  (@w, 'ja', 'チャットをRDB経由で配っている'),
  (@w, 'ja', 'pubsubを使っていない'),
  (@w, 'en', 'presence shared through the database'),
  (@w, 'en', 'chat fan-out through MariaDB'),
  (@w, 'en', 'no pub/sub for realtime state');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'exhibits-in-sql-seeds',
  '展示データが SQL シードに直書き',
  'Exhibit data hard-coded in SQL seeds',
  '展示作品の説明は sql/0002-exhibits.sql の INSERT 文に書かれていて、管理画面がない。説明を1行直すにもマイグレーションを書いて流す。',
  'The exhibits are INSERT statements in sql/0002-exhibits.sql, with no admin interface. Fixing one line of a description means writing and applying a migration.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '展示データがSQLに直書き'),
  (@w, 'ja', '管理画面がない'),
  (@w, 'ja', '文言を直すのにマイグレーションが要る'),
  (@w, 'en', 'exhibit data hard-coded in SQL seeds'),
  (@w, 'en', 'no admin interface'),
  (@w, 'en', 'a migration to fix a typo');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'manual-ansible-deploy',
  'デプロイは手で ansible-playbook',
  'Deploys are a hand-run ansible-playbook',
  'CIはテストを回すだけで、サーバーへの反映は誰かが ansible-playbook を手で実行する。段階的なロールアウトも、自動のロールバックもない。',
  'CI only runs the tests; getting a change onto a server is someone running ansible-playbook by hand. No staged rollout, no automatic rollback.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'デプロイパイプラインがない'),
  (@w, 'ja', '手でansibleを叩いてデプロイ'),
  (@w, 'ja', 'ロールバックの仕組みがない'),
  (@w, 'en', 'no deploy pipeline'),
  (@w, 'en', 'deploys by running ansible by hand'),
  (@w, 'en', 'no rollback strategy');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'single-websocket-daemon',
  'WebSocket デーモンが1つ、イベントループも1つ',
  'One WebSocket daemon, one event loop',
  'ホールは libwebsockets のデーモンがシングルスレッドのイベントループ1本で回している。既定では1プロセスだけなので、それが落ちれば全員の接続が切れ、イベントループは1コアしか使えない。',
  'The hall is one libwebsockets daemon on a single-threaded event loop. By default there is only one: when it dies everyone is disconnected, and its event loop never uses more than one core.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'WebSocketサーバーが1プロセスだけ'),
  (@w, 'ja', 'シングルスレッドのイベントループ'),
  (@w, 'ja', 'デーモンが落ちたら全員切断'),
  (@w, 'en', 'a single WebSocket daemon'),
  (@w, 'en', 'single-threaded event loop'),
  (@w, 'en', 'one daemon crash disconnects everyone');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'per-process-caches',
  'キャッシュがプロセスごとにバラバラ',
  'A separate cache in every process',
  '展示データはFastCGIのプロセスごとにメモリへ読み込み、30秒ごとに読み直す(cgi-bin/site/exhibit_store.c)。共有キャッシュがないので、プロセスの数だけDBに問い合わせ、プロセスごとに古さも違う。',
  'Each FastCGI process loads the exhibits into its own memory and reloads them every 30 seconds (cgi-bin/site/exhibit_store.c). With no shared cache, every process queries the database on its own, and each can be stale by a different amount.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'キャッシュがプロセスごとにバラバラ'),
  (@w, 'ja', '共有キャッシュがない'),
  (@w, 'ja', '最大30秒古いデータを返す'),
  (@w, 'en', 'a separate cache per worker process'),
  (@w, 'en', 'no shared cache'),
  (@w, 'en', 'serves data up to 30 seconds stale');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'plaintext-db-password',
  'DB パスワードが平文の設定ファイルに',
  'Database password in a plain-text config file',
  'データベースのパスワードはHDFの設定ファイル(/etc/masakari/masakari.hdf、ローカルでは var/ の下)に平文で書かれる。シークレットを管理する仕組みはない。',
  'The database password sits in plain text in the HDF configuration file (/etc/masakari/masakari.hdf, or under var/ locally). There is no secrets management.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'パスワードが設定ファイルに平文'),
  (@w, 'ja', 'シークレット管理がない'),
  (@w, 'ja', 'DBのパスワードがべた書き'),
  (@w, 'en', 'database password in a plain-text config file'),
  (@w, 'en', 'no secrets management'),
  (@w, 'en', 'credentials stored in the HDF file');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'logs-on-stderr',
  'ログは stderr に一行ずつ',
  'Logs are lines on stderr',
  'lib/log.c は時刻とプログラム名を付けて stderr に一行書くだけ。構造化ログも、ログの集約も、メトリクスの送信もなく、障害のときはサーバーに入ってファイルを読む。',
  'lib/log.c writes one line to stderr with the time and program name, and that is all: no structured logs, no log aggregation, no metrics shipped anywhere. When something breaks, someone logs in and reads files.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ログがstderrに垂れ流し'),
  (@w, 'ja', 'ログを標準エラーに出しているだけ'),
  (@w, 'ja', '構造化ログじゃない'),
  (@w, 'ja', 'ログ集約も監視もない'),
  (@w, 'en', 'logs are just lines on stderr'),
  (@w, 'en', 'no structured logging'),
  (@w, 'en', 'no log aggregation or monitoring');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'hand-rolled-normalisation',
  'Unicode の正規化が自前',
  'Hand-rolled Unicode normalisation',
  '採点の前の正規化(全角と半角、大文字と小文字、句読点)は lib/normalize.c の手書きの表で、ICUのNFKCや完全なケースフォールディングではない。ß、ラテン文字の拡張、合字などは扱わない。',
  'The normalisation before scoring (full and half width, case, punctuation) is a hand-written table in lib/normalize.c, not ICU''s NFKC or full case folding. ß, extended Latin and ligatures are left as they are.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'Unicode正規化が手書き'),
  (@w, 'ja', 'ICUを使わずNFKCもどきを自作'),
  (@w, 'ja', '正規化の表を手で書いている'),
  (@w, 'en', 'hand-rolled Unicode normalisation'),
  (@w, 'en', 'not real NFKC'),
  (@w, 'en', 'a homemade case folding table instead of ICU');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'brute-force-scoring',
  '全フレーズと総当たりで採点',
  'Scoring by brute force over every phrasing',
  'まさかり1本ごとに、全弱点の全フレーズとJaro–Winklerを総当たりで計算する(lib/score.c)。索引も枝刈りもなく、カタログが増えるほど線形に遅くなる。',
  'Every throw is compared by Jaro–Winkler with every phrasing of every weakness (lib/score.c). No index, no pruning: scoring slows down linearly as the catalog grows.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '全フレーズと総当たりで比較'),
  (@w, 'ja', '類似度検索に索引がない'),
  (@w, 'ja', 'カタログが増えると線形に遅くなる'),
  (@w, 'en', 'brute force over every phrasing'),
  (@w, 'en', 'no index for similarity search'),
  (@w, 'en', 'scoring cost grows linearly with the catalog');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'jaro-winkler-for-sentences',
  '文章の採点に Jaro–Winkler',
  'Jaro–Winkler to judge whole sentences',
  'Jaro–Winklerは名前のような短い文字列のための尺度で、文の意味は見ない。空白を除いた英文どうしなら、関係のない文でも0.6前後の類似度が出る。',
  'Jaro–Winkler was made for short strings such as names and knows nothing of meaning. Two unrelated English sentences, spaces removed, still score around 0.6.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ジャロウィンクラーで意味は測れない'),
  (@w, 'ja', '文字列の類似度で採点している'),
  (@w, 'ja', '意味を見ていない採点'),
  (@w, 'en', 'Jaro-Winkler cannot judge meaning'),
  (@w, 'en', 'string similarity instead of semantics'),
  (@w, 'en', 'unrelated sentences still score 0.6');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'avatars-from-github',
  'アバターを github.com から直接読み込む',
  'Avatars hotlinked from github.com',
  '展示会場のアバターは、訪問者のブラウザが https://github.com/<id>.png から直接取ってくる。GitHubが落ちているかオフラインなら出ず(生成したアイコンで代わりにする)、訪問者全員のアドレスがGitHubに見える。',
  'The hall''s avatars are fetched by each visitor''s browser straight from https://github.com/<id>.png. When GitHub is down or the network is offline they fail (a generated identicon stands in), and GitHub sees the address of every visitor.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'アバターをGitHubから直リンク'),
  (@w, 'ja', '画像を外部サービスに頼っている'),
  (@w, 'ja', 'GitHubが落ちるとアバターが出ない'),
  (@w, 'en', 'avatars hotlinked from GitHub'),
  (@w, 'en', 'depends on GitHub for images'),
  (@w, 'en', 'avatars break when GitHub is down');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'replies-from-external-llm',
  '返事は外部の LLM API まかせ',
  'Replies depend on an external LLM API',
  'サーバーの返事はOpenAI互換のAPIに問い合わせて作る。返ってこなければタイムアウト(既定3秒)まで待ってから定型文に切り替える。APIキーも外部サービスの稼働状況も、まさかりの体験の一部になっている。',
  'The server''s replies come from an OpenAI-compatible API. When it does not answer, the server waits out the timeout (3 seconds by default) before a canned line stands in. An API key and a third party''s uptime are part of the game.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '返事を外部のLLMに丸投げ'),
  (@w, 'ja', 'OpenAIのAPIに依存している'),
  (@w, 'ja', '外部APIの応答を待っている'),
  (@w, 'en', 'replies outsourced to an LLM API'),
  (@w, 'en', 'depends on the OpenAI API'),
  (@w, 'en', 'waits on a third-party API');
