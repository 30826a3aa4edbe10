-- 0023-catalog-progress-polling.sql — the weakness catalog, kept honest: the
-- HP bar on /masakari now follows the hall daemon's masakari room and polls
-- /api/status only while the daemon cannot be reached, so the weakness added
-- as "the HP bar polls every second" is reworded to what still polls. The slug
-- stays, since throws and rankings refer to the row.

SET NAMES utf8mb4;

UPDATE weaknesses SET
  title_ja = '進み具合はポーリングで追う',
  title_en = 'Progress followed by polling',
  explanation_ja = 'まさかりのページは攻撃の間、毎秒 /api/throws/<id> を呼んで進み具合を追う(static/js/throw.js)。/masakari のHPバーも、ホールのデーモンに届かないあいだは毎秒 /api/status を呼ぶ(static/js/masakari.js)。攻撃を見守る人が100人いれば、毎秒100リクエストが api.fcgi の2つのワーカーに届く。',
  explanation_en = 'A throw''s page calls /api/throws/<id> once a second while its attack runs (static/js/throw.js), and the HP bar on /masakari calls /api/status once a second whenever the hall daemon cannot be reached (static/js/masakari.js). A hundred people watching an attack make a hundred requests a second to the two api.fcgi workers.'
WHERE slug = 'hp-bar-polling';
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-bar-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '攻撃の進み具合を毎秒ポーリング'),
  (@w, 'ja', 'プッシュせずにAPIを毎秒叩く'),
  (@w, 'en', 'the throw page polls every second'),
  (@w, 'en', 'progress is polled instead of pushed');
