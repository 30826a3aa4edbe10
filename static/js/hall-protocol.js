// hall-protocol.js — what the hall daemon says, and the other visitors it
// describes: the first position report on a connection is everyone, later
// ones only who moved; LEAVE removes one; chat goes to the log and, when
// spoken now, into a balloon; ERROR_MESSAGE becomes a notice.

import { chatTime } from './hall-chat.js';
import { MOVEMENT_WALK_SPEED } from './hall-movement.js';
import { STAGE_WORLD, stageClamp } from './hall-stage.js';
import { textGet } from './text.js';

const TICK_MS = 1000;              /* the daemon reports positions once a second */
const HISTORY_AGE_MS = 10000;      /* chat older than this on joining is history */
export const PROTOCOL_GITHUB_ID = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export class HallProtocol {
	/*
	 * hall: what the protocol acts on —
	 *   user, self (the visitor's own HallAvatar), chat (HallChat),
	 *   moderation (HallModeration: announcements, deleted lines, sanctions);
	 *   addAvatar(id) → a new HallAvatar for someone else;
	 *   onPeople(count), onNotice(message).
	 */
	constructor(hall) {
		this.hall = hall;
		this.others = new Map();
		this.awaitingSnapshot = true;
	}

	/* A new connection: its first position report is the whole hall. */
	joined() {
		this.awaitingSnapshot = true;
	}

	received(message) {
		if (this.hall.moderation && this.hall.moderation.received(message))
			return;
		switch (message.action) {
		case 'UPDATE_CHARACTER_POS':
			if (Array.isArray(message.characters)) {
				this.receivePositions(message.characters, this.awaitingSnapshot);
				this.awaitingSnapshot = false;
			}
			break;
		case 'LEAVE':
			if (typeof message.user_id === 'string' && !this.isSelf(message.user_id)) {
				this.remove(message.user_id.toLowerCase());
				this.hall.onPeople(this.others.size + 1);
			}
			break;
		case 'ACTION_CHAT_MESSAGE':
			this.receiveChat(message);
			break;
		case 'ERROR_MESSAGE': {
			/* The daemon's msg is English for every page: the visitor is told
			 * in the page's language, the code kept for a bug report. */
			this.hall.onNotice(message.code === 429 ? textGet('Hall.ServerError.TooFast')
				: textGet('Hall.ServerError.Other', String(Number(message.code) || 0)));
			break;
		}
		default:
			/* The masakari room's messages and anything newer are not ours. */
			break;
		}
	}

	isSelf(id) {
		return id.toLowerCase() === this.hall.user.toLowerCase();
	}

	remove(key) {
		const avatar = this.others.get(key);

		if (!avatar)
			return;
		avatar.remove();
		this.others.delete(key);
	}

	/* Our own entry is skipped: this page knows better where we are.
	 * Entries with an invalid ID or a position that is no finite number
	 * are dropped. */
	receivePositions(characters, full) {
		const now = performance.now();
		const present = new Set();

		for (const c of characters) {
			if (!c || typeof c.user_id !== 'string' || !PROTOCOL_GITHUB_ID.test(c.user_id) || this.isSelf(c.user_id))
				continue;
			const x = Number(c.pos_x);
			const y = Number(c.pos_y);
			if (!Number.isFinite(x) || !Number.isFinite(y))
				continue;
			const key = c.user_id.toLowerCase();
			const to = { x: stageClamp(x, 0, STAGE_WORLD), y: stageClamp(y, 0, STAGE_WORLD) };
			let avatar = this.others.get(key);

			present.add(key);
			/* Who signed in with GitHub, when the daemon says (a later
			 * report without the field leaves the mark as it was). */
			const verified = typeof c.verified === 'boolean' ? c.verified : null;
			if (!avatar) {
				avatar = this.hall.addAvatar(c.user_id);
				avatar.place(to.x, to.y);
				this.others.set(key, avatar);
			} else {
				avatar.setStale(false);
				avatar.walkTo(to.x, to.y, walkDuration(avatar, to), now);
			}
			if (verified !== null)
				avatar.setVerified(verified);
			avatar.setOperator(c.operator === true);
		}
		if (full) {
			for (const key of [...this.others.keys()]) {
				if (!present.has(key))
					this.remove(key);
			}
		}
		this.hall.onPeople(this.others.size + 1);
	}

	receiveChat(message) {
		if (typeof message.user_id !== 'string' || typeof message.message !== 'string')
			return;
		const line = { id: Number.isSafeInteger(message.id) && message.id > 0 ? message.id : 0, operator: message.operator === true };

		if (!this.hall.chat.add(message.user_id, message.message, message.at, line))
			return;
		/* The daemon replays its history on joining, before the first
		 * position report; that goes to the log only, since a balloon says
		 * that someone is speaking now. */
		if (this.awaitingSnapshot && Date.now() - chatTime(message.at) > HISTORY_AGE_MS)
			return;
		const avatar = this.isSelf(message.user_id)
			? this.hall.self : this.others.get(message.user_id.toLowerCase());
		if (avatar)
			avatar.say(message.message);
	}

	/* While the connection is down the others are greyed out: their
	 * positions may be old. The next full report replaces them. */
	setStale(stale) {
		for (const avatar of this.others.values())
			avatar.setStale(stale);
	}

	/* The others step towards their reported positions. */
	step(now) {
		for (const avatar of this.others.values())
			avatar.step(now);
	}
}

/* Others walk each reported step at walking speed, or faster when the step
 * is longer than a second's walk (a drag). A steady walker then moves without
 * a pause, and one who stops is seen there about a second later, whenever in
 * the daemon's second they stopped. */
function walkDuration(avatar, to) {
	const distance = Math.hypot(to.x - avatar.x, to.y - avatar.y);

	return Math.min(TICK_MS, (distance / MOVEMENT_WALK_SPEED) * 1000);
}
