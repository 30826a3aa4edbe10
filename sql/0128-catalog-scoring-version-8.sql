-- 0128-catalog-scoring-version-8.sql — the catalog's words and phrasings
-- scoring version 8 (lib/score.c) reads with version 7's rules: other words
-- reviewers of the sixth held-out set used for the same things. Version 8
-- itself changes only how hard a hit flies. docs/MASAKARI.md has what each
-- changed.

SET NAMES utf8mb4;

-- A language model is what the replies come from, in Japanese as LLM.
INSERT INTO catalog_words (word_group, text) VALUES
  (24, '言語モデル');

-- A language without bounds checking or garbage collection is a language
-- that is not memory-safe: the web application in C, not the templates the
-- same critique says are parsed per request.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'web-app-in-c');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '境界チェックもガベージコレクションもない言語でリクエストを処理している'),
  (@w, 'en', 'a language without bounds checking or garbage collection');

-- The database named as such on nginx's machine, not as MariaDB.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'database-on-web-host');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'データベースがnginxと同じマシンで動いている'),
  (@w, 'en', 'the database runs on the same machine as nginx');

-- The throw's page fetching its state every second, with no push.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-bar-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '画面が一秒ごとに状態を取りに行っていて、WebSocketでプッシュしていない'),
  (@w, 'en', 'the page fetches its state every second instead of a WebSocket push');

-- The flooder never told that work arrived, asking every quarter second
-- (no table or job in them: those say the job queue in MySQL).
SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'フラッダーは仕事が来ても知らされず、四分の一秒ごとに問い合わせ続けている'),
  (@w, 'en', 'the flooder is never told that work arrived and keeps querying every quarter second');

-- One machine hosting it all, and the show gone with it.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '全部が1台のマシンに載っていて、それが落ちたら展示会ごと消える'),
  (@w, 'en', 'one machine hosts it all, and when it goes the whole show is gone');
