// hall-dialog.js — the hall's modal windows (exhibit description, bulletin
// board, tutorial, the team's surprise) on the native <dialog> element, which
// brings focus trapping, Esc to close and a backdrop without extra code.

import { textGet } from './text.js';

let dialogCount = 0;

/*
 * Opens a modal with a heading and body (a Node); returns the <dialog>, which
 * removes itself from the page once closed. options.className adds a class,
 * options.onClose runs after closing, options.titleLang is the title's
 * language when it is not the page's, options.closeText labels the close
 * button (the catalog's "close" when not given).
 */
export function dialogOpen(title, body, options = {}) {
	const dialog = document.createElement('dialog');
	const header = document.createElement('header');
	const heading = document.createElement('h2');
	const close = document.createElement('button');
	const inner = document.createElement('div');

	dialog.className = `hall-dialog ${options.className || ''}`.trim();
	heading.className = 'hall-dialog-title';
	heading.textContent = title;
	if (options.titleLang)
		heading.lang = options.titleLang;
	heading.id = `hall-dialog-title-${++dialogCount}`;
	dialog.setAttribute('aria-labelledby', heading.id);
	close.type = 'button';
	close.className = 'hall-dialog-close';
	close.textContent = '×';
	close.setAttribute('aria-label', options.closeText || textGet('Hall.Close'));
	close.addEventListener('click', () => dialog.close());
	header.append(heading, close);
	inner.className = 'hall-dialog-inner';
	inner.append(header, body);
	dialog.append(inner);
	/* The dialog has no padding of its own, so a click that lands on the
	 * dialog element itself was on the backdrop. */
	dialog.addEventListener('click', (event) => {
		if (event.target === dialog)
			dialog.close();
	});
	dialog.addEventListener('close', () => {
		dialog.remove();
		if (options.onClose)
			options.onClose();
	});
	document.body.append(dialog);
	dialog.showModal();
	return dialog;
}

/* Whether any of the hall's modals is open (the hall then ignores its keys). */
export function dialogIsOpen() {
	return !!document.querySelector('dialog.hall-dialog[open]');
}
