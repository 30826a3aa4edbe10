// masakari.js — /masakari, live: the HP bar follows the hall daemon's masakari
// room (ACTION_SEND_STATUS every second) and falls back to polling /api/status
// every second while the daemon cannot be reached; every throw that lands
// (ACTION_RECV_MASAKARI) sends an axe at the framed target and cracks it; the
// "defeated" banner shows once when HP falls below 20; and the form is thrown
// with fetch, so that the critic's own axe flies before the throw's page
// opens. Without script the form posts as usual and the page shows the HP it
// was drawn with.
(function () {
  'use strict';

  var DEFEATED_BELOW = 20;
  var PUSH_FRESH_MS = 2000;      // a status push older than this: poll instead
  var RECONNECT_FIRST_MS = 1000;
  var RECONNECT_MAX_MS = 15000;
  var LAND_MS = 2600;            // the axe's flight and the first of the cracks

  var meter = document.getElementById('hp-meter');
  var value = document.getElementById('hp-value');
  var banner = document.getElementById('defeated');
  var landed = document.getElementById('landed');
  var form = document.getElementById('throw-form');
  var button = document.getElementById('throw-button');
  var problem = document.getElementById('throw-problem');
  var frame = document.getElementById('target-frame');
  var bannerShown = false;
  var lastPush = 0;
  var ownThrowInFlight = false;

  function showHp(cpu) {
    if (typeof cpu !== 'number') return;
    var hp = Math.max(0, Math.min(100, Math.round(100 - cpu)));
    meter.value = hp;
    value.textContent = String(hp);
    if (hp < DEFEATED_BELOW && !bannerShown) {
      bannerShown = true;
      banner.hidden = false;
      setTimeout(function () { banner.hidden = true; }, 6000);
    }
  }

  // Once a second: nothing to do while the room pushes the status, else ask.
  function pollStatus() {
    if (Date.now() - lastPush < PUSH_FRESH_MS) {
      setTimeout(pollStatus, 1000);
      return;
    }
    fetch('/api/status', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) { if (s) showHp(s.cpuutilization); })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { setTimeout(pollStatus, 1000); });
  }

  // The axe and the cracks on the framed target.
  function hitFrame() {
    frame.classList.remove('hit');
    void frame.offsetWidth; // restart the animation when throws follow each other
    frame.classList.add('hit');
  }

  function announce(t) {
    var what = t.weakness ? (t.weakness.title_ja || t.weakness.slug) + ' に命中' : '外れ';
    landed.textContent = '@' + t.github_id + ' のまさかり: ' + what + '、威力 ' + t.power;
    landed.hidden = false;
  }

  // The hall daemon's masakari room, reconnecting with a growing delay.
  function listen(delay) {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket;

    try {
      socket = new WebSocket(scheme + location.host + '/ws', 'masakari');
    } catch (e) {
      setTimeout(function () { listen(Math.min(delay * 2, RECONNECT_MAX_MS)); }, delay);
      return;
    }
    socket.addEventListener('open', function () {
      delay = RECONNECT_FIRST_MS;
      socket.send(JSON.stringify({ action: 'SUBSCRIBE', room: 'masakari' }));
    });
    socket.addEventListener('message', function (event) {
      var m;
      try { m = JSON.parse(event.data); } catch (e) { return; }
      if (!m || typeof m !== 'object') return;
      if (m.action === 'ACTION_SEND_STATUS' && m.status) {
        lastPush = Date.now();
        showHp(m.status.cpuutilization);
      } else if (m.action === 'ACTION_RECV_MASAKARI' && typeof m.github_id === 'string') {
        // The critic's own throw is shown by the form's own flight below.
        if (ownThrowInFlight &&
            m.github_id.toLowerCase() === form.elements.github_id.value.trim().toLowerCase()) return;
        hitFrame();
        announce(m);
      }
    });
    socket.addEventListener('close', function () {
      lastPush = 0;
      setTimeout(function () { listen(Math.min(delay * 2, RECONNECT_MAX_MS)); }, delay);
    });
  }

  // The server answers a refused throw with the form page again, the reason
  // in #throw-problem (or, for a stale form, an error page's .error-message).
  // Its text is copied, and its one link (to the critic's earlier throw of a
  // repeated critique) rebuilt, so nothing of the answer's markup is taken.
  function showProblem(html, status) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var p = doc.getElementById('throw-problem') || doc.querySelector('.error-message');
    if (!p || !p.textContent.trim()) {
      problem.textContent = 'The throw failed (' + status + '). Please try again.';
    } else {
      problem.textContent = '';
      p.childNodes.forEach(function (n) {
        if (n.nodeName === 'A') {
          var link = problem.appendChild(document.createElement('a'));
          link.href = n.getAttribute('href');
          link.textContent = n.textContent;
        } else {
          problem.appendChild(document.createTextNode(n.textContent));
        }
      });
    }
    problem.hidden = false;
    var token = doc.querySelector('input[name="csrf_token"]');
    if (token) form.elements.csrf_token.value = token.value;
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    button.disabled = true;
    problem.hidden = true;
    ownThrowInFlight = true;
    fetch(form.action, {
      method: 'POST',
      // As a form posts it: ClearSilver's cgi kit reads a body only when the
      // type is exactly this, without the "; charset=UTF-8" fetch would add.
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString(),
      credentials: 'same-origin',
      redirect: 'follow'
    }).then(function (r) {
      if (r.ok && r.redirected) {
        hitFrame();
        setTimeout(function () { window.location.href = r.url; }, LAND_MS);
        return null;
      }
      return r.text().then(function (html) {
        ownThrowInFlight = false;
        showProblem(html, r.status);
        button.disabled = false;
      });
    }).catch(function () {
      // Let the browser post the form itself and show whatever comes back.
      form.submit();
    });
  });

  listen(RECONNECT_FIRST_MS);
  pollStatus();
})();
