// masakari.test.mjs — the masakari game in Debian's chromium driven by
// playwright-core, against the test stack: the HP bar following /api/status,
// a throw landing on the framed target (axe and cracks) before its page opens,
// the live progress and report, a refusal shown in place, and the "defeated"
// banner when the machine's CPU is really driven up. Run by t4002-masakari.sh
// with BASE and STACK_VAR set; nothing may leave 127.0.0.1.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE;
const STACK_VAR = process.env.STACK_VAR;
const SCREENSHOTS = process.env.SCREENSHOTS || path.join(STACK_VAR, 'screenshots');
const ORIGIN = new URL(BASE).origin;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const RUN = Math.floor(Math.random() * 0xffffff).toString(16);

let context;
let profile;
const problems = [];
/* The refusal test's 400 is the answer it wants; chromium logs it all the same. */
let refusalExpected = false;

async function screenshot(page, name) {
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	await page.screenshot({ path: path.join(SCREENSHOTS, `masakari-${name}.png`), fullPage: true });
}

async function newPage() {
	const page = await context.newPage();
	page.on('console', (message) => {
		const where = message.location().url || page.url();

		if (message.type() !== 'error')
			return;
		if (refusalExpected && where.endsWith('/masakari/throw') &&
		    /status of 400 \(Bad Request\)/.test(message.text()))
			return;
		problems.push(`${message.text()} (${where})`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	return page;
}

const hpOf = (cpu) => Math.max(0, Math.min(100, Math.round(100 - cpu)));

before(async () => {
	profile = fs.mkdtempSync(path.join(os.tmpdir(), 't4002-chromium-'));
	context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, locale: 'ja-JP',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync',
			'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
	});
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
		});
	});
	await context.route((url) => url.origin !== ORIGIN, (route) => route.abort('internetdisconnected'));
});

after(async () => {
	await context?.close();
	if (profile)
		fs.rmSync(profile, { recursive: true, force: true });
	assert.deepEqual(problems, [], 'no console errors, uncaught exceptions or CSP violations');
});

test('the HP bar follows /api/status every second without a reload', async () => {
	const page = await newPage();
	const statuses = [];

	page.on('response', (r) => { if (r.url().endsWith('/api/status')) statuses.push(r); });
	await page.goto(`${BASE}/masakari`);
	const response = await page.waitForResponse((r) => r.url().endsWith('/api/status'));
	const expected = hpOf((await response.json()).cpuutilization);
	await page.waitForFunction((hp) => document.getElementById('hp-meter').value === hp &&
		document.getElementById('hp-value').textContent === String(hp), expected, { timeout: 900 })
		.catch(() => {}); /* a newer reading may already have replaced it */
	await page.waitForTimeout(3200);
	assert.ok(statuses.length >= 3, `polled ${statuses.length} times in about 3 s`);
	const last = hpOf((await statuses[statuses.length - 1].json()).cpuutilization);
	await page.waitForFunction((hp) => document.getElementById('hp-value').textContent === String(hp),
		last, { timeout: 900 }).catch(() => {});
	const shown = Number(await page.textContent('#hp-value'));
	assert.ok(statuses.length > 0 && shown >= 0 && shown <= 100, `HP shown: ${shown}`);
	assert.equal(await page.evaluate(() => document.getElementById('hp-meter').value), shown);
	assert.equal(new URL(page.url()).pathname, '/masakari', 'no navigation happened');
	await page.close();
});

test('a throw lands on the framed target, then its own page follows the attack to the report', async () => {
	const page = await newPage();

	await page.goto(`${BASE}/masakari`);
	assert.equal(await page.getAttribute('.target-frame iframe', 'src'), '/legacy/');
	await page.fill('#github_id', `browser-${RUN}`);
	await page.fill('#critique', 'bubble sort on every request');
	await page.click('#throw-button');
	await page.waitForSelector('#target-frame.hit', { timeout: 10000 });
	const animations = await page.evaluate(() => ({
		axe: getComputedStyle(document.getElementById('axe')).animationName,
		cracks: getComputedStyle(document.getElementById('cracks')).animationName,
	}));
	assert.deepEqual(animations, { axe: 'axe-fly', cracks: 'cracks-show' });
	await page.waitForFunction(() => getComputedStyle(document.getElementById('cracks')).opacity > 0.5,
		null, { timeout: 3000 });
	await screenshot(page, 'landed');
	assert.equal(new URL(page.url()).pathname, '/masakari', 'the axe flies before the page changes');

	await page.waitForURL(/\/masakari\/throws\/\d+$/, { timeout: 10000 });
	assert.match(await page.textContent('h1'), /^まさかり #\d+$/);
	assert.equal(await page.textContent('#power'), '100');
	const total = Number(await page.textContent('#attack-total'));
	assert.equal(total, 1000);

	/* Live progress first (unless the whole attack is already over), then the report. */
	await page.waitForFunction(() => Number(document.getElementById('attack-sent')?.textContent) > 0 ||
		document.getElementById('attack-report'), null, { timeout: 20000 });
	await screenshot(page, 'attacking');
	await page.waitForSelector('#attack-report', { timeout: 60000 });
	assert.equal(Number(await page.textContent('#report-sent')), total);
	assert.match(await page.textContent('#report-latency'), /^[\d.]+ \/ [\d.]+ \/ [\d.]+ \/ [\d.]+ ms$/);
	await screenshot(page, 'report');
	await page.close();
});

test('a refused throw is explained above the form, and the page stays', async () => {
	const page = await newPage();

	await page.goto(`${BASE}/masakari`);
	await page.fill('#github_id', `browser-refused-${RUN}`);
	/* Spaces pass the browser's "required", not the server. */
	await page.fill('#critique', '   ');
	refusalExpected = true;
	await page.click('#throw-button');
	await page.waitForSelector('#throw-problem:not([hidden])', { timeout: 10000 });
	assert.match(await page.textContent('#throw-problem'), /only spaces or line breaks/);
	assert.equal(new URL(page.url()).pathname, '/masakari');
	assert.equal(await page.isEnabled('#throw-button'), true);
	assert.equal(await page.evaluate(() => document.getElementById('target-frame').classList.contains('hit')), false);
	await page.close();
	refusalExpected = false;
});

test('the defeated banner shows once when HP falls below 20', async () => {
	const page = await newPage();
	/* Drive the CPU up for real: one busy process per core and one more. */
	const burners = Array.from({ length: os.cpus().length + 1 },
		() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));

	try {
		await page.goto(`${BASE}/masakari`);
		await page.waitForSelector('#defeated', { state: 'visible', timeout: 30000 });
		assert.ok(Number(await page.textContent('#hp-value')) < 20);
		await screenshot(page, 'defeated');
		await page.waitForSelector('#defeated', { state: 'hidden', timeout: 10000 });
		/* HP stays low, the banner stays away. */
		await page.waitForTimeout(3000);
		assert.equal(await page.isVisible('#defeated'), false);
	} finally {
		for (const b of burners)
			b.kill('SIGKILL');
	}
	await page.close();
});
