// sound.test.mjs — the masakari page's sounds, heard by counting: an init
// script counts every AudioContext made and every sound node started, in
// Debian's chromium against the test stack. A throw lands for real (a row in
// throws, which the hall daemon announces to the masakari room). Silent until
// the visitor first interacts; the toggle mutes and is remembered; a visitor
// who asked for reduced motion hears nothing unless they turn sound on. The
// defeated sound is checked in masakari.test.mjs, where the CPU is driven up.
// Run by t4004-sound.sh.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, browserLaunch, screenshot, soundCounter, sql } from './lib.mjs';

const RUN = Math.floor(Math.random() * 0xffffff).toString(16);
const visitors = [];

async function visitor(options) {
	const v = await browserLaunch(options);

	await v.context.addInitScript(soundCounter);
	visitors.push(v);
	return v;
}

/* A throw that lands: stored as the throw form stores one (no attack job:
 * only its landing is wanted), announced by the hall daemon within a second. */
let landings = 0;
async function land(page, name) {
	const before = await page.evaluate(() => document.getElementById('landed').textContent);
	const critic = name || `sound-${RUN}-${++landings}`;

	sql(`INSERT INTO throws (github_id, remote_addr, critique, normalized, score, power)
	     VALUES ('${critic.replace(/'/g, "''")}', '127.0.0.1', 'sound check', 'soundcheck', 0.1, 1)`);
	await page.waitForFunction((who) => document.getElementById('landed').textContent.includes(who),
		critic, { timeout: 10000 });
	assert.notEqual(await page.evaluate(() => document.getElementById('landed').textContent), before);
}

const counted = (page) => page.evaluate(() => window.soundCount);
const pressed = (page) => page.getAttribute('.sound-toggle', 'aria-pressed');

// A landing after the first click is silent: no audio context even made.
async function silentLanding(page) {
	await page.click('h1');
	await land(page);
	assert.deepEqual(await counted(page), { contexts: 0, starts: 0 });
}

// Sound turned on with the toggle: it says so, and the next landing sounds.
async function turnOn(page, why) {
	await page.click('.sound-toggle');
	assert.equal(await pressed(page), 'true');
	await land(page);
	assert.ok((await counted(page)).starts >= 1, why);
}

/* The room is joined once the first status push has moved the meter. */
async function openMasakari(page) {
	await page.goto(`${BASE}/masakari`);
	await page.waitForSelector('.sound-toggle');
	await page.waitForFunction(() => document.getElementById('hp-value').textContent !== '?', null, { timeout: 10000 });
	await page.waitForTimeout(1500);
}

before(() => {
	assert.ok(BASE, 'BASE comes from tests/run.sh');
});

after(async () => {
	for (const v of visitors)
		await v.close();
	for (const v of visitors)
		assert.deepEqual(v.problems, [], 'no console errors, uncaught exceptions or CSP violations');
});

test('no sound and no AudioContext before the visitor first interacts; a landing sounds after', async () => {
	const { page } = await visitor();

	await openMasakari(page);
	assert.equal(await pressed(page), 'true', 'sound is on by default');
	const toggle = await page.evaluate(() => {
		const b = document.querySelector('.sound-toggle');
		const style = getComputedStyle(b);
		return { text: b.textContent, label: b.getAttribute('aria-label'), title: b.title, legible: style.color !== style.backgroundColor };
	});
	/* Its name is the words it shows (label in name), the title what it switches. */
	assert.deepEqual(toggle, { text: '音: オン', label: null, title: '効果音', legible: true }, 'the toggle says so, legibly');
	await land(page);
	assert.deepEqual(await counted(page), { contexts: 0, starts: 0 }, 'silent before any interaction');
	await page.click('h1');
	await land(page);
	const heard = await counted(page);
	assert.equal(heard.contexts, 1, 'one AudioContext, made after the click');
	assert.ok(heard.starts >= 1, `the landing started ${heard.starts} sound nodes`);
	await screenshot(page, 'sound-on');
});

test('the toggle mutes, and the choice is remembered across pages', async () => {
	const { page } = await visitor();

	await openMasakari(page);
	await page.click('h1');
	await page.click('.sound-toggle');
	assert.equal(await pressed(page), 'false');
	await land(page);
	assert.equal((await counted(page)).starts, 0, 'muted: nothing started');

	await openMasakari(page);
	assert.equal(await pressed(page), 'false', 'still muted after a reload');
	await silentLanding(page);

	await turnOn(page, 'on again: the landing sounds');
});

test('a stored choice that is neither on nor off counts as none; a landing\'s name stays text', async () => {
	const { page, context } = await visitor({ reducedMotion: 'reduce' });

	await context.addInitScript(() => window.localStorage.setItem('masakari.sound', '<script>yes</script>'));
	await openMasakari(page);
	assert.equal(await pressed(page), 'false', 'the default for reduced motion');
	await page.click('h1');
	const name = `<img src=x onerror=alert(1)>${RUN}`;
	await land(page, name);
	assert.equal(await page.evaluate(() => document.getElementById('landed').children.length), 0, 'no markup');
	assert.ok((await page.textContent('#landed')).includes(`@${name}`));
	assert.equal((await counted(page)).starts, 0);
});

test('a visitor who asked for reduced motion hears nothing unless they turn sound on', async () => {
	const { page } = await visitor({ reducedMotion: 'reduce' });

	await openMasakari(page);
	assert.equal(await pressed(page), 'false', 'off by default');
	await silentLanding(page);
	await turnOn(page, 'turned on: the landing sounds');
	await openMasakari(page);
	assert.equal(await pressed(page), 'true', 'and that choice is kept');
});
