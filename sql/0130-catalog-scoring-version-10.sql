-- 0130-catalog-scoring-version-10.sql — the catalog's words and phrasings
-- scoring version 10 (lib/score.c) reads: the everyday words reviewers use
-- for the things the weaknesses are about, several per thing in both
-- languages (a VPS is a host, a content delivery network a CDN, 待ち行列 a
-- queue), not only the words one set of critiques happened to use. Version
-- 10 itself adds that a hit rests on words said firmly. docs/MASAKARI.md has
-- what each changed.

SET NAMES utf8mb4;

-- Words for things the catalog already has a group for.

-- A host, virtual or not.
INSERT INTO catalog_words (word_group, text) VALUES
  (1, '仮想マシン'),
  (1, '仮想サーバー'),
  (1, '物理マシン');

-- The password and its kind.
INSERT INTO catalog_words (word_group, text) VALUES
  (2, 'passphrase'),
  (2, 'パスフレーズ'),
  (4, 'unencrypted'),
  (4, 'unhashed');

-- A queue, and the brokers people name.
INSERT INTO catalog_words (word_group, text) VALUES
  (14, '待ち行列'),
  (15, 'kafka'),
  (15, 'sqs'),
  (15, 'activemq'),
  (15, 'zeromq'),
  (15, 'message queue');

-- The faces.
INSERT INTO catalog_words (word_group, text) VALUES
  (22, 'profile picture'),
  (22, 'profile photo'),
  (22, 'gravatar'),
  (22, 'portrait'),
  (22, 'プロフィール画像'),
  (22, 'プロフィール写真'),
  (22, '顔写真');

-- No second of anything.
INSERT INTO catalog_words (word_group, text) VALUES
  (23, 'high availability'),
  (23, '高可用性'),
  (23, 'standby'),
  (23, '待機系');

-- The models and services the replies could come from.
INSERT INTO catalog_words (word_group, text) VALUES
  (24, 'gpt'),
  (24, 'claude'),
  (24, 'gemini'),
  (24, 'large language model'),
  (24, 'chat completion'),
  (24, 'チャット補完'),
  (24, '大規模言語モデル'),
  (24, '生成ai');

-- Nobody looking after it.
INSERT INTO catalog_words (word_group, text) VALUES
  (26, 'unsupported'),
  (26, 'abandonware'),
  (26, 'eol'),
  (26, '開発終了'),
  (26, 'サポート終了');

-- Who the critic is.
INSERT INTO catalog_words (word_group, text) VALUES
  (30, 'oauth'),
  (30, 'sso'),
  (30, 'impersonate'),
  (30, 'impersonation'),
  (30, '本人確認'),
  (30, 'なりすまし');

-- A release pipeline by the names people use.
INSERT INTO catalog_words (word_group, text) VALUES
  (36, 'continuous integration'),
  (36, 'continuous deployment'),
  (36, 'github actions'),
  (36, 'jenkins'),
  (36, '継続的インテグレーション'),
  (36, '継続的デプロイ');

-- The exchange sort in Japanese.
INSERT INTO catalog_words (word_group, text) VALUES
  (39, '交換ソート');

-- A web site.
INSERT INTO catalog_words (word_group, text) VALUES
  (40, 'website'),
  (40, 'ウェブサイト'),
  (40, 'サイト');

-- Made at home rather than taken from a library.
INSERT INTO catalog_words (word_group, text) VALUES
  (37, 'homemade'),
  (37, 'homegrown'),
  (37, '自家製'),
  (37, '自前'),
  (37, '自作');

-- Nobody looking after it, in more of the ways people say so.
INSERT INTO catalog_words (word_group, text) VALUES
  (26, '手放す'),
  (26, '開発停止'),
  (26, '更新停止');

-- Groups of their own: a CDN by its other names; who is in the hall
-- (presence); more than one of a daemon (a cluster); a screen to edit the
-- exhibits (a CMS); the one rented server everything lives on (a VPS: a
-- reviewer who says "one VPS" means the single server, and as a word of the
-- host group it gave the database and the flooder on the host their
-- "host" too).
INSERT INTO catalog_words (word_group, text) VALUES
  (47, 'vps'),
  (47, 'vds'),
  (47, 'droplet'),
  (47, 'ec2'),
  (47, 'レンタルサーバー'),
  (42, 'cdn'),
  (42, 'content delivery network'),
  (42, 'cloudflare'),
  (42, 'cloudfront'),
  (42, 'akamai'),
  (42, '配信網'),
  (43, 'presence'),
  (43, 'online status'),
  (43, 'プレゼンス'),
  (43, '在室'),
  (43, '在室状況'),
  (43, 'オンライン状態'),
  (44, 'cluster'),
  (44, 'scale out'),
  (44, 'クラスタ'),
  (44, 'クラスター'),
  (44, 'スケールアウト'),
  (45, 'cms'),
  (45, 'admin panel'),
  (45, 'back office');

