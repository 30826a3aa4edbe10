-- 0092-catalog-sign-in.sql — the no-authentication weakness once "Sign in
-- with GitHub" exists (cgi-bin/site/login.c): where an OAuth app is
-- configured, signing in proves an ID and takes it back from whoever held
-- it; where none is (the default, and make run), nothing proves the first
-- claim. The weakness stays, narrowed to what is still true.

UPDATE weaknesses SET
  title_ja = '本人確認は任意、早い者勝ちのID',
  title_en = 'Proof of identity is optional: the first to claim an ID holds it',
  explanation_ja = 'GitHub ID は入口で最初に名乗ったブラウザのものになる(ランダムな秘密を HttpOnly の Cookie に入れ、SHA-256 だけを identities に保存する。lib/identity.c)。ほかのブラウザはそのIDで投げることもホールで動くこともできない。GitHub の OAuth アプリが設定されていれば「GitHub でサインイン」が本人だと証明し、IDを取り戻して認証済みの印を付ける。けれども設定は任意で(既定と make run では無し)、サインインしない限り本人かどうかは確かめない。先に他人のIDを名乗った者は、本人がサインインするか保持期間(Identity.HoldDays)が切れるまでそのIDを握り続ける。',
  explanation_en = 'A GitHub ID belongs to the first browser that claims it at the entrance (a random secret in an HttpOnly cookie, only its SHA-256 stored in identities; lib/identity.c). No other browser can throw or move in the hall under it. Where a GitHub OAuth app is configured, "Sign in with GitHub" proves the ID, takes it back and marks it verified; but that is optional (none by default, nor in make run), and short of a sign-in nothing proves the claim: whoever enters first with someone else''s ID holds it until its owner signs in or the hold lapses (Identity.HoldDays).'
WHERE slug = 'no-authentication';
