// moderation.test.mjs — a moderated event, played through: an operator (in
// Japanese), a visitor (in English) and a troll on a second hall daemon, in
// Debian's chromium. The troll's line is reported, deleted, the troll muted,
// unmuted, kicked, banned and unbanned, and an announcement reaches everyone;
// screenshots in both languages (docs/MODERATION.md).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BASE, ROOT, browserLaunch, enterHall, screenshot, sql } from './lib.mjs';
import { startSecondHall } from './second-hall.mjs';

const OPERATOR = process.env.MASAKARI_OPERATOR;
const RUN = Date.now().toString(36).slice(-6);
const VISITOR = `kind-${RUN}`;
const TROLL = `troll-${RUN}`;
const PROMPT = { timeout: 5000 };   // an act reaches every hall within a second

let second;
let op;
let visitor;
let troll;

function ctl(...args) {
	return execFileSync(path.join(ROOT, 'bin', 'masakarictl'), args, { encoding: 'utf8' });
}

async function say(page, text) {
	await page.fill('.hall-chat-form input', text);
	await page.press('.hall-chat-form input', 'Enter');
}

/* Opens the chat log (it opens by itself when the history has lines). */
async function showChatLog(page) {
	if (await page.getAttribute('.hall-chat-toggle', 'aria-expanded') !== 'true')
		await page.click('.hall-chat-toggle');
}

/* The chat log line with text on page. */
const line = (page, text) => page.locator('.hall-chat-log li', { hasText: text });

/* Opens a line's menu and clicks the act (report, delete, mute, kick, ban). */
async function act(page, text, what) {
	const item = line(page, text);
	await item.locator('summary').click();
	await item.locator(`button[data-act="${what}"]`).click();
}

before(async () => {
	assert.ok(OPERATOR, 'tests/run.sh names an operator (MASAKARI_OPERATOR)');
	second = await startSecondHall();
	op = await browserLaunch({ locale: 'ja-JP' });
	visitor = await browserLaunch({ locale: 'en-US' });
	/* The refused entrance is a 403 page, which chromium logs. */
	troll = await browserLaunch({ locale: 'en-US', base: second.base, allow: (p) => /status of 403/.test(p.text) });
	/* Each has seen the hall's tutorial before (t4001 shows it). */
	for (const v of [op, visitor, troll])
		await v.context.addInitScript(() => window.localStorage.setItem('masakari.hall.tutorialSeen', '1'));
	/* The operator's one-time link, opened in the operator's browser. */
	const link = ctl('operator-link', OPERATOR).trim();
	await op.page.goto(`${BASE}${new URL(link).pathname}`);
	await op.page.goto(`${BASE}/`);
	await op.page.waitForSelector('#hall.is-live');
	await enterHall(visitor.page, VISITOR);
	await enterHall(troll.page, TROLL, second.base);
	for (const v of [op, visitor, troll])
		await showChatLog(v.page);
});

after(async () => {
	await Promise.all([op, visitor, troll].filter(Boolean).map((v) => v.close()));
	if (second)
		await second.stop();
});

test('the operator is marked in the hall, for the others too', async () => {
	await op.page.waitForSelector('.hall-avatar.is-self.is-operator');
	await visitor.page.waitForSelector(`.hall-avatar.is-operator[data-user="${OPERATOR}"]`, { timeout: 10000 });
	await troll.page.waitForSelector(`.hall-avatar.is-operator[data-user="${OPERATOR}"]`, { timeout: 10000 });
});

test('a visitor reports a troll\'s line; it lands in the operators\' queue', async () => {
	const slur = `you are all idiots ${RUN}`;
	await say(troll.page, slur);
	await line(visitor.page, slur).waitFor({ timeout: 10000 });
	visitor.page.once('dialog', (dialog) => dialog.accept('insults everyone'));
	await act(visitor.page, slur, 'report');
	await visitor.page.locator('.hall-toast', { hasText: 'Thank you' }).waitFor(PROMPT);
	assert.equal(sql(`SELECT reason FROM reports WHERE reporter = '${VISITOR}' AND target = '${TROLL}'`), 'insults everyone');
	const page = await op.context.newPage();
	await page.goto(`${BASE}/operators`);
	await page.locator('text=insults everyone').first().waitFor();
	await screenshot(page, 'moderation-operators-ja');
	await page.goto(`${BASE}/operators?lang=en`);
	await page.locator('text=insults everyone').first().waitFor();
	await screenshot(page, 'moderation-operators-en');
	await page.goto(`${BASE}/operators?lang=ja`);
	await page.close();
});

