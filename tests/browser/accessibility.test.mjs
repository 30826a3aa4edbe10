// accessibility.test.mjs — every page of the site at zero WCAG 2 A/AA
// violations as axe-core finds them in Debian's chromium, in both
// languages: the entrance, the hall, the list of works, a work with its
// likes and guestbook (as a visitor, a team member and an operator see it),
// /masakari, a throw, the ranking, the legacy target and the insights page.
// Run by t4031-accessibility.sh.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, ROOT, browserLaunch, enterHall, quiesceAttacks, sql } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const RUN = Date.now().toString(36).slice(-5);
const OPERATOR = process.env.MASAKARI_OPERATOR;
let throwId;
const open = [];

after(async () => {
	await Promise.all(open.map((v) => v.close()));
	/* The throw's attack must not run on into later tests. */
	await quiesce(throwId);
});

/* The throw's attack must not run on into the pages checked next (the en
 * run opens the legacy target first). */
async function quiesce(id) {
	assert.ok(await quiesceAttacks(`t.id = ${Number(id) || 0}`, 'a page test'),
		`the attack of throw ${id} still runs after 30 s`);
}

/* The violations axe-core finds on the page as it stands, one line each. */
async function violations(page) {
	/* Evaluated through the debugger, as page scripts are not: the pages'
	 * CSP allows no inline script, and rightly. */
	/* A fade-in (the "defeated" banner's) is judged once it has faded in. */
	await page.evaluate(() => Promise.race([
		Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity)
			.map((a) => a.finished.catch(() => {}))),
		new Promise((resolve) => setTimeout(resolve, 3000)),
	]));
	await page.evaluate(AXE);
	const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
	return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3)
		.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('; ')}`);
}

/* Takes another ID in the same browser, through the entrance's form. */
async function changeTo(page, id) {
	await page.goto(`${BASE}/?change=1`);
	await page.fill('#github_id', id);
	await page.click('.entrance-form button[type="submit"]');
	await page.waitForSelector('#hall.is-live');
}

async function visitor(locale) {
	const v = await browserLaunch({ locale });
	await v.context.addInitScript(() => localStorage.setItem('masakari.hall.tutorialSeen', '1'));
	open.push(v);
	return v;
}

before(async () => {
	/* Something in the guestbook, with a team's answer, so the notes are checked too. */
	execFileSync(path.join(ROOT, 'bin', 'masakarictl'), ['team-add', 'kisei', `a11y-member-${RUN}`], { env: process.env });
	sql(`INSERT INTO exhibit_notes (exhibit_id, github_id, body) SELECT id, 'a11y-guest', 'Which microphone did you use?' FROM exhibits WHERE slug = 'kisei'`);
	sql(`INSERT INTO exhibit_notes (exhibit_id, reply_to, github_id, body, by_team) SELECT e.id, MAX(n.id), 'a11y-member', 'A cheap USB one.', 1
	     FROM exhibits e JOIN exhibit_notes n ON n.exhibit_id = e.id WHERE e.slug = 'kisei' GROUP BY e.id`);
});

for (const { lang, locale } of [{ lang: 'ja', locale: 'ja-JP' }, { lang: 'en', locale: 'en-US' }]) {
	test(`${lang}: every page has no WCAG 2 A/AA violation`, async () => {
		const v = await visitor(locale);
		const page = v.page;
		const found = {};
		const check = async (name, url, ready) => {
			const response = await page.goto(`${BASE}${url}`);
			assert.ok(response.status() < 400, `${url} answered ${response.status()}`);
			if (ready)
				await ready();
			found[name] = await violations(page);
		};

		await check('entrance', '/');
		await check('legacy', '/legacy/');
		await check('masakari', '/masakari');
		await check('ranking', '/masakari/ranking');
		await enterHall(page, `a11y-${lang}-${RUN}`);
		await check('hall', '/', async () => {
			await page.waitForSelector('#hall.is-live .hall-reaction');
			await page.waitForSelector('#hall-people-list li');
		});
		await check('works', '/exhibits/');
		await check('works by likes', '/exhibits/?sort=likes');
		await check('a work', '/exhibits/kisei');
		/* A throw of our own, for its page. */
		const form = await (await page.request.get(`${BASE}/masakari`)).text();
		const token = form.match(/name="csrf_token" value="([0-9a-f]{32})"/)[1];
		const thrown = await page.request.post(`${BASE}/masakari/throw`, {
			form: { github_id: `a11y-${lang}-${RUN}`, critique: 'bubble sort on every request', csrf_token: token }, maxRedirects: 0,
		});
		assert.equal(thrown.status(), 303);
		throwId = thrown.headers().location.match(/(\d+)$/)[1];
		await quiesce(throwId);
		await check('a throw', `/masakari/throws/${throwId}`);

		/* As the work's team sees it, and as an operator does. */
		const member = `a11y-member-${RUN}`;
		if (lang === 'ja') {
			await changeTo(page, member);
			sql(`UPDATE identities SET verified = 1 WHERE github_id = '${member}'`);
			await check('a work, for its team', '/exhibits/kisei', async () => page.waitForSelector('.note-reply-form'));
		}
		/* The operator, through a one-time link as a venue makes one
		 * (it takes the ID from whichever browser held it). */
		const link = execFileSync(path.join(ROOT, 'bin', 'masakarictl'), ['operator-link', OPERATOR], { encoding: 'utf8' }).trim();
		await page.goto(`${BASE}${new URL(link).pathname}`);
		await check('a work, for an operator', '/exhibits/kisei', async () => page.waitForSelector('.note-delete'));
		await check('insights', '/operators/insights');

		const bad = Object.entries(found).filter(([, list]) => list.length);
		assert.deepEqual(bad, [], bad.map(([name, list]) => `${name}:\n  ${list.join('\n  ')}`).join('\n'));
		assert.equal(Object.keys(found).length, lang === 'ja' ? 12 : 11);
	});
}
