// throw.js — /masakari/throws/<id>: while the attack is queued or running,
// polls /api/throws/<id> every second and shows the status, the requests sent
// and the current rate (numbers as the page's language writes them); when it
// ends, reloads once so the server draws the report. Meanwhile the target's
// HP bar follows /api/status every second (a fall shakes it and says how far
// it fell since the page opened), and the chart of the attack's window, drawn
// on the server, is fetched again every few seconds. While the server's reply
// has not come (it is fetched off the request path), the same poll shows it
// when it does: as text, never as markup.

import { domElement } from './dom.js';
import { statusWord, statusWordsRead } from './status-words.js';
import { textGet, textNumber } from './text.js';

const POLL_MS = 1000;
const CHART_MS = 5000;
const HIT_MS = 600;

const root = document.getElementById('throw');
const words = root ? statusWordsRead(root) : {};

function throwFinished(status) {
	return status === 'done' || status === 'failed';
}

function throwShow(t) {
	const status = document.getElementById('attack-status');

	root.dataset.status = t.status;
	status.textContent = statusWord(words, t.status);
	status.className = `status-${t.status}`;
	document.getElementById('attack-sent').textContent = textNumber(t.sent);
	document.getElementById('attack-progress').value = t.sent;
	document.getElementById('attack-rate').textContent = typeof t.rate === 'number' ? textNumber(t.rate, 1) : '–';
}

/* The reply in place of the "still thinking" line, quoted as the page quotes it. */
function throwShowReply(pending, reply) {
	const quote = domElement('blockquote', 'server-words');
	const line = domElement('p', '', textGet('Throw.Reply', reply));

	line.id = 'reply';
	quote.append(line);
	pending.replaceWith(quote);
}

/* Polls until nothing is left to wait for: the attack (when it was not over
 * as the page was drawn) and the reply (when it had not come). */
async function throwPoll(id, attackOver) {
	const pending = document.getElementById('reply-pending');

	try {
		const response = await fetch(`/api/throws/${encodeURIComponent(id)}`,
			{ cache: 'no-store', credentials: 'same-origin' });
		const t = response.ok ? await response.json() : null;
		if (t) {
			if (pending && typeof t.reply === 'string')
				throwShowReply(pending, t.reply);
			if (!attackOver) {
				throwShow(t);
				if (throwFinished(t.status)) {
					window.location.reload();
					return;
				}
			}
		}
	} catch {
		/* The next poll tries again. */
	}
	if (!attackOver || document.getElementById('reply-pending'))
		setTimeout(() => throwPoll(id, attackOver), POLL_MS);
}

/* The HP bar: the value, and the fall since the page opened. */
function hpShow(hp, first) {
	const meter = document.getElementById('hp-meter');
	const fall = document.getElementById('hp-fall');
	const before = Number(meter.value);

	meter.value = hp;
	document.getElementById('hp-value').textContent = textNumber(hp);
	if (hp < before) {
		meter.parentElement.classList.add('hp-hit');
		setTimeout(() => meter.parentElement.classList.remove('hp-hit'), HIT_MS);
	}
	if (first - hp > 0) {
		fall.textContent = fall.dataset.fallText.replace('{1}', textNumber(first - hp));
		fall.hidden = false;
	}
}

async function hpPoll(first) {
	if (!root.isConnected || throwFinished(root.dataset.status))
		return;
	try {
		const response = await fetch('/api/status', { cache: 'no-store' });
		const s = response.ok ? await response.json() : null;
		if (s && typeof s.cpuutilization === 'number')
			hpShow(Math.max(0, Math.round(100 - s.cpuutilization)), first);
	} catch {
		/* The next poll tries again. */
	}
	setTimeout(() => hpPoll(first), POLL_MS);
}

/* The chart of the attack's window, as the server draws it now. */
async function chartPoll() {
	if (throwFinished(root.dataset.status))
		return;
	try {
		const response = await fetch(window.location.pathname, { cache: 'no-store' });
		if (response.ok) {
			const page = new DOMParser().parseFromString(await response.text(), 'text/html');
			const fresh = page.querySelector('#throw-hp .hp-chart');
			const current = document.querySelector('#throw-hp .hp-chart');
			if (fresh && current)
				current.replaceWith(document.adoptNode(fresh));
			else if (fresh)
				document.getElementById('throw-hp').append(document.adoptNode(fresh));
		}
	} catch {
		/* The next poll tries again. */
	}
	setTimeout(chartPoll, CHART_MS);
}

if (root && (!throwFinished(root.dataset.status) || document.getElementById('reply-pending')))
	throwPoll(root.dataset.throwId, throwFinished(root.dataset.status));
if (root && !throwFinished(root.dataset.status)) {
	/* The fall is counted from what the page opened with (kept on the
	 * meter, so a reader can say from where). */
	const meter = document.getElementById('hp-meter');
	meter.dataset.first = meter.value;
	hpPoll(Number(meter.value));
	setTimeout(chartPoll, CHART_MS);
}
