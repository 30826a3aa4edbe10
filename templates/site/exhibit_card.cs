<?cs # exhibit_card.cs — one exhibit as a linked card, for the list of works
     (exhibit_cards.cs) and the hall's directory (hall.cs), which also gives
     static/js/hall.js the stand's place in the hall and its likes. ?><?cs
def:exhibit_card(e, in_hall) ?>
  <li class="exhibit-card"<?cs if:in_hall ?> data-slug="<?cs var:e.Slug ?>" data-hall-x="<?cs var:e.HallX ?>" data-hall-y="<?cs var:e.HallY ?>"<?cs /if ?>>
    <a href="/exhibits/<?cs var:url_escape(e.Slug) ?>">
      <img src="<?cs var:Site.Static ?>/<?cs var:e.Image ?>" alt="" width="320" height="200" loading="lazy">
      <span class="exhibit-title" lang="<?cs var:e.TitleLang ?>"><?cs var:e.Title ?></span>
    </a>
    <?cs if:?e.Likes ?><span class="exhibit-likes" data-likes="<?cs var:e.Likes ?>"><?cs var:fill(Text.Site.Exhibit.LikeCount, number(e.Likes)) ?></span><?cs /if ?>
  </li>
<?cs /def ?>
