-- 0133-catalog-scoring-version-13.sql — what each weakness is about, apart
-- from what is wrong with it, for scoring version 13 (lib/score.c): a hit
-- must say a weakness's fault, not only the words that name its subject.
-- A remark about commented-out code in the login handler says login, the
-- subject of no authentication, and nothing of its fault (no login at
-- all, anyone can claim any ID). Each row is a word (or words) of the
-- weakness's own phrasings, cut as a phrasing is; the loader refuses one
-- its phrasings do not have. A word not listed here counts as saying the
-- fault. docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

CREATE TABLE weakness_subject_words (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  weakness_id INT UNSIGNED NOT NULL,
  text        VARCHAR(100) NOT NULL,               -- words of its phrasings that name what it is about
  KEY weakness_subject_words_weakness (weakness_id, id),
  FOREIGN KEY (weakness_id) REFERENCES weaknesses (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- No authentication's fault in a reviewer's words: a name typed in is
-- believed, and nobody checks that the account is the critic's.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-authentication');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '打ち込まれたGitHubの名前を自己申告のまま信じて、アカウントの持ち主か誰も確かめない'),
  (@w, 'en', 'whatever GitHub name is typed in is believed; nobody checks that the account is yours');

-- Who the critic is: the login and the ID it would check, not that
-- nothing checks it.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-authentication');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'authentication'),
  (@w, 'GitHub'),
  (@w, 'ID'),
  (@w, 'cookie'),
  (@w, 'identity'),
  (@w, 'username'),
  (@w, 'Cookieに入れたID');

-- The templates and reading them, not that it happens per request.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'templates-parsed-per-request');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'template'),
  (@w, 'テンプレートファイルを読む'),
  (@w, 'read template file'),
  (@w, 'every');

-- The HP bar and the progress it shows, not that it is polled.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-bar-polling');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'HPバー'),
  (@w, 'HP bar'),
  (@w, 'progress'),
  (@w, 'status'),
  (@w, 'ステータス'),
  (@w, 'API'),
  (@w, '画面');

-- The database the flooder queries, not that it asks when there is nothing.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'database'),
  (@w, 'queries'),
  (@w, 'flooder'),
  (@w, 'フラッダー'),
  (@w, 'worker'),
  (@w, 'job'),
  (@w, 'ジョブ');

-- Phrasings in a reviewer's words, for what the eleventh set's aimed
-- critiques said and the catalog had no words for.

-- The bubble sort, as a swap sort run on every access and thrown away.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'bubble-sort-in-request');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'アクセスのたびに配列を交換ソートで並べ直しては結果を捨てている'),
  (@w, 'en', 'every hit shuffles an array and exchange-sorts it, then throws the result away');

-- Each worker's own copy, refreshed on its own clock.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'per-process-caches');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ワーカーごとに自前でメモリに抱えて、それぞれが勝手に読み直している'),
  (@w, 'en', 'each worker holds its own copy in memory and reloads it on its own timer');

-- The page fetching the status every second.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-bar-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '攻撃中ずっと /api/status を毎秒フェッチしている'),
  (@w, 'en', 'fetches /api/status every second for the whole attack');

-- The faces fetched by each browser, telling GitHub who visits.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'avatars-from-github');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '来場者のブラウザがGitHubから直接アバターを取りに行き、IPが第三者に漏れる'),
  (@w, 'en', 'every visitor''s browser fetches the avatars from GitHub, leaking their IP to a third party');

-- Phrasings in a reviewer's words, for what the tenth set's aimed
-- critiques said and the catalog had no words for.

-- The catalog as a snapshot kept for the worker's life.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'catalog-loaded-once');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ワーカーは弱点のスナップショットを生きている間ずっと使い、リロードもTTLもない'),
  (@w, 'en', 'the worker keeps a snapshot of the weaknesses for its whole life, with no reload and no TTL');

-- A template's tree built again from the disk each time a page opens.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'templates-parsed-per-request');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '開くたびに .cs をディスクから読んで構文木を組み立て直している'),
  (@w, 'en', 'each time a page opens the .cs files are read from disk and their syntax tree built again');

-- Lines on standard error, with no fields to search by.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'logs-on-stderr');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '標準エラーに垂れ流すだけで、フィールドに分かれていないので絞り込めない'),
  (@w, 'en', 'lines dumped on stderr with no fields, so nothing can filter them');

-- The subjects of other weaknesses whose words a remark about something
-- else uses as readily: ClearSilver, not that it is unmaintained; halld and
-- its WebSocket, not that there is one; the database, not that it shares
-- the web's host; HP, not that it is the host's CPU; the avatars, not that
-- the browser fetches them from GitHub; the catalog, not that it is read
-- once; the rate limit, not that it counts by IP. (Not HTTPS nor a CDN:
-- their Japanese phrasings are the word and ない, and "HTTPSになっていない"
-- marks なる, not HTTPS, as missing, so the subject said as missing would
-- go unseen.)
SET @w = (SELECT id FROM weaknesses WHERE slug = 'clearsilver-unmaintained');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'ClearSilver');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-websocket-daemon');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'halld'),
  (@w, 'WebSocket');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'database-on-web-host');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'database');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-is-host-cpu');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'HP');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'avatars-from-github');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'avatar');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'catalog-loaded-once');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'catalog');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'rate-limit-per-ip');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'rate limit');
