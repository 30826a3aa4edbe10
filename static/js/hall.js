// hall.js — the live exhibition hall on "/": a 2500×2500 world with the
// exhibits standing in it, every connected visitor as their avatar, walking,
// chat, and the hall daemon's WebSocket behind it all (docs/HALL.md). This
// file puts the units together and runs the frame loop; each concern has a
// module of its own.
//
// The page (templates/site/hall.cs) gives the visitor's ID in #hall's
// data-user and each exhibit's place in data-hall-x/-y on the exhibit list;
// everything on top of that list is built here.

import { domElement } from './dom.js';
import { HallAvatar } from './hall-avatar.js';
import { boardBuild, boardOpen } from './hall-board.js';
import { HallCall } from './hall-call.js';
import { HallCamera } from './hall-camera.js';
import { HallChat } from './hall-chat.js';
import { HallConnection, hallSocketUrl } from './hall-connection.js';
import { HallKeyboard } from './hall-controls.js';
import { dialogIsOpen } from './hall-dialog.js';
import { exhibitsBuild, exhibitsOpen } from './hall-exhibits.js';
import { modalsCelebrate, modalsTutorial } from './hall-modals.js';
import { HallModeration } from './hall-moderation.js';
import { HallMovement, MOVEMENT_PLAZA } from './hall-movement.js';
import { HallPeople } from './hall-people.js';
import { HallProtocol, PROTOCOL_GITHUB_ID } from './hall-protocol.js';
import { HallReactions } from './hall-reactions.js';
import { HallStage, STAGE_WORLD } from './hall-stage.js';
import { storageGet, storageSet } from './storage.js';
import { textGet, textNodes, textNumber } from './text.js';

const STAND_MARGIN = 16;
const STORAGE_ID = 'masakari.githubId';
const STORAGE_TUTORIAL = 'masakari.hall.tutorialSeen';
const CONNECTION_TEXT = {
	connecting: 'Hall.Connection.Connecting',
	open: 'Hall.Connection.Open',
	offline: 'Hall.Connection.Offline',
};

class Hall {
	constructor(root) {
		this.root = root;
		this.user = root.dataset.user;
		this.staticBase = root.dataset.static || '/static';
		this.standing = null;
		this.lastFrame = 0;

		storageSet(STORAGE_ID, this.user);
		this.stage = new HallStage(root, {
			onHelp: () => this.openTutorial(),
			onEnter: () => this.enter(),
			onFloor: () => {
				/* Tapping the floor hands the keys back from the chat box. */
				if (this.chat.isFocused())
					this.chat.input.blur();
			},
		});
		this.camera = new HallCamera(this.stage.world, MOVEMENT_PLAZA);
		this.spots = [
			...exhibitsBuild(this.stage, (spot) => exhibitsOpen(spot)),
			boardBuild(this.stage, this.staticBase, () => this.openBoard()),
		];
		this.self = this.addAvatar(this.user, true);
		/* The page says whether this visitor proved their ID by signing in. */
		this.self.setVerified(['1', 'true'].includes(root.dataset.verified));
		this.connection = new HallConnection(hallSocketUrl(window.location), {
			onState: (state, detail) => this.showConnection(state, detail),
			onOpen: () => {
				this.protocol.joined();
				this.movement.joined();
				this.call.connected();
			},
			onMessage: (message) => {
				if (!this.call.received(message) && !this.reactions.received(message))
					this.protocol.received(message);
			},
			onClosed: (code) => this.moderation.closed(code),
		});
		this.movement = new HallMovement(this.user, this.self,
			(message) => this.connection.send(message), () => this.updateStanding());
		this.movement.makeDraggable(() => this.camera.scale);
		this.chat = new HallChat(root, (message) =>
			this.connection.send({ action: 'ACTION_CHAT_MESSAGE', message }));
		this.moderation = new HallModeration({
			root, user: this.user, chat: this.chat,
			onNotice: (message) => this.stage.showToast(message),
		});
		this.self.setOperator(root.dataset.operator === '1');
		this.protocol = new HallProtocol({
			user: this.user, self: this.self, chat: this.chat, moderation: this.moderation,
			addAvatar: (id) => this.addAvatar(id, false),
			onPeople: (count) => this.showPeople(count),
			onNotice: (message) => this.stage.showToast(message),
		});
		this.call = new HallCall({
			parent: root, user: this.user,
			send: (message) => this.connection.send(message),
			avatarOf: (id) => (id.toLowerCase() === this.user.toLowerCase()
				? this.self : this.protocol.others.get(id.toLowerCase()) || null),
			onNotice: (message) => this.stage.showToast(message),
			videoMax: Math.max(0, Number(root.dataset.videoMax) || 0),
		});
		this.keyboard = new HallKeyboard({
			isBlocked: () => dialogIsOpen(),
			onEnter: () => this.enter(),
			onSecret: () => modalsCelebrate(this.stage.world),
		});
		this.chat.input.addEventListener('focus', () => this.keyboard.release());
		this.reactions = new HallReactions({
			parent: root,
			send: (message) => this.connection.send(message),
			avatarOf: (id) => (this.protocol.isSelf(id) ? this.self : this.protocol.others.get(id.toLowerCase())),
			chat: this.chat,
			isBlocked: () => dialogIsOpen(),
		});
		this.people = new HallPeople(document.getElementById('hall-people-list'), this.spots);
		this.call.nearInput.addEventListener('focus', () => this.keyboard.release());

		root.classList.add('is-live');
		new ResizeObserver(() => this.measure()).observe(this.stage.viewport);
		this.measure();
		this.updateStanding();
		this.showPeople(1);
		this.connection.start();
		requestAnimationFrame((now) => this.frame(now));
		if (!storageGet(STORAGE_TUTORIAL))
			this.openTutorial();
	}

