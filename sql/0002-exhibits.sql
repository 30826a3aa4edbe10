-- 0002-exhibits.sql — the nine exhibits of the hall, with their stacks and links.
-- Facts come only from the sources listed in docs/EXHIBITS.md. Whatever is not
-- known stays NULL (or has no rows), and the exhibit page leaves it out.
-- The stands form a ring of radius 750 around the central plaza (1250,1250),
-- where visitors appear, in table order clockwise from the top.

SET NAMES utf8mb4;

INSERT INTO exhibits
  (slug, position, title, site_url, image, summary, description, event, team, hall_x, hall_y)
VALUES
  ('red', 1, 'RED', 'https://games.jyogi.net/', 'img/exhibits/red.svg',
   NULL, NULL, NULL, NULL, 1250, 500),

  ('deathma-tv', 2, 'デスマTV', 'https://viewer.deathmatv.online/', 'img/exhibits/deathma-tv.svg',
   NULL, NULL, NULL, NULL, 1732, 675),

  ('kisei', 3, '奇声', 'https://kisei.yukinissie.com/', 'img/exhibits/kisei.svg',
   'ブラウザで音声を録音・再生し、ゲージチャートを表示する React のフロントエンドと、AWS ECS 上のサーバー側からなる作品です(リポジトリから読み取れる内容です)。',
   '作品自身による説明はまだ見つかっていません。以下はリポジトリ Carriage-Horse-Technologies/giganoto-kisei から読み取れる内容です。フロントエンドは Create React App で作られた React 17 + TypeScript のアプリで、React-Bootstrap、Auth0、react-media-recorder、react-audio-player、react-gauge-chart を使い、ブラウザで音声を録音・再生してゲージチャートを表示します。サーバー側は AWS ECS 上で動く FastAPI のサービスで、インフラ(VPC、ALB、ECR、RDS)は Terraform で構築されています。',
   NULL, NULL, 1989, 1120),

  ('crowd4u', 4, 'Crowd4U', 'https://crowd4u.org/ja/', 'img/exhibits/crowd4u.svg',
   '大きな仕事を小さなタスクに分け、たくさんのボランティアが少しずつこなしていく、学術・公益プロジェクトのための非営利のマイクロボランティア/クラウドソーシング基盤です。',
   'ハッカソン作品ではなく、FusionCOMP プロジェクトと筑波大学の融合知能デザイン研究室が運営しているプラットフォームです。2009年11月に試作版(CyLog)が作られ、2011年11月から公開されています。図書館関連の作業や災害の被害評価などに使われ、タスクの実行回数は200万回を超えています(研究室ブログより)。宣言的な処理系 CyLog、MySQL ベースの MicroCyLog、AWS EC2 上のモノリシックな構成で動いており、古いバージョンとモノリスを動かし続けることが知られた課題です。後継の NextCrowd4U が開発中で、notch_man は2022年から開発に加わっています。論文: Morishima, Amer-Yahia, Basu Roy, AAAI HCOMP 2014。',
   NULL, 'FusionCOMP プロジェクト/融合知能デザイン研究室(筑波大学)', 1900, 1625),

  ('bears-sandbag', 5, 'Bears Sandbag', 'https://bears-sandbag.yukinissie.com/', 'img/exhibits/bears-sandbag.svg',
   NULL, NULL, NULL, NULL, 1507, 1955),

  ('watalk', 6, 'Wa:talk', 'https://watalk.yukinissie.com/', 'img/exhibits/watalk.svg',
   NULL, NULL, NULL, NULL, 993, 1955),

  ('meguru-cosmos', 7, 'Meguru Cosmos', 'https://lonely1.yukinissie.com/', 'img/exhibits/meguru-cosmos.svg',
   '何もない空間に浮かぶキューブ「Meguru Cube」がビッグバンを起こし、現代の技術を新しい宇宙に散りばめる 3D の Web 作品です。',
   '散らばる技術は AWS、Docker、Firebase、Rust など9つで、それぞれが公式ドキュメントと入門者向けのページにリンクしています。Three.js(OrbitControls、GLTFLoader)と Blender で作った glTF モデル、HTML/CSS/JavaScript で作られています。',
   'lonely hackathon #01', 'ニッシー☆(発表者)', 600, 1625),

  ('lab-blog', 8, '融合知能デザイン研究室 エンジニアブログ', 'https://crowd4u.github.io/', 'img/exhibits/lab-blog.svg',
   '「融合知能」(AI・人・ビッグデータ)を研究する融合知能デザイン研究室のエンジニアブログ(crowd4u tech blog)です。開発の中で学んだことを共有するために始まりました。',
   '研究室は2017年に設立されました。最初の記事は2022年11月28日の notch_man によるもので、ほかに eniehack、gild、23akei が書いています。Crowd4U を動かし続けること、NextCrowd4U、RDS の復旧、GitHub Actions によるデプロイなどの記事があり、研究室の開発が数年ごとに入れ替わるメンバーに支えられていることにも触れています。Hugo(PaperMod)、GitHub Pages、GitHub Actions で作られています。',
   NULL, '融合知能デザイン研究室(notch_man、eniehack、gild、23akei)', 511, 1120),

  ('masakari', 9, 'まさかり', 'https://masakari.yukinissie.com/', 'img/exhibits/masakari.svg',
   'レガシーなサービスの画面やコードを読んで鋭い指摘(まさかり)を投げるほど攻撃力が上がり、サーバーにダメージを与えられる新作です。オリジナル版と、それをひとつの C アプリケーションとして作り直したこの再構築版の両方を展示しています。',
   'オリジナル版は、チームの過去作品を展示する会場(Rust/WASM)と一緒に作られた新作です。指摘の鋭さはレガシーサービスの弱点とのジャロ・ウィンクラー類似度で測られ、攻撃力は最大で毎秒100リクエストになります。攻撃対象には 512 個の数をバブルソートする重いページがあり、サーバーは指摘に OpenAI のモデルで言葉を返します。構成は React 18 + TypeScript + Vite のフロントエンド、Go(WebSocket ハブ、ワーカー、OpenAI gpt-3.5-turbo)、Redis、Memcached(ElastiCache)、AWS ECS、RDS、Secrets Manager、Terraform、GitHub Actions で、攻撃対象のレガシーサービスは CentOS 7 の EC2 1台で動く PHP 7.4 + Smarty 3 でした。この再構築版は、全体をひとつのレガシー風 C アプリケーションとして作り直したものです。nginx の背後で ClearSilver テンプレートを描画する FastCGI プログラム、MariaDB、libwebsockets による展示会場デーモン、cron で動く C 製の攻撃プログラム(libcurl)からなり、JSON は jansson で扱います。攻撃対象のレガシーページもこのアプリケーション自身の中にあり、チームは自分自身にまさかりを投げます。',
   'アロカップ(ハックツハッカソン)', 'notch_man、ニッシー☆、田中', 768, 675);

