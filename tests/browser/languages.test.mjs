// languages.test.mjs — the hall and the game walked once in each language, as
// a visitor whose browser asks for it (Accept-Language) would: entrance,
// tutorial, a chat notice, an exhibit's dialog, a throw, its page and report,
// the ranking, a 404. On every stop nothing in the interface is in the other
// language — only what people wrote (critiques, chat, names) and text marked
// with its own lang (a work with no English description) may be — and no
// page logs a console error or a CSP violation. Run by t4005-languages.sh.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, browserLaunch, enterHall, screenshot, sql, walkTo } from './lib.mjs';

const RUN = Math.floor(Math.random() * 0xffffff).toString(16);
const LANGUAGES = [
	{ lang: 'ja', locale: 'ja-JP', critique: 'リクエストのたびにバブルソートしている' },
	{ lang: 'en', locale: 'en-US', critique: 'it bubble sorts on every request' },
];
/* Where people's own words are shown: they may be in either language. The
 * server's latest words on /masakari answer whoever threw last, in that
 * critic's language (the reply to one's own throw, on its page, is checked). */
const PEOPLES_WORDS = ['.hall-chat-log', '.hall-balloon', '.hall-name', '.whoami', '.critique',
	'.critique-cell', '.critique-by', '.words-context a', '.latest-words .server-words'];
const visitors = [];

after(async () => {
	for (const v of visitors)
		await v.close();
	for (const v of visitors)
		assert.deepEqual(v.problems, [], `${v.lang}: no console errors, uncaught exceptions or CSP violations`);
});

/*
 * What a person reads on the page (text, and the labels of aria-label,
 * title, alt, placeholder), with the language each piece is in: the nearest
 * lang attribute. People's own words are left out.
 */
async function readable(page) {
	return page.evaluate((skip) => {
		const pieces = [];
		const own = (node) => skip.some((s) => node.closest(s));
		const langOf = (node) => node.closest('[lang]')?.getAttribute('lang') || '';
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);

		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const parent = n.parentElement;
			const text = n.textContent.trim();
			if (!text || !parent || own(parent) || parent.closest('script, style, template'))
				continue;
			/* Only what is shown: hidden notices and closed dialogs do not count. */
			if (!parent.checkVisibility({ checkVisibilityCSS: true }))
				continue;
			pieces.push({ text, lang: langOf(parent), where: parent.getAttribute('class') || parent.tagName });
		}
		for (const element of document.querySelectorAll('[aria-label], [title], img[alt], [placeholder]')) {
			if (own(element))
				continue;
			for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
				const text = element.getAttribute(name)?.trim();
				if (text)
					pieces.push({ text, lang: langOf(element), where: `${element.tagName}[${name}]` });
			}
		}
		pieces.push({ text: document.title, lang: document.documentElement.lang, where: 'title' });
		return { lang: document.documentElement.lang, pieces };
	}, PEOPLES_WORDS);
}

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/* English prose: three words in a row. Names (GitHub IDs, "masakari
 * exhibition", nginx) are shorter than that. */
const ENGLISH = /[A-Za-z]{2,}[,.]? [A-Za-z]{2,}[,.]? [A-Za-z]{2,}/;

/* The pieces of the page in the other language than lang. */
function foreign(read, lang) {
	return read.pieces.filter((p) => (p.lang === '' || p.lang === lang) &&
		(lang === 'en' ? JAPANESE.test(p.text) : ENGLISH.test(p.text)))
		.map((p) => `${p.where}: ${p.text}`);
}

async function expectOnlyIn(page, lang, stop) {
	const read = await readable(page);

	assert.equal(read.lang, lang, `${stop}: <html lang>`);
	assert.deepEqual(foreign(read, lang), [], `${stop}: nothing in the other language`);
	await screenshot(page, `languages-${lang}-${stop}`);
}

