// damage.test.mjs — the damage a critic can watch, in Debian's chromium driven
// by playwright-core against the test stack: a throw's page shows the target's
// HP bar live while the attack runs (it falls, and says how far), then the
// report with the requested and achieved rates, the requests not sent, the HP
// during the attack and its chart; in Japanese and in English, and without
// script (the page reloads itself while the attack runs). Run by
// t4010-damage.sh with BASE and STACK_VAR set; nothing may leave 127.0.0.1.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, browserLaunch, screenshot, sql } from './lib.mjs';

const RUN = Math.floor(Math.random() * 0xffffff).toString(16);
const visitors = [];

/* The words of the report, as lang/<l>/masakari.hdf has them. */
const WORDS = {
	ja: { locale: 'ja-JP', requested: '要求した速さ', achieved: '実際の速さ', dropped: '送られなかったリクエスト',
		hp: '攻撃中のHP', critique: 'バブルソートをリクエストのたびに回している', title: /^まさかり #\d+$/ },
	en: { locale: 'en-US', requested: 'Requested rate', achieved: 'Achieved rate', dropped: 'Requests not sent',
		hp: 'HP during the attack', critique: 'bubble sort on every request', title: /^masakari #\d+$/ },
};

after(async () => {
	for (const v of visitors)
		await v.close();
	for (const v of visitors)
		assert.deepEqual(v.problems, [], 'no console errors, uncaught exceptions or CSP violations');
});

/* Enters at the entrance as id, with the browser's own cookies. */
async function enterAs(page, id) {
	const form = await (await page.request.get(`${BASE}/?change=1`)).text();
	const token = form.match(/name="csrf_token" value="([0-9a-f]{32})"/)[1];
	const entered = await page.request.post(`${BASE}/`, { form: { github_id: id, csrf_token: token }, maxRedirects: 0 });
	assert.equal(entered.status(), 303, `entered as ${id}`);
}

/* One throw per address every few seconds: the test before threw from here. */
async function throwSlotFree() {
	await new Promise((resolve) => setTimeout(resolve, 3500));
}

/* Reads the report table into {header: cell}. */
async function reportOf(page) {
	return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#attack-report tr')]
		.map((tr) => [tr.querySelector('th').textContent.trim(), tr.querySelector('td').textContent.trim()])));
}

async function checkReport(page, words, lang) {
	const report = await reportOf(page);

	assert.match(report[words.requested], /^100 /, `requested: ${report[words.requested]}`);
	assert.match(report[words.achieved], /^\d+(\.\d)? /, `achieved: ${report[words.achieved]}`);
	const achieved = Number(report[words.achieved].split(' ')[0]);
	assert.ok(achieved > 0 && achieved <= 101, `achieved ${achieved}/s of 100/s`);
	assert.match(report[words.dropped], /^\d+ /, `dropped: ${report[words.dropped]}`);
	assert.match(report[words.dropped], /1,000/, 'of the 1,000 the schedule had');
	/* The chart of the attack's window, drawn on the server, with the HP in it. */
	assert.equal(await page.locator('#throw-hp figure.hp-chart svg').count(), 1);
	const samples = await page.locator('#throw-hp polyline.hp-trace').count();
	if (samples > 0)
		assert.match(report[words.hp], /\d+.*\d+/, `HP during the attack: ${report[words.hp]}`);
}

for (const lang of ['ja', 'en']) {
	test(`${lang}: the throw's page shows the HP fall live, then the report with requested and achieved rates`, async () => {
		const words = WORDS[lang];
		const v = await browserLaunch({ locale: words.locale });
		const { page } = v;
		const statusPolls = [];

		visitors.push(v);
		page.on('response', (r) => { if (r.url().endsWith('/api/status')) statusPolls.push(r.url()); });
		await enterAs(page, `damage-${lang}-${RUN}`);
		await throwSlotFree();
		await page.goto(`${BASE}/masakari`);
		await page.fill('#critique', words.critique);
		await page.click('#throw-button');
		await page.waitForURL(/\/masakari\/throws\/\d+$/, { timeout: 15000 });
		assert.match(await page.textContent('h1'), words.title);
		assert.equal(await page.textContent('#power'), '100');
		assert.equal(await page.getAttribute('html', 'lang'), lang);

		/* Watch the HP bar while the attack runs: it moves without a reload. */
		/* The HP the page counts its fall from. */
		await page.waitForSelector('#hp-meter[data-first]');
		const first = Number(await page.getAttribute('#hp-meter', 'data-first'));
		let lowest = first;
		let fallShown = '';
		for (let i = 0; i < 120 && (await page.locator('#attack-report').count()) === 0; i++) {
			await page.waitForTimeout(500);
			try {
				lowest = Math.min(lowest, await page.evaluate(() => document.getElementById('hp-meter').value));
				if (await page.isVisible('#hp-fall'))
					fallShown = await page.textContent('#hp-fall');
			} catch {
				/* the page is reloading for the report */
			}
			if (i === 12)
				await screenshot(page, `damage-${lang}-live`);
		}
		assert.ok(statusPolls.length >= 3, `the HP bar followed /api/status (${statusPolls.length} polls)`);
		/* 100 requests/s of bubble sort take about a core: the HP falls,
		 * unless the machine was already at its floor. */
		assert.ok(lowest < first || first <= 5, `the HP fell from ${first} (lowest ${lowest})`);
		if (lowest < first)
			assert.match(fallShown, /\d/, 'the page says how far the HP fell');

		await page.waitForSelector('#attack-report', { timeout: 60000 });
		await checkReport(page, words, lang);
		await screenshot(page, `damage-${lang}-report`);
		const id = page.url().match(/(\d+)$/)[1];
		assert.equal(sql(`SELECT lang FROM throws WHERE id=${id}`), lang);
	});
}

test('without script, the throw\'s page reloads itself while the attack runs and ends with the report', async () => {
	const words = WORDS.en;
	const v = await browserLaunch({ locale: words.locale, javaScriptEnabled: false });
	const { page } = v;
	let loads = 0;

	visitors.push(v);
	page.on('load', () => { loads++; });
	await enterAs(page, `damage-nojs-${RUN}`);
	await throwSlotFree();
	await page.goto(`${BASE}/masakari`);
	await page.fill('#critique', 'the random page bubble-sorts an array on each request');
	await page.click('#throw-button');
	await page.waitForURL(/\/masakari\/throws\/\d+$/, { timeout: 15000 });
	assert.equal(await page.textContent('#power'), '100');
	const loadsAtThrow = loads;
	for (let i = 0; i < 120; i++) {
		try {
			if ((await page.locator('#attack-report').count()) > 0)
				break;
		} catch {
			/* between two loads */
		}
		await page.waitForTimeout(500);
	}
	await page.waitForSelector('#attack-report', { timeout: 5000 });
	assert.ok(loads - loadsAtThrow >= 2, `the page reloaded itself (${loads - loadsAtThrow} loads)`);
	await checkReport(page, words, 'en');
	/* Once the attack is over, nothing reloads the page any more. */
	assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0);
	await screenshot(page, 'damage-nojs-report');
});
