<?cs # head.cs — the top of every page of the site (not the legacy target). ?><!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Page.Title ?> — <?cs var:Site.Name ?></title>
<link rel="stylesheet" href="<?cs var:Site.Static ?>/css/site.css">
<?cs each:css = Page.Styles ?><link rel="stylesheet" href="<?cs var:Site.Static ?>/css/<?cs var:css ?>">
<?cs /each ?><link rel="icon" href="<?cs var:Site.Static ?>/img/favicon.svg" type="image/svg+xml">
</head>
<body class="<?cs var:Page.BodyClass ?>">
<header class="site-header">
  <a class="brand" href="/">masakari exhibition</a>
  <nav>
    <a href="/">展示会場</a>
    <a href="/exhibits/">作品一覧</a>
    <a href="/masakari">まさかり</a>
    <a href="/legacy/">レガシー</a>
  </nav>
  <?cs if:Page.GithubId ?><span class="whoami">@<?cs var:Page.GithubId ?></span><?cs /if ?>
</header>
<main>