for (const { lang, locale, critique } of LANGUAGES) {
	let v;
	const critic = `walk-${lang}-${RUN}`;

	test(`${lang}: the entrance and the hall's tutorial`, async () => {
		/* The 404 at the end is asked for; chromium logs its status all the same. */
		v = await browserLaunch({
			locale,
			allow: (p) => p.url.includes('/no-such-page-') && /status of 404/.test(p.text),
		});
		v.lang = lang;
		visitors.push(v);
		const { page } = v;
		await page.goto(`${BASE}/`);
		await expectOnlyIn(page, lang, 'entrance');
		await enterHall(page, critic);
		await page.locator('dialog.is-tutorial[open]').waitFor();
		await expectOnlyIn(page, lang, 'tutorial');
		await page.click('.hall-tutorial-start');
		await page.waitForSelector('.hall-connection[data-state="open"]', { timeout: 15000 });
		await expectOnlyIn(page, lang, 'hall');
	});

	test(`${lang}: a chat notice`, async () => {
		const { page } = v;

		/* Faster than the daemon allows: it refuses, and the hall says so. */
		for (let i = 0; i < 8; i++) {
			await page.fill('.hall-chat-form input', `${lang} ${i}`);
			await page.press('.hall-chat-form input', 'Enter');
		}
		await page.waitForSelector('.hall-toast:not([hidden])', { timeout: 5000 });
		await expectOnlyIn(page, lang, 'chat-notice');
		await page.press('.hall-chat-form input', 'Escape');
	});

	test(`${lang}: an exhibit's dialog`, async () => {
		const { page } = v;
		const red = page.locator('.hall-world .hall-exhibit[data-slug="red"]');

		/* Standing on it, the hint names it too. */
		await walkTo(page, critic, 1250, 560);
		await page.waitForSelector('.hall-exhibit[data-slug="red"].is-here');
		await red.click({ position: { x: (await red.boundingBox()).width / 2, y: 30 } });
		await page.locator('dialog.is-exhibit[open] article.exhibit').waitFor();
		await expectOnlyIn(page, lang, 'exhibit-dialog');
		await page.keyboard.press('Escape');
	});

	test(`${lang}: a throw, its page and its report`, async () => {
		const { page } = v;

		await page.goto(`${BASE}/masakari`);
		await expectOnlyIn(page, lang, 'masakari');
		if (await page.locator('#github_id').isEditable())
			await page.fill('#github_id', critic);
		await page.fill('#critique', critique);
		await page.click('#throw-button');
		await page.waitForURL(/\/masakari\/throws\/\d+$/, { timeout: 15000 });
		assert.equal(sql(`SELECT COUNT(*) FROM throws WHERE github_id = '${critic}'`), '1', 'the throw is stored');
		await expectOnlyIn(page, lang, 'throw');
		await page.waitForSelector('#attack-report', { timeout: 60000 });
		await expectOnlyIn(page, lang, 'report');
	});

	test(`${lang}: the ranking`, async () => {
		await v.page.goto(`${BASE}/masakari/ranking`);
		await expectOnlyIn(v.page, lang, 'ranking');
	});

	test(`${lang}: a 404`, async () => {
		const { page } = v;
		const response = await page.goto(`${BASE}/no-such-page-${RUN}`);
		assert.equal(response.status(), 404);
		await expectOnlyIn(page, lang, '404');
	});
}

test('the language switch turns the hall\'s own texts too, and the choice stays', async () => {
	const ja = visitors.find((v) => v.lang === 'ja');
	const { page } = ja;

	await page.goto(`${BASE}/`);
	await page.waitForSelector('#hall.is-live');
	assert.equal(await page.getAttribute('.hall-help', 'aria-label'), '操作方法');
	await Promise.all([page.waitForURL(`${BASE}/`), page.click('#lang-en')]);
	await page.waitForSelector('#hall.is-live');
	await page.click('.hall-help');
	await page.locator('dialog.is-tutorial[open]').waitFor();
	await expectOnlyIn(page, 'en', 'switched-tutorial');
	await page.click('.hall-tutorial-start');
	await page.reload();
	await page.waitForSelector('#hall.is-live');
	assert.equal(await page.getAttribute('.hall-help', 'aria-label'), 'How to play', 'the cookie wins from then on');
});
