// lib.mjs — what the browser tests share: Debian's chromium with a fresh
// profile that reaches nothing but the test stack, a record of every console
// error, uncaught exception and CSP violation, and the stack's database.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = process.env.BASE;
export const STACK_VAR = process.env.STACK_VAR;
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const SCREENSHOTS = process.env.SCREENSHOTS || path.join(STACK_VAR || os.tmpdir(), 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
	/* Belt and braces to the routing below: no name but ours resolves. */
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'];

/* The application's database, as tests/lib.sh's sql() reaches it. */
export function sql(query) {
	const password = fs.readFileSync(path.join(STACK_VAR, 'db-password'), 'utf8').trim();

	return execFileSync('mariadb', ['--no-defaults', '-S', path.join(STACK_VAR, 'run', 'mysqld.sock'),
		'-u', 'masakari', `-p${password}`, '--default-character-set=utf8mb4', '-N', '-B', 'masakari',
		'-e', query], { encoding: 'utf8' }).trim();
}

/* Attacks must not run on into later tests: cancels those of the throws
 * that match where (an SQL condition on throws t) that no flooder has
 * claimed yet, and waits (at most 30 s) for those running. False when one
 * still runs. */
export async function quiesceAttacks(where, reason) {
	const of = `attack_jobs j JOIN throws t ON t.id = j.throw_id`;

	sql(`UPDATE ${of} SET j.status = 'failed', j.failure_reason = 'cancelled: ${reason}'
	     WHERE j.status = 'queued' AND (${where})`);
	for (let i = 0; i < 60; i++) {
		if (sql(`SELECT COUNT(*) FROM ${of} WHERE j.status = 'running' AND (${where})`) === '0')
			return true;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return false;
}

/*
 * A browser of its own (fresh profile) for one visitor. options.locale sets
 * the browser's language (its Accept-Language), options.reducedMotion
 * 'reduce' asks for reduced motion, options.javaScriptEnabled false turns the
 * pages' scripts off, options.allow(problem) may excuse an expected console
 * error, options.args adds chromium flags, options.viewport sets the window
 * (1280x900 when none). Returns {context, page, problems, watch(page),
 * close()}. options.base is the site's address for this visitor (BASE when
 * none: a second route to the stack, as second-hall.mjs makes). Everything
 * not on that origin fails as if offline, unless options.outside(route)
 * answers it (it is given every such request).
 */
export async function browserLaunch(options = {}) {
	const origin = new URL(options.base || BASE).origin;
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'masakari-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...(options.args || [])],
		viewport: options.viewport || { width: 1280, height: 900 }, locale: options.locale || 'ja-JP',
		reducedMotion: options.reducedMotion || 'no-preference',
		javaScriptEnabled: options.javaScriptEnabled !== false,
	});
	const visitor = { context, problems: [] };

	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
		});
	});
	await context.route((url) => url.origin !== origin,
		(route) => (options.outside ? options.outside(route) : route.abort('internetdisconnected')));
	visitor.watch = (page) => {
		page.on('console', (message) => {
			if (message.type() !== 'error')
				return;
			const problem = { text: message.text(), url: message.location().url || page.url() };
			/* GitHub's avatars are out of reach here: shown as identicons. */
			if (problem.url.startsWith('https://github.com/'))
				return;
			if (options.allow && options.allow(problem))
				return;
			visitor.problems.push(`${problem.text} (${problem.url})`);
		});
		page.on('pageerror', (error) => visitor.problems.push(`uncaught: ${error.message}`));
		return page;
	};
	visitor.page = visitor.watch(context.pages()[0] || await context.newPage());
	visitor.close = async () => {
		await context.close();
		fs.rmSync(profile, { recursive: true, force: true });
	};
	return visitor;
}

/* The page as SCREENSHOTS/name.png: the whole page, or with fullPage false
 * what the window shows. */
