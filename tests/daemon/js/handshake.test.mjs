// handshake.test.mjs — who may open the hall: the Origin allowlist, the
// masakari subprotocol, the identity cookie (or none, as a spectator: ?user=
// never chooses who you are), the /ws path; through nginx and straight at
// the daemon.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { BASE, HallClient, WS_BASE, identityCookie, stackDaemonPort, uniqueUser } from '../lib/hall.mjs';

const as = (user) => ({ Cookie: identityCookie(user) });

const open = [];
after(async () => { await Promise.all(open.map((c) => c.close())); });
const direct = () => `ws://127.0.0.1:${stackDaemonPort()}`;
const port = new URL(BASE).port;

async function refused(url, opts) {
  try {
    const c = await HallClient.open(url, opts);
    open.push(c);
  } catch (err) {
    return err;
  }
  assert.fail(`${url} was accepted`);
}

async function accepted(url, opts) {
  const c = await HallClient.open(url, opts);
  open.push(c);
  return c;
}

describe('the WebSocket handshake', { timeout: 60000 }, () => {
  test('a page from a foreign origin is refused with 403, through nginx and directly', async () => {
    for (const base of [WS_BASE, direct()]) {
      for (const origin of ['http://evil.example', `http://127.0.0.1:${Number(port) + 1}`, `https://localhost:${port}`, 'null']) {
        const err = await refused(`${base}/ws`, { origin, headers: as(uniqueUser('o')) });
        assert.equal(err.status, 403, `${origin} via ${base}`);
      }
    }
  });

  test("the site's own origins are let in, and so are clients that send no Origin", async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const user = uniqueUser('ok');
      const c = await accepted(`${WS_BASE}/ws`, { origin, headers: as(user) });
      await c.waitForCharacter(user);
    }
    const c = await accepted(`${direct()}/ws`, { headers: as(uniqueUser('tool')) });
    assert.equal(c.ws.protocol, 'masakari');
  });

  test('without the masakari subprotocol the upgrade is refused with 400', async () => {
    let err = await refused(`${WS_BASE}/ws`, { origin: BASE, protocol: null });
    assert.equal(err.status, 400);
    err = await refused(`${WS_BASE}/ws`, { origin: BASE, protocol: 'chat' });
    assert.equal(err.status, 400);
    const c = await accepted(`${WS_BASE}/ws`, { origin: BASE, protocol: ['chat', 'masakari'], headers: as(uniqueUser('p')) });
    assert.equal(c.ws.protocol, 'masakari');
  });

  test('?user= never chooses who you are: without the identity cookie it is a spectator', async () => {
    const victim = uniqueUser('victim');
    const owner = await accepted(`${WS_BASE}/ws`, { origin: BASE, headers: as(victim) });
    await owner.waitForCharacter(victim);
    const from = owner.frames.length;
    const thief = await accepted(`${WS_BASE}/ws?user=${victim}`, { origin: BASE });
    thief.chat('taken over');
    thief.move(5, 5);
    const err = await thief.waitFor((f) => f.action === 'ERROR_MESSAGE');
    assert.equal(err.code, 403);
    assert.match(err.msg, /entrance/);
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(owner.frames.slice(from).every((f) => f.action !== 'ACTION_CHAT_MESSAGE' || !/taken over/.test(JSON.stringify(f))));
  });

  test('the cookie the entrance gives is who you are in the hall', async () => {
    const user = uniqueUser('door');
    const page = await fetch(`${BASE}/`);
    const jar = page.headers.getSetCookie().map((c) => c.split(';')[0]);
    const token = (await page.text()).match(/name="csrf_token" value="([0-9a-f]+)"/)[1];
    const res = await fetch(`${BASE}/`, {
      method: 'POST', redirect: 'manual',
      headers: { Cookie: jar.join('; '), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ github_id: user, csrf_token: token }).toString(),
    });
    assert.equal(res.status, 303);
    const identity = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('identity='));
    assert.ok(identity, 'the entrance set the identity cookie');
    const c = await accepted(`${WS_BASE}/ws`, { origin: BASE, headers: { Cookie: identity } });
    c.move(77, 88);
    const me = await c.waitForCharacter(user, (x) => x.pos_x === 77 && x.pos_y === 88);
    assert.ok(me);
  });

  test('a cookie that is no secret, or a hostile one, makes a spectator, never an error', async () => {
    const bad = ['identity=', 'identity=nothex', `identity=${'a'.repeat(63)}`, `identity=${'f'.repeat(64)}`,
      `identity=${'A'.repeat(64)}`, "identity=x'; DROP TABLE identities; --", 'identity=<script>',
      `identity=${'b'.repeat(5000)}`, 'identity=%E3%83%A6%E3%83%BC'];
    for (const cookie of bad) {
      const c = await accepted(`${WS_BASE}/ws`, { origin: BASE, headers: { Cookie: cookie } });
      c.move(1, 1);
      const err = await c.waitFor((f) => f.action === 'ERROR_MESSAGE');
      assert.equal(err.code, 403, cookie.slice(0, 40));
    }
  });

  test('two tabs of one browser are the same avatar', async () => {
    const user = uniqueUser('tabs');
    const a = await accepted(`${WS_BASE}/ws`, { origin: BASE, headers: as(user) });
    const b = await accepted(`${WS_BASE}/ws`, { origin: BASE, headers: as(user) });
    const f = await b.waitForCharacter(user);
    assert.ok(f);
    const last = [...b.frames].reverse().find((x) => x.action === 'UPDATE_CHARACTER_POS' && x.characters.some((c) => c.user_id === user));
    assert.equal(last.characters.filter((c) => c.user_id === user).length, 1);
    await a.waitForCharacter(user);
  });

  test('without an identity a spectator sees the hall but is in nobody\'s list', async () => {
    const user = uniqueUser('s');
    const visitor = await accepted(`${WS_BASE}/ws`, { origin: BASE, headers: as(user) });
    const spectator = await accepted(`${WS_BASE}/ws`, { origin: BASE });
    const first = await spectator.waitFor((f) => f.action === 'UPDATE_CHARACTER_POS');
    assert.ok(first.characters.some((c) => c.user_id === user));
    spectator.move(10, 10);
    const err = await spectator.waitFor((f) => f.action === 'ERROR_MESSAGE');
    assert.equal(err.code, 403);
    await visitor.waitFor((f) => f.action === 'UPDATE_CHARACTER_POS');
    assert.ok(visitor.frames.every((f) => f.action !== 'UPDATE_CHARACTER_POS' || f.characters.every((c) => c.user_id)));
  });

  test('only /ws is the hall, and plain HTTP to the daemon is told so', async () => {
    const err = await refused(`${direct()}/other`, {});
    assert.equal(err.status, 404);
    const res = await fetch(`http://127.0.0.1:${stackDaemonPort()}/ws`);
    assert.equal(res.status, 400);
  });
});
