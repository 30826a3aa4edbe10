// hall-reactions.js — emotes in the hall (REACT, docs/HALL.md "Reactions"):
// five buttons that work by tap, click or the keys 1–5; each reaction the
// daemon relays floats above the avatar for a moment and is read out in the
// chat log, whose live region screen readers announce.

import { domElement } from './dom.js';
import { textGet } from './text.js';

/* In the order of the keys 1–5, as the daemon knows them (halld/input.h),
 * each with the catalog's name for it. */
export const REACTION_EMOTES = [
	{ name: 'clap', glyph: '👏', text: 'Hall.Reactions.clap' },
	{ name: 'laugh', glyph: '😂', text: 'Hall.Reactions.laugh' },
	{ name: 'heart', glyph: '❤️', text: 'Hall.Reactions.heart' },
	{ name: 'surprise', glyph: '😮', text: 'Hall.Reactions.surprise' },
	{ name: 'axe', glyph: '🪓', text: 'Hall.Reactions.axe' },
];
const FLOAT_MS = 2000;

/* Whether a key press is someone typing (a field, a dialog) rather than a
 * shortcut meant for the hall. */
function typing(event) {
	const t = event.target;

	return event.ctrlKey || event.metaKey || event.altKey || event.isComposing ||
		(t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)));
}

export class HallReactions {
	/*
	 * parent: where the buttons go; send(message) → whether it went out;
	 * avatarOf(id) → the HallAvatar of id, or undefined; chat: HallChat;
	 * isBlocked() → whether a dialog has the keys.
	 */
	constructor({ parent, send, avatarOf, chat, isBlocked }) {
		this.send = send;
		this.avatarOf = avatarOf;
		this.chat = chat;
		this.element = domElement('div', 'hall-reactions');
		this.element.setAttribute('role', 'group');
		this.element.setAttribute('aria-label', textGet('Hall.Reactions.Label'));
		REACTION_EMOTES.forEach((emote, i) => {
			const button = domElement('button', 'hall-reaction', emote.glyph);
			const name = textGet(emote.text);

			button.type = 'button';
			button.dataset.emote = emote.name;
			button.setAttribute('aria-label', textGet('Hall.Reactions.Button', name, String(i + 1)));
			button.title = textGet('Hall.Reactions.Button', name, String(i + 1));
			button.addEventListener('click', () => this.react(emote.name));
			this.element.append(button);
		});
		parent.append(this.element);
		document.addEventListener('keydown', (event) => {
			const n = Number(event.key);

			if (!Number.isInteger(n) || n < 1 || n > REACTION_EMOTES.length || event.repeat || typing(event) || isBlocked())
				return;
			event.preventDefault();
			this.react(REACTION_EMOTES[n - 1].name);
		});
	}

	react(name) {
		if (!this.send({ action: 'REACT', emote: name }))
			this.chat.notice(textGet('Hall.Chat.NotConnected'));
	}

	/* A REACT from the daemon: shown over the avatar and read out. Returns
	 * whether the message was one. */
	received(message) {
		if (message.action !== 'REACT')
			return false;
		const emote = REACTION_EMOTES.find((e) => e.name === message.emote);

		if (!emote || typeof message.user_id !== 'string')
			return true;
		const avatar = this.avatarOf(message.user_id);
		if (avatar) {
			const float = domElement('span', 'hall-reaction-float', emote.glyph);
			float.setAttribute('aria-hidden', 'true');
			avatar.element.append(float);
			setTimeout(() => float.remove(), FLOAT_MS);
		}
		this.chat.notice(textGet('Hall.Reactions.Announce', message.user_id, textGet(emote.text), emote.glyph));
		return true;
	}
}
