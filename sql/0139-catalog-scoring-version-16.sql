-- 0139-catalog-scoring-version-16.sql — the subjects of two more weaknesses,
-- for scoring version 16 (lib/score.c). A runner-up whose fault a critique
-- does not say makes no hit a guess since version 16, so the rules that tell
-- a fault from its subject (versions 13 and 15) now decide more; the
-- fourteenth set's unrelated remarks said the words of a fault while naming
-- something else: a chart's "fixed 11px type" and a "font size" are no
-- fixed-size buffer, and lang/ja's wording "バラバラ" from sentence to
-- sentence is no cache kept per process. docs/MASAKARI.md has what each
-- changed.

SET NAMES utf8mb4;

-- The buffers, the arrays and the calls that fill them, not that something
-- has a fixed size: a font's size fixed in pixels names none of them.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hand-rolled-c-strings');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'buffer'),
  (@w, 'array'),
  (@w, 'snprintf'),
  (@w, 'バッファ'),
  (@w, '配列');

-- The exhibits' data, not that something is written into SQL by hand:
-- status strings spelt out in a query and in two templates are no content
-- kept in seeds (the exhibit itself is one of the game's nouns, version 12).
SET @w = (SELECT id FROM weaknesses WHERE slug = 'exhibits-in-sql-seeds');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'data'),
  (@w, 'データ');

-- The cache and the workers that each keep one, not that something differs
-- from one place to the next: lang/ja's wording "バラバラ" from sentence to
-- sentence is no cache kept per process.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'per-process-caches');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'cache'),
  (@w, 'worker'),
  (@w, 'process'),
  (@w, 'キャッシュ'),
  (@w, 'ワーカー'),
  (@w, 'プロセス');


-- The attack jobs and the queue they wait in, in place of a broker's, not
-- that something is kept in a table's rows: a CSV file with two tables and
-- two header rows names no queue.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'mysql-job-queue');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'job'),
  (@w, 'queue'),
  (@w, 'broker'),
  (@w, 'ジョブ'),
  (@w, 'キュー');
