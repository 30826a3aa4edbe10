// status-words.js — an attack's status (queued, running, done, failed) in the
// page's words. The words are written once, by templates/masakari/status.cs,
// which the throw page renders for every status into data-status-word-*
// attributes; the script only picks one, so the page and the script never
// disagree.

const STATUSES = ['queued', 'running', 'done', 'failed'];

/* The words element's data attributes carry, by status. */
export function statusWordsRead(element) {
	const words = {};

	for (const status of STATUSES) {
		const word = element.getAttribute(`data-status-word-${status}`);
		if (word)
			words[status] = word;
	}
	return words;
}

/* The word for status; the status itself when the page gave none for it. */
export function statusWord(words, status) {
	return Object.hasOwn(words, status) ? words[status] : String(status);
}
