// hall.js — the live exhibition hall on "/": a 2500×2500 world with the
// exhibits standing in it, every connected visitor as their avatar, walking,
// chat, and the hall daemon's WebSocket behind it all (docs/HALL.md).
//
// The page (templates/site/hall.cs) gives the visitor's ID in #hall's
// data-user and each exhibit's place in data-hall-x/-y on the exhibit list;
// everything on top of that list is built here.

import { AVATAR_SIZE, HallAvatar } from './hall-avatar.js';
import { HallChat, chatTime } from './hall-chat.js';
import { HallConnection, hallSocketUrl } from './hall-connection.js';
import { HallKeyboard, controlsDraggable } from './hall-controls.js';
import { dialogIsOpen, dialogOpen } from './hall-dialog.js';
import { textFormat, textLoad } from './text.js';

const WORLD = 2500;
const PLAZA = { x: 1250, y: 1250 };
const SPAWN_SPREAD = 100;
const BOARD = { x: 1000, y: 1020 };
const WALK_SPEED = 360;            /* px per second with a key held */
const SEND_INTERVAL_MS = 100;      /* well under the daemon's 20 positions/s */
const TICK_MS = 1000;              /* the daemon reports positions once a second */
const HISTORY_AGE_MS = 10000;      /* chat older than this on joining is history */
const STAND_MARGIN = 16;
const TOAST_MS = 4000;
const CELEBRATION_MS = 4000;
const GITHUB_ID = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

const STORAGE_ID = 'masakari.githubId';
const STORAGE_POSITION = 'masakari.hall.position';
const STORAGE_TUTORIAL = 'masakari.hall.tutorialSeen';

/* localStorage may be switched off or full; the hall works without it. */
function storageGet(key) {
	try {
		return window.localStorage.getItem(key);
	} catch {
		return null;
	}
}

function storageSet(key, value) {
	try {
		window.localStorage.setItem(key, value);
	} catch {
		/* Remembering is a convenience, never a requirement. */
	}
}

function clamp(value, low, high) {
	return Math.min(high, Math.max(low, value));
}

function element(tag, className, text) {
	const node = document.createElement(tag);

	if (className)
		node.className = className;
	if (text !== undefined)
		node.textContent = text;
	return node;
}

class Hall {
	constructor(root, text) {
		this.root = root;
		this.text = text;
		this.user = root.dataset.user;
		this.staticBase = root.dataset.static || '/static';
		this.others = new Map();
		this.spots = [];
		this.standing = null;
		this.dragging = false;
		this.lastFrame = 0;
		this.lastSent = 0;
		this.sendTimer = 0;
		this.sentX = NaN;
		this.sentY = NaN;
		this.awaitingSnapshot = true;
		this.camera = { x: PLAZA.x, y: PLAZA.y, scale: 1, placed: false };
		this.viewSize = { width: 0, height: 0 };
		this.worldTransform = '';
		this.toastTimer = 0;

		storageSet(STORAGE_ID, this.user);
		this.buildStage();
		this.buildExhibits();
		this.buildBoard();
		this.self = this.addAvatar(this.user, true);
		const start = this.startPosition();
		this.self.place(start.x, start.y);
		this.makeSelfDraggable();
		this.chat = new HallChat(this.root, text, (message) =>
			this.connection.send({ action: 'ACTION_CHAT_MESSAGE', message }));
		this.keyboard = new HallKeyboard({
			isBlocked: () => dialogIsOpen(),
			onEnter: () => this.enter(),
			onSecret: () => this.celebrate(),
		});
		this.chat.input.addEventListener('focus', () => this.keyboard.release());
		this.connection = new HallConnection(hallSocketUrl(window.location, this.user), {
			onState: (state, detail) => this.showConnection(state, detail),
			onOpen: () => this.joined(),
			onMessage: (message) => this.received(message),
		});

		this.root.classList.add('is-live');
		new ResizeObserver(() => this.measure()).observe(this.viewport);
		this.measure();
		this.updateStanding();
		this.updatePeople();
		this.connection.start();
		requestAnimationFrame((now) => this.frame(now));
		if (!storageGet(STORAGE_TUTORIAL))
			this.openTutorial();
	}

