<?cs # head.cs — the legacy target's own, deliberately old-fashioned page top. ?><!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title><?cs var:Page.Title ?> - Legacy Service</title>
<link rel="stylesheet" href="<?cs var:Site.Static ?>/css/legacy.css">
</head>
<body>
<table class="frame" width="100%"><tr><td class="banner">
<span class="blink">★</span> レガシーなサービス <span class="blink">★</span>
</td></tr><tr><td class="nav">
[ <a href="/legacy/">トップ</a> | <a href="/legacy/random">ランダム</a> | <a href="/legacy/source">ソース</a> ]
</td></tr><tr><td class="content">
