<?cs # head.cs — the top of every page of the site (not the legacy target). ?><!DOCTYPE html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Page.Title ?> — <?cs var:Site.Name ?></title>
<link rel="stylesheet" href="<?cs var:Site.Static ?>/css/site.css">
<?cs each:css = Page.Styles ?><link rel="stylesheet" href="<?cs var:Site.Static ?>/css/<?cs var:css ?>">
<?cs /each ?><link rel="icon" href="<?cs var:Site.Static ?>/img/favicon.svg" type="image/svg+xml">
<?cs if:Page.Refresh ?><noscript><meta http-equiv="refresh" content="<?cs var:Page.Refresh ?>"></noscript>
<?cs /if ?></head>
<body class="<?cs var:Page.BodyClass ?>">
<header class="site-header">
  <a class="brand" href="/">masakari exhibition</a>
  <nav aria-label="<?cs var:Text.Common.Nav.Label ?>">
    <a href="/"><?cs var:Text.Common.Nav.Hall ?></a>
    <a href="/exhibits/"><?cs var:Text.Common.Nav.Exhibits ?></a>
    <a href="/masakari"><?cs var:Text.Common.Nav.Masakari ?></a>
    <a href="/legacy/"><?cs var:Text.Common.Nav.Legacy ?></a>
  </nav>
  <?cs if:Page.GithubId ?><span class="whoami" title="<?cs var:Text.Common.SignedInAs ?>">@<?cs var:Page.GithubId ?><?cs if:Page.Operator ?> <a class="operator-badge" href="/operators" title="<?cs var:Text.Common.Moderation.OperatorTitle ?>"><?cs var:Text.Common.Moderation.Operator ?></a><?cs /if ?></span><?cs /if ?>
  <?cs include:"layout/lang_switch.cs" ?>
</header>
<main>
