// sound.js — the game's two sounds, made on the spot with the Web Audio API
// (no audio file, nothing fetched): a throw that lands, and the moment the
// legacy server is defeated. Browsers let a page sound only once the visitor
// has interacted with it, so nothing is made — not even an AudioContext —
// before the first click, tap or key. The toggle's choice is remembered in
// this browser; without one, sound is on, except for a visitor who asked for
// reduced motion (they can still turn it on).

import { domElement } from './dom.js';
import { storageGet, storageSet } from './storage.js';
import { textGet } from './text.js';

const STORAGE_SOUND = 'masakari.sound';    /* "on" or "off", once chosen */
const INTERACTIONS = ['pointerdown', 'keydown'];

let context = null;
let interacted = false;

function soundInteracted() {
	interacted = true;
	for (const type of INTERACTIONS)
		window.removeEventListener(type, soundInteracted, true);
}
for (const type of INTERACTIONS)
	window.addEventListener(type, soundInteracted, true);

/* Whether sound is on: the visitor's choice, else on unless they asked for
 * reduced motion. */
export function soundEnabled() {
	const chosen = storageGet(STORAGE_SOUND);

	if (chosen === 'on' || chosen === 'off')
		return chosen === 'on';
	return !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/* The AudioContext, made on first use after an interaction; null while
 * sound may not or should not play. */
function soundContext() {
	if (!interacted || !soundEnabled() || typeof window.AudioContext !== 'function')
		return null;
	if (!context)
		context = new window.AudioContext();
	if (context.state === 'suspended')
		context.resume().catch(() => {});
	return context;
}

/* An envelope: gain rising at once to peak at t and dying away by t + length. */
function soundEnvelope(ctx, t, peak, length) {
	const gain = ctx.createGain();

	gain.gain.setValueAtTime(0.0001, t);
	gain.gain.exponentialRampToValueAtTime(peak, t + 0.01);
	gain.gain.exponentialRampToValueAtTime(0.0001, t + length);
	gain.connect(ctx.destination);
	return gain;
}

/* The axe lands: a thud falling in pitch and the crack of splitting wood
 * (a short burst of filtered noise). */
function soundLanded(ctx) {
	const t = ctx.currentTime;
	const thud = ctx.createOscillator();
	const crack = ctx.createBufferSource();
	const filter = ctx.createBiquadFilter();
	const noise = ctx.createBuffer(1, Math.floor(ctx.sampleRate * 0.12), ctx.sampleRate);
	const samples = noise.getChannelData(0);

	thud.type = 'sine';
	thud.frequency.setValueAtTime(170, t);
	thud.frequency.exponentialRampToValueAtTime(45, t + 0.3);
	thud.connect(soundEnvelope(ctx, t, 0.7, 0.35));
	thud.start(t);
	thud.stop(t + 0.4);
	for (let i = 0; i < samples.length; i++)
		samples[i] = (Math.random() * 2 - 1) * (1 - i / samples.length) ** 2;
	crack.buffer = noise;
	filter.type = 'highpass';
	filter.frequency.value = 1200;
	crack.connect(filter);
	filter.connect(soundEnvelope(ctx, t, 0.5, 0.12));
	crack.start(t);
}

/* Defeated: three notes falling, the last held, as a game says "game over". */
function soundDefeated(ctx) {
	const t = ctx.currentTime;
	const notes = [[659, 0, 0.2], [494, 0.22, 0.2], [330, 0.44, 0.2], [220, 0.66, 0.8]];

	for (const [frequency, at, length] of notes) {
		const tone = ctx.createOscillator();
		tone.type = 'square';
		tone.frequency.value = frequency;
		tone.connect(soundEnvelope(ctx, t + at, 0.15, length));
		tone.start(t + at);
		tone.stop(t + at + length + 0.05);
	}
}

/* Plays kind ('landed' or 'defeated') when sound is on and allowed. */
export function soundPlay(kind) {
	const ctx = soundContext();

	if (!ctx)
		return;
	if (kind === 'defeated')
		soundDefeated(ctx);
	else
		soundLanded(ctx);
}

/* The mute toggle, appended to parent: a button that says whether sound is
 * on (aria-pressed) and remembers the visitor's choice. */
export function soundToggle(parent) {
	const button = domElement('button', 'sound-toggle');
	const show = () => {
		const on = soundEnabled();
		button.textContent = textGet(on ? 'Sound.On' : 'Sound.Off');
		button.setAttribute('aria-pressed', String(on));
	};

	button.type = 'button';
	/* The visible words are the name (WCAG 2.5.3, label in name), with
	 * aria-pressed for the state; the title says what it switches. */
	button.title = textGet('Sound.Label');
	button.addEventListener('click', () => {
		storageSet(STORAGE_SOUND, soundEnabled() ? 'off' : 'on');
		show();
	});
	show();
	parent.append(button);
	return button;
}
