-- 0136-catalog-kept-honest.sql — the weakness catalog, kept honest: every
-- explanation checked against the code as it is now, and the ones the code
-- has moved away from reworded to say what is true, and where to look.
-- What changed under them: lib/web.c was split by concern, so web_render and
-- the Set-Cookie line live in lib/web_response.c and lib/web_cookie.c, and
-- nginx keeps pages too (fastcgi_cache); the workers of api.fcgi and
-- masakari.fcgi have a thread that samples the host, though none serves a
-- request; cookies are Secure when Site.BaseUrl is https, and the ansible
-- roles serve HTTPS when given a certificate; the flooder's replier threads
-- ask for the server's replies off the request path, from a model only where
-- LLM.BaseUrl names one; a throw's page polls /api/status and fetches itself
-- for its chart besides /api/throws/<id>; Log.File and the journal decide
-- where log lines go; the exhibits' English texts are in sql/0080; each part
-- has a database password of its own, and ansible-vault keeps them out of
-- the repository; scoring looks equal words up in a hash table; only
-- site.fcgi keeps the exhibits; only some tests run under the sanitizers;
-- nginx's error pages are plain files; and the example production inventory
-- puts the database, two flooders and a second web host on machines of their
-- own, so the entries that spoke of one machine say which setups they mean.
-- What each entry says of the default setup (make run, the ansible roles'
-- defaults) stays true. Titles and slugs stay: no title became false, and
-- throws and the ranking refer to the rows.

SET NAMES utf8mb4;

UPDATE weaknesses SET
  explanation_ja = 'フラッダーは cron が毎分 flock 付きで起動し、1回の実行はその分の55秒ごろまで(Flooder.RunSeconds)キューを見張る。常駐ワーカーもスーパーバイザもなく、実行中に落ちればそのホストでは次の分まで誰もジョブを拾わない。ほかにフラッダーのホストがあれば(本番の例のインベントリには2台)、落ちた実行が握っていたジョブは、リース(Flooder.LeaseSeconds、既定10秒)が切れてからそちらが拾う。',
  explanation_en = 'The flooder is started by cron every minute under flock, and each run watches the queue until about 55 seconds past the minute (Flooder.RunSeconds). There is no resident worker and no supervisor: if a run dies, nobody on that host picks up jobs until the next minute. Another flooder host, where there is one (the example production inventory has two), takes the jobs the dead run held once their lease (Flooder.LeaseSeconds, 10 seconds by default) runs out.'
WHERE slug = 'cron-job-scheduler';

UPDATE weaknesses SET
  explanation_ja = 'FastCGIプログラムは起動時に決まった数(Web.Workers: etc/masakari.hdf.in と ansible の既定ではレガシーのターゲットに4つ、ほかは2つずつ)のワーカーを fork し、それぞれ一度に1リクエストしか扱わない(lib/web_workers.c、lib/web.c)。非同期I/Oはなく、リクエストをさばくスレッドもない(api.fcgi と masakari.fcgi のワーカーにあるのは、ホストの状態を測るスレッドだけ)。遅いリクエストがワーカーを丸ごと塞ぐ。nginx との接続も使い回さず、リクエストごとに accept と close をする。',
  explanation_en = 'Each FastCGI program forks a fixed number of workers at start-up (Web.Workers: four for the legacy target and two for each of the others, as etc/masakari.hdf.in and the ansible defaults set them), each handling one request at a time (lib/web_workers.c, lib/web.c). No async I/O, and no thread serves a request (the only other thread, in the workers of api.fcgi and masakari.fcgi, samples the host''s status): one slow request blocks a whole worker. Connections from nginx are not kept either: every request is an accept and a close.'
WHERE slug = 'cgi-era-process-model';

UPDATE weaknesses SET
  explanation_ja = 'Cookie とルーティングは snprintf と固定長バッファと strtok_r で扱っている(lib/web_cookie.c で Set-Cookie 行を組み立てる line[512]、lib/web.c でページキャッシュのキーを作るためにルートを照らし合わせる scratch[1024] と、リクエストを扱うためにもう一度照らし合わせる scratch[4096] など)。長すぎる値は切り詰められるか黙って弾かれ、境界の誤りはそのままメモリ破壊になりうる。',
  explanation_en = 'Cookies and routing are handled with snprintf, fixed-size buffers and strtok_r (line[512] for a Set-Cookie line in lib/web_cookie.c; scratch[1024] for matching a request''s route to make the page cache''s key, and scratch[4096] for matching it again to handle the request, in lib/web.c; among others). Values that are too long are cut short or quietly refused, and any off-by-one is a memory-safety bug.'