test('the operator deletes the line: gone for everyone, on both daemons', async () => {
	const slur = `you are all idiots ${RUN}`;
	await line(op.page, slur).waitFor({ timeout: 10000 });
	await act(op.page, slur, 'delete');
	for (const v of [op, visitor, troll])
		await line(v.page, slur).waitFor({ state: 'detached', ...PROMPT });
	assert.equal(sql(`SELECT COUNT(*) FROM chat_messages WHERE message = 'you are all idiots ${RUN}'`), '0');
});

test('muted, the troll still walks but its lines reach nobody; unmuted, it speaks', async () => {
	const again = `still here ${RUN}`;
	await say(troll.page, again);
	await line(op.page, again).waitFor({ timeout: 10000 });
	await act(op.page, again, 'mute');
	await troll.page.locator('.hall-chat-log .hall-chat-notice', { hasText: 'muted you' }).waitFor(PROMPT);
	await screenshot(troll.page, 'moderation-muted-en');
	await say(troll.page, `shouting ${RUN}`);
	await troll.page.locator('.hall-chat-log .hall-chat-notice', { hasText: 'muted you' }).nth(1).waitFor(PROMPT);
	await visitor.page.waitForTimeout(1500);
	assert.equal(await line(visitor.page, `shouting ${RUN}`).count(), 0);
	ctl('unmute', TROLL);
	await troll.page.locator('.hall-chat-log .hall-chat-notice', { hasText: 'chat again' }).waitFor(PROMPT);
	await say(troll.page, `sorry ${RUN}`);
	await line(visitor.page, `sorry ${RUN}`).waitFor({ timeout: 10000 });
});

test('kicked, the troll must enter again', async () => {
	await act(op.page, `sorry ${RUN}`, 'kick');
	await troll.page.locator('.hall-announce', { hasText: 'asked you to leave' }).waitFor(PROMPT);
	await screenshot(troll.page, 'moderation-kicked-en');
	await troll.page.click('.hall-announce a');
	await troll.page.waitForSelector('#github_id');
	await enterHall(troll.page, TROLL, second.base);
	await showChatLog(troll.page);
});

test('banned, the troll is out and the entrance refuses it; unbanned, it may enter', async () => {
	const last = `one more ${RUN}`;
	await say(troll.page, last);
	await line(op.page, last).waitFor({ timeout: 10000 });
	await act(op.page, last, 'ban');
	await troll.page.locator('.hall-announce', { hasText: 'banned you' }).waitFor(PROMPT);
	await screenshot(troll.page, 'moderation-banned-en');
	await troll.page.goto(`${second.base}/?change=1`);
	await troll.page.fill('#github_id', TROLL);
	const [answer] = await Promise.all([
		troll.page.waitForResponse((r) => r.request().method() === 'POST'),
		troll.page.click('.entrance-form button[type="submit"]'),
	]);
	assert.equal(answer.status(), 403);
	ctl('unban', TROLL);
	/* The refusal showed the form again: entering works now. */
	await troll.page.fill('#github_id', TROLL);
	await troll.page.click('.entrance-form button[type="submit"]');
	await troll.page.waitForSelector('#hall.is-live');
});

test('an announcement is a banner for everyone in the hall, on both daemons', async () => {
	const news = `The demo starts in five minutes ${RUN}`;
	ctl('announce', news);
	for (const v of [op, visitor, troll])
		await v.page.locator('.hall-announce', { hasText: news }).waitFor(PROMPT);
	await screenshot(op.page, 'moderation-announce-ja');
	await screenshot(visitor.page, 'moderation-announce-en');
	const log = ctl('moderation-log', '20');
	for (const what of ['chat-delete', 'mute', 'kick', 'ban', 'unban', 'announce'])
		assert.match(log, new RegExp(`\\b${what}\\b`), log);
});

test('no console errors or CSP violations on any page', () => {
	for (const v of [op, visitor, troll])
		assert.deepEqual(v.problems, []);
});
