-- 0141-catalog-scoring-version-18.sql — phrasings in a reviewer's words for
-- scoring version 18 (lib/score.c), from the seventeenth and eighteenth
-- sets' misses: the rate limit as it is since sql/0135 (a bucket per
-- address for IDs no sign-in proved, a 3-second interval per ID), a
-- matching on spelling that misses a synonym, and the target that shares
-- the exhibition's host in a Japanese reviewer's words. docs/MASAKARI.md has
-- what each changed.

SET NAMES utf8mb4;

-- The limit's own names: a limiter, a token bucket, a budget are what a
-- reviewer calls it, and they name what it is about, not its fault (the
-- address it is keyed on, the NAT everyone shares).
INSERT INTO catalog_words (word_group, text) VALUES
  (78, 'throttling'),
  (78, 'rate limit'),
  (78, 'rate limiter'),
  (78, 'limiter'),
  (78, 'token bucket'),
  (78, 'スロットリング'),
  (78, 'レート制限'),
  (78, '流量制限');

-- A string similarity is one term, as 文字列類似度 is: a critique that says
-- a help string means something says no similarity.
INSERT INTO catalog_words (word_group, text) VALUES
  (55, 'string similarity'),
  (55, 'string distance'),
  (55, 'string metric');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'rate-limit-per-ip');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'en', 'throws by IDs no sign-in proved draw on one bucket per client address, so everyone behind a NAT drains the same budget'),
  (@w, 'en', 'the throw limit is keyed on the client address'),
  (@w, 'ja', 'サインインで証明されていないIDの投擲は送信元アドレスごとの一つの枠を食い合い、NATの後ろの全員で同じ予算を使い切る'),
  (@w, 'ja', '投擲の制限がクライアントのIPアドレス単位');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'bucket'),
  (@w, 'budget'),
  (@w, '枠'),
  (@w, '予算');

-- Matching by spelling, not by meaning.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'jaro-winkler-for-sentences');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'en', 'a critique is matched by how its words are spelled, not by what it means: say it with a synonym the list lacks and it misses'),
  (@w, 'ja', '批評を単語の綴りが似ているかで照合していて、意味は見ていない。手作りの同義語リストにない言い換えをすると外れる');

-- The target that slows the exhibition it shares a host with.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'target-is-the-app-itself');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '攻撃対象が展示と同じホストで動いていて、本気で投げるほど展示そのものが遅くなる。自分で自分を殴っているようなもの');
