// throw.js — /masakari/throws/<id>: while the attack is queued or running,
// polls /api/throws/<id> every second and shows the requests sent, the total
// and the current rate; when it ends, reloads once so the server draws the report.
(function () {
  'use strict';

  var root = document.getElementById('throw');
  var status = root.getAttribute('data-status');
  var id = root.getAttribute('data-throw-id');
  var NAMES = { queued: '待機中', running: '攻撃中', done: '完了', failed: '失敗' };

  if (status === 'done' || status === 'failed') return;

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

  function poll() {
    fetch('/api/throws/' + encodeURIComponent(id), { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (t) {
        if (!t) return false;
        show(t);
        if (t.status === 'done' || t.status === 'failed') {
          window.location.reload();
          return true;
        }
        return false;
      })
      .catch(function () { return false; })
      .then(function (finished) { if (!finished) setTimeout(poll, 1000); });
  }

  poll();
})();
