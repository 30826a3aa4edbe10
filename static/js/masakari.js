// masakari.js — /masakari, live: the HP bar follows the hall daemon's masakari
// room (ACTION_SEND_STATUS every second) and falls back to polling /api/status
// every second while the daemon cannot be reached; every throw that lands
// (ACTION_RECV_MASAKARI) sends an axe at the framed target and cracks it; the
// "defeated" banner shows once when HP falls below 20; and the form is thrown
// with fetch, so that the critic's own axe flies before the throw's page
// opens. Without script the form posts as usual and the page shows the HP it
// was drawn with. A landing and the defeat each have a sound (sound.js), with
// its toggle beside the HP bar.

import { HallConnection, hallSocketUrl } from './hall-connection.js';
import { soundPlay, soundToggle } from './sound.js';
import { TEXT_LANG, textGet, textNumber } from './text.js';

const DEFEATED_BELOW = 20;
const DEFEATED_SHOWN_MS = 6000;
const PUSH_FRESH_MS = 2000;      /* a status push older than this: poll instead */
const POLL_MS = 1000;
const LAND_MS = 2600;            /* the axe's flight and the first of the cracks */

class MasakariPage {
	constructor() {
		this.meter = document.getElementById('hp-meter');
		this.value = document.getElementById('hp-value');
		this.banner = document.getElementById('defeated');
		this.landed = document.getElementById('landed');
		this.form = document.getElementById('throw-form');
		this.button = document.getElementById('throw-button');
		this.problem = document.getElementById('throw-problem');
		this.frame = document.getElementById('target-frame');
		this.bannerShown = false;
		this.lastPush = 0;
		this.ownThrowInFlight = false;

		soundToggle(document.querySelector('.hp') || document.body);
		this.connection = new HallConnection(hallSocketUrl(window.location), {
			onState: (state) => {
				if (state !== 'open')
					this.lastPush = 0;
			},
			onOpen: () => this.connection.send({ action: 'SUBSCRIBE', room: 'masakari' }),
			onMessage: (message) => this.received(message),
		});
		this.form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.throwForm();
		});
		this.connection.start();
		this.pollStatus();
	}

	showHp(cpu) {
		if (typeof cpu !== 'number')
			return;
		const hp = Math.max(0, Math.min(100, Math.round(100 - cpu)));

		this.meter.value = hp;
		this.value.textContent = textNumber(hp);
		if (hp < DEFEATED_BELOW && !this.bannerShown) {
			this.bannerShown = true;
			this.banner.hidden = false;
			soundPlay('defeated');
			setTimeout(() => {
				this.banner.hidden = true;
			}, DEFEATED_SHOWN_MS);
		}
	}

	/* Once a second: nothing to do while the room pushes the status, else ask. */
	async pollStatus() {
		if (Date.now() - this.lastPush >= PUSH_FRESH_MS) {
			try {
				const response = await fetch('/api/status', { cache: 'no-store', credentials: 'same-origin' });
				if (response.ok)
					this.showHp((await response.json()).cpuutilization);
			} catch {
				/* The next poll tries again. */
			}
		}
		setTimeout(() => this.pollStatus(), POLL_MS);
	}

	received(message) {
		if (message.action === 'ACTION_SEND_STATUS' && message.status) {
			this.lastPush = Date.now();
			this.showHp(message.status.cpuutilization);
		} else if (message.action === 'ACTION_RECV_MASAKARI' && typeof message.github_id === 'string') {
			/* The critic's own throw is shown by the form's own flight. */
			if (this.ownThrowInFlight && message.github_id.toLowerCase() ===
			    this.form.elements.github_id.value.trim().toLowerCase())
				return;
			this.hitFrame();
			this.announce(message);
		}
	}

	/* The axe and the cracks on the framed target. */
	hitFrame() {
		this.frame.classList.remove('hit');
		void this.frame.offsetWidth; /* restarts the animation when throws follow each other */
		this.frame.classList.add('hit');
		soundPlay('landed');
	}

	announce(t) {
		const title = t.weakness && (t.weakness[`title_${TEXT_LANG}`] || t.weakness.title_ja || t.weakness.slug);
		const what = title ? textGet('Masakari.Hit', title) : textGet('Masakari.Miss');

		this.landed.textContent = textGet('Masakari.Landed', t.github_id, what, textNumber(Number(t.power) || 0));
		this.landed.hidden = false;
	}

	/* The server answers a refused throw with the form page again, the reason
	 * in #throw-problem (or, for a stale form, an error page's .error-message).
	 * Its text is copied, and its one link (to the critic's earlier throw of a
	 * repeated critique) rebuilt, so nothing of the answer's markup is taken. */
	showProblem(html, status) {
		const doc = new DOMParser().parseFromString(html, 'text/html');
		const p = doc.getElementById('throw-problem') || doc.querySelector('.error-message');

		if (!p || !p.textContent.trim()) {
			this.problem.textContent = textGet('Masakari.ThrowFailed', status);
		} else {
			this.problem.replaceChildren();
			for (const n of p.childNodes) {
				if (n.nodeName === 'A') {
					const link = this.problem.appendChild(document.createElement('a'));
					link.href = n.getAttribute('href');
					link.textContent = n.textContent;
				} else {
					this.problem.append(n.textContent);
				}
			}
		}
		this.problem.hidden = false;
		const token = doc.querySelector('input[name="csrf_token"]');
		if (token)
			this.form.elements.csrf_token.value = token.value;
	}

	async throwForm() {
		let response;

		this.button.disabled = true;
		this.problem.hidden = true;
		this.ownThrowInFlight = true;
		try {
			response = await fetch(this.form.action, {
				method: 'POST',
				/* As a form posts it: ClearSilver's cgi kit reads a body only
				 * when the type is exactly this, without the "; charset=UTF-8"
				 * fetch would add. */
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(new FormData(this.form)).toString(),
				credentials: 'same-origin',
				redirect: 'follow',
			});
		} catch {
			/* Let the browser post the form itself and show whatever comes back. */
			this.form.submit();
			return;
		}
		if (response.ok && response.redirected) {
			this.hitFrame();
			setTimeout(() => {
				window.location.href = response.url;
			}, LAND_MS);
			return;
		}
		const html = await response.text();
		this.ownThrowInFlight = false;
		this.showProblem(html, response.status);
		this.button.disabled = false;
	}
}

if (document.getElementById('throw-form'))
	new MasakariPage();
