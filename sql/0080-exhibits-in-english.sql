-- 0080-exhibits-in-english.sql — the exhibits' texts in English, beside the
-- Japanese of 0002. The same facts from the same sources (docs/EXHIBITS.md),
-- nothing added: what is unknown in Japanese stays NULL in English too, and a
-- page shows the Japanese, marked lang="ja", wherever no English exists
-- (the name of まさかり's event, for one, which has no English name on record).

SET NAMES utf8mb4;

ALTER TABLE exhibits
  ADD COLUMN summary_en     TEXT         NULL AFTER description,
  ADD COLUMN description_en TEXT         NULL AFTER summary_en,
  ADD COLUMN event_en       VARCHAR(200) NULL AFTER event,
  ADD COLUMN team_en        VARCHAR(500) NULL AFTER team;
ALTER TABLE exhibit_stack ADD COLUMN name_en VARCHAR(200) NULL AFTER name;
ALTER TABLE exhibit_links ADD COLUMN label_en VARCHAR(200) NULL AFTER label;

UPDATE exhibits SET
  summary_en = 'A React front end that records and plays back audio in the browser and shows a gauge chart, with its server side on AWS ECS (as read from its repository).',
  description_en = 'No description by the work itself has been found yet. What follows is read from its repository, Carriage-Horse-Technologies/giganoto-kisei. The front end is a React 17 + TypeScript app made with Create React App, using React-Bootstrap, Auth0, react-media-recorder, react-audio-player and react-gauge-chart to record and play back audio in the browser and show a gauge chart. The server side is a FastAPI service running on AWS ECS, with its infrastructure (VPC, ALB, ECR, RDS) built with Terraform.'
WHERE slug = 'kisei';

UPDATE exhibits SET
  summary_en = 'A non-profit micro-volunteering and crowdsourcing platform for academic and public-interest projects: it splits large jobs into small tasks that many volunteers finish a little at a time.',
  description_en = 'Not a hackathon work: a platform run by the FusionCOMP project and the Fusion Intelligence Design Lab (融合知能デザイン研究室) at the University of Tsukuba. Its prototype (CyLog) was built in November 2009, and it has been public since November 2011. It has been used for library-related work and for assessing disaster damage, with over two million task executions (according to the lab blog). It runs on the CyLog declarative processor, the MySQL-based MicroCyLog and a monolithic setup on AWS EC2; keeping old versions and the monolith running is its known burden. Its successor, NextCrowd4U, is in development, and notch_man joined its development in 2022. Paper: Morishima, Amer-Yahia, Basu Roy, AAAI HCOMP 2014.',
  team_en = 'The FusionCOMP project / Fusion Intelligence Design Lab (University of Tsukuba)'
WHERE slug = 'crowd4u';

UPDATE exhibits SET
  summary_en = 'A 3D web piece: a cube, the "Meguru Cube", floats in empty space and sets off a big bang that scatters modern technologies across a new universe.',
  description_en = 'Nine technologies are scattered, AWS, Docker, Firebase and Rust among them, each linked to its official documentation and to a page for beginners. It is made with Three.js (OrbitControls, GLTFLoader), a glTF model made in Blender, and HTML/CSS/JavaScript.',
  event_en = 'lonely hackathon #01',
  team_en = 'ニッシー☆ (presenter)'
WHERE slug = 'meguru-cosmos';

UPDATE exhibits SET
  summary_en = 'The engineering blog (crowd4u tech blog) of the Fusion Intelligence Design Lab, which studies "fusion intelligence" (AI, people and big data). It was started to share what the lab learns while developing.',
  description_en = 'The lab was founded in 2017. The first post, on 28 November 2022, is by notch_man; eniehack, gild and 23akei write there too. Its posts cover keeping Crowd4U alive, NextCrowd4U, recovering an RDS database and deploying with GitHub Actions, and note that the lab''s development depends on members who change every few years. It is made with Hugo (PaperMod), GitHub Pages and GitHub Actions.',
  team_en = 'Fusion Intelligence Design Lab (notch_man, eniehack, gild, 23akei)'
WHERE slug = 'lab-blog';

UPDATE exhibits SET
  summary_en = 'The new work: read a legacy service''s pages and code and throw sharp critiques (masakari, "axes") at it; the sharper the critique, the stronger the attack that damages the server. Both the original and this rebuild of it as one C application are on show.',
  description_en = 'The original was a new work built together with a hall that shows the team''s past works (Rust/WASM). A critique''s sharpness is its Jaro–Winkler similarity to the legacy service''s weaknesses, and the attack reaches up to 100 requests per second. The target has a heavy page that bubble-sorts 512 numbers, and the server answers each critique through an OpenAI model. The original was built with a React 18 + TypeScript + Vite front end, Go (a WebSocket hub, a worker, OpenAI gpt-3.5-turbo), Redis, Memcached (ElastiCache), AWS ECS, RDS, Secrets Manager, Terraform and GitHub Actions; its legacy target was PHP 7.4 + Smarty 3 on one CentOS 7 EC2 instance. This rebuild remakes the whole as one legacy-style C application: FastCGI programs behind nginx that render ClearSilver templates, MariaDB, a hall daemon built on libwebsockets and a C attack program (libcurl) run by cron, with JSON handled by jansson. The legacy pages it attacks live inside the application itself, so the team throws masakari at itself.',
  team_en = 'notch_man, ニッシー☆, 田中'
WHERE slug = 'masakari';

UPDATE exhibit_stack s JOIN exhibits e ON e.id = s.exhibit_id SET s.name_en = CASE s.name
  WHEN 'CyLog(宣言的処理系)' THEN 'CyLog (declarative processor)'
  WHEN 'MicroCyLog(MySQL ベース)' THEN 'MicroCyLog (MySQL-based)'
  WHEN 'AWS EC2(モノリシック構成)' THEN 'AWS EC2 (monolithic setup)'
  WHEN 'Blender(glTF モデル)' THEN 'Blender (glTF model)'
  ELSE s.name_en END
WHERE e.slug IN ('crowd4u', 'meguru-cosmos');

-- まさかり's stack says which build each part belongs to.
UPDATE exhibit_stack s JOIN exhibits e ON e.id = s.exhibit_id SET s.name_en =
  REPLACE(REPLACE(REPLACE(s.name, '(オリジナルの攻撃対象)', ' (original target)'),
                  '(オリジナル)', ' (original)'), '(この再構築版)', ' (this rebuild)')
WHERE e.slug = 'masakari';

UPDATE exhibit_links l JOIN exhibits e ON e.id = l.exhibit_id SET l.label_en = CASE l.label
  WHEN 'プロジェクトページ' THEN 'Project page'
  WHEN 'リポジトリ(giganoto-kisei)' THEN 'Repository (giganoto-kisei)'
  WHEN 'About Crowd4U' THEN 'About Crowd4U'
  WHEN '研究室ブログの記事(2022-11-30)' THEN 'Lab blog post (2022-11-30)'
  WHEN 'リポジトリ(lonely-hackathon-01)' THEN 'Repository (lonely-hackathon-01)'
  WHEN 'オリジナル版のリポジトリ一覧' THEN 'Repositories of the original'
  WHEN '展示会場アプリのリポジトリ(allo)' THEN 'Repository of the hall app (allo)'
  ELSE l.label_en END;

-- Names that are written in Latin letters already read the same in English.
UPDATE exhibit_stack SET name_en = name WHERE name_en IS NULL AND name REGEXP '^[ -~]+$';
UPDATE exhibit_links SET label_en = label WHERE label_en IS NULL AND label REGEXP '^[ -~]+$';
