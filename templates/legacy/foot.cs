<?cs # foot.cs — the legacy target's page bottom. ?></td></tr><tr><td class="footer">
<hr><?cs var:Text.Legacy.Footer ?>
</td></tr></table>
</body>
</html>
