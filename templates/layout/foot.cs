<?cs # foot.cs — the bottom of every page of the site. ?></main>
<footer class="site-footer">
  <p>masakari exhibition — ハッカソンで暴れ回ったチームの展示会場。</p>
</footer>
</body>
</html>
