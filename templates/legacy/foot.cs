<?cs # foot.cs — the legacy target's page bottom. ?></td></tr><tr><td class="footer">
<hr>Best viewed with Netscape Navigator 4.x at 800x600 / Powered by C + FastCGI + ClearSilver
</td></tr></table>
</body>
</html>
