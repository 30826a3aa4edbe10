// masakari.test.mjs — the masakari game in Debian's chromium driven by
// playwright-core, against the test stack: the HP bar pushed by the hall
// daemon (or polled without it), a throw landing on the framed target (axe and
// cracks) before its page opens, the live progress and report, another
// critic's throw landing on a watcher's page, a refusal shown in place, and
// the "defeated" banner when the machine's CPU is really driven up. Run by t4002-masakari.sh
// with BASE and STACK_VAR set; nothing may leave 127.0.0.1.

import { spawn } from 'node:child_process';
import os from 'node:os';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { BASE, browserLaunch, quiesceAttacks, screenshot as screenshotPage, soundCounter, sql } from './lib.mjs';

const RUN = Math.floor(Math.random() * 0xffffff).toString(16);

let browser;
/* The refusal tests' 400 and 409 are the answers they want; chromium logs them all the same. */
let refusalExpected = false;

const screenshot = (page, name) => screenshotPage(page, `masakari-${name}`);

/* /masakari, ready once its document and scripts are (DOMContentLoaded): its
 * "load" waits for the framed /legacy/ too, which an earlier test's attack
 * may still be slowing past any timeout. */
const openMasakari = (page) => page.goto(`${BASE}/masakari`, { waitUntil: 'domcontentloaded' });

/* A page of the one browser these tests share, its console watched. */
const newPage = async () => browser.watch(await browser.context.newPage());

/* Enters at the entrance as id, as a visitor does: a throw is made by the
 * identity the browser holds from then on. */
async function enterAs(page, id) {
	/* The entrance's form, posted as the browser's own (its cookies), without
	 * opening the hall (whose avatars come from github.com). */
	const form = await (await page.request.get(`${BASE}/?change=1`)).text();
	const token = form.match(/name="csrf_token" value="([0-9a-f]{32})"/)[1];
	const entered = await page.request.post(`${BASE}/`, { form: { github_id: id, csrf_token: token }, maxRedirects: 0 });
	assert.equal(entered.status(), 303, `entered as ${id}`);
}

/* The attacks these throws queued must not run on into later tests (as
 * tests/masakari's do not). */
const quiesce = () => quiesceAttacks(`t.github_id LIKE 'browser-%${RUN}'`, 'the test that threw it is over');

const hpOf = (cpu) => Math.max(0, Math.min(100, Math.round(100 - cpu)));

before(async () => {
	browser = await browserLaunch({
		allow: (problem) => refusalExpected && problem.url.endsWith('/masakari/throw') &&
			/status of (400 \(Bad Request\)|409 \(Conflict\))/.test(problem.text),
	});
});

after(async () => {
	await quiesce();
	await browser?.close();
	assert.deepEqual(browser?.problems, [], 'no console errors, uncaught exceptions or CSP violations');
});

/* Frames the page receives from the hall daemon, as parsed objects. */
function roomMessages(page) {
	const messages = [];

	page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => {
		try {
			messages.push(JSON.parse(String(payload)));
		} catch {
			/* not JSON: the page ignores it too */
		}
	}));
	return messages;
}

function statusPolls(page) {
	const polls = [];

	page.on('response', (r) => { if (r.url().endsWith('/api/status')) polls.push(r); });
	return polls;
}

test('the HP bar follows the hall daemon\'s pushes every second, without polling or reloading', async () => {
	const page = await newPage();
	const messages = roomMessages(page);
	const polls = statusPolls(page);

	await openMasakari(page);
	const pushed = () => messages.filter((m) => m.action === 'ACTION_SEND_STATUS');
	for (let i = 0; i < 100 && pushed().length < 2; i++)
		await page.waitForTimeout(100);
	assert.ok(pushed().length >= 2, 'the masakari room pushes the status');
	const pollsBefore = polls.length;
	await page.waitForTimeout(3000);
	assert.equal(polls.length, pollsBefore, 'no polling while the pushes come');
	const last = hpOf(pushed()[pushed().length - 1].status.cpuutilization);
	await page.waitForFunction((hp) => document.getElementById('hp-value').textContent === String(hp),
		last, { timeout: 900 }).catch(() => {});
	const shown = Number(await page.textContent('#hp-value'));
	assert.equal(shown, hpOf(pushed()[pushed().length - 1].status.cpuutilization));
	assert.equal(await page.evaluate(() => document.getElementById('hp-meter').value), shown);
	assert.equal(new URL(page.url()).pathname, '/masakari', 'no navigation happened');
	await page.close();
});

test('without the hall daemon, the HP bar polls /api/status every second', async () => {
	const page = await newPage();
	const polls = statusPolls(page);

	/* The daemon is out of reach for this page only: its socket is refused. */
	await page.routeWebSocket(/\/ws$/, (ws) => ws.close());
	await openMasakari(page);
	await page.waitForTimeout(3500);
	assert.ok(polls.length >= 3, `polled ${polls.length} times in 3.5 s`);
	const last = hpOf((await polls[polls.length - 1].json()).cpuutilization);
	await page.waitForFunction((hp) => document.getElementById('hp-value').textContent === String(hp),
		last, { timeout: 900 }).catch(() => {});
	const shown = Number(await page.textContent('#hp-value'));
	const latest = hpOf((await polls[polls.length - 1].json()).cpuutilization);
	assert.equal(shown, latest);
	await page.close();
});

