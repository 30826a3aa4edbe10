// hall-movement.js — the visitor's own avatar on the move: where it starts,
// walking with the keys, dragging, staying inside the walls, and telling the
// daemon where it stands (throttled, always the final position, and again on
// every new connection).

import { AVATAR_SIZE } from './hall-avatar.js';
import { controlsDraggable } from './hall-controls.js';
import { STAGE_WORLD, stageClamp } from './hall-stage.js';
import { storageGet, storageSet } from './storage.js';

const PLAZA = { x: 1250, y: 1250 };
const SPAWN_SPREAD = 100;
const WALK_SPEED = 360;            /* px per second with a key held */
const SEND_INTERVAL_MS = 100;      /* well under the daemon's 20 positions/s */
const STORAGE_POSITION = 'masakari.hall.position';

export const MOVEMENT_WALK_SPEED = WALK_SPEED;
export const MOVEMENT_PLAZA = PLAZA;

/* (x, y) kept 32 px inside the walls, so the whole avatar is always in the hall. */
export function movementClamp(x, y) {
	const half = AVATAR_SIZE / 2;

	return { x: stageClamp(x, half, STAGE_WORLD - half), y: stageClamp(y, half, STAGE_WORLD - half) };
}

export class HallMovement {
	/* self: the visitor's HallAvatar; send(message) returns whether it went
	 * out; onMoved() runs after every change of position. */
	constructor(user, self, send, onMoved) {
		this.user = user;
		this.self = self;
		this.send = send;
		this.onMoved = onMoved;
		this.dragging = false;
		this.lastSent = 0;
		this.sendTimer = 0;
		this.sentX = NaN;
		this.sentY = NaN;

		const start = this.startPosition();
		this.self.place(start.x, start.y);
	}

	/* Where the visitor left off (same ID, this browser), or somewhere on
	 * the central plaza, a little apart from everyone else arriving. */
	startPosition() {
		try {
			const saved = JSON.parse(storageGet(STORAGE_POSITION) || 'null');
			if (saved && saved.user === this.user && Number.isFinite(saved.x) && Number.isFinite(saved.y))
				return movementClamp(saved.x, saved.y);
		} catch {
			/* A damaged saved position just means a fresh start. */
		}
		return {
			x: PLAZA.x + (Math.random() * 2 - 1) * SPAWN_SPREAD,
			y: PLAZA.y + (Math.random() * 2 - 1) * SPAWN_SPREAD,
		};
	}

	/* Dragging the avatar moves it with the pointer; scale() is the view's
	 * current scale, to turn screen pixels into world pixels. */
	makeDraggable(scale) {
		let origin = null;

		controlsDraggable(this.self.element, {
			start: () => {
				origin = { x: this.self.x, y: this.self.y };
				this.dragging = true;
				this.self.element.classList.add('is-dragged');
			},
			move: (clientX, clientY, startX, startY) => {
				const to = movementClamp(origin.x + (clientX - startX) / scale(),
					origin.y + (clientY - startY) / scale());
				this.moveTo(to.x, to.y);
			},
			end: () => {
				this.dragging = false;
				this.self.element.classList.remove('is-dragged');
			},
		});
	}

	/* Walks dt seconds in direction ({dx, dy}, a unit vector, or null). */
	walk(direction, dt) {
		if (!direction || this.dragging)
			return;
		const to = movementClamp(this.self.x + direction.dx * WALK_SPEED * dt,
			this.self.y + direction.dy * WALK_SPEED * dt);
		this.moveTo(to.x, to.y);
	}

	moveTo(x, y) {
		if (x === this.self.x && y === this.self.y)
			return;
		this.self.place(x, y);
		this.onMoved();
		this.queuePosition();
	}

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
		if (!this.send({ action: 'UPDATE_CHARACTER_POS', pos_x: x, pos_y: y }))
			return;
		this.lastSent = performance.now();
		this.sentX = x;
		this.sentY = y;
		storageSet(STORAGE_POSITION, JSON.stringify({ user: this.user, x, y }));
	}

	/* A new connection: tell the daemon where we stand, so after a drop the
	 * visitor reappears exactly where they were. */
	joined() {
		this.sentX = this.sentY = NaN;
		this.sendPosition();
	}
}