	addAvatar(id, self) {
		const mark = this.stage.addMinimapMark(self ? 'self' : 'visitor', 0, 0);
		const avatar = new HallAvatar(id, self, mark, STAGE_WORLD);

		this.stage.avatarLayer.append(avatar.element);
		return avatar;
	}

	measure() {
		const { width, height } = this.stage.measure();

		this.camera.resize(width, height);
		for (const spot of this.spots) {
			spot.halfWidth = spot.node.offsetWidth / 2 + STAND_MARGIN;
			spot.halfHeight = spot.node.offsetHeight / 2 + STAND_MARGIN;
		}
		this.camera.follow(this.self.x, this.self.y, 0, true, false);
	}

	frame(now) {
		const dt = this.lastFrame ? Math.min(0.1, (now - this.lastFrame) / 1000) : 0;

		this.lastFrame = now;
		this.movement.walk(this.keyboard.direction(), dt);
		this.protocol.step(now);
		this.camera.follow(this.self.x, this.self.y, dt, false, this.movement.dragging);
		requestAnimationFrame((next) => this.frame(next));
	}

	showPeople(count) {
		this.stage.showPeople(textGet('Hall.People', textNumber(count)));
		this.people.update(this.self, this.protocol.others.values());
	}

	showConnection(state, detail) {
		this.stage.showConnection(state, state === 'retrying'
			? textGet('Hall.Connection.Retrying', textNumber(detail.seconds)) : textGet(CONNECTION_TEXT[state]));
		if (state !== 'open')
			this.protocol.setStale(true);
	}

	/* A stand is "stood on" when the avatar's centre is inside its box plus
	 * STAND_MARGIN; the hint then names it. */
	updateStanding() {
		const { x, y } = this.self;

		if (this.people)
			this.people.update(this.self, this.protocol.others.values());
		const spot = this.spots.find((s) =>
			Math.abs(x - s.x) <= s.halfWidth && Math.abs(y - s.y) <= s.halfHeight) || null;

		if (spot === this.standing)
			return;
		if (this.standing)
			this.standing.node.classList.remove('is-here');
		this.standing = spot;
		if (!spot) {
			this.stage.showHint(null);
			return;
		}
		spot.node.classList.add('is-here');
		this.stage.showHint(spot.kind, spot.kind === 'exhibit'
			? textNodes('Hall.Hint.Exhibit', this.exhibitTitle(spot)) : [textGet('Hall.Hint.Board')]);
	}

	/* The exhibit's title, marked with its language when that is not the page's. */
	exhibitTitle(spot) {
		const title = domElement('span', '', spot.title);

		if (spot.lang)
			title.lang = spot.lang;
		return title;
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

	openBoard() {
		boardOpen(this.staticBase);
	}

	openTutorial() {
		modalsTutorial(() => storageSet(STORAGE_TUTORIAL, '1'));
	}
}

const root = document.getElementById('hall');
if (root && root.dataset.user && PROTOCOL_GITHUB_ID.test(root.dataset.user)) {
	root.setAttribute('aria-label', textGet('Hall.Label'));
	new Hall(root);
}
