// responses.test.mjs — what visitors answer to the works, in Debian's
// chromium, in both languages: liking and unliking (the count on the page
// and on the hall's stand), a note and the team's answer, a reaction seen by
// a second visitor (float, chat log, list of who is here), and the insights
// page after a short visit, with a screenshot. Run by t4030-responses.sh.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, ROOT, browserLaunch, enterHall, screenshot, sql, walkTo } from './lib.mjs';

const RUN = Date.now().toString(36).slice(-5);
const OPERATOR = process.env.MASAKARI_OPERATOR;
const open = [];
after(async () => {
	await Promise.all(open.map((v) => v.close()));
});

async function visitor(locale) {
	const v = await browserLaunch({ locale });
	/* The hall's first-visit tutorial is hall.test.mjs's concern. */
	await v.context.addInitScript(() => localStorage.setItem('masakari.hall.tutorialSeen', '1'));
	open.push(v);
	return v;
}

function ctl(...args) {
	return execFileSync(path.join(ROOT, 'bin', 'masakarictl'), args, { encoding: 'utf8', env: process.env });
}

const LANGS = [
	{ lang: 'ja', locale: 'ja-JP', like: 'この作品にいいね', unlike: 'いいねを取り消す', count: (n) => `いいね ${n} 件`, team: 'チーム', reacted: 'のリアクション' },
	{ lang: 'en', locale: 'en-US', like: 'Like this work', unlike: 'Take back my like', count: (n) => `${n} likes`, team: 'Team', reacted: 'reacted' },
];

