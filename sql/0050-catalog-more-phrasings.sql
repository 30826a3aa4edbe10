-- 0050-catalog-more-phrasings.sql — the weakness catalog, said more ways:
-- scoring version 2 (lib/score.c) compares words, so each weakness gets
-- phrasings with the other words critics use for it, in both languages,
-- written from the explanations (docs/MASAKARI.md has what they changed).

SET NAMES utf8mb4;

SET @w = (SELECT id FROM weaknesses WHERE slug = 'bubble-sort-in-request');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '/legacy/randomが毎回数を並べ替えてCPUを燃やす'),
  (@w, 'ja', '毎回ソートし直す無駄なバブルソート'),
  (@w, 'en', 'the random page bubble-sorts an array on each request'),
  (@w, 'en', 'burns CPU sorting numbers in the request handler'),
  (@w, 'en', 'quadratic bubblesort in the hot path');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '全部が一台のマシンに載っている'),
  (@w, 'ja', 'フェイルオーバーも冗長構成もない'),
  (@w, 'en', 'everything on one machine, no failover'),
  (@w, 'en', 'the whole stack runs on a single box');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'cgi-era-process-model');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'プリフォークの固定数ワーカーが一度に一つしか処理しない'),
  (@w, 'ja', '遅いリクエストがワーカーを塞ぐ'),
  (@w, 'en', 'each worker handles one request at a time'),
  (@w, 'en', 'a slow request blocks a whole worker');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'cron-job-scheduler');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'フラッダーの起動はcronとflock頼み'),
  (@w, 'ja', '常駐ワーカーがなくcron任せ'),
  (@w, 'en', 'the flooder is a cron job run every minute'),
  (@w, 'en', 'no resident worker, just cron');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'mysql-job-queue');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ジョブをデータベースのテーブルに積んでいる'),
  (@w, 'ja', 'MariaDBの行ロックでジョブを取り合う'),
  (@w, 'en', 'attack jobs are rows in a MariaDB table'),
  (@w, 'en', 'jobs claimed with row locks instead of a broker');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ジョブが来たか通知されず何度もDBに聞く'),
  (@w, 'ja', '仕事がなくても問い合わせを繰り返す'),
  (@w, 'en', 'the worker polls the database for new jobs'),
  (@w, 'en', 'asks the database four times a second even with no jobs');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hand-rolled-c-strings');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'web.cの固定長バッファで文字列を組み立てている'),
  (@w, 'ja', 'バッファの境界を間違えればメモリ破壊'),
  (@w, 'en', 'snprintf into fixed buffers in web.c'),
  (@w, 'en', 'an off-by-one in a buffer is a memory bug');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'web-app-in-c');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'C言語でWebサイトを書いている'),
  (@w, 'ja', 'バッファオーバーフローが起きうる言語'),
  (@w, 'en', 'a website in plain C invites buffer overflows'),
  (@w, 'en', 'a memory-unsafe language handles every request');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'clearsilver-unmaintained');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ClearSilverの開発は止まったまま'),
  (@w, 'ja', '放置されたテンプレートライブラリ'),
  (@w, 'en', 'ClearSilver is abandoned and nobody maintains it'),
  (@w, 'en', 'a dead template library');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'templates-parsed-per-request');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '描画のたびにテンプレートを解析し直す'),
  (@w, 'ja', '解析済みのテンプレートを持たない'),
  (@w, 'en', 'cs_parse_file runs for each page render'),
  (@w, 'en', 'no cache of parsed templates');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-https');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '通信が暗号化されていない'),
  (@w, 'ja', 'TLSなしでCookieが平文で流れる'),
  (@w, 'en', 'traffic is not encrypted'),
  (@w, 'en', 'cookies travel over unencrypted http');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'database-on-web-host');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'nginxの隣でMariaDBも動かしている'),
  (@w, 'ja', 'データベースサーバーを分離していない'),
  (@w, 'en', 'MariaDB runs on the same server as nginx'),
  (@w, 'en', 'the database server is not separated from the web server');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-is-host-cpu');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'HPは100からホストのCPU使用率を引いた値'),
  (@w, 'ja', 'マシン全体のCPU使用率をHPにしている'),
  (@w, 'en', 'HP equals 100 minus host CPU usage'),
  (@w, 'en', 'the HP measures the host, not the target');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'target-is-the-app-itself');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ターゲットを攻撃すると展示会も重くなる'),
  (@w, 'ja', '攻撃対象が展示会と同じアプリ'),
  (@w, 'en', 'a flood on /legacy/ also hurts the exhibition pages'),
  (@w, 'en', 'the target and the exhibition are the same app');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'flooder-on-target-host');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '負荷を出す側と受ける側が一台の計算機'),
  (@w, 'ja', 'フラッダーがターゲットのCPUを奪い合う'),
  (@w, 'en', 'load is produced and received by one computer'),
  (@w, 'en', 'the flooder runs on the target machine');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-cdn');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '静的ファイルをCDNなしで配信'),
  (@w, 'ja', 'CDNを前に置いていない'),
  (@w, 'en', 'static assets served without a CDN'),
  (@w, 'en', 'no CDN in front of nginx');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-authentication');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ログインも本人確認もない'),
  (@w, 'ja', '他人のGitHub IDで投げられる'),
  (@w, 'en', 'GitHub IDs are never verified'),
  (@w, 'en', 'nothing checks who is throwing');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'presence-through-mariadb');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'プレイヤーの位置とチャットをMariaDB経由で共有'),
  (@w, 'ja', 'リアルタイムの状態をデータベースで配る'),
  (@w, 'en', 'player positions and chat go through MariaDB'),
  (@w, 'en', 'realtime state shared through the database instead of pub/sub');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'exhibits-in-sql-seeds');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '展示の説明を変えるたびにマイグレーションを書く'),
  (@w, 'ja', '展示を編集する画面がない'),
  (@w, 'en', 'changing an exhibit''s wording takes a schema migration'),
  (@w, 'en', 'exhibits can only be edited in SQL files');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'manual-ansible-deploy');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'デプロイは手動でansible-playbookを実行するだけ'),
  (@w, 'ja', 'CI/CDがない'),
  (@w, 'en', 'releases are a person typing the playbook command'),
  (@w, 'en', 'no CI/CD and no automated deploys');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-websocket-daemon');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ホールのWebSocketデーモンが一つで落ちると全員切断'),
  (@w, 'ja', 'シングルスレッドのWebSocketプロセス'),
  (@w, 'en', 'every hall visitor hangs off one halld process'),
  (@w, 'en', 'a websocket daemon crash drops every player');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'per-process-caches');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ワーカーごとに別々のキャッシュを持っている'),
  (@w, 'ja', 'プロセス間でキャッシュを共有していない'),
  (@w, 'en', 'each FastCGI worker keeps its own cache'),
  (@w, 'en', 'workers do not share a cache and disagree');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'plaintext-db-password');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'データベースのパスワードを設定ファイルに平文で書いている'),
  (@w, 'ja', '秘密情報が平文のまま'),
  (@w, 'en', 'credentials for MariaDB kept unencrypted in masakari.hdf'),
  (@w, 'en', 'secrets written in plain text');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'logs-on-stderr');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ログを標準エラーに書くだけで監視していない'),
  (@w, 'ja', 'ログを集めて見る仕組みがない'),
  (@w, 'en', 'stderr is the only log, nothing watches it'),
  (@w, 'en', 'nobody collects or aggregates the logs');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hand-rolled-normalisation');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '全角半角や濁点の畳み込みを自作している'),
  (@w, 'ja', 'ICUを使わない手書きの正規化'),
  (@w, 'en', 'unicode normalization from a hand-written table'),
  (@w, 'en', 'homemade NFKC instead of ICU');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'brute-force-scoring');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '採点で全フレーズを一つずつ比べている'),
  (@w, 'ja', '採点に索引がなく総当たり'),
  (@w, 'en', 'scoring walks the whole catalog linearly'),
  (@w, 'en', 'scoring has no index');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'jaro-winkler-for-sentences');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'Jaro-Winklerでは文の意味がわからない'),
  (@w, 'ja', '文字の類似度で意味を測ろうとしている'),
  (@w, 'en', 'Jaro-Winkler on sentences ignores what they mean'),
  (@w, 'en', 'character similarity cannot understand a sentence');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'avatars-from-github');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'プロフィール画像はGitHubのサーバーから取ってくる'),
  (@w, 'ja', 'GitHubに直リンクしたアバター'),
  (@w, 'en', 'profile pictures come straight off GitHub''s servers'),
  (@w, 'en', 'avatars pulled from githubusercontent.com');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'replies-from-external-llm');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'セリフは外の言語モデルが作っている'),
  (@w, 'ja', 'OpenAIのAPIが遅いと待たされる'),
  (@w, 'en', 'the in-character answers are generated by an outside language model'),
  (@w, 'en', 'every throw waits on the OpenAI endpoint');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-bar-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '攻撃の進み具合を毎秒APIに問い合わせる'),
  (@w, 'ja', 'まさかりのページが毎秒ポーリングする'),
  (@w, 'en', 'throw.js asks /api/throws once a second'),
  (@w, 'en', 'attack progress is polled, not pushed');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'rate-limit-per-ip');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '送信元アドレスごとの制限'),
  (@w, 'ja', '会場のNATの中の全員で制限を分け合う'),
  (@w, 'en', 'throttling keyed on the client address'),
  (@w, 'en', 'a whole venue behind NAT shares one rate limit');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'catalog-loaded-once');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '弱点を追加しても再起動するまで採点に効かない'),
  (@w, 'ja', 'カタログを一度読んだら読み直さない'),
  (@w, 'en', 'a new weakness counts only after a restart'),
  (@w, 'en', 'the catalog is read once and never again');
