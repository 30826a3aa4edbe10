-- 0132-catalog-scoring-version-12.sql — the catalog's words and phrasings
-- scoring version 12 (lib/score.c) reads: more of the words reviewers use
-- for how the scorer searches (an index, a linear scan), how a process is
-- started again, how templates are compiled and parsed, and the tools that
-- gather logs, several per thing in both languages, not only the words
-- one set of critiques happened to use. Version 12 itself no longer counts
-- the game's own nouns (throw, masakari, page, まさかり) among the two words
-- a hit needs. docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

-- Words for things the catalog already has a group for.

-- Reading a template, as the tree it builds.
INSERT INTO catalog_words (word_group, text) VALUES
  (59, 'syntax tree'),
  (59, 'parse tree'),
  (59, '構文木');

-- Logs gathered and searched in one place, as the tools are called.
INSERT INTO catalog_words (word_group, text) VALUES
  (68, 'elasticsearch'),
  (68, 'splunk'),
  (68, 'graylog'),
  (68, 'datadog');

-- Groups of their own: an index to look things up by; a scan that visits
-- everything; starting a process again; compiling once ahead of use.
INSERT INTO catalog_words (word_group, text) VALUES
  (72, 'index'),
  (72, 'inverted index'),
  (72, 'インデックス'),
  (72, '索引'),
  (72, '転置インデックス'),
  (73, 'linear scan'),
  (73, 'full scan'),
  (73, 'brute force'),
  (73, 'exhaustive search'),
  (73, '総当たり'),
  (73, '全件スキャン'),
  (73, '全探索'),
  (73, '線形探索'),
  (73, '全件'),
  (75, 'restart'),
  (75, 'bounce'),
  (75, '立ち上げ直す'),
  (76, 'compile'),
  (76, 'precompile'),
  (76, 'コンパイル'),
  (76, 'プリコンパイル');

-- The scorer walks every phrasing, as reviewers say it.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'brute-force-scoring');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'カタログの言い回しを毎回全件スキャンで比較していて、インデックスがないので弱点が増えるほど遅くなる'),
  (@w, 'en', 'every throw scans the whole catalog linearly with no index, so scoring slows down as weaknesses are added');

-- The catalog kept for a worker's life.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'catalog-loaded-once');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ワーカーは弱点の一覧を一度読んだら持ちっぱなしで、新しい弱点はプロセスを再起動するまで見えない'),
  (@w, 'en', 'the weaknesses are read once per worker and kept for its whole life; a new one shows only after a restart');

-- Templates parsed again instead of compiled once.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'templates-parsed-per-request');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '開くたびにテンプレートを読み直して構文解析し、一度コンパイルしたものを持っておかない'),
  (@w, 'en', 'templates are parsed again on every view instead of compiled once at startup');

-- Left out because they cost right or unrelated critiques on the eleven
-- sets: compare, 比べる, 比較 and 照合 as one group, and structured
-- logging, 構造化ログ as one (either made "テストが落ちたときに…比較した2つの
-- 値" an unrelated hit of the avatars), ログ基盤 and ログ管理 (compounds of
-- the everyday ログ), 再起動 (MeCab cuts it into 再 and the catalog's 起動),
-- and phrasings of the logs on stderr in a reviewer's words.
