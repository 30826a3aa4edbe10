// database-away.test.mjs — the hall never waits for MariaDB. Two databases
// that do not answer (the worst case: every query hangs until its timeout):
//
// - one that never did: the upgrade is not held up by the identity lookup,
//   a browser with a cookie is a spectator once the lookup is given up
//   (HALL_ARRIVAL_WAIT), the status room works, and the daemon stops on time;
// - the stack's, through a relay that stops answering mid-way: visitors
//   already in the hall move and chat on time, a browser the hall knew keeps
//   its ID in a new tab, a browser it never saw is a spectator, and once the
//   database answers again a newcomer is known again.
import assert from 'node:assert/strict';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { HallClient, dbRelay as relay, identityCookie, startDaemon, uniqueUser } from '../lib/hall.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('a database that never answers', { timeout: 90000 }, () => {
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

  test('the worker is stuck in it', async () => {
    await sleep(1000);
    assert.ok(sockets.length >= 1, 'the daemon connected to the silent database');
  });

  test('upgrades are not held up by the identity lookup; the browser is a spectator', async () => {
    const a = uniqueUser('a');
    const t0 = Date.now();
    const ca = await HallClient.join(a, { wsBase: daemon.wsBase });
    open.push(ca);
    assert.ok(Date.now() - t0 < 1500, `the upgrade took ${Date.now() - t0} ms`);
    ca.send({ action: 'SUBSCRIBE', room: 'masakari' });
    await ca.waitFor((f) => f.action === 'ACTION_SEND_STATUS', { ms: 2500 });
    // A second browser joins just as fast while the first lookup still hangs.
    const t1 = Date.now();
    const cb = await HallClient.join(uniqueUser('b'), { wsBase: daemon.wsBase });
    open.push(cb);
    assert.ok(Date.now() - t1 < 1500, `the second upgrade took ${Date.now() - t1} ms`);
    // Its move, sent while the hall waits to know who it is, is held and then
    // refused: the hall never learnt the ID.
    ca.move(100, 100);
    const err = await ca.waitFor((f) => f.action === 'ERROR_MESSAGE', { ms: 5000 });
    assert.equal(err.code, 403);
    await sleep(1500);
    assert.equal(ca.sightings(a).length, 0, 'an ID nobody could confirm is not in the hall');
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

describe('a database that stops answering', { timeout: 120000 }, () => {
  let db;
  let daemon;
  const open = [];
  before(async () => {
    db = relay();
    await db.listen();
    daemon = await startDaemon([`DB.Socket = ${db.sock}`, 'DB.Host =', 'DB.ConnectTimeout = 3'], 'relay-db');
  });
  after(async () => {
    await Promise.all(open.map((c) => c.close()));
    await daemon.stop();
    db.close();
  });
  async function join(user) {
    const c = await HallClient.join(user, { wsBase: daemon.wsBase });
    open.push(c);
    return c;
  }

  const a = uniqueUser('a');
  const b = uniqueUser('b');
  const late = uniqueUser('late');
  let ca;
  let cb;

  test('two visitors join while it answers', async () => {
    ca = await join(a);
    cb = await join(b);
    await cb.waitForCharacter(a, () => true, { ms: 5000 });
    await ca.waitForCharacter(b, () => true, { ms: 5000 });
    identityCookie(late); // held in the database, never yet seen by the hall
  });

  test('once it is silent they still move and chat, on time', async () => {
    db.silent = true;
    for (let i = 1; i <= 3; i += 1) {
      ca.move(100 * i, 100 * i);
      await cb.waitForCharacter(a, (c) => c.pos_x === 100 * i, { ms: 2500 });
      const text = `still here ${i}`;
      const t0 = Date.now();
      ca.chat(text);
      await cb.waitFor((f) => f.action === 'ACTION_CHAT_MESSAGE' && f.message === text, { ms: 1000 });
      assert.ok(Date.now() - t0 < 1000);
      await sleep(1100);
    }
  });

  test('a browser the hall knew keeps its ID in a new tab; one it never saw is a spectator', async () => {
    const t0 = Date.now();
    const tab = await join(b);
    assert.ok(Date.now() - t0 < 1500, `the upgrade took ${Date.now() - t0} ms`);
    const stranger = await join(late);
    // Sent before the hall knows who they are: held, then acted on.
    tab.move(777, 333);
    stranger.move(555, 555);
    await ca.waitForCharacter(b, (c) => c.pos_x === 777, { ms: 6000 });
    const err = await stranger.waitFor((f) => f.action === 'ERROR_MESSAGE', { ms: 6000 });
    assert.equal(err.code, 403, JSON.stringify(err));
    assert.equal(ca.sightings(late).length, 0);
    const log = readFileSync(daemon.log, 'utf8');
    assert.match(log, /as the hall knew this browser/);
  });

  test('when it answers again, a newcomer is known again', async () => {
    db.resume();
    // The identity thread's stuck lookup times out, then it retries.
    let seen = false;
    for (let i = 0; i < 30 && !seen; i += 1) {
      const c = await join(late);
      c.move(444, 222);
      try {
        await ca.waitForCharacter(late, (ch) => ch.pos_x === 444, { ms: 2000 });
        seen = true;
      } catch {
        await c.close();
      }
    }
    assert.ok(seen, `${late} was never let in after the database came back`);
  });
});
