// throw.js — /masakari/throws/<id>: while the attack is queued or running,
// polls /api/throws/<id> every second and shows the status, the requests sent
// and the current rate; when it ends, reloads once so the server draws the report.

import { statusWord, statusWordsRead } from './status-words.js';

const POLL_MS = 1000;

const root = document.getElementById('throw');
const words = root ? statusWordsRead(root) : {};

function throwFinished(status) {
	return status === 'done' || status === 'failed';
}

function throwShow(t) {
	const status = document.getElementById('attack-status');

	status.textContent = statusWord(words, t.status);
	status.className = `status-${t.status}`;
	document.getElementById('attack-sent').textContent = String(t.sent);
	document.getElementById('attack-progress').value = t.sent;
	document.getElementById('attack-rate').textContent = typeof t.rate === 'number' ? t.rate.toFixed(1) : '–';
}

async function throwPoll(id) {
	try {
		const response = await fetch(`/api/throws/${encodeURIComponent(id)}`,
			{ cache: 'no-store', credentials: 'same-origin' });
		const t = response.ok ? await response.json() : null;
		if (t) {
			throwShow(t);
			if (throwFinished(t.status)) {
				window.location.reload();
				return;
			}
		}
	} catch {
		/* The next poll tries again. */
	}
	setTimeout(() => throwPoll(id), POLL_MS);
}

if (root && !throwFinished(root.dataset.status))
	throwPoll(root.dataset.throwId);
