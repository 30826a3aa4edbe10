<?cs # hall.cs — "/" with an ID: the live exhibition hall. The list of exhibits
     is the page's content (and what works without JavaScript); static/js/hall.js
     builds the walkable hall on top of it from the data attributes below:
     data-csrf is the token its reports (POST /report) and an operator's acts
     (POST /operators) send; data-operator marks an operator. ?><?cs
set:Page.Title = Text.Site.Hall.Title ?><?cs set:Page.BodyClass = "hall-page" ?><?cs
set:Page.Styles.0 = "hall.css" ?><?cs
include:"site/exhibit_card.cs" ?><?cs include:"layout/head.cs" ?>
<section id="hall" class="hall" data-user="<?cs var:Page.GithubId ?>" data-static="<?cs var:Site.Static ?>" data-csrf="<?cs var:Page.CsrfToken ?>"<?cs if:Page.Operator ?> data-operator="1"<?cs /if ?> data-video-max="<?cs var:Page.VideoMax ?>">
  <div class="hall-welcome">
    <h1><?cs var:fill(Text.Site.Hall.Welcome, Page.GithubId) ?><?cs if:Page.Verified ?> <span class="verified" title="<?cs var:Text.Site.Login.VerifiedTitle ?>"><?cs var:Text.Site.Login.Verified ?></span><?cs /if ?><?cs if:Page.Operator ?> <span class="operator-badge" title="<?cs var:Text.Common.Moderation.OperatorTitle ?>"><?cs var:Text.Common.Moderation.Operator ?></span><?cs /if ?></h1>
    <p class="hall-actions"><a href="/?change=1"><?cs var:Text.Site.Hall.ChangeId ?></a> · <a href="/masakari"><?cs var:Text.Site.Hall.Throw ?></a> · <a href="#hall-directory"><?cs var:Text.Site.Hall.Directory ?></a> · <a href="#hall-people"><?cs var:Text.Site.Hall.PeopleTitle ?></a><?cs if:Page.Operator ?> · <a href="/operators" id="hall-operators"><?cs var:Text.Site.Operators.Title ?></a><?cs /if ?></p>
    <?cs if:Page.Verified ?><form method="post" action="/logout" class="logout-form"><input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>"><button type="submit"><?cs var:Text.Site.Login.SignOut ?></button></form><?cs /if ?>
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
<?cs # Who is here and at which work, filled by static/js/hall-people.js: the
     map's news without the map. ?>
<section id="hall-people" class="hall-people-list" aria-labelledby="hall-people-heading">
  <h2 id="hall-people-heading"><?cs var:Text.Site.Hall.PeopleTitle ?></h2>
  <p><?cs var:Text.Site.Hall.PeopleLead ?></p>
  <ul id="hall-people-list"></ul>
</section>
<?cs # The hall's script and every module it imports (t4003 checks the list). ?><?cs
set:Page.Script = "hall.js" ?><?cs set:Page.Modules.0 = "dom.js" ?><?cs set:Page.Modules.1 = "hall-avatar.js" ?><?cs
set:Page.Modules.2 = "hall-board.js" ?><?cs set:Page.Modules.3 = "hall-camera.js" ?><?cs
set:Page.Modules.4 = "hall-chat.js" ?><?cs set:Page.Modules.5 = "hall-connection.js" ?><?cs
set:Page.Modules.6 = "hall-controls.js" ?><?cs set:Page.Modules.7 = "hall-dialog.js" ?><?cs
set:Page.Modules.8 = "hall-exhibits.js" ?><?cs set:Page.Modules.9 = "hall-modals.js" ?><?cs
set:Page.Modules.10 = "hall-moderation.js" ?><?cs set:Page.Modules.11 = "hall-movement.js" ?><?cs
set:Page.Modules.12 = "hall-people.js" ?><?cs set:Page.Modules.13 = "hall-protocol.js" ?><?cs
set:Page.Modules.14 = "hall-reactions.js" ?><?cs set:Page.Modules.15 = "hall-stage.js" ?><?cs
set:Page.Modules.16 = "identicon.js" ?><?cs set:Page.Modules.17 = "storage.js" ?><?cs
set:Page.Modules.18 = "text-catalog.js" ?><?cs set:Page.Modules.19 = "text.js" ?><?cs
set:Page.Modules.20 = "hall-call.js" ?><?cs
include:"layout/scripts.cs" ?><?cs include:"layout/foot.cs" ?>