WHERE slug = 'hand-rolled-c-strings';

UPDATE weaknesses SET
  explanation_ja = 'リクエストを受ける部分がすべてメモリ安全でない言語で書かれ、malloc と free を手で管理している。サニタイザ付きで走るのはユニットテストとファズのターゲットとフラッダーのテスト1つ(t2011)、valgrind の下で走るのはテスト3つだけで、本番のプログラムはどちらもなしで動く。言語が守ってくれるわけではない。',
  explanation_en = 'Everything that handles a request is written in a memory-unsafe language, with malloc and free managed by hand. The unit tests, the fuzz targets and one flooder test (t2011) run under the sanitizers, and three tests under valgrind; the programs as deployed run without either, and the language itself guards nothing.'
WHERE slug = 'web-app-in-c';

UPDATE weaknesses SET
  explanation_ja = 'FastCGIプログラムが返すHTMLのページはすべて ClearSilver のテンプレート(templates/)で描かれる。そうでないのは nginx が自分で返すエラーページ(static/errors/)だけ。上流の開発は10年以上止まっていて、直してくれる人も知っている人もほとんどいない。',
  explanation_en = 'Every HTML page the FastCGI programs send is rendered with ClearSilver templates (templates/); only the error pages nginx answers with itself (static/errors/) are plain files. Upstream development stopped more than a decade ago: few people know it and nobody fixes it.'
WHERE slug = 'clearsilver-unmaintained';

UPDATE weaknesses SET
  explanation_ja = 'lib/web_response.c の web_render は描画のたびにテンプレートファイルを読み込んで解析し直す(cs_parse_file)。解析済みテンプレートは持たない。描画結果を覚えておくのは WEB_CACHED の印がついたルートのページ(入口かホールになる「/」と作品ページ)だけで、各プロセスが持ち(lib/web_cache.c)、IDを持つ人のためのページでなければ nginx も持つ(fastcgi_cache)。レガシーのターゲットとまさかりのページは毎回解析される。',
  explanation_en = 'web_render in lib/web_response.c reads and parses the template files again every time it renders (cs_parse_file); nothing keeps a parsed template. Only the pages of routes marked WEB_CACHED ("/", the entrance or the hall, and the exhibit pages) are kept, as rendered output, by each process (lib/web_cache.c) and, unless drawn for an identity, by nginx (fastcgi_cache): the legacy target and the game''s pages are parsed anew on every request.'
WHERE slug = 'templates-parsed-per-request';

UPDATE weaknesses SET
  explanation_ja = 'make run の nginx(etc/nginx.conf.in)は 127.0.0.1 で平文のHTTPだけを待ち受け、Vagrant のVMも平文のHTTPで配る。ansible のロールがHTTPSで配るのは、証明書(masakari_tls_certificate か masakari_tls_certificate_pem)か Let''s Encrypt 用のメールアドレス(masakari_acme_email)を渡したときだけで、既定ではどれもない。本番の例のインベントリはTLSを手前のロードバランサーに任せている。Site.BaseUrl が https:// でなければ Cookie に Secure 属性は付かない(lib/web_cookie.c)。',
  explanation_en = 'make run''s nginx (etc/nginx.conf.in) listens only for plain HTTP on 127.0.0.1, and the Vagrant VM serves plain HTTP too. The ansible roles serve HTTPS only when given a certificate (masakari_tls_certificate or masakari_tls_certificate_pem) or an e-mail address for Let''s Encrypt (masakari_acme_email), none of which is set by default; the example production inventory leaves TLS to the load balancer in front. Unless Site.BaseUrl is https://, cookies are set without the Secure attribute (lib/web_cookie.c).'
WHERE slug = 'no-https';

UPDATE weaknesses SET
  explanation_ja = 'make run でも Vagrant のVMでも、ansible のロールの既定(masakari_db_host: localhost)でも、MariaDB は nginx や FastCGI と同じマシンで動き、CPUとメモリを取り合う。攻撃でWebが重くなれば、データベースも巻き添えになる。専用のホストに分けているのは本番の例のインベントリ(ansible/inventories/production)だけ。',
  explanation_en = 'Under make run, in the Vagrant VM and with the ansible roles'' defaults (masakari_db_host: localhost), MariaDB runs on the same machine as nginx and the FastCGI programs and competes with them for CPU and memory: when an attack loads the web side, the database suffers too. Only the example production inventory (ansible/inventories/production) gives it hosts of its own.'
