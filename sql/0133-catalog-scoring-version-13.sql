-- 0133-catalog-scoring-version-13.sql — what each weakness is about, apart
-- from what is wrong with it, for scoring version 13 (lib/score.c): a hit
-- must say a weakness's fault, not only the words that name its subject.
-- A remark about commented-out code in the login handler says login, the
-- subject of no authentication, and nothing of its fault (no login at
-- all, anyone can claim any ID). Each row is a word (or words) of the
-- weakness's own phrasings, cut as a phrasing is; the loader refuses one
-- its phrasings do not have. A word not listed here counts as saying the
-- fault. docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

CREATE TABLE weakness_subject_words (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  weakness_id INT UNSIGNED NOT NULL,
  text        VARCHAR(100) NOT NULL,               -- words of its phrasings that name what it is about
  KEY weakness_subject_words_weakness (weakness_id, id),
  FOREIGN KEY (weakness_id) REFERENCES weaknesses (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- No authentication's fault in a reviewer's words: a name typed in is
-- believed, and nobody checks that the account is the critic's.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-authentication');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '打ち込まれたGitHubの名前を自己申告のまま信じて、アカウントの持ち主か誰も確かめない'),
  (@w, 'en', 'whatever GitHub name is typed in is believed; nobody checks that the account is yours');

-- Who the critic is: the login and the ID it would check, not that
-- nothing checks it.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-authentication');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'authentication'),
  (@w, 'GitHub'),
  (@w, 'ID'),
  (@w, 'cookie'),
  (@w, 'identity'),
  (@w, 'username'),
  (@w, 'Cookieに入れたID');

-- The templates and reading them, not that it happens per request.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'templates-parsed-per-request');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'template'),
  (@w, 'テンプレートファイルを読む'),
  (@w, 'read template file'),
  (@w, 'every');

-- The HP bar and the progress it shows, not that it is polled.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-bar-polling');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'HPバー'),
  (@w, 'HP bar'),
  (@w, 'progress'),
  (@w, 'status'),
  (@w, 'ステータス'),
  (@w, 'API'),
  (@w, '画面');

-- The database the flooder queries, not that it asks when there is nothing.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'database'),
  (@w, 'queries'),
  (@w, 'flooder'),
  (@w, 'フラッダー'),
  (@w, 'worker'),
  (@w, 'job'),
  (@w, 'ジョブ');

