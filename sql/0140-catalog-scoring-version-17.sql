-- 0140-catalog-scoring-version-17.sql — the subjects of two more weaknesses,
-- for scoring version 17 (lib/score.c). The sixteenth set's unrelated remarks
-- said a phrasing's fault while naming something else: a docs index page is
-- no index the scoring lacks, and error pages whose wording must be fixed in
-- two places are no wording that needs a migration to fix. docs/MASAKARI.md
-- has what each changed.

SET NAMES utf8mb4;

-- The scoring, not that something has no index: docs/ without an index page
-- names no scoring walking the catalog.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'brute-force-scoring');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'scoring'),
  (@w, 'score'),
  (@w, '採点');

-- The migrations the exhibits are written in, not that wording is fixed
-- by hand: static/errors/ja's pages written apart from lang/ja name no
-- migration.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'exhibits-in-sql-seeds');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'migration'),
  (@w, 'マイグレーション');