WHERE slug = 'database-on-web-host';

UPDATE weaknesses SET
  explanation_ja = 'HPバーはステータスのサンプラー(lib/status.c)が /proc/stat から読む、ホスト全体のCPU使用率でしかない。ターゲットのプロセスを測っているわけではなく、そのホストで何がCPUを使ってもHPが減る。ホールのデーモンも展示会のページもそうで、make run のように同じホストにあればフラッダーやMariaDBも。',
  explanation_en = 'The HP bar is host-wide CPU utilisation that the status sampler (lib/status.c) reads from /proc/stat. It does not measure the target processes: anything using CPU on that host takes HP away, the hall daemon and the exhibition''s pages included, and the flooder and MariaDB too where they share the host, as under make run.'
WHERE slug = 'hp-is-host-cpu';

UPDATE weaknesses SET
  explanation_ja = '画像、CSS、JavaScript はアプリと同じnginxが配り(etc/nginx.conf.in と ansible のテンプレートの location /static/)、CDNもエッジのキャッシュもない。訪問者が遠くても、静的ファイルは毎回Webホストそのもの(make run なら1台)まで取りに来る。',
  explanation_en = 'Images, CSS and JavaScript are served by the same nginx as the application (location /static/ in etc/nginx.conf.in and in the ansible role''s template), with no CDN and no edge cache: however far away visitors are, every static file comes from the web hosts themselves, one machine under make run.'
WHERE slug = 'no-cdn';

UPDATE weaknesses SET
  explanation_ja = '展示作品の説明は sql/0002-exhibits.sql の INSERT 文に、その英語は sql/0080-exhibits-in-english.sql の UPDATE 文に書かれていて、管理画面がない。説明を1行直すにもマイグレーションを書いて流す。',
  explanation_en = 'The exhibits are INSERT statements in sql/0002-exhibits.sql, and their English texts UPDATE statements in sql/0080-exhibits-in-english.sql, with no admin interface. Fixing one line of a description means writing and applying a migration.'
WHERE slug = 'exhibits-in-sql-seeds';

UPDATE weaknesses SET
  explanation_ja = 'site.fcgi のワーカーはそれぞれ展示データを自分のメモリへ読み込み、30秒ごとに読み直す(Cache.ExhibitsSeconds、cgi-bin/site/exhibit_store.c)。入口や作品ページの描画結果もワーカーごとに持つ(lib/web_cache.c)。データを共有するキャッシュがないので、プロセスの数だけDBに問い合わせ、プロセスごとに古さも違う。共有されるのは nginx の fastcgi_cache に入るページだけで、IDを持つ人のためのページは入らない。',
  explanation_en = 'Each worker of the site program (site.fcgi) loads the exhibits into its own memory and reloads them every 30 seconds (Cache.ExhibitsSeconds; cgi-bin/site/exhibit_store.c), and keeps its own rendered copies of the entrance and the exhibit pages (lib/web_cache.c). With no shared cache for the data, every process queries the database on its own, and each can be stale by a different amount; only nginx''s fastcgi_cache shares pages, and never one drawn for an identity.'
WHERE slug = 'per-process-caches';

UPDATE weaknesses SET
  explanation_ja = 'データベースのパスワード(DB.Password と、部品ごとの DB.WebPassword、DB.HalldPassword、DB.FlooderPassword)は、LLMのキーや GitHub のクライアントシークレットと並んで、HDFの設定ファイル(/etc/masakari/masakari.hdf は masakari グループから読める。ローカルでは var/masakari.hdf)に平文で書かれる。ansible-vault が守るのはリポジトリの中だけで、ansible がそのファイルに書き出せば平文に戻る。実行時にシークレットを渡す仕組みはない。',
  explanation_en = 'The database passwords (DB.Password, and each part''s own: DB.WebPassword, DB.HalldPassword, DB.FlooderPassword) sit in plain text in the HDF configuration file (/etc/masakari/masakari.hdf, readable by the masakari group, or var/masakari.hdf locally), beside the LLM key and the GitHub client secret. ansible-vault keeps them out of the repository only until ansible writes them into that file; nothing hands secrets out at run time.'