	/* ---- the stage ---------------------------------------------------- */

	buildStage() {
		this.viewport = element('div', 'hall-viewport');
		this.world = element('div', 'hall-world');
		/* The world is a picture: the exhibit list below the hall and the
		 * chat log are what assistive technology reads. */
		this.world.setAttribute('aria-hidden', 'true');
		this.world.style.width = this.world.style.height = `${WORLD}px`;
		this.world.append(element('div', 'hall-plaza'));
		this.avatarLayer = element('div', 'hall-avatars');
		this.world.append(this.avatarLayer);
		this.viewport.append(this.world);
		/* Tapping the floor hands the keys back from the chat box. */
		this.viewport.addEventListener('pointerdown', () => {
			if (this.chat.isFocused())
				this.chat.input.blur();
		});

		const hud = element('div', 'hall-hud');
		this.connectionBadge = element('p', 'hall-connection');
		this.connectionBadge.setAttribute('role', 'status');
		this.people = element('p', 'hall-people');
		const help = element('button', 'hall-help', '?');
		help.type = 'button';
		help.title = this.text.tutorial.help;
		help.setAttribute('aria-label', this.text.tutorial.help);
		help.addEventListener('click', () => this.openTutorial());
		this.keepFocusOff(help);
		hud.append(this.connectionBadge, this.people, help);

		this.minimap = element('div', 'hall-minimap');
		this.minimap.setAttribute('role', 'img');
		this.minimap.setAttribute('aria-label', this.text.minimap);

		this.hint = element('div', 'hall-hint');
		this.hint.hidden = true;
		this.hintText = element('span', 'hall-hint-text');
		const enterButton = element('button', 'hall-enter', this.text.hint.button);
		enterButton.type = 'button';
		enterButton.addEventListener('click', () => this.enter());
		this.keepFocusOff(enterButton);
		this.hint.append(this.hintText, enterButton);

		this.toast = element('p', 'hall-toast');
		this.toast.setAttribute('role', 'alert');
		this.toast.hidden = true;

		this.root.append(this.viewport, hud, this.minimap, this.hint, this.toast);
	}