for (const L of LANGS) {
	test(`${L.lang}: liking and unliking, on the work's page and on the hall's stand`, async () => {
		const v = await visitor(L.locale);
		const id = `liker-${L.lang}-${RUN}`;
		const slug = L.lang === 'ja' ? 'watalk' : 'bears-sandbag';
		sql(`DELETE l FROM exhibit_likes l JOIN exhibits e ON e.id = l.exhibit_id WHERE e.slug = '${slug}'`);
		await enterHall(v.page, id);
		await v.page.goto(`${BASE}/exhibits/${slug}`);
		assert.equal((await v.page.textContent('.like-count')).trim(), L.count(0));
		await v.page.click(`button.like-button:has-text("${L.like}")`);
		await v.page.waitForURL(new RegExp(`/exhibits/${slug}#likes$`));
		assert.equal((await v.page.textContent('.like-count')).trim(), L.count(1));
		assert.equal((await v.page.textContent('button.like-button')).trim(), L.unlike);
		await v.page.goto(`${BASE}/`);
		await v.page.waitForSelector(`.hall-exhibit[data-slug="${slug}"] .hall-exhibit-likes`);
		assert.equal(await v.page.getAttribute(`.hall-exhibit[data-slug="${slug}"] .hall-exhibit-likes`, 'data-likes'), '1');
		assert.equal((await v.page.textContent(`.hall-exhibit-list [data-slug="${slug}"] .exhibit-likes`)).trim(), L.count(1));
		await v.page.goto(`${BASE}/exhibits/${slug}`);
		await v.page.click(`button.like-button:has-text("${L.unlike}")`);
		await v.page.waitForURL(/#likes$/);
		assert.equal((await v.page.textContent('.like-count')).trim(), L.count(0));
		await v.page.goto(`${BASE}/`);
		await v.page.waitForSelector(`.hall-exhibit[data-slug="${slug}"] .hall-exhibit-likes`);
		assert.equal(await v.page.getAttribute(`.hall-exhibit[data-slug="${slug}"] .hall-exhibit-likes`, 'data-likes'), '0');
		assert.deepEqual(v.problems, []);
	});

	test(`${L.lang}: a visitor's note and the team's answer, marked as the team's`, async () => {
		const slug = L.lang === 'ja' ? 'kisei' : 'lab-blog';
		const guest = await visitor(L.locale);
		const member = await visitor(L.locale);
		const memberId = `member-${L.lang}-${RUN}`;
		const question = L.lang === 'ja' ? `どのくらいで作りましたか？ ${RUN}` : `How long did it take? ${RUN}`;
		const answer = L.lang === 'ja' ? `二週末です ${RUN}` : `Two weekends ${RUN}`;
		await enterHall(guest.page, `guest-${L.lang}-${RUN}`);
		await guest.page.goto(`${BASE}/exhibits/${slug}`);
		await guest.page.fill('#note-body', question);
		await guest.page.click('.note-form button[type="submit"]');
		await guest.page.waitForURL(/#guestbook$/);
		const note = guest.page.locator('.guestbook-notes > li', { hasText: question });
		await note.waitFor();
		assert.equal(await guest.page.locator('.note-reply-form').count(), 0, 'a guest has no answer form');

		ctl('team-add', slug, memberId);
		await enterHall(member.page, memberId);
		/* The test stack has GitHub sign-in: a member proves the ID with it. */
		sql(`UPDATE identities SET verified = 1 WHERE github_id = '${memberId}'`);
		await member.page.goto(`${BASE}/exhibits/${slug}`);
		const item = member.page.locator('.guestbook-notes > li', { hasText: question });
		await item.locator('textarea').fill(answer);
		await item.locator('.note-reply-form button[type="submit"]').click();
		await member.page.waitForURL(/#guestbook$/);
		/* The guest's own kept copy of the page may be Cache.PagesSeconds old;
		 * the team's, drawn anew after the answer, is not. */
		const reply = member.page.locator('.note-replies li', { hasText: answer });
		await reply.waitFor();
		assert.equal((await reply.locator('.team-mark').textContent()).trim(), L.team);
		await screenshot(member.page, `guestbook-${L.lang}`);
		assert.deepEqual([...guest.problems, ...member.problems], []);
	});

	test(`${L.lang}: a reaction is seen by a second visitor, floating and read out in the chat log`, async () => {
		const a = await visitor(L.locale);
		const b = await visitor(L.locale);
		const aId = `reactor-${L.lang}-${RUN}`;
		const bId = `seer-${L.lang}-${RUN}`;
		await enterHall(a.page, aId);
		await enterHall(b.page, bId);
		await b.page.waitForSelector(`.hall-avatar[data-user="${aId}"]`, { timeout: 10000 });
		await a.page.waitForSelector('#hall .hall-connection[data-state="open"]', { timeout: 10000 });
		/* A tap on the button, then the key 5. */
		await a.page.click('.hall-reaction[data-emote="heart"]');
		await b.page.waitForSelector(`.hall-avatar[data-user="${aId}"] .hall-reaction-float`, { timeout: 5000 });
		assert.equal(await b.page.textContent(`.hall-avatar[data-user="${aId}"] .hall-reaction-float`), '❤️');
		await screenshot(b.page, `reaction-${L.lang}`);
		await b.page.waitForFunction((text) => [...document.querySelectorAll('.hall-chat-log li')]
			.some((li) => li.textContent.includes(text)), `@${aId}`);
		const notice = await b.page.evaluate(() => [...document.querySelectorAll('.hall-chat-log .hall-chat-notice')].pop().textContent);
		assert.ok(notice.includes(L.reacted) && notice.includes('❤️'), notice);
		assert.equal(await b.page.getAttribute('#hall-chat-log', 'aria-live'), 'polite');
		await a.page.waitForTimeout(1100);
		await a.page.evaluate(() => document.activeElement && document.activeElement.blur());
		await a.page.keyboard.press('5');
		await b.page.waitForFunction((user) => [...document.querySelectorAll(`.hall-avatar[data-user="${user}"] .hall-reaction-float`)]
			.some((f) => f.textContent === '🪓'), aId, { timeout: 5000 });
		/* Typing 1 in the chat box is typing, not a reaction. */
		await a.page.fill('.hall-chat-form input', '1');
		const before = await b.page.locator('.hall-chat-log .hall-chat-notice').count();
		await a.page.focus('.hall-chat-form input');
		await a.page.keyboard.press('1');
		await b.page.waitForTimeout(1200);
		assert.equal(await b.page.locator('.hall-chat-log .hall-chat-notice').count(), before);
		/* Who is here, without the map. */
		const people = await b.page.textContent('#hall-people-list');
		assert.ok(people.includes(`@${aId}`) && people.includes(`@${bId}`), people);
		assert.deepEqual([...a.problems, ...b.problems], []);
	});
}

test('the insights page after a short visit: people at a work, likes, a screenshot', async () => {
	const guest = await visitor('en-US');
	const op = await visitor('en-US');
	const guestId = `insight-${RUN}`;
	const [x, y] = sql("SELECT hall_x, hall_y FROM exhibits WHERE slug = 'meguru-cosmos'").split('\t').map(Number);
	sql('DELETE FROM hall_sample_positions');
	await enterHall(guest.page, guestId);
	await guest.page.waitForSelector('#hall .hall-connection[data-state="open"]', { timeout: 10000 });
	await walkTo(guest.page, guestId, x, y + 120);
	await guest.page.waitForFunction((user) => document.querySelector(`#hall-people-list li[data-user="${user}"]`)?.dataset.exhibit === 'meguru-cosmos',
		guestId, { timeout: 5000 });
	/* The daemon samples every 5 s on the test stack (Halld.InsightsSampleSeconds). */
	/* A sample of the guest standing there, not one taken on the way. */
	const near = `SELECT COUNT(*) FROM hall_sample_positions WHERE github_id = '${guestId}' `
		+ `AND POW(x - ${x}, 2) + POW(y - ${y}, 2) <= 160 * 160`;
	for (let i = 0; i < 30 && sql(near) === '0'; i++)
		await guest.page.waitForTimeout(500);
	await guest.page.goto(`${BASE}/exhibits/meguru-cosmos`);
	await guest.page.click('button.like-button');
	await guest.page.waitForURL(/#likes$/);

	/* The operator, through a one-time link as a venue makes one. */
	await op.page.goto(`${BASE}${new URL(ctl('operator-link', OPERATOR).trim()).pathname}`);
	/* Only this visit counts: visitors of the other tests on this stack
	 * may have stood elsewhere meanwhile. */
	sql(`DELETE FROM hall_sample_positions WHERE github_id <> '${guestId}'`);
	await op.page.goto(`${BASE}/operators/insights`);
	assert.equal(await op.page.textContent('h1'), "The team's numbers");
	assert.match(await op.page.textContent('.insights-longest'), /Meguru Cosmos/);
	const row = op.page.locator('.insights-exhibits tr[data-slug="meguru-cosmos"]');
	assert.ok(Number(await row.locator('.likes').textContent()) >= 1);
	assert.ok(await op.page.locator('svg rect.bar-unique').count() === 24);
	await screenshot(op.page, 'insights-en');
	await op.page.goto(`${BASE}/operators/insights?lang=ja`);
	assert.equal(await op.page.textContent('h1'), 'チームのための数字');
	await screenshot(op.page, 'insights-ja');
	/* A visitor who is not an operator is turned away. */
	const refused = await guest.page.goto(`${BASE}/operators/insights`);
	assert.equal(refused.status(), 403);
	assert.deepEqual(op.problems, []);
});
