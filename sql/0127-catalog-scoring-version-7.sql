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
