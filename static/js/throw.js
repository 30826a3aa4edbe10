// throw.js — /masakari/throws/<id>: while the attack is queued or running,
// polls /api/throws/<id> every second and shows the status, the requests sent
// and the current rate (numbers as the page's language writes them); when it
// ends, reloads once so the server draws the report. While the server's reply
// has not come (it is fetched off the request path), the same poll shows it
// when it does: as text, never as markup.

import { domElement } from './dom.js';
import { statusWord, statusWordsRead } from './status-words.js';
import { textGet, textNumber } from './text.js';

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

if (root && (!throwFinished(root.dataset.status) || document.getElementById('reply-pending')))
	throwPoll(root.dataset.throwId, throwFinished(root.dataset.status));
