-- 0091-catalog-first-claim-identity.sql — the no-authentication weakness as
-- it stands now that an ID is held by the browser that claimed it
-- (sql/0090-identities.sql, lib/identity.c): nobody can act under an ID
-- another browser holds, but nothing proves that the first to claim it is
-- its owner. Its phrasings stay: they are how a critic says it, and
-- they still hit it (anyone can still claim an ID nobody holds).

UPDATE weaknesses SET
  title_ja = '本人確認なし、早い者勝ちのID',
  title_en = 'No proof of identity: the first to claim an ID holds it',
  explanation_ja = 'GitHub ID は入口で最初に名乗ったブラウザのものになる(ランダムな秘密を HttpOnly の Cookie に入れ、SHA-256 だけを identities に保存する。lib/identity.c)。ほかのブラウザはそのIDで投げることもホールで動くこともできない。ただし本人かどうかは確かめないので、先に他人のIDを名乗った者が、保持期間(Identity.HoldDays)が切れるまでそのIDを握り続け、本人は使えない。',
  explanation_en = 'A GitHub ID belongs to the first browser that claims it at the entrance (a random secret in an HttpOnly cookie, only its SHA-256 stored in identities; lib/identity.c). No other browser can throw or move in the hall under it. But nothing proves the claim: whoever enters first with someone else''s ID holds it until the hold lapses (Identity.HoldDays), and its owner cannot use it meanwhile.'
WHERE slug = 'no-authentication';
