<?cs # hall.cs — "/" with an ID: the live exhibition hall. The list of exhibits
     is the page's content (and what works without JavaScript); static/js/hall.js
     builds the walkable hall on top of it from the data attributes below. ?><?cs
set:Page.Title = Text.Site.Hall.Title ?><?cs set:Page.BodyClass = "hall-page" ?><?cs
set:Page.Styles.0 = "hall.css" ?><?cs
set:Page.Modules.0 = "hall-avatar.js" ?><?cs set:Page.Modules.1 = "hall-chat.js" ?><?cs
set:Page.Modules.2 = "hall-connection.js" ?><?cs set:Page.Modules.3 = "hall-controls.js" ?><?cs
set:Page.Modules.4 = "hall-dialog.js" ?><?cs set:Page.Modules.5 = "identicon.js" ?><?cs
set:Page.Modules.6 = "text.js" ?><?cs set:Page.Modules.7 = "i18n-ja.js" ?><?cs
include:"site/exhibit_card.cs" ?><?cs include:"layout/head.cs" ?>
<section id="hall" class="hall" data-user="<?cs var:Page.GithubId ?>" data-static="<?cs var:Site.Static ?>">
  <div class="hall-welcome">
    <h1><?cs var:fill(Text.Site.Hall.Welcome, Page.GithubId) ?></h1>
    <p class="hall-actions"><a href="/?change=1"><?cs var:Text.Site.Hall.ChangeId ?></a> · <a href="/masakari"><?cs var:Text.Site.Hall.Throw ?></a> · <a href="#hall-directory"><?cs var:Text.Site.Hall.Directory ?></a></p>
  </div>
  <p class="hall-noscript"><?cs var:Text.Site.Hall.NoScript ?></p>
</section>
<section id="hall-directory" class="hall-directory">
  <h2><?cs var:Text.Site.Hall.Directory ?></h2>
  <p><?cs var:Text.Site.Hall.DirectoryLead ?></p>
  <ul class="exhibit-cards hall-exhibit-list">
<?cs each:e = Exhibits ?><?cs call:exhibit_card(e, 1) ?><?cs /each ?>
  </ul>
</section>
<?cs # The hall's modules, fetched together instead of one import level at a time. ?><?cs
each:m = Page.Modules ?><link rel="modulepreload" href="<?cs var:Site.Static ?>/js/<?cs var:m ?>">
<?cs /each ?><script type="module" src="<?cs var:Site.Static ?>/js/hall.js"></script>
<?cs include:"layout/foot.cs" ?>
