<?cs # exhibit_cards.cs — the list of every exhibit, as linked cards. ?><?cs
include:"site/exhibit_card.cs" ?><ul class="exhibit-cards">
<?cs each:e = Exhibits ?><?cs call:exhibit_card(e, 0) ?><?cs /each ?>
</ul>
