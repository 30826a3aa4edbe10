<?cs # head.cs — the legacy target's own, deliberately old-fashioned page top. ?><!DOCTYPE html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<title><?cs var:Page.Title ?> - <?cs var:Text.Legacy.SiteName ?></title>
<link rel="stylesheet" href="<?cs var:Site.Static ?>/css/legacy.css">
</head>
<body>
<table class="frame" width="100%"><tr><td class="banner">
<span class="blink">★</span> <?cs var:Text.Legacy.Banner ?> <span class="blink">★</span>
</td></tr><tr><td class="nav">
[ <a href="/legacy/"><?cs var:Text.Legacy.Nav.Top ?></a> | <a href="/legacy/random"><?cs var:Text.Legacy.Nav.Random ?></a> | <a href="/legacy/source"><?cs var:Text.Legacy.Nav.Source ?></a> ] <?cs include:"layout/lang_switch.cs" ?>
</td></tr><tr><td class="content">
