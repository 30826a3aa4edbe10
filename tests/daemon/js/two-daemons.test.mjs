// two-daemons.test.mjs — two hall daemons on one database make one hall:
// visitors on either see each other move, hear each other's chat, and see
// them leave, also when a daemon dies without a word.
import assert from 'node:assert/strict';
import os from 'node:os';
import { after, before, describe, test } from 'node:test';
import { HallClient, identityCookie, sleep, sql, sqlQuote, startDaemon, uniqueUser } from '../lib/hall.mjs';

const settings = ['Halld.PresenceTimeoutSeconds = 3'];
let d1;
let d2;
const open = [];
before(async () => {
  d1 = await startDaemon(settings, 'one');
  d2 = await startDaemon(settings, 'two');
});
after(async () => {
  await Promise.all(open.map((c) => c.close()));
  await Promise.all([d1.stop(), d2.stop()]);
});

async function join(daemon, user) {
  const c = await HallClient.join(user, { wsBase: daemon.wsBase });
  open.push(c);
  return c;
}

const FAR = { ms: 8000 };   // a tick, a write, a poll and a tick on the other side

describe('two daemons on one database', { timeout: 90000 }, () => {
  test('visitors on different daemons see each other arrive and move', async () => {
    const a = uniqueUser('a');
    const b = uniqueUser('b');
    const ca = await join(d1, a);
    const cb = await join(d2, b);
    await cb.waitForCharacter(a, () => true, FAR);
    await ca.waitForCharacter(b, () => true, FAR);
    ca.move(640.5, 480);
    const seen = await cb.waitForCharacter(a, (c) => c.pos_x === 640.5, FAR);
    assert.equal(seen.pos_y, 480);
    assert.equal(seen.url, `https://github.com/${a}.png`);
  });

  test('an ID a GitHub sign-in proved is marked verified on both daemons, the others not', async () => {
    const signed = uniqueUser('signed');
    const plain = uniqueUser('plain');
    identityCookie(signed);
    sql(`UPDATE identities SET verified = 1 WHERE github_id = ${sqlQuote(signed)}`);
    const cs = await join(d1, signed);
    const cp = await join(d2, plain);
    const here = await cs.waitForCharacter(signed, () => true, FAR);
    assert.equal(here.verified, true, JSON.stringify(here));
    const there = await cp.waitForCharacter(signed, () => true, FAR);
    assert.equal(there.verified, true, JSON.stringify(there));
    const other = await cs.waitForCharacter(plain, () => true, FAR);
    assert.equal(other.verified, undefined, JSON.stringify(other));
  });

  test('chat said on one daemon is heard on the other, once, and stored once', async () => {
    const a = uniqueUser('a');
    const b = uniqueUser('b');
    const ca = await join(d1, a);
    const cb = await join(d2, b);
    const text = `across daemons ${a}`;
    ca.chat(text);
    const heard = await cb.waitFor((f) => f.action === 'ACTION_CHAT_MESSAGE' && f.message === text, FAR);
    assert.equal(heard.user_id, a);
    const local = await ca.waitFor((f) => f.action === 'ACTION_CHAT_MESSAGE' && f.message === text);
    assert.equal(heard.at, local.at, 'the same time stamp on both daemons');
    await sleep(1500);
    assert.equal(cb.frames.filter((f) => f.message === text).length, 1);
    assert.equal(ca.frames.filter((f) => f.message === text).length, 1, 'no echo back from the other daemon');
    assert.equal(sql(`SELECT COUNT(*) FROM chat_messages WHERE message = ${sqlQuote(text)}`), '1');
    // A newcomer on the other daemon gets it in its history.
    const late = await join(d2, uniqueUser('late'));
    await late.waitFor((f) => f.action === 'ACTION_CHAT_MESSAGE' && f.message === text);
  });

  test('the same ID on both daemons is one avatar', async () => {
    const a = uniqueUser('a');
    const watcher = await join(d2, uniqueUser('w'));
    await join(d1, a);
    const c2 = await join(d2, a);
    await watcher.waitForCharacter(a, () => true, FAR);
    await sleep(2500);
    for (const f of watcher.of('UPDATE_CHARACTER_POS')) {
      assert.ok(f.characters.filter((c) => c.user_id === a).length <= 1, 'never two copies in one update');
    }
    const first = await c2.waitFor((f) => f.action === 'UPDATE_CHARACTER_POS');
    assert.equal(first.characters.filter((c) => c.user_id === a).length, 1);
  });

  test('leaving on one daemon is a LEAVE on the other', async () => {
    const a = uniqueUser('a');
    const b = uniqueUser('b');
    const ca = await join(d1, a);
    const cb = await join(d2, b);
    await cb.waitForCharacter(a, () => true, FAR);
    const mark = cb.frames.length;
    await ca.close();
    await cb.waitFor((f) => f.action === 'LEAVE' && f.user_id === a, { from: mark, what: 'LEAVE', ...FAR });
  });

  test("a daemon that dies takes its visitors out of the other's hall after the presence timeout", async () => {
    const d3 = await startDaemon(settings, 'doomed');
    const a = uniqueUser('doomed');
    const b = uniqueUser('b');
    const ca = await HallClient.join(a, { wsBase: d3.wsBase });
    const cb = await join(d2, b);
    await cb.waitForCharacter(a, () => true, FAR);
    const mark = cb.frames.length;
    await d3.stop('SIGKILL');
    await cb.waitFor((f) => f.action === 'LEAVE' && f.user_id === a, { from: mark, what: 'LEAVE after the timeout', ms: 12000 });
    await ca.closed;
  });

  test('a daemon stopped cleanly removes its presence row at once', async () => {
    const d4 = await startDaemon(settings, 'clean');
    const id = sqlQuote(`${os.hostname()}:${d4.port}`);   // host:port unless Halld.DaemonId says otherwise
    await sleep(1500);
    assert.equal(sql(`SELECT COUNT(*) FROM hall_presence WHERE daemon_id = ${id}`), '1', 'a presence row while it runs');
    const exit = await d4.stop();
    assert.equal(exit.code, 0, 'SIGTERM is a clean exit');
    assert.equal(sql(`SELECT COUNT(*) FROM hall_presence WHERE daemon_id = ${id}`), '0');
  });
});