-- The C library's string copying functions, one word for all; the CPU; a
-- playbook; the address a request comes from.
INSERT INTO catalog_words (word_group, text) VALUES
  (48, 'snprintf'),
  (48, 'sprintf'),
  (48, 'strcpy'),
  (48, 'strncpy'),
  (48, 'strcat'),
  (48, 'strncat'),
  (48, 'strlcpy'),
  (48, 'memcpy'),
  (49, 'cpu'),
  (49, 'processor'),
  (49, 'プロセッサ'),
  (49, 'プロセッサー'),
  (51, 'playbook'),
  (51, 'プレイブック'),
  (52, 'ip'),
  (52, 'ip address'),
  (52, 'remote address'),
  (52, 'ipアドレス'),
  (52, '接続元');

-- Who is in the hall, kept in database rows rather than in memory.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'presence-through-mariadb');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '誰がホールにいるかの在室状況をデータベースの行に書いて読んでいる'),
  (@w, 'en', 'who is in the hall is kept as rows in the database, not in memory');

-- One halld that cannot be clustered or scaled out, whose restart drops everyone.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-websocket-daemon');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'halldは一つきりでクラスタにもスケールアウトにもできない'),
  (@w, 'en', 'halld is a single instance that cannot be clustered or scaled out'),
  (@w, 'ja', 'halldを再起動すればホールの全員が切断される'),
  (@w, 'en', 'restarting the one halld disconnects everybody in the hall');

-- No CMS or admin screen: a new exhibit is a SQL file.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'exhibits-in-sql-seeds');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'CMSも管理画面もなく、展示を足すにはSQLファイルを書くしかない'),
  (@w, 'en', 'no CMS or admin panel: adding an exhibit means writing a SQL file');

-- The program that makes the attack runs where the attack lands.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'flooder-on-target-host');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '攻撃を生み出すプログラムが、攻撃される側と同じホストで動く'),
  (@w, 'en', 'the program generating the attack runs on the same host it attacks');

-- The thing to knock over is the exhibition's own web server.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'target-is-the-app-itself');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '倒すべき相手は展示会自身のWebサーバーで、攻撃すれば展示会が遅くなる'),
  (@w, 'en', 'the thing you attack is served by the exhibition''s own web server, so attacking slows the exhibition');

-- The one host restarting takes everything down with it; all of it on one VPS.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'VPS一台に全部'),
  (@w, 'en', 'everything on one VPS'),
  (@w, 'ja', 'その一台が再起動したり落ちたりすれば、展示会がまるごと止まる'),
  (@w, 'en', 'when the single host reboots or dies, the whole exhibition goes down with it');

-- Polling said as a loop that sleeps and asks again.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '眠っては同じSELECTを流し直すループ'),
  (@w, 'en', 'a loop that sleeps and runs the same SELECT again');

-- The templates read and put together again for every request.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'templates-parsed-per-request');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'リクエストのたびにテンプレートのファイルを読み込んで組み立て直し、返したら捨てる'),
  (@w, 'en', 'every request reads the template files again and builds them from scratch, then throws them away');

-- Strings put together by hand with the C library's copying functions.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hand-rolled-c-strings');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'snprintfやmemcpyと固定長のchar配列で文字列を手で組み立てている'),
  (@w, 'en', 'strings put together by hand with snprintf, memcpy and fixed-size char arrays');

-- A phrasing of two words of many weaknesses: any critique that names a
-- database and a machine said all of "データベースが同じホストにある", and
-- scored 1 for the database on the web host whatever it was about (the
-- flooder's polling, presence kept in rows, the credentials in a config file
-- on the box). It says the web, as the weakness's title does.
UPDATE weakness_phrasings SET text = 'データベースがWebと同じホストにある' WHERE text = 'データベースが同じホストにある';

-- The ranges jaro-winkler-for-sentences gives, measured again with version 10
-- (`masakarictl score` on the unrelated critiques of
-- bench/score/labelled-critiques.tsv, as t1014 does): the new phrasings'
-- everyday words (遅い, 流す, 読み込む) give a few more Japanese critiques a
-- score above nothing.
UPDATE weaknesses SET
  explanation_ja = '採点は批評を単語に分け(日本語はMeCab)、単語どうしをJaro–Winklerで比べ、珍しい単語ほど重く数える。同じ意味の言葉は手で書いた小さな一覧(catalog_words)に載っているものしか知らず、見ているのは綴りの近さで、意味ではない。一覧にない言い方をすれば外れる。このカタログに対して、関係のない英語の批評は0.00〜0.64(中央値0.21)、日本語は0.00〜0.50(中央値0.20)の点になり、攻撃力はこの偶然の水準からどれだけ上かで決まる。',
  explanation_en = 'Scoring cuts a critique into words (MeCab for Japanese), compares words by Jaro–Winkler and weighs rare words more. It knows only the synonyms of a small hand-written list (catalog_words); otherwise it judges spelling, not meaning, and a way of saying it that the list lacks misses. Against this catalog, unrelated English critiques score 0.00 to 0.64 (median 0.21) and unrelated Japanese ones 0.00 to 0.50 (median 0.20); the power is how far a score stands above that chance level.'
WHERE slug = 'jaro-winkler-for-sentences';
