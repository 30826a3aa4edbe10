-- 0143-catalog-scoring-version-20.sql — one server for everything in the
-- words of the weakness's own explanation, for scoring version 20
-- (lib/score.c): reviewers list what runs on the one box, MariaDB among
-- it, and the database on the web host is then one case of it. With these
-- phrasings the list is a word of one server's too, and version 20's
-- runner-up rule reads the database as a part of it, not a second
-- weakness named. docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'en', 'nginx, the FastCGI programs, the hall daemon, the flooder and MariaDB all run on one box: a single point of failure'),
  (@w, 'ja', 'nginxもFastCGIもホールのデーモンもフラッダーもMariaDBも全部1台に同居していて、単一障害点になっている');
