// hall-controls.js — the visitor's hands: WASD and arrow keys (never while
// typing in a text field), Enter, dragging one's own avatar with a mouse or a
// finger, and the team's secret key sequence.

/* Physical keys (KeyboardEvent.code), so WASD works on any keyboard layout
 * and with a Japanese input method switched on. */
const DIRECTIONS = {
	KeyW: [0, -1], ArrowUp: [0, -1],
	KeyS: [0, 1], ArrowDown: [0, 1],
	KeyA: [-1, 0], ArrowLeft: [-1, 0],
	KeyD: [1, 0], ArrowRight: [1, 0],
};
const SECRET = ['ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowRight',
	'ArrowLeft', 'ArrowRight', 'KeyB', 'KeyA'];

function controlsIsTyping(target) {
	return target instanceof Element &&
		target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/* Enter on a focused button or link belongs to that control. */
function controlsIsControl(target) {
	return target instanceof Element && target.closest('button, a[href], summary') !== null;
}

/*
 * The keyboard. handlers.isBlocked() says when the hall has no say over keys
 * (a modal is open); handlers.onEnter() acts on Enter and returns whether it
 * did something; handlers.onSecret() runs when the sequence is typed.
 */
export class HallKeyboard {
	constructor(handlers) {
		this.handlers = handlers;
		this.held = new Set();
		this.typed = [];
		window.addEventListener('keydown', (event) => this.onKeyDown(event));
		window.addEventListener('keyup', (event) => this.held.delete(event.code));
		/* Keys released while the window is elsewhere never send keyup. */
		window.addEventListener('blur', () => this.held.clear());
	}

	onKeyDown(event) {
		if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing)
			return;
		if (controlsIsTyping(event.target) || this.handlers.isBlocked()) {
			this.held.clear();
			return;
		}
		this.remember(event);
		if (DIRECTIONS[event.code]) {
			this.held.add(event.code);
			/* Arrow keys would otherwise scroll the page under the hall. */
			event.preventDefault();
		} else if (event.key === 'Enter' && !event.repeat && !controlsIsControl(event.target)) {
			if (this.handlers.onEnter())
				event.preventDefault();
		}
	}

	remember(event) {
		if (event.repeat)
			return;
		this.typed.push(event.code);
		if (this.typed.length > SECRET.length)
			this.typed.shift();
		if (this.typed.length === SECRET.length && this.typed.every((c, i) => c === SECRET[i])) {
			this.typed = [];
			this.handlers.onSecret();
		}
	}

	/* The unit vector the held keys point in, or null when none are held. */
	direction() {
		let dx = 0;
		let dy = 0;

		for (const code of this.held) {
			dx += DIRECTIONS[code][0];
			dy += DIRECTIONS[code][1];
		}
		if (dx === 0 && dy === 0)
			return null;
		const length = Math.hypot(dx, dy);
		return { dx: dx / length, dy: dy / length };
	}

	/* Forgets held keys, e.g. when focus moves into the chat box. */
	release() {
		this.held.clear();
	}
}

/*
 * Lets element be dragged with a mouse, pen or finger. handlers.start() runs
 * on press; handlers.move(clientX, clientY, startX, startY) on every move,
 * with the client coordinates of the press; handlers.end() on release or
 * cancel. The element keeps the pointer while dragged, so a fast drag cannot
 * slip off it.
 */
export function controlsDraggable(element, handlers) {
	let pointer = null;

	element.addEventListener('pointerdown', (event) => {
		if (pointer !== null || (event.pointerType === 'mouse' && event.button !== 0))
			return;
		pointer = { id: event.pointerId, x: event.clientX, y: event.clientY };
		element.setPointerCapture(event.pointerId);
		event.preventDefault();
		handlers.start();
	});
	element.addEventListener('pointermove', (event) => {
		if (pointer && event.pointerId === pointer.id)
			handlers.move(event.clientX, event.clientY, pointer.x, pointer.y);
	});
	const finish = (event) => {
		if (!pointer || event.pointerId !== pointer.id)
			return;
		pointer = null;
		handlers.end();
	};
	element.addEventListener('pointerup', finish);
	element.addEventListener('pointercancel', finish);
}
