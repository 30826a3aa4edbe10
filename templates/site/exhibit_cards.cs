<?cs # exhibit_cards.cs — the list of every exhibit, as linked cards. ?><ul class="exhibit-cards">
<?cs each:e = Exhibits ?>
  <li class="exhibit-card">
    <a href="/exhibits/<?cs var:url_escape(e.Slug) ?>">
      <img src="<?cs var:Site.Static ?>/<?cs var:e.Image ?>" alt="" width="320" height="200" loading="lazy">
      <span class="exhibit-title"><?cs var:e.Title ?></span>
    </a>
  </li>
<?cs /each ?>
</ul>
