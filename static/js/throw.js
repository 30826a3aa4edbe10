// throw.js — /masakari/throws/<id>: while the attack is queued or running,
// polls /api/throws/<id> every second and shows the status, the requests sent
// and the current rate; when it ends, reloads once so the server draws the report.
// While the server's reply has not come (it is fetched off the request path),
// the same poll puts it in when it does: as text, never as markup.

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

// Replaces "the server is thinking" with the reply; returns whether it is shown.
function throwShowReply(reply) {
	const pending = document.getElementById('reply-pending');

	if (!pending)
		return true;
	if (typeof reply !== 'string')
		return false;
	const quote = document.createElement('blockquote');
	const line = document.createElement('p');
	quote.className = 'server-words';
	line.id = 'reply';
	line.textContent = `「${reply}」`;
	quote.append(line);
	pending.replaceWith(quote);
	return true;
}

async function throwPoll(id, attackOver) {
	try {
		const response = await fetch(`/api/throws/${encodeURIComponent(id)}`,
			{ cache: 'no-store', credentials: 'same-origin' });
		const t = response.ok ? await response.json() : null;
		if (t) {
			const replied = throwShowReply(t.reply);
			if (!attackOver) {
				throwShow(t);
				if (throwFinished(t.status)) {
					window.location.reload();
					return;
				}
			} else if (replied) {
				return;
			}
		}
	} catch {
		/* The next poll tries again. */
	}
	setTimeout(() => throwPoll(id, attackOver), POLL_MS);
}

if (root && (!throwFinished(root.dataset.status) || document.getElementById('reply-pending')))
	throwPoll(root.dataset.throwId, throwFinished(root.dataset.status));
