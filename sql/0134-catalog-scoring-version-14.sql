-- 0134-catalog-scoring-version-14.sql — the catalog's data for scoring
-- version 14 (lib/score.c): phrasings in a reviewer's words for what the
-- twelfth held-out set's aimed critiques said and the catalog had no words
-- for, and the person typed in as a subject of no authentication (who the
-- critic claims to be, not that nothing checks it). The rule itself, that a
-- word written as code names that code, is in the code (lib/tokenize.c,
-- lib/score.c). docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

-- The person a name stands for is who the critic is, as identity and
-- username are: "every person on screen" says no fault of sign-in.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-authentication');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'person');

-- No authentication's fault as reviewers put it: whoever types a name
-- first is that name.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-authentication');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '他人の名前を打てばその人になれて、本人かどうかは早い者勝ち'),
  (@w, 'en', 'type someone else''s name and you are them: identity is first come, first served');

-- The avatars: each browser asks GitHub for every face, and GitHub learns
-- who came.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'avatars-from-github');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '画面の顔ごとにブラウザがGitHubへ取りに行き、誰が来たかをGitHubが知る'),
  (@w, 'en', 'every browser pings GitHub for each face on screen, and GitHub learns who attended');

-- The queue asked several times a second, with nothing to wake it.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '仕事がなくても一秒に何度もSELECTし続け、仕事が来たら起こしてもらう仕組みがない'),
  (@w, 'en', 'several SELECTs a second, forever, instead of being woken up when there is work');

-- ClearSilver: nobody patches it any more.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'clearsilver-unmaintained');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '今どきClearSilverに誰がパッチを当てるのか'),
  (@w, 'en', 'who still patches ClearSilver these days');

-- No CDN: static files off one disk, fetched from across the planet.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-cdn');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '静的ファイルをオリジンのディスクから直接配り、地球の裏側からも毎回取りに来る'),
  (@w, 'en', 'static files come straight off the origin''s disk and cross the planet on every cold load');

-- Templates: read from the file and parsed again, the parsed result not kept.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'templates-parsed-per-request');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '開くたびにファイルから読んで解析し直し、パース済みの結果を持っておかない'),
  (@w, 'en', 'each view parses the file again from scratch instead of keeping the parsed result');

-- The load generator on its target's machine, over loopback.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'flooder-on-target-host');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '負荷生成側が攻撃先と同じマシンで動き、ループバック越しに叩いている'),
  (@w, 'en', 'the load generator runs on the machine it attacks and hits it over loopback');

-- String likeness judging sentences: a paraphrase misses.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'jaro-winkler-for-sentences');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '文の意味ではなく文字列の似かたで採点するので、言い換えた瞬間に外れる'),
  (@w, 'en', 'it scores how alike the strings look, not what the sentence means, so a paraphrase misses');
