// handshake.test.mjs — who may open the hall: the Origin allowlist, the
// masakari subprotocol, a valid GitHub ID (or none, as a spectator), the /ws
// path; through nginx and straight at the daemon.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { BASE, HallClient, WS_BASE, stackDaemonPort, uniqueUser } from '../lib/hall.mjs';

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
        const err = await refused(`${base}/ws?user=${uniqueUser('o')}`, { origin });
        assert.equal(err.status, 403, `${origin} via ${base}`);
      }
    }
  });

  test("the site's own origins are let in, and so are clients that send no Origin", async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const user = uniqueUser('ok');
      const c = await accepted(`${WS_BASE}/ws?user=${user}`, { origin });
      await c.waitForCharacter(user);
    }
    const c = await accepted(`${direct()}/ws?user=${uniqueUser('tool')}`, {});
    assert.equal(c.ws.protocol, 'masakari');
  });

  test('without the masakari subprotocol the upgrade is refused with 400', async () => {
    let err = await refused(`${WS_BASE}/ws?user=${uniqueUser('p')}`, { origin: BASE, protocol: null });
    assert.equal(err.status, 400);
    err = await refused(`${WS_BASE}/ws?user=${uniqueUser('p')}`, { origin: BASE, protocol: 'chat' });
    assert.equal(err.status, 400);
    const c = await accepted(`${WS_BASE}/ws?user=${uniqueUser('p')}`, { origin: BASE, protocol: ['chat', 'masakari'] });
    assert.equal(c.ws.protocol, 'masakari');
  });

  test('an invalid GitHub ID is refused with 400 and the reason', async () => {
    const bad = {
      'has space': /letters, digits and hyphens/,
      '-leading': /hyphen/,
      'trailing-': /hyphen/,
      'two--hyphens': /two hyphens/,
      [`${'a'.repeat(40)}`]: /39/,
      '': /Enter your GitHub ID/,
      '<script>': /letters, digits and hyphens/,
      "x'; DROP TABLE chat_messages; --": /letters, digits and hyphens/,
      'ユーザー': /letters, digits and hyphens/,
    };
    for (const [id, reason] of Object.entries(bad)) {
      const err = await refused(`${WS_BASE}/ws?user=${encodeURIComponent(id)}`, { origin: BASE });
      assert.equal(err.status, 400, `"${id}"`);
      assert.match(err.body, reason, `"${id}"`);
    }
  });

  test('without ?user= a spectator sees the hall but is in nobody\'s list', async () => {
    const user = uniqueUser('s');
    const visitor = await accepted(`${WS_BASE}/ws?user=${user}`, { origin: BASE });
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
    const err = await refused(`${direct()}/other?user=${uniqueUser('x')}`, {});
    assert.equal(err.status, 404);
    const res = await fetch(`http://127.0.0.1:${stackDaemonPort()}/ws`);
    assert.equal(res.status, 400);
  });
});
