// hall-board.js — the bulletin board beside the plaza, and the system's
// architecture diagram (static/img/architecture.svg) it opens.

import { domElement } from './dom.js';
import { dialogOpen } from './hall-dialog.js';
import { stageKeepFocusOff } from './hall-stage.js';
import { textGet } from './text.js';

const BOARD = { x: 1000, y: 1020 };

/* The board on stage; returns its spot ({kind: 'board', x, y, node}).
 * onOpen() runs on a click. */
export function boardBuild(stage, staticBase, onOpen) {
	const board = domElement('button', 'hall-board');
	const diagram = domElement('img');

	board.type = 'button';
	board.tabIndex = -1;
	stageKeepFocusOff(board);
	board.style.left = `${BOARD.x}px`;
	board.style.top = `${BOARD.y}px`;
	diagram.src = `${staticBase}/img/architecture.svg`;
	diagram.alt = '';
	diagram.width = 132;
	diagram.height = 88;
	diagram.draggable = false;
	board.append(domElement('span', 'hall-board-label', textGet('Hall.Board.Label')), diagram,
		domElement('span', 'hall-board-sign', textGet('Hall.Board.Sign')));
	board.addEventListener('click', () => onOpen());
	stage.addStand(board);
	stage.addMinimapMark('board', BOARD.x, BOARD.y);
	return { kind: 'board', x: BOARD.x, y: BOARD.y, node: board };
}

/* The diagram in a modal, linked to the picture itself. */
export function boardOpen(staticBase) {
	const figure = domElement('figure', 'hall-architecture');
	const link = domElement('a');
	const diagram = domElement('img');

	link.href = `${staticBase}/img/architecture.svg`;
	link.target = '_blank';
	link.rel = 'noopener';
	diagram.src = link.href;
	diagram.alt = textGet('Hall.Board.Alt');
	link.append(diagram);
	figure.append(link, domElement('figcaption', '', textGet('Hall.Board.Caption')));
	dialogOpen(textGet('Hall.Board.Title'), figure, { className: 'is-board', closeText: textGet('Hall.Close') });
}