WHERE slug = 'plaintext-db-password';

UPDATE weaknesses SET
  explanation_ja = 'lib/log.c は時刻、プログラム名、pid、レベルを付けて stderr にテキストを一行書くだけ。Log.File を設定してもFastCGIプログラムの stderr がファイルに向くだけで(make run では var/log/ の下のファイル)、ansible で入れたホストでは systemd が各プログラムの行をそのホストのジャーナルに入れる。構造化ログも、ホストをまたいだログの集約も、メトリクスの送信もなく、障害のときはホストごとに入ってファイルかジャーナルを読む。',
  explanation_en = 'lib/log.c writes one line of text to stderr with the time, program name, pid and level, and that is all. Log.File only points the FastCGI programs'' stderr at a file (make run keeps the lines in files under var/log/), and on hosts set up by ansible systemd puts every program''s lines in that host''s journal. No structured logs, no log aggregation across hosts, no metrics shipped anywhere: when something breaks, someone logs in to each host and reads its files or its journal.'
WHERE slug = 'logs-on-stderr';

UPDATE weaknesses SET
  explanation_ja = 'まさかり1本ごとに、批評の単語1つずつについてカタログの全単語を順に見て(lib/score.c の fuzzy_links)、文字の種類(ラテン文字かどうか)が同じで、上限(word_bound)や長さと頭文字の規則で除かれなかったものと Jaro–Winkler で比べ、そのあと全弱点の全フレーズを1つずつ調べる。ハッシュ表で引けるのは綴りがまったく同じ単語だけで(score_vocab_find)、似た単語を探す索引はなく、カタログが増えるほど線形に遅くなる。',
  explanation_en = 'Every throw goes through every word of the catalog for each word of the critique (fuzzy_links in lib/score.c), compares by Jaro–Winkler those of the same kind (Latin or not) that a bound (word_bound) and the rules on length and first letter do not rule out, and then visits every phrasing of every weakness. Only a word spelt exactly the same is looked up in a hash table (score_vocab_find); for alike words there is no index: scoring slows down linearly as the catalog grows.'
WHERE slug = 'brute-force-scoring';

UPDATE weaknesses SET
  explanation_ja = 'LLM.BaseUrl が設定されていれば(既定と make run では無し。本番の例のインベントリは OpenAI を指す)、サーバーの返事はOpenAI互換のAPIに問い合わせて作る。問い合わせるのはリクエストの経路の外、フラッダーの返事係のスレッド(flooder/replier.c、lib/reply.c)。返ってこなければタイムアウト(LLM.TimeoutMs、既定3秒)まで待ってから定型文に切り替え、そのあいだまさかりのページは返事を待っている。APIキーも外部サービスの稼働状況も、まさかりの体験の一部になっている。',
  explanation_en = 'Where LLM.BaseUrl names one (none by default, nor under make run; the example production inventory names OpenAI''s), the server''s replies come from an OpenAI-compatible API, asked off the request path by the flooder''s replier threads (flooder/replier.c, lib/reply.c). When it does not answer, the throw''s page waits while the replier waits out the timeout (LLM.TimeoutMs, 3 seconds by default) before a canned line stands in. An API key and a third party''s uptime are part of the game.'
WHERE slug = 'replies-from-external-llm';

UPDATE weaknesses SET
  explanation_ja = 'まさかりのページは攻撃の間、毎秒 /api/throws/<id> と /api/status を1回ずつ呼び、HPのグラフのために5秒ごとにページ全体を取り直す(static/js/throw.js)。サーバーの返事が届くまでは /api/throws/<id> を呼び続ける。/masakari のHPバーも、ホールのデーモンに届かないあいだは毎秒 /api/status を呼ぶ(static/js/masakari.js)。攻撃を見守る人が100人いれば、毎秒200リクエストが api.fcgi の2つのワーカーに、毎秒20リクエストが masakari.fcgi に届く。',
  explanation_en = 'While its attack runs, a throw''s page calls /api/throws/<id> and /api/status once a second each, and fetches the whole page again every 5 seconds for its HP chart (static/js/throw.js); it goes on calling /api/throws/<id> until the server''s reply has come. The HP bar on /masakari calls /api/status once a second whenever the hall daemon cannot be reached (static/js/masakari.js). A hundred people watching an attack make two hundred requests a second to the two api.fcgi workers, and twenty a second to masakari.fcgi.'
WHERE slug = 'hp-bar-polling';
