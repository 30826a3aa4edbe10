<?cs # exhibit.cs — "/exhibits/<slug>": one work. Unknown facts are left out. ?><?cs
set:Page.Title = Exhibit.Title ?><?cs set:Page.BodyClass = "exhibit-page" ?><?cs
include:"layout/head.cs" ?>
<article class="exhibit">
  <img class="exhibit-image" src="<?cs var:Site.Static ?>/<?cs var:Exhibit.Image ?>" alt="<?cs var:Exhibit.Title ?>" width="640" height="400">
  <h1 class="exhibit-heading"><?cs var:Exhibit.Title ?></h1>
  <?cs if:Exhibit.Summary ?><p class="exhibit-summary"><?cs var:Exhibit.Summary ?></p><?cs /if ?>
  <?cs if:Exhibit.Description ?><div class="exhibit-description"><p><?cs var:Exhibit.Description ?></p></div><?cs /if ?>
  <?cs if:!Exhibit.Summary && !Exhibit.Description ?><p class="exhibit-unknown">この作品の紹介はまだありません。</p><?cs /if ?>
  <dl class="exhibit-facts">
    <?cs if:Exhibit.Event ?><dt>イベント</dt><dd><?cs var:Exhibit.Event ?></dd><?cs /if ?>
    <?cs if:Exhibit.Team ?><dt>チーム</dt><dd><?cs var:Exhibit.Team ?></dd><?cs /if ?>
    <?cs if:subcount(Exhibit.Stack) > 0 ?><dt>技術スタック</dt><dd><ul class="exhibit-stack"><?cs each:s = Exhibit.Stack ?><li><?cs var:s ?></li><?cs /each ?></ul></dd><?cs /if ?>
    <?cs if:subcount(Exhibit.Links) > 0 ?><dt>リンク</dt><dd><ul class="exhibit-links"><?cs each:l = Exhibit.Links ?><li><a href="<?cs var:l.Url ?>" rel="noopener"><?cs var:l.Label ?></a></li><?cs /each ?></ul></dd><?cs /if ?>
  </dl>
  <p class="exhibit-go"><a class="button" href="/exhibits/<?cs var:url_escape(Exhibit.Slug) ?>/go">サイトへ行く</a></p>
</article>
<?cs include:"layout/foot.cs" ?>
