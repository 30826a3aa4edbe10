// hall.test.mjs — the exhibition hall as two visitors use it, in Debian's
// chromium driven by playwright-core, against the test stack's nginx, site
// program and hall daemon. Run by t4001-hall.sh with BASE, STACK_VAR and
// MASAKARI_CONFIG set; every request that would leave 127.0.0.1 is answered
// inside the browser, so nothing leaves the machine.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, STACK_VAR, avatarAt, browserLaunch, hallOverlaps, screenshot as screenshotPage, sql, walkTo } from './lib.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);

/* A PNG of one orange pixel: what "GitHub" serves for the visitor whose
 * avatar is reachable in this test. */
const AVATAR_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const ALICE = 'octo-alice';
const BOB = 'octo-bob';
const SOCKET_FAILURE = /WebSocket connection to .* failed/;

let alice;
let bob;
let daemonDown = false;

function halld(command) {
	execFileSync(path.join(HERE, 'halld-restart.sh'), [command], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/* What the window shows, not the exhibit list below the hall. */
const screenshot = (page, name) => screenshotPage(page, name, { fullPage: false });

/* One visitor: a browser of their own (lib.mjs's, at 1280x800), in which
 * GitHub answers for alice only: bob's avatar must fall back to the
 * identicon, as every avatar does offline. The reconnect attempts that fail
 * while the daemon is down are expected. */
async function launchVisitor(id) {
	const visitor = await browserLaunch({
		viewport: { width: 1280, height: 800 },
		outside: (route) => {
			const url = new URL(route.request().url());

			if (url.hostname === 'github.com' && url.pathname === `/${ALICE}.png`)
				return route.fulfill({ status: 200, contentType: 'image/png', body: AVATAR_PNG });
			return route.abort('internetdisconnected');
		},
		allow: (problem) => daemonDown && SOCKET_FAILURE.test(problem.text),
	});

	visitor.id = id;
	return visitor;
}

/* Resolves once page shows id's avatar within 1 px of (x, y). */
function waitForAvatarAt(page, id, x, y, timeout) {
	return page.waitForFunction(({ user, tx, ty }) => {
		const avatar = document.querySelector(`.hall-avatar[data-user="${user}"]`);
		const m = avatar && /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(avatar.style.transform);
		return m && Math.abs(Number(m[1]) + 32 - tx) <= 1 && Math.abs(Number(m[2]) + 32 - ty) <= 1;
	}, { user: id, tx: x, ty: y }, { timeout, polling: 20 });
}

async function waitConnected(page) {
	await page.waitForSelector('.hall-connection[data-state="open"]', { timeout: 15000 });
}

async function enterHall(visitor) {
	const { page } = visitor;

	await page.goto(`${BASE}/`);
	await page.fill('#github_id', visitor.id);
	await page.click('.entrance-form button[type="submit"]');
	await page.waitForSelector(`#hall.is-live[data-user="${visitor.id}"]`);
}

before(async () => {
	assert.ok(BASE && STACK_VAR, 'BASE and STACK_VAR come from tests/run.sh');
	alice = await launchVisitor(ALICE);
	bob = await launchVisitor(BOB);
});

after(async () => {
	for (const visitor of [alice, bob])
		await visitor?.close();
});

test('two visitors enter with different IDs and are shown the tutorial once', async () => {
	for (const visitor of [alice, bob]) {
		await enterHall(visitor);
		const tutorial = visitor.page.locator('dialog.is-tutorial[open]');
		await tutorial.waitFor();
		if (visitor === alice)
			await screenshot(alice.page, 'hall-tutorial');
		await tutorial.locator('.hall-tutorial-start').click();
		await tutorial.waitFor({ state: 'detached' });
		await waitConnected(visitor.page);
	}
	await alice.page.reload();
	await waitConnected(alice.page);
	assert.equal(await alice.page.locator('dialog[open]').count(), 0, 'no tutorial on the second visit');
});

test('the hall keeps every exhibit link and shows each exhibit as a framed picture', async () => {
	const { page } = alice;
	const slugs = await page.$$eval('.hall-exhibit-list [data-slug]', (items) => items.map((i) => i.dataset.slug));

	assert.equal(slugs.length, Number(sql('SELECT COUNT(*) FROM exhibits')));
	for (const slug of slugs) {
		assert.equal(await page.locator(`.hall-exhibit-list a[href="/exhibits/${slug}"]`).count(), 1);
		const framed = page.locator(`.hall-world .hall-exhibit[data-slug="${slug}"]`);
		assert.equal(await framed.getAttribute('href'), `/exhibits/${slug}`);
		assert.ok((await framed.locator('.hall-exhibit-title').textContent()).length > 0);
	}
});

test('each sees the other; a GitHub avatar that loads is shown, one that fails becomes an identicon', async () => {
	await alice.page.waitForSelector(`.hall-avatar[data-user="${BOB}"]`, { timeout: 5000 });
	await bob.page.waitForSelector(`.hall-avatar[data-user="${ALICE}"]`, { timeout: 5000 });
	await bob.page.waitForSelector(`.hall-avatar[data-user="${ALICE}"].has-github-avatar`, { timeout: 5000 });
	assert.equal(await bob.page.getAttribute(`.hall-avatar[data-user="${ALICE}"] img`, 'src'),
		`https://github.com/${ALICE}.png`);
	const identicon = await alice.page.getAttribute(`.hall-avatar[data-user="${BOB}"] img`, 'src');
	assert.match(identicon, /^data:image\/png;base64,/);
	assert.equal(await alice.page.textContent(`.hall-avatar[data-user="${BOB}"] .hall-name`), `@${BOB}`);
	assert.match(await alice.page.textContent('.hall-people'), /2/);
});

test('A moves with the keyboard and B sees A arrive within 2 s', async (t) => {
	const before = await avatarAt(alice.page, ALICE);

	/* Held for 600 ms, or on a busy machine (a frame walks at most 0.1 s,
	 * and a starved browser draws few) until it has walked 100 px. */
	await alice.page.keyboard.down('ArrowRight');
	await alice.page.waitForTimeout(600);
	for (let i = 0; i < 50 && (await avatarAt(alice.page, ALICE)).x - before.x <= 100; i++)
		await alice.page.waitForTimeout(100);
	await alice.page.keyboard.up('ArrowRight');
	const stopped = Date.now();
	/* The last position goes out right after the key is released. */
	await alice.page.waitForTimeout(150);
	const moved = await avatarAt(alice.page, ALICE);
	assert.ok(moved.x - before.x > 100, `A walked right (${before.x} → ${moved.x})`);
	assert.ok(Math.abs(moved.y - before.y) < 1, 'and stayed on the same line');

	await waitForAvatarAt(bob.page, ALICE, moved.x, moved.y, 5000);
	const took = Date.now() - stopped;
	t.diagnostic(`B saw A arrive ${took} ms after A stopped`);
	assert.ok(took <= 2000, `B saw A arrive after ${took} ms`);
	await screenshot(bob.page, 'hall-b-sees-a');
});

test('dragging one\'s own avatar with the mouse moves it, and B sees it', async () => {
	const { page } = alice;
	const from = await avatarAt(page, ALICE);
	const box = await page.locator(`.hall-avatar[data-user="${ALICE}"] img`).boundingBox();
	const cx = box.x + box.width / 2;
	const cy = box.y + box.height / 2;

	await page.mouse.move(cx, cy);
	await page.mouse.down();
	for (let i = 1; i <= 10; i++)
		await page.mouse.move(cx, cy + i * 10);
	await page.mouse.up();
	const to = await avatarAt(page, ALICE);
	assert.ok(to.y - from.y > 80, `dragged down (${from.y} → ${to.y})`);
	assert.ok(Math.abs(to.x - from.x) < 1, 'not sideways');
	await waitForAvatarAt(bob.page, ALICE, to.x, to.y, 5000);
});

test('keys typed into the chat box do not move the avatar', async () => {
	const { page } = alice;
	const before = await avatarAt(page, ALICE);

	await page.click('.hall-chat-form input');
	await page.keyboard.type('wasd dddd');
	await page.keyboard.press('ArrowLeft');
	await page.waitForTimeout(300);
	assert.deepEqual(await avatarAt(page, ALICE), before);
	await page.fill('.hall-chat-form input', '');
});

test('A chats and B sees the balloon over A, as text, for about five seconds', async () => {
	const message = `こんにちは ${Date.now().toString(36)} <img src=x onerror=alert(1)> & <b>まさかり</b>`;
	const balloon = bob.page.locator(`.hall-avatar[data-user="${ALICE}"] .hall-balloon`);

	await alice.page.fill('.hall-chat-form input', message);
	await alice.page.press('.hall-chat-form input', 'Enter');
	await balloon.waitFor({ state: 'visible', timeout: 3000 });
	assert.equal(await balloon.textContent(), message);
	assert.equal(await balloon.evaluate((b) => b.children.length), 0, 'no markup from the message');
	assert.equal(await alice.page.inputValue('.hall-chat-form input'), '', 'the box is cleared');
	await alice.page.locator(`.hall-avatar[data-user="${ALICE}"] .hall-balloon`).waitFor({ state: 'visible' });
	const logged = bob.page.locator('.hall-chat-log li', { hasText: message });
	assert.equal(await logged.locator('b').textContent(), `@${ALICE}`);
	await screenshot(bob.page, 'hall-chat-balloon');
	await balloon.waitFor({ state: 'hidden', timeout: 8000 });
	const stored = sql(`SELECT COUNT(*) FROM chat_messages WHERE github_id = '${ALICE}'`);
	assert.ok(Number(stored) >= 1, 'the message is kept in MariaDB');
	/* Focus back on the hall, so the keys walk again. */
	await alice.page.press('.hall-chat-form input', 'Escape');
});

test('chatting faster than the daemon allows is refused with a notice, and nothing breaks', async () => {
	const { page } = alice;

	for (let i = 0; i < 8; i++) {
		await page.fill('.hall-chat-form input', `連投 ${i}`);
		await page.press('.hall-chat-form input', 'Enter');
	}
	await page.waitForSelector('.hall-toast:not([hidden])', { timeout: 5000 });
	assert.match(await page.textContent('.hall-toast'), /速すぎ/);
	await page.press('.hall-chat-form input', 'Escape');
	assert.equal(await page.getAttribute('.hall-connection', 'data-state'), 'open');
});

test('clicking an exhibit opens its page in a modal, with a link to the page itself', async () => {
	const { page } = alice;

	const red = page.locator('.hall-world .hall-exhibit[data-slug="red"]');

	await walkTo(page, ALICE, 1250, 560);
	await page.waitForSelector('.hall-exhibit[data-slug="red"].is-here');
	assert.match(await page.textContent('.hall-hint'), /RED/);
	/* The corner of the stand farthest from A, who stands on it: where the
	 * walk stopped depends on how soon the key was let go on a busy machine,
	 * and A's avatar takes the clicks where it stands. */
	const box = await red.boundingBox();
	const me = await page.locator(`.hall-avatar[data-user="${ALICE}"]`).boundingBox();
	const corner = (size, at, mine) => (mine > at + size / 2 ? 12 : size - 12);
	await red.click({ position: {
		x: corner(box.width, box.x, me.x + me.width / 2), y: corner(box.height, box.y, me.y + me.height / 2),
	} });
	const dialog = page.locator('dialog.is-exhibit[open]');
	await dialog.locator('article.exhibit').waitFor();
	assert.equal(await dialog.locator('.hall-dialog-title').textContent(), 'RED');
	assert.equal(await dialog.locator('.exhibit-go a').getAttribute('href'), '/exhibits/red/go');
	await screenshot(page, 'hall-exhibit-modal');
	await Promise.all([page.waitForURL(`${BASE}/exhibits/red`), dialog.locator('.hall-exhibit-page-link').click()]);
	assert.equal(await page.textContent('h1'), 'RED');
	await page.goBack();
	await waitConnected(page);
	assert.equal(await page.locator('dialog[open]').count(), 0);
});

test('Enter on an exhibit goes to /exhibits/<slug>/go, which redirects to its site', async () => {
	const { page } = alice;
	const site = sql("SELECT site_url FROM exhibits WHERE slug = 'red'");
	const visits = Number(sql("SELECT visits FROM exhibits WHERE slug = 'red'"));
	let answer = null;

	/* Back in the hall where A left off: still on RED. */
	await page.waitForSelector('.hall-exhibit[data-slug="red"].is-here');
	/* The browser's request goes to the real site program; its answer is
	 * checked here and the browser gets a local page instead, since a
	 * redirect it followed would leave the machine. */
	await page.route('**/exhibits/*/go', async (route) => {
		const response = await route.fetch({ maxRedirects: 0 });
		answer = { url: route.request().url(), status: response.status(), location: response.headers().location };
		await route.fulfill({ status: 200, contentType: 'text/plain', body: `302 to ${answer.location}` });
	});
	await Promise.all([page.waitForURL(`${BASE}/exhibits/red/go`), page.keyboard.press('Enter')]);
	await page.unroute('**/exhibits/*/go');
	assert.deepEqual(answer, { url: `${BASE}/exhibits/red/go`, status: 302, location: site });
	assert.equal(Number(sql("SELECT visits FROM exhibits WHERE slug = 'red'")), visits + 1, 'the visit is counted');
	await page.goto(`${BASE}/`);
	await waitConnected(page);
});

test('the bulletin board\'s on-screen Enter button opens the architecture diagram', async () => {
	const { page } = bob;

	await walkTo(page, BOB, 1000, 1060);
	await page.waitForSelector('.hall-board.is-here');
	await page.click('.hall-hint .hall-enter');
	const dialog = page.locator('dialog.is-board[open]');
	const diagram = dialog.locator('img[src$="/img/architecture.svg"]');
	await diagram.waitFor();
	await page.waitForFunction(() => document.querySelector('dialog.is-board img').naturalWidth > 0);
	await screenshot(page, 'hall-architecture');
	await page.keyboard.press('Escape');
	await dialog.waitFor({ state: 'detached' });
});

test('the team\'s secret: ↑↑↓↓←→←→BA', async () => {
	const { page } = bob;

	for (const key of ['ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowRight',
		'ArrowLeft', 'ArrowRight', 'b', 'a'])
		await page.keyboard.press(key);
	const dialog = page.locator('dialog.is-celebration[open]');
	await dialog.waitFor();
	await page.keyboard.press('Escape');
	await dialog.waitFor({ state: 'detached' });
});

test('the controls over the hall cover none of one another, from a desktop to a phone', async () => {
	const { page } = bob;
	const sizes = [[1280, 800], [1024, 700], [900, 700], [800, 600], [640, 800], [390, 844], [360, 640]];
	const found = [];

	/* Bob still stands on the board: the Enter hint is shown too. */
	await page.waitForSelector('.hall-hint:not([hidden])');
	const toggle = page.locator('.hall-chat-toggle');
	const logWas = await toggle.getAttribute('aria-expanded');
	for (const log of [false, true]) {
		if (await toggle.getAttribute('aria-expanded') !== String(log))
			await toggle.click();
		await page.waitForSelector(`.hall-chat-toggle[aria-expanded="${log}"]`, { state: 'attached' });
		for (const [width, height] of sizes) {
			await page.setViewportSize({ width, height });
			/* On narrow screens the hint sits over the chat's log, by design;
			 * on the smallest the log, once opened, may reach the visitor. */
			const overlaps = await hallOverlaps(page, (a, b) => a === '.hall-chat-log' &&
				((width <= 900 && b === '.hall-hint') || (height <= 640 && b.startsWith('.hall-avatar'))));
			if (overlaps.length)
				found.push(`${width}×${height}${log ? ' (log open)' : ''}: ${overlaps.join('; ')}`);
			if (width === 390 && log)
				await screenshot(page, 'hall-phone');
		}
	}
	await page.setViewportSize({ width: 1280, height: 800 });
	if (await toggle.getAttribute('aria-expanded') !== logWas)
		await toggle.click();
	assert.deepEqual(found, []);
});

test('after the daemon restarts, both reconnect and see each other where they stood', async () => {
	const aliceBefore = await avatarAt(alice.page, ALICE);
	const bobBefore = await avatarAt(bob.page, BOB);

	await waitForAvatarAt(bob.page, ALICE, aliceBefore.x, aliceBefore.y, 5000);
	await waitForAvatarAt(alice.page, BOB, bobBefore.x, bobBefore.y, 5000);
	daemonDown = true;
	let stopped = false;
	try {
		halld('stop');
		stopped = true;
		for (const visitor of [alice, bob])
			await visitor.page.waitForSelector('.hall-connection:not([data-state="open"])', { timeout: 10000 });
		await screenshot(alice.page, 'hall-daemon-down');
		halld('start');
		stopped = false;
		for (const visitor of [alice, bob])
			await waitConnected(visitor.page);
	} finally {
		/* Whatever failed, the tests after this one get their daemon back. */
		if (stopped)
			halld('start');
		daemonDown = false;
	}
	await waitForAvatarAt(bob.page, ALICE, aliceBefore.x, aliceBefore.y, 10000);
	await waitForAvatarAt(alice.page, BOB, bobBefore.x, bobBefore.y, 10000);
	await bob.page.waitForSelector(`.hall-avatar[data-user="${ALICE}"]:not(.is-stale)`);
	assert.deepEqual(await avatarAt(alice.page, ALICE), aliceBefore, 'A stayed in place');
	await screenshot(alice.page, 'hall-after-restart');
});

test('the entrance remembers the ID in this browser', async () => {
	const { page, context } = bob;

	await context.clearCookies();
	await page.goto(`${BASE}/`);
	assert.equal(await page.inputValue('#github_id'), BOB);
});

test('no page produced a CSP violation, a console error or an uncaught exception', () => {
	assert.deepEqual(alice.problems, []);
	assert.deepEqual(bob.problems, []);
});
