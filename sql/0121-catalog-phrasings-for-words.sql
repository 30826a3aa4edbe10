-- 0121-catalog-phrasings-for-words.sql — phrasings written from the
-- explanations for what critics of bench/score/labelled-critiques.tsv said
-- and no phrasing did (a crash taking one machine down, a cache per process,
-- credentials written into a file as they are), now that scoring version 3
-- knows the catalog's words (sql/0120-catalog-words.sql).

SET NAMES utf8mb4;

SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'その1台が落ちれば全部止まる単一障害点'),
  (@w, 'en', 'a single point of failure: when that one machine dies, everything goes down');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'per-process-caches');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'プロセスごとに別々のキャッシュを持っている'),
  (@w, 'en', 'each process keeps its own cache');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'plaintext-db-password');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'データベースの認証情報が設定ファイルにそのまま書いてある'),
  (@w, 'en', 'the database credentials are written into a file as they are');
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'en', 'one crash or kernel panic and the whole site is gone');
