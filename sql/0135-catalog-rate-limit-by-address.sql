-- 0135-catalog-rate-limit-by-address.sql — the weakness catalog, kept honest:
-- an address no longer shares one 3-second slot. The per-ID interval stays,
-- and IDs no sign-in proved draw on a token bucket per client address, sized
-- for a venue behind one NAT; a proven ID does not draw on it. What is still
-- true of the weakness: the address is the key for everyone who has not
-- signed in, and the per-ID limit is dodged by claiming another ID. The slug
-- stays, since throws and the ranking refer to the row.

SET NAMES utf8mb4;

UPDATE weaknesses SET
  explanation_ja = 'まさかりは同じGitHub IDから3秒に1本まで。サインインで本人と証明されていないIDの分は、送り元のIPアドレス(IPv6は/64)ごとに、一度に100本、あとは1分に120本ずつ補充される予算を分け合う(throw_limits テーブル、Masakari.AddressThrowBurst と Masakari.AddressThrowsPerMinute)。会場のように大勢が1つのNATの内側にいれば、サインインしていない全員で1つの予算を使う。一方でIDは名乗るだけなので、IDごとの3秒は別のIDを名乗れば抜けられ、アドレスの予算が尽きるまで投げ続けられる。',
  explanation_en = 'A GitHub ID may throw once every 3 seconds. Throws by IDs no sign-in proved also draw on a budget per client address (an IPv6 address by its /64): 100 at once, refilled at 120 a minute (the throw_limits table, Masakari.AddressThrowBurst and Masakari.AddressThrowsPerMinute). A whole venue behind one NAT shares that one budget unless each person signs in, while the per-ID interval is dodged by claiming another ID at the entrance, since a claim proves nothing, until the address''s budget runs out.'
WHERE slug = 'rate-limit-per-ip';
