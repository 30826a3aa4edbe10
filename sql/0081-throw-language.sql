-- 0081-throw-language.sql — a throw's language: the site language the critic
-- threw it in (ja or en), so the server answers in that language whoever
-- fetches the reply, and whenever. Throws from before had their reply in the
-- language of the critique's script; they are marked so.

SET NAMES utf8mb4;

ALTER TABLE throws ADD COLUMN lang CHAR(2) CHARACTER SET ascii NOT NULL DEFAULT 'ja' AFTER normalized;
UPDATE throws SET lang = IF(critique REGEXP '[ぁ-ヿ一-鿿]', 'ja', 'en');
