<?cs # exhibits.cs — "/exhibits/": every exhibit. ?><?cs
set:Page.Title = "作品一覧" ?><?cs include:"layout/head.cs" ?>
<h1>作品一覧</h1>
<?cs include:"site/exhibit_cards.cs" ?>
<?cs include:"layout/foot.cs" ?>
