// masakari.js — /masakari: keeps the HP bar current from /api/status every
// second, shows the "defeated" banner once when HP falls below 20, and throws
// the form with fetch so that an axe can fly at the framed target and crack
// it before the throw's own page opens. Without script the form posts as usual.
(function () {
  'use strict';

  var DEFEATED_BELOW = 20;
  var meter = document.getElementById('hp-meter');
  var value = document.getElementById('hp-value');
  var banner = document.getElementById('defeated');
  var bannerShown = false;

  function showHp(cpu) {
    var hp = Math.max(0, Math.min(100, Math.round(100 - cpu)));
    meter.value = hp;
    value.textContent = String(hp);
    if (hp < DEFEATED_BELOW && !bannerShown) {
      bannerShown = true;
      banner.hidden = false;
      setTimeout(function () { banner.hidden = true; }, 6000);
    }
  }

  function pollStatus() {
    fetch('/api/status', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s && typeof s.cpuutilization === 'number') showHp(s.cpuutilization);
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { setTimeout(pollStatus, 1000); });
  }

  var form = document.getElementById('throw-form');
  var button = document.getElementById('throw-button');
  var problem = document.getElementById('throw-problem');
  var frame = document.getElementById('target-frame');
  var LAND_MS = 2600;

  function land(then) {
    frame.classList.remove('hit');
    void frame.offsetWidth; // restart the animation when throws follow each other
    frame.classList.add('hit');
    setTimeout(then, LAND_MS);
  }

  // The server answers a refused throw with the form page again, the reason
  // in #throw-problem (or, for a stale form, an error page's .error-message).
  function showProblem(html, status) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var p = doc.getElementById('throw-problem') || doc.querySelector('.error-message');
    problem.textContent = p && p.textContent.trim() ? p.textContent.trim()
      : 'The throw failed (' + status + '). Please try again.';
    problem.hidden = false;
    var token = doc.querySelector('input[name="csrf_token"]');
    if (token) form.elements.csrf_token.value = token.value;
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    button.disabled = true;
    problem.hidden = true;
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
        land(function () { window.location.href = r.url; });
        return null;
      }
      return r.text().then(function (html) {
        showProblem(html, r.status);
        button.disabled = false;
      });
    }).catch(function () {
      // Let the browser post the form itself and show whatever comes back.
      form.submit();
    });
  });

  pollStatus();
})();
