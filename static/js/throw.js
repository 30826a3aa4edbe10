// throw.js — /masakari/throws/<id>: while the attack is queued or running,
// polls /api/throws/<id> every second and shows the requests sent, the total
// and the current rate; when it ends, reloads once so the server draws the report.
// While the server's reply has not come (it is fetched off the request path),
// the same poll shows it when it does: as text, never as markup.
(function () {
  'use strict';

  var root = document.getElementById('throw');
  var status = root.getAttribute('data-status');
  var id = root.getAttribute('data-throw-id');
  var NAMES = { queued: '待機中', running: '攻撃中', done: '完了', failed: '失敗' };
  var attackOver = status === 'done' || status === 'failed';
  var replyPending = document.getElementById('reply-pending');

  if (attackOver && !replyPending) return;

  var statusEl = document.getElementById('attack-status');
  var sent = document.getElementById('attack-sent');
  var rate = document.getElementById('attack-rate');
  var progress = document.getElementById('attack-progress');

  function show(t) {
    statusEl.textContent = NAMES[t.status] || t.status;
    statusEl.className = 'status-' + t.status;
    sent.textContent = String(t.sent);
    progress.value = t.sent;
    rate.textContent = typeof t.rate === 'number' ? t.rate.toFixed(1) : '–';
  }

  function showReply(reply) {
    var quote = document.createElement('blockquote');
    var line = document.createElement('p');
    quote.className = 'server-words';
    line.id = 'reply';
    line.textContent = '「' + reply + '」';
    quote.appendChild(line);
    replyPending.parentNode.replaceChild(quote, replyPending);
    replyPending = null;
  }

  function poll() {
    fetch('/api/throws/' + encodeURIComponent(id), { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (t) {
        if (!t) return false;
        if (replyPending && typeof t.reply === 'string') showReply(t.reply);
        if (!attackOver) {
          show(t);
          if (t.status === 'done' || t.status === 'failed') {
            window.location.reload();
            return true;
          }
        }
        return attackOver && !replyPending;
      })
      .catch(function () { return false; })
      .then(function (finished) { if (!finished) setTimeout(poll, 1000); });
  }

  poll();
})();
