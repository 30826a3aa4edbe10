// hall-moderation.js — the venue's rules in the hall: the operators'
// announcements as a banner, deleted lines leaving the log, what the
// operators decided about this visitor (muted, kicked, banned), and on each
// chat line a menu to report it or, for an operator, to act on it. The acts
// themselves are POSTs to /report and /operators with the page's CSRF
// token; the daemons hear of them from the database (docs/MODERATION.md).

import { domElement } from './dom.js';
import { textGet, textTime } from './text.js';

/* Close codes the daemon uses (halld/hall.h). */
export const MODERATION_CLOSE_RELEASED = 4001;
export const MODERATION_CLOSE_KICKED = 4002;
export const MODERATION_CLOSE_BANNED = 4003;
const MUTE_MINUTES = 10;
const REASON_MAX = 500;

export class HallModeration {
	/*
	 * hall: root (#hall, whose data-csrf and data-operator the page set),
	 * user, chat (HallChat), onNotice(message).
	 */
	constructor(hall) {
		this.hall = hall;
		this.csrf = hall.root.dataset.csrf || '';
		this.isOperator = hall.root.dataset.operator === '1';
		this.banner = domElement('div', 'hall-announce');
		this.banner.setAttribute('role', 'status');
		this.banner.hidden = true;
		hall.root.prepend(this.banner);
		hall.chat.decorate = (item, line) => this.decorate(item, line);
	}

	/* Acts on the daemon's moderation messages; false for any other. */
	received(message) {
		switch (message.action) {
		case 'ANNOUNCE':
			if (typeof message.message === 'string')
				this.announce(message);
			return true;
		case 'CHAT_DELETED':
			if (Number.isSafeInteger(message.id))
				this.hall.chat.remove(message.id);
			return true;
		case 'MODERATION':
			this.decided(message);
			return true;
		default:
			return false;
		}
	}

	announce(message) {
		/* An operator by their ID; from the shell, the venue's staff. */
		const from = typeof message.from === 'string' && !message.from.startsWith('shell:')
			? `@${message.from}` : textGet('Hall.Moderation.Staff');
		const head = domElement('strong', '', textGet('Hall.Moderation.Announcement', from));
		const close = domElement('button', 'hall-announce-close', textGet('Hall.Moderation.Dismiss'));

		close.type = 'button';
		close.addEventListener('click', () => { this.banner.hidden = true; });
		this.banner.replaceChildren(head, ' ', domElement('span', '', message.message), ' ', close);
		this.banner.hidden = false;
		/* Screen readers hear it in the chat log too. */
		this.hall.chat.notice(`${head.textContent}: ${message.message}`);
	}

	/* What the operators decided about this visitor, or why a line of
	 * theirs was refused. */
	decided(message) {
		const reason = typeof message.reason === 'string' && message.reason
			? ` ${textGet('Hall.Moderation.Reason', message.reason)}` : '';
		let text;

		switch (message.code) {
		case 'muted': {
			const until = typeof message.until === 'string' ? new Date(message.until) : null;
			text = until && !Number.isNaN(until.getTime())
				? textGet('Hall.Moderation.Muted', textTime(until)) : textGet('Hall.Moderation.MutedForGood');
			break;
		}
		case 'unmuted': text = textGet('Hall.Moderation.Unmuted'); break;
		case 'filtered': text = textGet('Hall.Moderation.Filtered'); break;
		case 'kicked': text = textGet('Hall.Moderation.Kicked'); break;
		case 'banned': text = textGet('Hall.Moderation.Banned'); break;
		default: return;
		}
		this.hall.chat.notice(text + reason);
		this.hall.onNotice(text + reason);
	}

	/* The connection closed with code: true when the hall should come back
	 * (the daemon went away, or this browser took another ID and the page
	 * reloads to be it), false when an operator ended the visit. */
	closed(code) {
		if (code === MODERATION_CLOSE_RELEASED) {
			window.location.reload();
			return false;
		}
		if (code !== MODERATION_CLOSE_KICKED && code !== MODERATION_CLOSE_BANNED)
			return true;
		const text = textGet(code === MODERATION_CLOSE_KICKED ? 'Hall.Moderation.Kicked' : 'Hall.Moderation.Banned');
		const link = domElement('a', '', textGet('Hall.Moderation.Enter'));

		link.href = '/?change=1';
		this.banner.replaceChildren(domElement('strong', '', text), ' ', link);
		this.banner.setAttribute('role', 'alert');
		this.banner.hidden = false;
		return false;
	}

	/* A chat line's menu: report it, or (an operator) delete it, mute,
	 * kick or ban who said it. */
	decorate(item, line) {
		if (line.operator) {
			const badge = domElement('span', 'hall-operator-badge', textGet('Hall.Moderation.Operator'));
			badge.title = textGet('Hall.Moderation.OperatorTitle');
			item.querySelector('b').after(' ', badge);
		}
		if (!line.id || !this.csrf)
			return;
		const own = line.userId.toLowerCase() === this.hall.user.toLowerCase();
		const menu = domElement('details', 'hall-chat-actions');
		const summary = domElement('summary', '', '⋯');
		const buttons = domElement('div', 'hall-chat-actions-list');

		summary.setAttribute('aria-label', textGet('Hall.Moderation.Actions', line.userId));
		menu.append(summary, buttons);
		const add = (key, act) => {
			const button = domElement('button', '', textGet(key));
			button.type = 'button';
			button.dataset.act = key.split('.').pop().toLowerCase();
			button.addEventListener('click', () => { menu.open = false; act(); });
			buttons.append(button);
		};
		if (!own)
			add('Hall.Moderation.Report', () => this.report(line));
		if (this.isOperator) {
			add('Hall.Moderation.Delete', () => this.act({ action: 'chat-delete', line_id: line.id }));
			if (!own) {
				add('Hall.Moderation.Mute', () => this.act({ action: 'mute', github_id: line.userId, minutes: MUTE_MINUTES }));
				add('Hall.Moderation.Kick', () => this.act({ action: 'kick', github_id: line.userId }));
				add('Hall.Moderation.Ban', () => this.act({ action: 'ban', github_id: line.userId, hours: '' }));
			}
		}
		if (buttons.children.length)
			item.append(menu);
	}

	async report(line) {
		const reason = window.prompt(textGet('Hall.Moderation.ReportPrompt', line.userId));

		if (reason === null || !reason.trim())
			return;
		const answer = await this.post('/report', { target: line.userId, line_id: line.id, reason: reason.trim().slice(0, REASON_MAX) });
		this.hall.onNotice(answer.ok ? textGet('Hall.Moderation.Reported')
			: textGet('Hall.Moderation.ReportFailed', answer.error));
	}

	async act(fields) {
		const answer = await this.post('/operators', fields);

		this.hall.onNotice(answer.ok ? textGet('Hall.Moderation.Done', answer.message || fields.action)
			: textGet('Hall.Moderation.Failed', answer.error));
	}

	/* POSTs a form and reads the JSON answer: {ok, message} or {ok: false, error}. */
	async post(path, fields) {
		try {
			const response = await fetch(path, {
				method: 'POST',
				credentials: 'same-origin',
				headers: { Accept: 'application/json' },
				body: new URLSearchParams({ ...fields, csrf_token: this.csrf }),
			});
			let body = {};
			try {
				body = await response.json();
			} catch {
				body = {};
			}
			if (response.ok)
				return { ok: true, message: typeof body.message === 'string' ? body.message : '' };
			return { ok: false, error: typeof body.error === 'string' ? body.error : String(response.status) };
		} catch (error) {
			return { ok: false, error: String(error.message || error) };
		}
	}
}
