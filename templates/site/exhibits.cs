<?cs # exhibits.cs — "/exhibits/": every exhibit. ?><?cs
set:Page.Title = Text.Site.Exhibits.Title ?><?cs include:"layout/head.cs" ?>
<h1><?cs var:Text.Site.Exhibits.Title ?></h1>
<p class="exhibit-sort"><?cs var:Text.Site.Exhibits.SortLabel ?>:
  <?cs if:Page.Sort == "likes" ?><a href="/exhibits/"><?cs var:Text.Site.Exhibits.SortHall ?></a> · <strong aria-current="page"><?cs var:Text.Site.Exhibits.SortLikes ?></strong><?cs
  else ?><strong aria-current="page"><?cs var:Text.Site.Exhibits.SortHall ?></strong> · <a href="/exhibits/?sort=likes"><?cs var:Text.Site.Exhibits.SortLikes ?></a><?cs /if ?></p>
<?cs include:"site/exhibit_cards.cs" ?>
<?cs include:"layout/foot.cs" ?>
