// limits.test.mjs — per-connection rate limits through nginx: positions at
// most 20 a second, chat one a second with bursts of five; over a limit the
// message is dropped with ERROR_MESSAGE 429, persistent abuse closes the
// connection (1008), and nobody else notices.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { alive, joiner, sleep, stackDaemonPid, uniqueUser } from '../lib/hall.mjs';

const join = joiner();

const isChat = (user) => (f) => f.action === 'ACTION_CHAT_MESSAGE' && f.user_id === user;
const rateError = (f) => f.action === 'ERROR_MESSAGE' && f.code === 429;

describe('rate limits', { timeout: 60000 }, () => {
  test('chat: a burst of five goes through, the sixth is refused with 429, and a second later one more goes', async () => {
    const { a, b, ca, cb } = await join.two();
    for (let i = 0; i < 8; i += 1) ca.chat(`burst ${i}`);
    const err = await ca.waitFor(rateError, { what: 'a 429' });
    assert.match(err.msg, /chat/);
    await sleep(800);
    assert.deepEqual(cb.frames.filter(isChat(a)).map((f) => f.message),
      ['burst 0', 'burst 1', 'burst 2', 'burst 3', 'burst 4']);
    await sleep(1300);
    ca.chat('after a pause');
    await cb.waitFor((f) => isChat(a)(f) && f.message === 'after a pause');
    assert.equal(ca.closeInfo, null, 'an eager chatter is not disconnected');
  });

  test('positions: more than 20 in a second are refused with 429, the connection stays', async () => {
    const { a, b, ca, cb } = await join.two();
    await cb.waitForCharacter(a);
    const mark = cb.frames.length;
    for (let i = 1; i <= 40; i += 1) ca.move(i, i);
    const err = await ca.waitFor(rateError, { what: 'a 429' });
    assert.match(err.msg, /20 a second/);
    // The first twenty were taken (a few more as the bucket refills while
    // they arrive); the last ones were not.
    await cb.waitForCharacter(a, (c) => c.pos_x >= 20, { from: mark });
    await sleep(1500);
    const applied = Math.max(...cb.sightings(a, mark).map((c) => c.pos_x));
    assert.ok(applied >= 20 && applied < 40, `the hall shows move ${applied} of 40`);
    ca.move(2000, 2000);
    await cb.waitForCharacter(a, (c) => c.pos_x === 2000);
    assert.equal(ca.closeInfo, null);
    assert.ok(ca.of('ERROR_MESSAGE').length <= 2, 'one rate error a second, not one per message');
  });

  test('persistent abuse closes the connection with 1008; the others carry on', async () => {
    const { a, b, ca, cb } = await join.two();
    await cb.waitForCharacter(a);
    for (let i = 0; i < 500; i += 1) ca.move(i % 2500, 5);
    const closed = await ca.waitForClose(5000);
    assert.equal(closed.code, 1008);
    await cb.waitFor((f) => f.action === 'LEAVE' && f.user_id === a, { what: 'LEAVE of the abuser' });
    cb.move(42, 42);
    await cb.waitForCharacter(b, (c) => c.pos_x === 42);
    assert.equal(cb.of('ERROR_MESSAGE').length, 0);
    assert.equal(cb.closeInfo, null);
  });

  test('a flood of garbage is closed the same way, and the daemon lives on', async () => {
    const a = uniqueUser('a');
    const ca = await join(a);
    for (let i = 0; i < 300; i += 1) ca.send('{{{{ not json');
    const closed = await ca.waitForClose(5000);
    assert.equal(closed.code, 1008);
    assert.ok(ca.of('ERROR_MESSAGE').length <= 10, `errors are rationed (${ca.of('ERROR_MESSAGE').length})`);
    const pid = stackDaemonPid();
    assert.ok(pid && alive(pid), 'the stack daemon is still running');
    const again = await join(uniqueUser('c'));
    await again.waitFor((f) => f.action === 'UPDATE_CHARACTER_POS');
  });
});
