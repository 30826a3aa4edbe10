-- 0149-catalog-scoring-version-28.sql — the catalog's words and phrasings
-- for scoring version 28 (lib/score.c): once is 一度, 一回 or 1回 (MeCab
-- cuts 1回 into 1 and 回); and the catalog read once as reviewers say it of
-- a cache: kept from its first read with no invalidation, an update of the
-- database not reflected (反映されない) until a restart. docs/MASAKARI.md
-- has what each changed.

SET NAMES utf8mb4;

INSERT INTO catalog_words (word_group, text) VALUES
  (80, '一度'),
  (80, '一回'),
  (80, '1回');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'catalog-loaded-once');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'en', 'the catalog is cached from its first read with no invalidation, so an update in the database shows only after a restart'),
  (@w, 'ja', 'カタログは最初に一度読んだキャッシュのまま無効化されず、DBを更新しても再起動するまで反映されない');
