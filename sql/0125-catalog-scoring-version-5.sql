-- 0125-catalog-scoring-version-5.sql — the catalog's words and phrasings that
-- scoring version 5 (lib/score.c) needs to tell weaknesses apart by what a
-- critique is about rather than by generic words two of them share:
-- "co-located" (colocated, as it joins) is 同居, a pre-forked worker is
-- forked (フォーク), a dead library is unmaintained, the target has its
-- Japanese names, once a minute is 毎分, and to wake a process is to start it.
-- New phrasings are said in the weaknesses' explanations. docs/MASAKARI.md
-- has what each changed, and what was tried and left out.

SET NAMES utf8mb4;

INSERT INTO catalog_words (word_group, text) VALUES
  (31, '同居'),
  (31, 'colocated'),
  (32, 'prefork'),
  (32, 'fork'),
  (32, 'プリフォーク'),
  (32, 'フォーク'),
  (26, 'dead'),
  (33, 'target'),
  (33, 'ターゲット'),
  (33, '攻撃先'),
  (33, '攻撃対象'),
  (33, '標的'),
  (34, '毎分'),
  (34, '1分ごと'),
  (34, '一分ごと'),
  (35, '起動'),
  (35, '起こす');

-- The CGI-era process model forks its workers at start-up (its explanation
-- says so): 起動時 is its word as much as the catalog's, which is read once
-- at start-up.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'cgi-era-process-model');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '起動時に決まった数のワーカーをフォークする'),
  (@w, 'en', 'forks a fixed number of workers at start-up');

-- The flooder polls for new jobs: the English phrasing had no Japanese twin.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ワーカーが新しいジョブを求めてデータベースをポーリングしている');

-- One server, as its explanation says it: every part on the one machine.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'nginxもデーモンもデータベースも1台のマシンに載っている'),
  (@w, 'en', 'nginx, the daemons and the database all on one machine');
