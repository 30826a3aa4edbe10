<?cs # foot.cs — the bottom of every page of the site. ?></main>
<footer class="site-footer">
  <p><?cs var:Text.Common.Footer ?></p>
</footer>
</body>
</html>