test('a throw lands on the framed target, then its own page follows the attack to the report', async () => {
	const page = await newPage();

	await enterAs(page, `browser-${RUN}`);
	await openMasakari(page);
	assert.equal(await page.getAttribute('.target-frame iframe', 'src'), '/legacy/');
	assert.equal(await page.inputValue('#github_id'), `browser-${RUN}`);
	await page.fill('#critique', 'bubble sort on every request');
	await page.click('#throw-button');
	await page.waitForSelector('#target-frame.hit', { timeout: 10000 });
	const landing = await page.evaluate(() => ({
		path: location.pathname,
		axe: getComputedStyle(document.getElementById('axe')).animationName,
		cracks: getComputedStyle(document.getElementById('cracks')).animationName,
	}));
	assert.deepEqual(landing, { path: '/masakari', axe: 'axe-fly', cracks: 'cracks-show' },
		'the axe flies at the frame before the page changes');
	/* The cracks show while the page still stands (unless the machine is too
	 * slow to look before it changes). */
	await page.waitForFunction(() => getComputedStyle(document.getElementById('cracks')).opacity > 0.5,
		null, { timeout: 2500 }).then(() => screenshot(page, 'landed')).catch(() => {});

	await page.waitForURL(/\/masakari\/throws\/\d+$/, { timeout: 10000 });
	assert.match(await page.textContent('h1'), /^まさかり #\d+$/);
	assert.equal(await page.textContent('#power'), '100');
	const total = Number(await page.textContent('#attack-total'));
	assert.equal(total, 1000);

	/* Live progress first (unless the whole attack is already over), then the report. */
	await page.waitForFunction(() => Number(document.getElementById('attack-sent')?.textContent) > 0 ||
		document.getElementById('attack-report'), null, { timeout: 20000 });
	/* The live status is in the page's own words (status.cs's, given to the script). */
	const live = await page.evaluate(() => {
		const shown = document.getElementById('attack-status');
		const status = shown.className.replace(/^status-/, '');
		return { text: shown.textContent, word: document.getElementById('throw').getAttribute(`data-status-word-${status}`) };
	});
	assert.equal(live.text, live.word);
	assert.match(live.text, /^(待機中|攻撃中|完了|失敗)$/);
	await screenshot(page, 'attacking');
	await page.waitForSelector('#attack-report', { timeout: 60000 });
	/* Numbers are written the page's language's way: 1,000. */
	assert.equal(await page.textContent('#report-sent'), total.toLocaleString('ja-JP'));
	assert.match(await page.textContent('#report-latency'), /^[\d.]+ \/ [\d.]+ \/ [\d.]+ \/ [\d.]+ ms$/);
	/* The server's words, on the page or arriving on it, as text. */
	await page.waitForSelector('#reply', { timeout: 20000 });
	assert.ok((await page.textContent('#reply')).length > 2);
	assert.equal(await page.evaluate(() => document.getElementById('reply').children.length), 0);
	await screenshot(page, 'report');
	await page.close();
});

test('another critic\'s throw lands on an open page too', async () => {
	const page = await newPage();
	const messages = roomMessages(page);
	const other = `browser-other-${RUN}`;

	await openMasakari(page);
	for (let i = 0; i < 100 && !messages.some((m) => m.action === 'ACTION_SEND_STATUS'); i++)
		await page.waitForTimeout(100);
	/* One throw per address every few seconds: the previous test threw from here. */
	await page.waitForTimeout(3200);
	/* The other critic is another browser, with an identity of its own. */
	const api = await request.newContext();
	const entrance = await (await api.get(`${BASE}/`)).text();
	const token = entrance.match(/name="csrf_token" value="([0-9a-f]{32})"/)[1];
	const entered = await api.post(`${BASE}/`, { form: { github_id: other, csrf_token: token }, maxRedirects: 0 });
	assert.equal(entered.status(), 303);
	const response = await api.post(`${BASE}/masakari/throw`, {
		form: { github_id: other, critique: 'cron as the job scheduler', csrf_token: token },
		maxRedirects: 0,
	});
	assert.equal(response.status(), 303);
	await api.dispose();
	await page.waitForSelector('#target-frame.hit', { timeout: 10000 });
	await page.waitForSelector('#landed:not([hidden])');
	assert.match(await page.textContent('#landed'), new RegExp(`@${other} のまさかり: .* に命中、威力 100`));
	assert.equal(new URL(page.url()).pathname, '/masakari', 'the watcher stays on the page');
	await screenshot(page, 'watched');
	await page.close();
});

test('a refused throw is explained above the form, and the page stays', async () => {
	const page = await newPage();

	await enterAs(page, `browser-refused-${RUN}`);
	await openMasakari(page);
	/* Spaces pass the browser's "required", not the server. */
	await page.fill('#critique', '   ');
	refusalExpected = true;
	await page.click('#throw-button');
	await page.waitForSelector('#throw-problem:not([hidden])', { timeout: 10000 });
	assert.match(await page.textContent('#throw-problem'), /空白と改行しかありません/);
	assert.equal(new URL(page.url()).pathname, '/masakari');
	assert.equal(await page.isEnabled('#throw-button'), true);
	assert.equal(await page.evaluate(() => document.getElementById('target-frame').classList.contains('hit')), false);
	await page.close();
	refusalExpected = false;
});

test('a critique thrown again is refused in place, linking to the earlier throw', async () => {
	const page = await newPage();
	const critic = `browser-again-${RUN}`;

	await enterAs(page, critic);
	await openMasakari(page);
	/* One throw per address every few seconds: an earlier test threw from here. */
	await page.waitForTimeout(3200);
	const token = await page.getAttribute('input[name="csrf_token"]', 'value');
	const first = await page.request.post(`${BASE}/masakari/throw`, {
		form: { github_id: critic, critique: 'no CDN at all', csrf_token: token },
		maxRedirects: 0,
	});
	assert.equal(first.status(), 303);
	const earlier = first.headers().location;
	assert.match(earlier, /^\/masakari\/throws\/\d+$/);
	await page.fill('#critique', 'No CDN, at all!');
	refusalExpected = true;
	await page.click('#throw-button');
	await page.waitForSelector('#throw-problem:not([hidden])', { timeout: 10000 });
	assert.match(await page.textContent('#throw-problem'), /このまさかりは前にも投げています/);
	assert.equal(await page.getAttribute('#throw-problem a', 'href'), earlier);
	assert.equal(new URL(page.url()).pathname, '/masakari');
	assert.equal(await page.isEnabled('#throw-button'), true);
	await screenshot(page, 'repeated');
	await page.close();
	refusalExpected = false;
});

test('the defeated banner shows once when HP falls below 20', async () => {
	const page = await newPage();
	let burners = [];

	/* Counts every time the banner appears, from the start: on a machine
	 * already busy it may show before the page has even finished loading. */
	await page.addInitScript(soundCounter);
	await page.addInitScript(() => {
		window.defeatedShown = 0;
		window.interacted = false;
		window.defeatedAfterInteraction = false;
		window.addEventListener('pointerdown', () => { window.interacted = true; }, true);
		document.addEventListener('DOMContentLoaded', () => {
			const banner = document.getElementById('defeated');
			if (!banner) /* the framed legacy page runs this too */
				return;
			new MutationObserver(() => { if (!banner.hidden) window.defeatedShown++; })
				.observe(banner, { attributes: true, attributeFilter: ['hidden'] });
			new MutationObserver(() => {
				if (!banner.hidden && window.interacted)
					window.defeatedAfterInteraction = true;
			}).observe(banner, { attributes: true, attributeFilter: ['hidden'] });
		});
	});
	await openMasakari(page);
	/* Counted before the interaction, which lets the page sound: on a loaded
	 * machine HP may already be low, and the defeat sound before the click
	 * has even returned. */
	const startsBefore = await page.evaluate(() => window.soundCount.starts);
	/* An interaction, so that the page may sound (unless HP was already low). */
	await page.click('h1');
	try {
		/* Drive the CPU up for real, one busy process per core and one more;
		 * niced, so that they take only what nothing else wants. /proc/stat
		 * counts nice time as busy, so HP falls all the same. */
		burners = Array.from({ length: os.cpus().length + 1 },
			() => spawn('nice', ['-n', '19', process.execPath, '-e', 'for (;;) {}'], { stdio: 'ignore' }));
		await page.waitForFunction(() => window.defeatedShown > 0, null, { timeout: 30000 });
		if (await page.isVisible('#defeated'))
			await screenshot(page, 'defeated');
		/* It goes away after a few seconds and, with HP still low, stays away. */
		await page.waitForSelector('#defeated', { state: 'hidden', timeout: 10000 });
		await page.waitForTimeout(3000);
		assert.ok(Number(await page.textContent('#hp-value')) < 20, 'HP is still below 20');
		assert.equal(await page.isVisible('#defeated'), false);
		assert.equal(await page.evaluate(() => window.defeatedShown), 1, 'shown exactly once');
		/* The defeat's four notes (a banner shown before the click is silent, as it should be). */
		const sound = await page.evaluate(() => ({ after: window.defeatedAfterInteraction, starts: window.soundCount.starts }));
		if (sound.after)
			assert.ok(sound.starts - startsBefore >= 4, `the defeat sounded (${sound.starts - startsBefore} nodes started)`);
	} finally {
		for (const b of burners)
			b.kill('SIGKILL');
	}
	await page.close();
});
