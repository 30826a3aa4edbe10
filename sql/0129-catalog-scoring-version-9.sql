-- 0129-catalog-scoring-version-9.sql — the catalog's words and phrasings
-- scoring version 9 (lib/score.c) reads: terms of more than one word that
-- reviewers use for the catalog's own (standard error, exchange sort), and
-- their other ways of saying the weaknesses the seventh held-out set's
-- critiques missed. Version 9 itself adds that two words of everyday prose
-- name no weakness. docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

-- Two words that are one term: standard error is stderr, the exchange sort
-- is the bubble sort; a computer is a host, and memcached a cache.
INSERT INTO catalog_words (word_group, text) VALUES
  (3, 'standard error'),
  (39, 'exchange sort'),
  (1, 'computer'),
  (19, 'memcached');

-- spawn-fcgi's fixed handful of forked processes, one connection each.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'cgi-era-process-model');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'spawn-fcgiが起動時に決まった数のプロセスを作り、それぞれが一本の接続を終わるまで抱える'),
  (@w, 'en', 'spawn-fcgi forks a fixed handful of processes, each stuck with one connection until it finishes');

-- Each process with its own private copy on its own clock, nothing shared.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'per-process-caches');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'プロセスがそれぞれ自分だけのコピーを持って別々に読み直し、共有のキャッシュがない'),
  (@w, 'en', 'each process keeps its own private copy refreshed on its own clock, with no shared cache like memcached');

-- The visitor's browser fetching the faces straight from GitHub.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'avatars-from-github');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '来場者のブラウザが顔の画像をGitHubから直接取ってくる'),
  (@w, 'en', 'the visitor''s browser pulls every face picture straight from GitHub');

-- The flooder asking again and again with nothing to do, never told.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'フラッダーは仕事がなくても何ミリ秒かおきにデータベースへ聞き続け、知らせてもらう仕組みがない'),
  (@w, 'en', 'the flooder keeps asking the database for work on a timer, with nothing to tell it a job arrived');

-- One computer and no standby: the whole show on one host.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'マシンが一台きりで、待機系がどこにもない'),
  (@w, 'en', 'exactly one computer runs everything, with no standby anywhere');