-- Tech stacks. RED, デスマTV, Bears Sandbag and Wa:talk have none on record.

INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 1, 'React 17' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 2, 'TypeScript' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 3, 'Create React App' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 4, 'React-Bootstrap' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 5, 'Auth0' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 6, 'react-media-recorder' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 7, 'react-audio-player' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 8, 'react-gauge-chart' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 9, 'FastAPI' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 10, 'AWS ECS' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 11, 'Terraform (VPC, ALB, ECR, RDS)' FROM exhibits WHERE slug = 'kisei';

INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 1, 'CyLog(宣言的処理系)' FROM exhibits WHERE slug = 'crowd4u';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 2, 'MicroCyLog(MySQL ベース)' FROM exhibits WHERE slug = 'crowd4u';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 3, 'AWS EC2(モノリシック構成)' FROM exhibits WHERE slug = 'crowd4u';

INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 1, 'Three.js' FROM exhibits WHERE slug = 'meguru-cosmos';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 2, 'OrbitControls' FROM exhibits WHERE slug = 'meguru-cosmos';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 3, 'GLTFLoader' FROM exhibits WHERE slug = 'meguru-cosmos';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 4, 'Blender(glTF モデル)' FROM exhibits WHERE slug = 'meguru-cosmos';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 5, 'HTML / CSS / JavaScript' FROM exhibits WHERE slug = 'meguru-cosmos';

INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 1, 'Hugo' FROM exhibits WHERE slug = 'lab-blog';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 2, 'PaperMod' FROM exhibits WHERE slug = 'lab-blog';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 3, 'GitHub Pages' FROM exhibits WHERE slug = 'lab-blog';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 4, 'GitHub Actions' FROM exhibits WHERE slug = 'lab-blog';

-- まさかり: the original build first, then this C rebuild.
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 1, 'React 18(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 2, 'TypeScript(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 3, 'Vite(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 4, 'Go(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 5, 'OpenAI gpt-3.5-turbo(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 6, 'Redis(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 7, 'Memcached / ElastiCache(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 8, 'AWS ECS(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 9, 'RDS(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 10, 'Secrets Manager(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 11, 'Terraform(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 12, 'GitHub Actions(オリジナル)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 13, 'PHP 7.4 + Smarty 3 / CentOS 7 EC2(オリジナルの攻撃対象)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 14, 'C / FastCGI(この再構築版)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 15, 'ClearSilver(この再構築版)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 16, 'nginx(この再構築版)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 17, 'MariaDB(この再構築版)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 18, 'libwebsockets(この再構築版)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 19, 'libcurl / cron(この再構築版)' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_stack (exhibit_id, position, name) SELECT id, 20, 'jansson(この再構築版)' FROM exhibits WHERE slug = 'masakari';

-- Links: the project page first, then the repositories and sources the facts come from.

INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 1, 'プロジェクトページ', 'https://topaz.dev/projects/0bdca801952a9a59bba7' FROM exhibits WHERE slug = 'red';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 1, 'プロジェクトページ', 'https://topaz.dev/projects/50a804868af6407eb504' FROM exhibits WHERE slug = 'deathma-tv';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 1, 'プロジェクトページ', 'https://topaz.dev/projects/4f42624a1a4028f63363' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 2, 'リポジトリ(giganoto-kisei)', 'https://github.com/Carriage-Horse-Technologies/giganoto-kisei' FROM exhibits WHERE slug = 'kisei';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 1, 'プロジェクトページ', 'https://crowd4u.org/ja/' FROM exhibits WHERE slug = 'crowd4u';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 2, 'About Crowd4U', 'https://crowd4u.org/en/about' FROM exhibits WHERE slug = 'crowd4u';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 3, '研究室ブログの記事(2022-11-30)', 'https://crowd4u.github.io/posts/2022-11-30-intro/' FROM exhibits WHERE slug = 'crowd4u';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 1, 'プロジェクトページ', 'https://topaz.dev/projects/207c286d525ad968e969' FROM exhibits WHERE slug = 'bears-sandbag';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 1, 'プロジェクトページ', 'https://topaz.dev/projects/b319ba459e32910d7015' FROM exhibits WHERE slug = 'watalk';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 1, 'プロジェクトページ', 'https://topaz.dev/projects/d41a0662268f7a1aca4a' FROM exhibits WHERE slug = 'meguru-cosmos';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 2, 'リポジトリ(lonely-hackathon-01)', 'https://github.com/yukinissie/lonely-hackathon-01' FROM exhibits WHERE slug = 'meguru-cosmos';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 1, 'プロジェクトページ', 'https://crowd4u.github.io/' FROM exhibits WHERE slug = 'lab-blog';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 1, 'プロジェクトページ', 'https://topaz.dev/projects/3cb8f7e2be54f7083f99' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 2, 'オリジナル版のリポジトリ一覧', 'https://github.com/orgs/Carriage-Horse-Technologies/repositories' FROM exhibits WHERE slug = 'masakari';
INSERT INTO exhibit_links (exhibit_id, position, label, url) SELECT id, 3, '展示会場アプリのリポジトリ(allo)', 'https://github.com/Carriage-Horse-Technologies/allo' FROM exhibits WHERE slug = 'masakari';
