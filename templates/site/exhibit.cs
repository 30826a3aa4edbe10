<?cs # exhibit.cs — "/exhibits/<slug>": one work. Unknown facts are left out;
     each text is in the visitor's language where it exists, else in Japanese,
     marked so (layout/localized.cs). ?><?cs
set:Page.Title = Exhibit.Title ?><?cs set:Page.BodyClass = "exhibit-page" ?><?cs
include:"layout/localized.cs" ?><?cs include:"layout/head.cs" ?>
<article class="exhibit">
  <img class="exhibit-image" src="<?cs var:Site.Static ?>/<?cs var:Exhibit.Image ?>" alt="<?cs var:Exhibit.Title ?>" lang="<?cs var:Exhibit.TitleLang ?>" width="640" height="400">
  <h1 class="exhibit-heading" lang="<?cs var:Exhibit.TitleLang ?>"><?cs var:Exhibit.Title ?></h1>
  <?cs if:Exhibit.Summary ?><p class="exhibit-summary" lang="<?cs call:lang_of(Exhibit.Summary, Exhibit.SummaryEn) ?>"><?cs call:text_of(Exhibit.Summary, Exhibit.SummaryEn) ?></p><?cs /if ?>
  <?cs if:Exhibit.Description ?><div class="exhibit-description" lang="<?cs call:lang_of(Exhibit.Description, Exhibit.DescriptionEn) ?>"><p><?cs call:text_of(Exhibit.Description, Exhibit.DescriptionEn) ?></p></div><?cs /if ?>
  <?cs if:!Exhibit.Summary && !Exhibit.Description ?><p class="exhibit-unknown"><?cs var:Text.Site.Exhibit.Unknown ?></p><?cs /if ?>
  <dl class="exhibit-facts">
    <?cs if:Exhibit.Event ?><dt><?cs var:Text.Site.Exhibit.Event ?></dt><dd class="exhibit-event" lang="<?cs call:lang_of(Exhibit.Event, Exhibit.EventEn) ?>"><?cs call:text_of(Exhibit.Event, Exhibit.EventEn) ?></dd><?cs /if ?>
    <?cs if:Exhibit.Team ?><dt><?cs var:Text.Site.Exhibit.Team ?></dt><dd class="exhibit-team" lang="<?cs call:lang_of(Exhibit.Team, Exhibit.TeamEn) ?>"><?cs call:text_of(Exhibit.Team, Exhibit.TeamEn) ?></dd><?cs /if ?>
    <?cs if:subcount(Exhibit.Stack) > 0 ?><dt><?cs var:Text.Site.Exhibit.Stack ?></dt><dd><ul class="exhibit-stack"><?cs each:s = Exhibit.Stack ?><li lang="<?cs call:lang_of(s, s.En) ?>"><?cs call:text_of(s, s.En) ?></li><?cs /each ?></ul></dd><?cs /if ?>
    <?cs if:subcount(Exhibit.Links) > 0 ?><dt><?cs var:Text.Site.Exhibit.Links ?></dt><dd><ul class="exhibit-links"><?cs each:l = Exhibit.Links ?><li><a href="<?cs var:l.Url ?>" rel="noopener" lang="<?cs call:lang_of(l.Label, l.LabelEn) ?>"><?cs call:text_of(l.Label, l.LabelEn) ?></a></li><?cs /each ?></ul></dd><?cs /if ?>
  </dl>
  <p class="exhibit-go"><a class="button" href="/exhibits/<?cs var:url_escape(Exhibit.Slug) ?>/go"><?cs var:Text.Site.Exhibit.Go ?></a></p>
  <?cs # Likes and the guestbook (cgi-bin/site/likes.c, guestbook.c): part of
       the article, so the hall's exhibit dialog shows them too. ?>
  <section id="likes" class="exhibit-like-box" aria-labelledby="likes-heading">
    <h2 id="likes-heading"><?cs var:Text.Site.Exhibit.Likes ?></h2>
    <?cs if:?Exhibit.Likes ?><p class="like-count" data-likes="<?cs var:Exhibit.Likes ?>"><?cs var:fill(Text.Site.Exhibit.LikeCount, number(Exhibit.Likes)) ?></p><?cs /if ?>
    <?cs if:Page.GithubId ?>
    <?cs if:Exhibit.Liked ?><p class="like-mine"><?cs var:Text.Site.Exhibit.YouLike ?></p><?cs /if ?>
    <form method="post" action="/exhibits/<?cs var:url_escape(Exhibit.Slug) ?>/like" class="like-form">
      <input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>">
      <input type="hidden" name="action" value="<?cs if:Exhibit.Liked ?>undo<?cs else ?>like<?cs /if ?>">
      <button type="submit" class="like-button<?cs if:Exhibit.Liked ?> is-liked<?cs /if ?>"><?cs if:Exhibit.Liked ?><?cs var:Text.Site.Exhibit.Unlike ?><?cs else ?><?cs var:Text.Site.Exhibit.Like ?><?cs /if ?></button>
    </form>
    <?cs else ?><p class="like-needs-id"><?cs var:Text.Site.Exhibit.LikeNeedsId ?></p><?cs /if ?>
  </section>
  <section id="guestbook" class="guestbook" aria-labelledby="guestbook-heading">
    <h2 id="guestbook-heading"><?cs var:Text.Site.Guestbook.Title ?></h2>
    <p><?cs var:Text.Site.Guestbook.Lead ?></p>
    <?cs def:note_meta(n) ?><p class="note-meta"><?cs var:fill2(Text.Site.Guestbook.By, n.GithubId, datetime(n.At)) ?><?cs if:n.ByTeam == 1 ?> <span class="team-mark" title="<?cs var:Text.Site.Guestbook.TeamMarkTitle ?>"><?cs var:Text.Site.Guestbook.TeamMark ?></span><?cs /if ?></p><?cs /def ?>
    <?cs def:note_delete(n) ?><?cs if:Page.Operator ?><form method="post" action="/exhibits/<?cs var:url_escape(Exhibit.Slug) ?>/notes/<?cs var:n.Id ?>/delete" class="note-delete"><input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>"><button type="submit" aria-label="<?cs var:fill(Text.Site.Guestbook.DeleteLabel, n.GithubId) ?>"><?cs var:Text.Site.Guestbook.Delete ?></button></form><?cs /if ?><?cs /def ?>
    <?cs # A form that writes a note, or with reply_to an answer to note reply_to. ?><?cs
    def:note_form(class, field, rows, reply_to, label, submit) ?><form method="post" action="/exhibits/<?cs var:url_escape(Exhibit.Slug) ?>/notes" class="<?cs var:class ?>">
      <input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>"><?cs if:reply_to ?>
      <input type="hidden" name="reply_to" value="<?cs var:reply_to ?>"><?cs /if ?>
      <label for="<?cs var:field ?>"><?cs var:label ?></label>
      <textarea id="<?cs var:field ?>" name="body" rows="<?cs var:rows ?>" maxlength="500" required></textarea>
      <button type="submit"><?cs var:submit ?></button>
    </form><?cs /def ?><?cs if:Guestbook.Unavailable ?><p class="guestbook-unavailable"><?cs var:Text.Site.Guestbook.Unavailable ?></p>
    <?cs elif:subcount(Guestbook.Notes) == 0 ?><p class="guestbook-empty"><?cs var:Text.Site.Guestbook.None ?></p>
    <?cs else ?><ol class="guestbook-notes">
    <?cs each:n = Guestbook.Notes ?><li class="note<?cs if:n.ByTeam == 1 ?> by-team<?cs /if ?>" id="note-<?cs var:n.Id ?>">
      <?cs call:note_meta(n) ?>
      <p class="note-body"><?cs var:n.Body ?></p>
      <?cs call:note_delete(n) ?>
      <?cs if:subcount(n.Replies) > 0 ?><ol class="note-replies">
      <?cs each:r = n.Replies ?><li class="note note-reply<?cs if:r.ByTeam == 1 ?> by-team<?cs /if ?>" id="note-<?cs var:r.Id ?>"><?cs call:note_meta(r) ?><p class="note-body"><?cs var:r.Body ?></p><?cs call:note_delete(r) ?></li>
      <?cs /each ?></ol><?cs /if ?>
      <?cs if:Page.Team ?><?cs call:note_form("note-reply-form", "reply-" + n.Id, 2, n.Id, Text.Site.Guestbook.ReplyLabel, Text.Site.Guestbook.ReplySubmit) ?><?cs /if ?>
    </li>
    <?cs /each ?></ol><?cs /if ?>
    <?cs if:Page.GithubId ?><?cs call:note_form("note-form", "note-body", 4, "", Text.Site.Guestbook.Label, Text.Site.Guestbook.Submit) ?><?cs /if ?>
  </section>
</article>
<?cs include:"layout/foot.cs" ?>
