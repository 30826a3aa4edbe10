-- 0146-catalog-scoring-version-22.sql — the catalog's words and phrasings
-- for scoring version 22 (lib/score.c): 冗長構成 is one term, the
-- redundancy a single server lacks (MeCab cuts it into 冗長 and 構成, and
-- 構成 alone, "configuration", named one server for everything in "a
-- comment on why nginx.conf.in is configured so" next to any ない); and
-- the missing sign-in as reviewers say it of an account nobody proves is
-- theirs. docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

INSERT INTO catalog_words (word_group, text) VALUES
  (23, '冗長構成');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-authentication');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'en', 'nothing proves you own the account you claim'),
  (@w, 'ja', '名乗ったアカウントが本人のものだと何も証明しない');
