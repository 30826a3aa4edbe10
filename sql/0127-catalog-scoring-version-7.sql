-- 0127-catalog-scoring-version-7.sql — what scoring version 7 (lib/score.c)
-- needs of the catalog: which weaknesses are that something is there (a
-- plain-text password, one event loop, a bubble sort) rather than that
-- something is missing (no HTTPS, no threads, no authentication). A critique
-- that says a word is missing ("no password", "パスワードがない") is
-- evidence of a weakness of the second kind, never of the first.
-- docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

ALTER TABLE weaknesses ADD COLUMN about_presence TINYINT(1) NOT NULL DEFAULT 0 AFTER explanation_en;

UPDATE weaknesses SET about_presence = 1 WHERE slug = 'bubble-sort-in-request';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'hand-rolled-c-strings';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'database-on-web-host';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'hp-is-host-cpu';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'target-is-the-app-itself';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'flooder-on-target-host';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'exhibits-in-sql-seeds';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'single-websocket-daemon';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'plaintext-db-password';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'jaro-winkler-for-sentences';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'avatars-from-github';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'replies-from-external-llm';
UPDATE weaknesses SET about_presence = 1 WHERE slug = 'rate-limit-per-ip';

-- Other words reviewers use for the same things: a failover or a spare box
-- is redundancy.
INSERT INTO catalog_words (word_group, text) VALUES
  (23, 'failover'),
  (23, 'フェイルオーバー'),
  (23, '予備機');

-- Phrasings that say what the weaknesses' explanations say, in the words the
-- fifth held-out set's reviewers used for them.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'web-app-in-c');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'メモリ安全な言語なら、この種類のバグはまとめて起こりえない'),
  (@w, 'en', 'a memory-safe language would rule out a whole class of these bugs');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-is-host-cpu');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ダメージの表示はマシン全体のCPU負荷にすぎない'),
  (@w, 'en', 'the damage meter is only the overall CPU load of the box');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'flooder-on-target-host');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '洪水のようなリクエストを、受ける側のサーバー自身が作り出している'),
  (@w, 'en', 'the flood is generated on the very server being flooded');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'replies-from-external-llm');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '言い返しの文句は外部のチャット補完サービスが作っている'),
  (@w, 'en', 'the comebacks come from an outside chat completion service');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-authentication');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '誰でも任意のGitHubのユーザー名を名乗れば、その人になれる'),
  (@w, 'en', 'type any GitHub username and you are that person');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '0.25秒ごとに仕事がないか覗きに行くループが回り続ける'),
  (@w, 'en', 'a loop that checks for work every 0.25 seconds');
