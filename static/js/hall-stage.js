// hall-stage.js — what the hall is drawn on: the viewport and the 2500×2500
// world inside it (the plaza, the layer the avatars stand on), and what floats
// above it: the connection badge, the people count, the help button, the
// minimap, the hint for where the visitor stands and the notice at the top.

import { domElement } from './dom.js';
import { textGet } from './text.js';

export const STAGE_WORLD = 2500;
const TOAST_MS = 4000;

export function stageClamp(value, low, high) {
	return Math.min(high, Math.max(low, value));
}

/* Clicking a stand or a hall button must not leave the focus on it: Enter
 * then belongs to wherever the visitor stands, not to the last thing
 * clicked. (Tab still reaches the buttons.) */
export function stageKeepFocusOff(node) {
	node.addEventListener('mousedown', (event) => event.preventDefault());
}

export class HallStage {
	/* root: the #hall section; handlers.onHelp() opens the tutorial again,
	 * handlers.onEnter() acts on the hint's Enter button, handlers.onFloor()
	 * runs when the floor is tapped. */
	constructor(root, handlers) {
		this.root = root;
		this.toastTimer = 0;

		this.viewport = domElement('div', 'hall-viewport');
		this.world = domElement('div', 'hall-world');
		/* The world is a picture: the exhibit list below the hall and the
		 * chat log are what assistive technology reads. */
		this.world.setAttribute('aria-hidden', 'true');
		this.world.style.width = this.world.style.height = `${STAGE_WORLD}px`;
		this.world.append(domElement('div', 'hall-plaza'));
		this.avatarLayer = domElement('div', 'hall-avatars');
		this.world.append(this.avatarLayer);
		this.viewport.append(this.world);
		this.viewport.addEventListener('pointerdown', () => handlers.onFloor());

		const hud = domElement('div', 'hall-hud');
		this.connectionBadge = domElement('p', 'hall-connection');
		this.connectionBadge.setAttribute('role', 'status');
		this.people = domElement('p', 'hall-people');
		const help = domElement('button', 'hall-help', '?');
		help.type = 'button';
		help.title = textGet('Hall.Tutorial.Help');
		help.setAttribute('aria-label', textGet('Hall.Tutorial.Help'));
		help.addEventListener('click', () => handlers.onHelp());
		stageKeepFocusOff(help);
		hud.append(this.connectionBadge, this.people, help);

		this.minimap = domElement('div', 'hall-minimap');
		this.minimap.setAttribute('role', 'img');
		this.minimap.setAttribute('aria-label', textGet('Hall.Minimap'));

		this.hint = domElement('div', 'hall-hint');
		this.hint.hidden = true;
		this.hintText = domElement('span', 'hall-hint-text');
		const enterButton = domElement('button', 'hall-enter', textGet('Hall.Hint.Button'));
		enterButton.type = 'button';
		enterButton.addEventListener('click', () => handlers.onEnter());
		stageKeepFocusOff(enterButton);
		this.hint.append(this.hintText, enterButton);

		this.toast = domElement('p', 'hall-toast');
		this.toast.setAttribute('role', 'alert');
		this.toast.hidden = true;

		this.root.append(this.viewport, hud, this.minimap, this.hint, this.toast);
	}

	/* Puts node (a stand) into the world, under the avatars. */
	addStand(node) {
		this.world.insertBefore(node, this.avatarLayer);
	}

	/* A dot on the minimap at world position (x, y); returns it. */
	addMinimapMark(kind, x, y) {
		const mark = domElement('span', `hall-minimap-mark is-${kind}`);

		mark.style.left = `${(x / STAGE_WORLD) * 100}%`;
		mark.style.top = `${(y / STAGE_WORLD) * 100}%`;
		this.minimap.append(mark);
		return mark;
	}

	/* The hall fills the screen under the site header, whose height (it
	 * wraps on narrow screens) goes into --hall-top. Returns the view's size. */
	measure() {
		this.root.style.setProperty('--hall-top', `${this.root.getBoundingClientRect().top + window.scrollY}px`);
		return { width: this.viewport.clientWidth, height: this.viewport.clientHeight };
	}

	showConnection(state, label) {
		this.connectionBadge.dataset.state = state;
		this.connectionBadge.textContent = label;
	}

	showPeople(label) {
		this.people.textContent = label;
	}

	/* The hint for a stand of kind (label: a list of strings and nodes), or
	 * none with kind null. */
	showHint(kind, label) {
		this.hint.hidden = !kind;
		if (!kind)
			return;
		this.hint.dataset.kind = kind;
		this.hintText.replaceChildren(...label);
	}

	/* A notice at the top for a few seconds (a newer one replaces it). */
	showToast(message) {
		this.toast.textContent = message;
		this.toast.hidden = false;
		clearTimeout(this.toastTimer);
		this.toastTimer = setTimeout(() => {
			this.toast.hidden = true;
		}, TOAST_MS);
	}
}
