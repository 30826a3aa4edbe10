// hall-avatar.js — one visitor in the hall: their GitHub avatar (an identicon
// until that loads), a name tag, a chat balloon, and smooth movement between
// the positions the daemon reports once a second.

import { identiconUrl } from './identicon.js';
import { textGet } from './text.js';

export const AVATAR_SIZE = 64;
const BALLOON_MS = 5000;

/* GitHub serves every account's avatar at github.com/<id>.png. */
export function avatarGithubUrl(id) {
	return `https://github.com/${encodeURIComponent(id)}.png`;
}

export class HallAvatar {
	/* id: the GitHub ID; self: whether this is the visitor's own avatar;
	 * mark: its dot on the minimap (positioned in percent of the world). */
	constructor(id, self, mark, world) {
		this.id = id;
		this.mark = mark;
		this.world = world;
		this.x = 0;
		this.y = 0;
		this.from = null;
		this.to = null;
		this.balloonTimer = 0;

		this.element = document.createElement('div');
		this.element.className = self ? 'hall-avatar is-self' : 'hall-avatar';
		this.element.dataset.user = id;

		this.balloon = document.createElement('p');
		this.balloon.className = 'hall-balloon';
		this.balloon.hidden = true;

		this.image = document.createElement('img');
		this.image.className = 'hall-avatar-image';
		this.image.width = this.image.height = AVATAR_SIZE;
		this.image.alt = textGet('Hall.AvatarAlt', id);
		this.image.draggable = false;
		this.image.src = identiconUrl(id, AVATAR_SIZE);

		const name = document.createElement('span');
		name.className = 'hall-name';
		name.textContent = `@${id}`;
		if (self) {
			const you = document.createElement('span');
			you.className = 'hall-name-you';
			you.textContent = textGet('Hall.You');
			name.append(you);
		}
		this.name = name;
		this.element.append(this.balloon, this.image, name);
		this.loadGithubAvatar();
	}

	/* The identicon stays unless GitHub's picture really arrives, so an
	 * offline or slow network never leaves a visitor faceless. */
	loadGithubAvatar() {
		const probe = new Image();

		probe.referrerPolicy = 'no-referrer';
		probe.addEventListener('load', () => {
			if (probe.naturalWidth > 0) {
				this.image.referrerPolicy = 'no-referrer';
				this.image.src = probe.src;
				this.element.classList.add('has-github-avatar');
			}
		});
		probe.src = avatarGithubUrl(this.id);
	}

	/* Puts the avatar at (x, y) at once, ending any movement in progress. */
	place(x, y) {
		this.from = this.to = null;
		this.x = x;
		this.y = y;
		this.render();
	}

	/* Starts a straight, even walk from where the avatar is now shown to
	 * (x, y), arriving after durationMs: a walker seen once a second then
	 * moves continuously instead of jumping. */
	walkTo(x, y, durationMs, now) {
		if (this.to && this.to.x === x && this.to.y === y)
			return;
		this.from = { x: this.x, y: this.y, at: now };
		this.to = { x, y, at: now + Math.max(1, durationMs) };
	}

	/* Advances a walk to the time now; true while the avatar moved. */
	step(now) {
		if (!this.to)
			return false;
		const span = this.to.at - this.from.at;
		const k = Math.min(1, (now - this.from.at) / span);

		this.x = this.from.x + (this.to.x - this.from.x) * k;
		this.y = this.from.y + (this.to.y - this.from.y) * k;
		if (k >= 1)
			this.from = this.to = null;
		this.render();
		return true;
	}

	render() {
		const left = this.x - AVATAR_SIZE / 2;
		const top = this.y - AVATAR_SIZE / 2;

		this.element.style.transform = `translate(${left}px, ${top}px)`;
		/* Whoever stands lower in the hall is in front. */
		this.element.style.zIndex = String(Math.round(this.y));
		this.mark.style.left = `${(this.x / this.world) * 100}%`;
		this.mark.style.top = `${(this.y / this.world) * 100}%`;
	}

	/* Shows message over the avatar for five seconds (a newer one replaces it). */
	say(message) {
		this.balloon.textContent = message;
		this.balloon.hidden = false;
		clearTimeout(this.balloonTimer);
		this.balloonTimer = setTimeout(() => {
			this.balloon.hidden = true;
		}, BALLOON_MS);
	}

	/* Marks the visitor as proven by signing in with GitHub (a ✓ after the
	 * name), or takes the mark away. */
	setVerified(verified) {
		if (verified === !!this.verifiedMark)
			return;
		if (!verified) {
			this.verifiedMark.remove();
			this.verifiedMark = null;
		} else {
			this.verifiedMark = document.createElement('span');
			this.verifiedMark.className = 'hall-verified';
			this.verifiedMark.textContent = '✓';
			this.verifiedMark.title = textGet('Hall.Verified');
			this.verifiedMark.setAttribute('aria-label', textGet('Hall.Verified'));
			this.name.insertBefore(this.verifiedMark, this.name.querySelector('.hall-name-you'));
		}
		this.element.classList.toggle('is-verified', verified);
	}

	/* One of the venue's operators, proven: a badge beside the name. */
	setOperator(operator) {
		if (operator === !!this.operatorMark)
			return;
		if (!operator) {
			this.operatorMark.remove();
			this.operatorMark = null;
		} else {
			this.operatorMark = document.createElement('span');
			this.operatorMark.className = 'hall-operator-badge';
			this.operatorMark.textContent = textGet('Hall.Moderation.Operator');
			this.operatorMark.title = textGet('Hall.Moderation.OperatorTitle');
			this.name.insertBefore(this.operatorMark, this.name.querySelector('.hall-name-you'));
		}
		this.element.classList.toggle('is-operator', operator);
	}

	/* Greyed out while the connection is down: their position may be old. */
	setStale(stale) {
		this.element.classList.toggle('is-stale', stale);
	}

	remove() {
		clearTimeout(this.balloonTimer);
		this.element.remove();
		this.mark.remove();
	}
}
