// hall-modals.js — the hall's own modals: the tutorial a first visit opens
// (and the ? button opens again) and the team's secret.

import { domElement } from './dom.js';
import { dialogOpen } from './hall-dialog.js';
import { textGet } from './text.js';

const CELEBRATION_MS = 4000;
const CONFETTI = 48;
const TUTORIAL_LINES = ['Hall.Tutorial.Walk', 'Hall.Tutorial.Click', 'Hall.Tutorial.Enter',
	'Hall.Tutorial.Chat', 'Hall.Tutorial.Board'];

/* The tutorial; onClose() runs when it is closed, however. */
export function modalsTutorial(onClose) {
	const body = domElement('div', 'hall-tutorial');
	const list = domElement('ul');
	const start = domElement('button', 'hall-tutorial-start', textGet('Hall.Tutorial.Start'));

	for (const line of TUTORIAL_LINES)
		list.append(domElement('li', '', textGet(line)));
	start.type = 'button';
	body.append(list, start);
	const dialog = dialogOpen(textGet('Hall.Tutorial.Title'), body, {
		className: 'is-tutorial',
		closeText: textGet('Hall.Close'),
		onClose,
	});
	start.addEventListener('click', () => dialog.close());
	start.focus();
}

/* The team's secret (↑↑↓↓←→←→BA): confetti, a message, and every avatar in
 * world hops for a few seconds. */
export function modalsCelebrate(world) {
	const body = domElement('div', 'hall-celebration');
	const confetti = domElement('div', 'hall-confetti');

	for (let i = 0; i < CONFETTI; i++) {
		const piece = domElement('span');
		piece.style.setProperty('--x', `${Math.random() * 100}%`);
		piece.style.setProperty('--delay', `${(Math.random() * 1.5).toFixed(2)}s`);
		piece.style.setProperty('--hue', String(Math.floor(Math.random() * 360)));
		confetti.append(piece);
	}
	body.append(confetti, domElement('p', '', textGet('Hall.EasterEgg.Body')));
	dialogOpen(textGet('Hall.EasterEgg.Title'), body, { className: 'is-celebration', closeText: textGet('Hall.Close') });
	world.classList.add('is-celebrating');
	setTimeout(() => world.classList.remove('is-celebrating'), CELEBRATION_MS);
}