	/* One framed picture per exhibit, from the list the page already has. */
	buildExhibits() {
		for (const item of document.querySelectorAll('.hall-exhibit-list [data-slug]')) {
			const x = Number(item.dataset.hallX);
			const y = Number(item.dataset.hallY);
			const link = item.querySelector('a[href]');
			const picture = item.querySelector('img');
			const title = item.querySelector('.exhibit-title');

			if (!Number.isFinite(x) || !Number.isFinite(y) || !link || !title)
				continue;
			const exhibit = element('a', 'hall-exhibit');
			exhibit.href = link.getAttribute('href');
			exhibit.dataset.slug = item.dataset.slug;
			exhibit.tabIndex = -1;
			exhibit.draggable = false;
			this.keepFocusOff(exhibit);
			exhibit.style.left = `${clamp(x, 0, WORLD)}px`;
			exhibit.style.top = `${clamp(y, 0, WORLD)}px`;
			const frame = element('span', 'hall-exhibit-frame');
			if (picture) {
				const image = element('img');
				image.src = picture.getAttribute('src');
				image.alt = '';
				image.width = 240;
				image.height = 150;
				image.draggable = false;
				frame.append(image);
			}
			exhibit.append(frame, element('span', 'hall-exhibit-title', title.textContent));
			this.world.insertBefore(exhibit, this.avatarLayer);

			const spot = {
				kind: 'exhibit', x, y, node: exhibit,
				slug: item.dataset.slug, title: title.textContent, href: exhibit.href,
			};
			exhibit.addEventListener('click', (event) => {
				/* A modified click opens the page itself, as links do. */
				if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0)
					return;
				event.preventDefault();
				this.openExhibit(spot);
			});
			this.spots.push(spot);
			this.addMinimapMark('exhibit', x, y);
		}
	}

	buildBoard() {
		const board = element('button', 'hall-board');
		const diagram = element('img');

		board.type = 'button';
		board.tabIndex = -1;
		this.keepFocusOff(board);
		board.style.left = `${BOARD.x}px`;
		board.style.top = `${BOARD.y}px`;
		diagram.src = `${this.staticBase}/img/architecture.svg`;
		diagram.alt = '';
		diagram.width = 132;
		diagram.height = 88;
		diagram.draggable = false;
		board.append(element('span', 'hall-board-label', this.text.board.label), diagram,
			element('span', 'hall-board-sign', this.text.board.sign));
		board.addEventListener('click', () => this.openBoard());
		this.world.insertBefore(board, this.avatarLayer);
		this.spots.push({ kind: 'board', x: BOARD.x, y: BOARD.y, node: board });
		this.addMinimapMark('board', BOARD.x, BOARD.y);
	}

	/* Clicking a stand or a hall button must not leave the focus on it:
	 * Enter then belongs to wherever the visitor stands, not to the last
	 * thing clicked. (Tab still reaches the buttons.) */
	keepFocusOff(node) {
		node.addEventListener('mousedown', (event) => event.preventDefault());
	}

	addMinimapMark(kind, x, y) {
		const mark = element('span', `hall-minimap-mark is-${kind}`);

		mark.style.left = `${(x / WORLD) * 100}%`;
		mark.style.top = `${(y / WORLD) * 100}%`;
		this.minimap.append(mark);
		return mark;
	}

	/* Sizes the view: the whole plaza ring should be in sight on a desk-top
	 * screen, and a phone still sees a good part of the hall. */
	measure() {
		this.root.style.setProperty('--hall-top', `${this.root.getBoundingClientRect().top + window.scrollY}px`);
		const width = this.viewport.clientWidth;
		const height = this.viewport.clientHeight;

		this.viewSize = { width, height };
		this.camera.scale = clamp(Math.min(width / 1500, height / 1000), 0.45, 1);
		for (const spot of this.spots) {
			spot.halfWidth = spot.node.offsetWidth / 2 + STAND_MARGIN;
			spot.halfHeight = spot.node.offsetHeight / 2 + STAND_MARGIN;
		}
		this.moveCamera(0, true);
	}

	/* ---- avatars ------------------------------------------------------ */

	addAvatar(id, self) {
		const mark = this.addMinimapMark(self ? 'self' : 'visitor', 0, 0);
		const avatar = new HallAvatar(id, this.text, self, mark, WORLD);

		this.avatarLayer.append(avatar.element);
		return avatar;
	}

	removeAvatar(id) {
		const avatar = this.others.get(id);

		if (!avatar)
			return;
		avatar.remove();
		this.others.delete(id);
	}

	/* Where the visitor left off (same ID, this browser), or somewhere on
	 * the central plaza, a little apart from everyone else arriving. */
	startPosition() {
		try {
			const saved = JSON.parse(storageGet(STORAGE_POSITION) || 'null');
			if (saved && saved.user === this.user && Number.isFinite(saved.x) && Number.isFinite(saved.y))
				return this.clampToWorld(saved.x, saved.y);
		} catch {
			/* A damaged saved position just means a fresh start. */
		}
		return {
			x: PLAZA.x + (Math.random() * 2 - 1) * SPAWN_SPREAD,
			y: PLAZA.y + (Math.random() * 2 - 1) * SPAWN_SPREAD,
		};
	}

	clampToWorld(x, y) {
		const half = AVATAR_SIZE / 2;

		return { x: clamp(x, half, WORLD - half), y: clamp(y, half, WORLD - half) };
	}

	makeSelfDraggable() {
		let origin = null;

		controlsDraggable(this.self.element, {
			start: () => {
				origin = { x: this.self.x, y: this.self.y };
				this.dragging = true;
				this.self.element.classList.add('is-dragged');
			},
			move: (clientX, clientY, startX, startY) => {
				const scale = this.camera.scale;
				const to = this.clampToWorld(origin.x + (clientX - startX) / scale,
					origin.y + (clientY - startY) / scale);
				this.moveSelf(to.x, to.y);
			},
			end: () => {
				this.dragging = false;
				this.self.element.classList.remove('is-dragged');
			},
		});
	}

	moveSelf(x, y) {
		if (x === this.self.x && y === this.self.y)
			return;
		this.self.place(x, y);
		this.updateStanding();
		this.queuePosition();
	}

	/* ---- the frame loop ----------------------------------------------- */

	frame(now) {
		const dt = this.lastFrame ? Math.min(0.1, (now - this.lastFrame) / 1000) : 0;
		const direction = this.dragging ? null : this.keyboard.direction();

		this.lastFrame = now;
		if (direction) {
			const to = this.clampToWorld(this.self.x + direction.dx * WALK_SPEED * dt,
				this.self.y + direction.dy * WALK_SPEED * dt);
			this.moveSelf(to.x, to.y);
		}
		for (const avatar of this.others.values())
			avatar.step(now);
		this.moveCamera(dt, false);
		requestAnimationFrame((next) => this.frame(next));
	}

	/* The view glides after the visitor and stops at the walls; while the
	 * avatar is dragged it holds still, so the avatar stays under the finger. */
	moveCamera(dt, snap) {
		const { width, height } = this.viewSize;
		const scale = this.camera.scale;
		const halfWidth = width / (2 * scale);
		const halfHeight = height / (2 * scale);
		const target = {
			x: WORLD <= 2 * halfWidth ? WORLD / 2 : clamp(this.self.x, halfWidth, WORLD - halfWidth),
			y: WORLD <= 2 * halfHeight ? WORLD / 2 : clamp(this.self.y, halfHeight, WORLD - halfHeight),
		};

		if (snap || !this.camera.placed) {
			this.camera.x = target.x;
			this.camera.y = target.y;
			this.camera.placed = width > 0;
		} else if (!this.dragging) {
			const k = 1 - Math.exp(-dt * 6);
			this.camera.x += (target.x - this.camera.x) * k;
			this.camera.y += (target.y - this.camera.y) * k;
		}
		const left = (width / 2 - this.camera.x * scale).toFixed(1);
		const top = (height / 2 - this.camera.y * scale).toFixed(1);
		const transform = `translate(${left}px, ${top}px) scale(${scale})`;
		if (transform !== this.worldTransform) {
			this.world.style.transform = transform;
			this.worldTransform = transform;
		}
	}

	/* ---- talking to the daemon ---------------------------------------- */

	/* Sends the position at most every SEND_INTERVAL_MS, and always the
	 * last one, so others see where the visitor really stopped. */
	queuePosition() {
		const wait = this.lastSent + SEND_INTERVAL_MS - performance.now();

		if (this.sendTimer)
			return;
		if (wait <= 0) {
			this.sendPosition();
			return;
		}
		this.sendTimer = setTimeout(() => {
			this.sendTimer = 0;
			this.sendPosition();
		}, wait);
	}

	sendPosition() {
		const x = Math.round(this.self.x * 10) / 10;
		const y = Math.round(this.self.y * 10) / 10;

		if (x === this.sentX && y === this.sentY)
			return;
		if (!this.connection.send({ action: 'UPDATE_CHARACTER_POS', pos_x: x, pos_y: y }))
			return;
		this.lastSent = performance.now();
		this.sentX = x;
		this.sentY = y;
		storageSet(STORAGE_POSITION, JSON.stringify({ user: this.user, x, y }));
	}

	/* A new connection: tell the daemon where we stand, so after a drop the
	 * visitor reappears exactly where they were. */
	joined() {
		this.awaitingSnapshot = true;
		this.sentX = this.sentY = NaN;
		this.sendPosition();
	}

	received(message) {
		switch (message.action) {
		case 'UPDATE_CHARACTER_POS':
			if (Array.isArray(message.characters)) {
				this.receivePositions(message.characters, this.awaitingSnapshot);
				this.awaitingSnapshot = false;
			}
			break;
		case 'LEAVE':
			if (typeof message.user_id === 'string' && !this.isSelf(message.user_id)) {
				this.removeAvatar(message.user_id.toLowerCase());
				this.updatePeople();
			}
			break;
		case 'ACTION_CHAT_MESSAGE':
			this.receiveChat(message);
			break;
		case 'ERROR_MESSAGE': {
			const known = Object.hasOwn(this.text.serverError, String(message.code));
			this.showToast(textFormat(this.text.serverError[known ? message.code : 'other'],
				{ msg: String(message.msg || message.code) }));
			break;
		}
		default:
			/* The masakari room's messages and anything newer are not ours. */
			break;
		}
	}

	isSelf(id) {
		return id.toLowerCase() === this.user.toLowerCase();
	}

	/* The first report on a connection is everyone; later ones only who
	 * moved. Our own entry is skipped: this page knows better where we are. */
	receivePositions(characters, full) {
		const now = performance.now();
		const present = new Set();

		for (const c of characters) {
			if (!c || typeof c.user_id !== 'string' || !GITHUB_ID.test(c.user_id) || this.isSelf(c.user_id))
				continue;
			const x = Number(c.pos_x);
			const y = Number(c.pos_y);
			if (!Number.isFinite(x) || !Number.isFinite(y))
				continue;
			const key = c.user_id.toLowerCase();
			const to = { x: clamp(x, 0, WORLD), y: clamp(y, 0, WORLD) };
			let avatar = this.others.get(key);

			present.add(key);
			if (!avatar) {
				avatar = this.addAvatar(c.user_id, false);
				avatar.place(to.x, to.y);
				this.others.set(key, avatar);
			} else {
				avatar.setStale(false);
				avatar.walkTo(to.x, to.y, this.walkDuration(avatar, to), now);
			}
		}
		if (full) {
			for (const key of [...this.others.keys()]) {
				if (!present.has(key))
					this.removeAvatar(key);
			}
		}
		this.updatePeople();
	}

	/* Others walk each reported step at walking speed, or faster when the
	 * step is longer than a second's walk (a drag). A steady walker then moves
	 * without a pause, and one who stops is seen there about a second later,
	 * whenever in the daemon's second they stopped. */
	walkDuration(avatar, to) {
		const distance = Math.hypot(to.x - avatar.x, to.y - avatar.y);

		return Math.min(TICK_MS, (distance / WALK_SPEED) * 1000);
	}

	receiveChat(message) {
		if (typeof message.user_id !== 'string' || typeof message.message !== 'string')
			return;
		if (!this.chat.add(message.user_id, message.message, message.at))
			return;
		/* The daemon replays its history on joining, before the first
		 * position report; that goes to the log only, since a balloon says
		 * that someone is speaking now. */
		if (this.awaitingSnapshot && Date.now() - chatTime(message.at) > HISTORY_AGE_MS)
			return;
		const avatar = this.isSelf(message.user_id) ? this.self : this.others.get(message.user_id.toLowerCase());
		if (avatar)
			avatar.say(message.message);
	}

	showConnection(state, detail) {
		const labels = this.text.connection;

		this.connectionBadge.dataset.state = state;
		this.connectionBadge.textContent = state === 'retrying'
			? textFormat(labels.retrying, detail) : labels[state];
		if (state !== 'open') {
			for (const avatar of this.others.values())
				avatar.setStale(true);
		}
	}

	updatePeople() {
		this.people.textContent = textFormat(this.text.people, { count: this.others.size + 1 });
	}

	showToast(message) {
		this.toast.textContent = message;
		this.toast.hidden = false;
		clearTimeout(this.toastTimer);
		this.toastTimer = setTimeout(() => {
			this.toast.hidden = true;
		}, TOAST_MS);
	}

	/* ---- exhibits, the board, Enter ----------------------------------- */

	updateStanding() {
		const { x, y } = this.self;
		const spot = this.spots.find((s) =>
			Math.abs(x - s.x) <= s.halfWidth && Math.abs(y - s.y) <= s.halfHeight) || null;

		if (spot === this.standing)
			return;
		if (this.standing)
			this.standing.node.classList.remove('is-here');
		this.standing = spot;
		this.hint.hidden = !spot;
		if (!spot)
			return;
		spot.node.classList.add('is-here');
		this.hint.dataset.kind = spot.kind;
		this.hintText.textContent = spot.kind === 'exhibit'
			? textFormat(this.text.hint.exhibit, { title: spot.title }) : this.text.hint.board;
	}

	/* Enter (or the on-screen button): on an exhibit, off to its site; on
	 * the board, its diagram. Returns whether there was something to enter. */
	enter() {
		if (!this.standing || dialogIsOpen())
			return false;
		if (this.standing.kind === 'exhibit')
			window.location.assign(`${this.standing.href}/go`);
		else
			this.openBoard();
		return true;
	}

	/* The exhibit's own page, shown in a modal without leaving the hall. */
	async openExhibit(spot) {
		const body = element('div', 'hall-exhibit-dialog');
		const status = element('p', 'hall-dialog-status', this.text.exhibitDialog.loading);
		const pageLink = element('a', 'hall-exhibit-page-link', this.text.exhibitDialog.openPage);

		pageLink.href = spot.href;
		body.append(status);
		dialogOpen(spot.title, body, { className: 'is-exhibit', closeText: this.text.close });
		try {
			const response = await fetch(spot.href, { credentials: 'same-origin' });
			if (!response.ok)
				throw new Error(`HTTP ${response.status}`);
			const page = new DOMParser().parseFromString(await response.text(), 'text/html');
			const article = page.querySelector('article.exhibit');
			if (!article)
				throw new Error('no exhibit on the page');
			/* The dialog's own heading already names the work. */
			article.querySelector('.exhibit-heading')?.remove();
			body.replaceChildren(document.importNode(article, true), pageLink);
		} catch {
			status.textContent = this.text.exhibitDialog.failed;
			body.replaceChildren(status, pageLink);
		}
	}

	openBoard() {
		const figure = element('figure', 'hall-architecture');
		const link = element('a');
		const diagram = element('img');

		link.href = `${this.staticBase}/img/architecture.svg`;
		link.target = '_blank';
		link.rel = 'noopener';
		diagram.src = link.href;
		diagram.alt = this.text.board.alt;
		link.append(diagram);
		figure.append(link, element('figcaption', '', this.text.board.caption));
		dialogOpen(this.text.board.title, figure, { className: 'is-board', closeText: this.text.close });
	}

	openTutorial() {
		const body = element('div', 'hall-tutorial');
		const list = element('ul');
		const start = element('button', 'hall-tutorial-start', this.text.tutorial.start);

		for (const line of this.text.tutorial.lines)
			list.append(element('li', '', line));
		start.type = 'button';
		body.append(list, start);
		const dialog = dialogOpen(this.text.tutorial.title, body, {
			className: 'is-tutorial',
			closeText: this.text.close,
			onClose: () => storageSet(STORAGE_TUTORIAL, '1'),
		});
		start.addEventListener('click', () => dialog.close());
		start.focus();
	}

	/* The team's secret: ↑↑↓↓←→←→BA. */
	celebrate() {
		const body = element('div', 'hall-celebration');
		const confetti = element('div', 'hall-confetti');

		for (let i = 0; i < 48; i++) {
			const piece = element('span');
			piece.style.setProperty('--x', `${Math.random() * 100}%`);
			piece.style.setProperty('--delay', `${(Math.random() * 1.5).toFixed(2)}s`);
			piece.style.setProperty('--hue', String(Math.floor(Math.random() * 360)));
			confetti.append(piece);
		}
		body.append(confetti, element('p', '', this.text.easterEgg.body));
		dialogOpen(this.text.easterEgg.title, body, { className: 'is-celebration', closeText: this.text.close });
		this.world.classList.add('is-celebrating');
		setTimeout(() => this.world.classList.remove('is-celebrating'), CELEBRATION_MS);
	}
}

const root = document.getElementById('hall');
if (root && root.dataset.user && GITHUB_ID.test(root.dataset.user)) {
	const text = await textLoad(document.documentElement.lang);
	root.setAttribute('aria-label', text.hallLabel);
	new Hall(root, text);
}
