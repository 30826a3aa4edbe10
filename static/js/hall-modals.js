// hall-modals.js — the hall's own modals: the tutorial a first visit opens
// (and the ? button opens again) and the team's secret.

import { domElement } from './dom.js';
import { dialogOpen } from './hall-dialog.js';

const CELEBRATION_MS = 4000;
const CONFETTI = 48;

/* The tutorial; onClose() runs when it is closed, however. */
export function modalsTutorial(text, onClose) {
	const body = domElement('div', 'hall-tutorial');
	const list = domElement('ul');
	const start = domElement('button', 'hall-tutorial-start', text.tutorial.start);

	for (const line of text.tutorial.lines)
		list.append(domElement('li', '', line));
	start.type = 'button';
	body.append(list, start);
	const dialog = dialogOpen(text.tutorial.title, body, {
		className: 'is-tutorial',
		closeText: text.close,
		onClose,
	});
	start.addEventListener('click', () => dialog.close());
	start.focus();
}

/* The team's secret (↑↑↓↓←→←→BA): confetti, a message, and every avatar in
 * world hops for a few seconds. */
export function modalsCelebrate(text, world) {
	const body = domElement('div', 'hall-celebration');
	const confetti = domElement('div', 'hall-confetti');

	for (let i = 0; i < CONFETTI; i++) {
		const piece = domElement('span');
		piece.style.setProperty('--x', `${Math.random() * 100}%`);
		piece.style.setProperty('--delay', `${(Math.random() * 1.5).toFixed(2)}s`);
		piece.style.setProperty('--hue', String(Math.floor(Math.random() * 360)));
		confetti.append(piece);
	}
	body.append(confetti, domElement('p', '', text.easterEgg.body));
	dialogOpen(text.easterEgg.title, body, { className: 'is-celebration', closeText: text.close });
	world.classList.add('is-celebrating');
	setTimeout(() => world.classList.remove('is-celebrating'), CELEBRATION_MS);
}
