<?cs # exhibits.cs — "/exhibits/": every exhibit. ?><?cs
set:Page.Title = Text.Site.Exhibits.Title ?><?cs include:"layout/head.cs" ?>
<h1><?cs var:Text.Site.Exhibits.Title ?></h1>
<?cs include:"site/exhibit_cards.cs" ?>
<?cs include:"layout/foot.cs" ?>
