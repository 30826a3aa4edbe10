// database-away.test.mjs — the hall never waits for MariaDB: with a database
// that accepts connections and never answers (the worst case: every query
// hangs until its timeout), visitors still join, move, chat and get the
// masakari room's status, on time.
import assert from 'node:assert/strict';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { HallClient, startDaemon, uniqueUser } from '../lib/hall.mjs';

let silent;
let daemon;
const sockets = [];
const open = [];
before(async () => {
  const sock = path.join(os.tmpdir(), `silent-db-${process.pid}.sock`);
  silent = net.createServer((s) => { sockets.push(s); s.on('error', () => {}); });
  await new Promise((resolve) => silent.listen(sock, resolve));
  daemon = await startDaemon([`DB.Socket = ${sock}`, 'DB.Host =', 'DB.ConnectTimeout = 20'], 'silent-db');
});
after(async () => {
  await Promise.all(open.map((c) => c.close()));
  await daemon.stop();
  sockets.forEach((s) => s.destroy());
  silent.close();
});

async function join(user) {
  const c = await HallClient.join(user, { wsBase: daemon.wsBase });
  open.push(c);
  return c;
}

describe('a database that never answers', { timeout: 90000 }, () => {
  test('the worker is stuck in it', async () => {
    await new Promise((r) => setTimeout(r, 1000));
    assert.ok(sockets.length >= 1, 'the daemon connected to the silent database');
  });

  test('joining, moving, chatting and the status room all still work, on time', async () => {
    const a = uniqueUser('a');
    const b = uniqueUser('b');
    const ca = await join(a);
    const cb = await join(b);
    ca.send({ action: 'SUBSCRIBE', room: 'masakari' });
    await cb.waitForCharacter(a, () => true, { ms: 2500 });
    for (let i = 1; i <= 4; i += 1) {
      ca.move(100 * i, 100 * i);
      await cb.waitForCharacter(a, (c) => c.pos_x === 100 * i, { ms: 2500 });
      const text = `still here ${i}`;
      const t0 = Date.now();
      ca.chat(text);
      await cb.waitFor((f) => f.action === 'ACTION_CHAT_MESSAGE' && f.message === text, { ms: 1000 });
      assert.ok(Date.now() - t0 < 1000);
    }
    await ca.waitFor((f) => f.action === 'ACTION_SEND_STATUS', { ms: 2500 });
    const log = readFileSync(daemon.log, 'utf8');
    assert.doesNotMatch(log, /hall database work resumed/, 'the database really was away');
  });

  test('and it still stops promptly on SIGTERM', async () => {
    const t0 = Date.now();
    const exit = await daemon.stop();
    assert.equal(exit.code, 0);
    assert.ok(Date.now() - t0 < 9000, `stopped in ${Date.now() - t0} ms`);
  });
});
