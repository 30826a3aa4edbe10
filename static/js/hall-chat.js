// hall-chat.js — the chat box at the bottom of the hall and the log of what
// was said (the daemon replays the last 50 messages on every join).

import { textGet, textTime } from './text.js';

const LOG_SIZE = 50;
const MESSAGE_MAX = 200;

/* The daemon's "at": seconds or milliseconds since the epoch, or an ISO
 * 8601 string. Returns milliseconds, or NaN when it is none of these. */
export function chatTime(at) {
	if (typeof at === 'number')
		return at < 1e12 ? at * 1000 : at;
	if (typeof at === 'string')
		return /^\d+(\.\d+)?$/.test(at) ? chatTime(Number(at)) : Date.parse(at);
	return NaN;
}

export class HallChat {
	/* send(message) delivers a message and returns whether it went out. */
	constructor(parent, send) {
		this.send = send;
		this.seen = new Set();

		this.element = document.createElement('section');
		this.element.className = 'hall-chat';
		this.element.setAttribute('aria-label', textGet('Hall.Chat.Label'));

		this.log = document.createElement('ol');
		this.log.className = 'hall-chat-log';
		this.log.id = 'hall-chat-log';
		this.log.setAttribute('aria-label', textGet('Hall.Chat.Log'));
		this.log.setAttribute('aria-live', 'polite');
		this.log.hidden = true;

		this.form = document.createElement('form');
		this.form.className = 'hall-chat-form';
		this.input = document.createElement('input');
		this.input.type = 'text';
		this.input.name = 'message';
		this.input.maxLength = MESSAGE_MAX;
		this.input.autocomplete = 'off';
		this.input.enterKeyHint = 'send';
		this.input.placeholder = textGet('Hall.Chat.Placeholder');
		this.input.setAttribute('aria-label', textGet('Hall.Chat.Label'));
		const submit = document.createElement('button');
		submit.type = 'submit';
		submit.textContent = textGet('Hall.Chat.Send');
		this.toggle = document.createElement('button');
		this.toggle.type = 'button';
		this.toggle.className = 'hall-chat-toggle';
		this.toggle.textContent = textGet('Hall.Chat.ShowLog');
		this.toggle.setAttribute('aria-controls', this.log.id);
		this.toggle.setAttribute('aria-expanded', 'false');
		this.toggle.addEventListener('click', () => this.showLog(this.log.hidden));
		this.problem = document.createElement('p');
		this.problem.className = 'hall-chat-problem';
		this.problem.setAttribute('role', 'alert');
		this.problem.hidden = true;

		this.form.append(this.input, submit, this.toggle);
		this.element.append(this.log, this.problem, this.form);
		parent.append(this.element);

		this.form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.submit();
		});
		this.input.addEventListener('keydown', (event) => {
			/* Esc hands the keys back to walking. */
			if (event.key === 'Escape')
				this.input.blur();
		});
		this.input.addEventListener('input', () => this.setProblem(''));
	}

	submit() {
		/* A pasted tab is a control character, which the daemon refuses. */
		const message = this.input.value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();

		if (!message)
			return;
		if ([...message].length > MESSAGE_MAX) {
			this.setProblem(textGet('Hall.Chat.TooLong'));
			return;
		}
		if (!this.send(message)) {
			this.setProblem(textGet('Hall.Chat.NotConnected'));
			return;
		}
		this.input.value = '';
	}

	setProblem(problem) {
		this.problem.textContent = problem;
		this.problem.hidden = !problem;
	}

	showLog(show) {
		this.log.hidden = !show;
		this.toggle.setAttribute('aria-expanded', String(show));
	}

	/* Adds a message to the log; false when it is already there (the daemon
	 * replays its history after every reconnect). line: its id (a number,
	 * or 0 when it has none) and whether an operator said it. */
	add(userId, message, at, line = {}) {
		const key = line.id ? `#${line.id}` : `${userId}\u0000${at}\u0000${message}`;

		if (this.seen.has(key))
			return false;
		this.seen.add(key);
		const item = document.createElement('li');
		const when = document.createElement('time');
		const who = document.createElement('b');
		const what = document.createElement('span');
		const ms = chatTime(at);

		if (!Number.isNaN(ms)) {
			const date = new Date(ms);
			when.dateTime = date.toISOString();
			when.textContent = textTime(date);
		}
		who.textContent = `@${userId}`;
		what.textContent = message;
		item.append(when, who, what);
		if (line.id)
			item.dataset.lineId = String(line.id);
		if (this.decorate)
			this.decorate(item, { id: line.id || 0, operator: !!line.operator, userId, message });
		this.log.append(item);
		while (this.log.children.length > LOG_SIZE) {
			this.log.firstElementChild.remove();
		}
		if (this.seen.size > LOG_SIZE * 4)
			this.seen = new Set([...this.seen].slice(-LOG_SIZE * 2));
		if (this.log.hidden && this.log.children.length === 1)
			this.showLog(true);
		this.log.scrollTop = this.log.scrollHeight;
		return true;
	}

	/* Removes line id from the log (an operator deleted it). */
	remove(id) {
		const item = this.log.querySelector(`li[data-line-id="${Number(id)}"]`);

		if (item)
			item.remove();
	}

	/* A line from the hall itself (an announcement, what the operators
	 * decided), read out like the others. */
	notice(text) {
		const item = document.createElement('li');

		item.className = 'hall-chat-notice';
		item.textContent = text;
		this.log.append(item);
		while (this.log.children.length > LOG_SIZE)
			this.log.firstElementChild.remove();
		if (this.log.hidden)
			this.showLog(true);
		this.log.scrollTop = this.log.scrollHeight;
	}

	isFocused() {
		return document.activeElement === this.input;
	}
}