export async function screenshot(page, name, { fullPage = true } = {}) {
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/* Enters the hall as id through the entrance form, as a visitor does (at
 * base, BASE when none). */
export async function enterHall(page, id, base = BASE) {
	await page.goto(`${base}/`);
	await page.fill('#github_id', id);
	await page.click('.entrance-form button[type="submit"]');
	await page.waitForSelector('#hall.is-live');
}

/* An init script (context.addInitScript) that counts sound in window.soundCount:
 * AudioContexts made, and source nodes (oscillators, buffers) started. */
export function soundCounter() {
	window.soundCount = { contexts: 0, starts: 0 };
	if (typeof AudioScheduledSourceNode === 'undefined')
		return;
	const start = AudioScheduledSourceNode.prototype.start;
	AudioScheduledSourceNode.prototype.start = function (...args) {
		window.soundCount.starts++;
		return start.apply(this, args);
	};
	const Real = window.AudioContext;
	window.AudioContext = class extends Real {
		constructor(...args) {
			super(...args);
			window.soundCount.contexts++;
		}
	};
}

/* Where page shows id's avatar: the centre of its 64 px picture, in world
 * pixels (the avatar is placed with translate(left, top)). */
export async function avatarAt(page, id) {
	return page.evaluate((user) => {
		const avatar = document.querySelector(`.hall-avatar[data-user="${user}"]`);
		const m = avatar && /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(avatar.style.transform);
		return m ? { x: Number(m[1]) + 32, y: Number(m[2]) + 32 } : null;
	}, id);
}

/* Walks id's avatar with the arrow keys, first across, then up or down,
 * until it stands at about (x, y). */
export async function walkTo(page, id, x, y) {
	/* Keys typed into a text field do not walk. */
	await page.evaluate(() => document.activeElement && document.activeElement.blur());
	for (const [axis, back, forth, target] of [['x', 'ArrowLeft', 'ArrowRight', x], ['y', 'ArrowUp', 'ArrowDown', y]]) {
		const at = (await avatarAt(page, id))[axis];
		if (Math.abs(at - target) <= 12)
			continue;
		const sign = at < target ? 1 : -1;
		await page.keyboard.down(sign > 0 ? forth : back);
		try {
			await page.waitForFunction(({ user, index, goal, direction }) => {
				const avatar = document.querySelector(`.hall-avatar[data-user="${user}"]`);
				const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(avatar.style.transform);
				return (Number(m[index]) + 32 - goal) * direction >= 0;
			}, { user: id, index: axis === 'x' ? 1 : 2, goal: target, direction: sign }, { timeout: 15000, polling: 'raf' });
		} finally {
			await page.keyboard.up(sign > 0 ? forth : back);
		}
	}
}

/* The controls laid over the hall that must not cover one another. */
const HALL_CONTROLS = ['.hall-welcome', '.hall-hud', '.hall-minimap', '.hall-reactions', '.hall-call',
	'.hall-chat-form', '.hall-chat-log', '.hall-hint'];

/* The pairs of the hall's controls shown on page that cover part of one
 * another, or the visitor's own picture (.hall-avatar.is-self img), as
 * "a × b: W×H px"; allowed(a, b) may excuse a pair (a before b in
 * HALL_CONTROLS, the picture last). */
export async function hallOverlaps(page, allowed = () => false) {
	const selectors = [...HALL_CONTROLS, '.hall-avatar.is-self .hall-avatar-image'];

	/* As drawn: a window just resized is laid out again (ResizeObserver) by
	 * the frame after next. */
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
	const boxes = await page.evaluate((selectors) => selectors.map((selector) => {
		const element = document.querySelector(selector);
		const box = element && element.getBoundingClientRect();
		return box && box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'
			? { selector, left: box.left, top: box.top, right: box.right, bottom: box.bottom } : null;
	}).filter(Boolean), selectors);
	const overlaps = [];

	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const [a, b] = [boxes[i], boxes[j]];
			const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
			const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
			if (width > 0 && height > 0 && !allowed(a.selector, b.selector))
				overlaps.push(`${a.selector} × ${b.selector}: ${Math.round(width)}×${Math.round(height)} px`);
		}
	}
	return overlaps;
}
