// join.test.mjs — joining the hall through nginx: the first position update is
// the whole hall, later ones only who moved; one avatar per GitHub ID; LEAVE
// when the last connection of an ID goes; positions clamped, fractions kept.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { joiner, sleep, uniqueUser } from '../lib/hall.mjs';

const join = joiner();

const isPos = (f) => f.action === 'UPDATE_CHARACTER_POS';

describe('joining the hall', { timeout: 60000 }, () => {
  test("a newcomer's first position update is the whole hall, itself included", async () => {
    const a = uniqueUser('a');
    const b = uniqueUser('b');
    const ca = await join(a);
    await ca.waitForCharacter(a);
    const cb = await join(b);
    const first = await cb.waitFor(isPos, { what: 'a first position update' });
    const ids = first.characters.map((c) => c.user_id);
    assert.ok(ids.includes(a), `first update lacks ${a}: ${ids}`);
    assert.ok(ids.includes(b), `first update lacks the newcomer itself: ${ids}`);
    const mine = first.characters.find((c) => c.user_id === b);
    assert.equal(mine.url, `https://github.com/${b}.png`);
    assert.equal(typeof mine.pos_x, 'number');
    assert.equal(typeof mine.pos_y, 'number');
    // Everyone already there learns of the newcomer.
    await ca.waitForCharacter(b);
  });

  test('later updates carry only who moved, and nothing is sent when nobody moves', async () => {
    const { a, b, ca, cb } = await join.two();
    await ca.waitForCharacter(b);
    await cb.waitForCharacter(a);
    await sleep(1200);   // let both arrivals settle into one published hall
    let mark = cb.frames.length;
    ca.move(300, 400);
    const seen = await cb.waitForCharacter(a, (c) => c.pos_x === 300 && c.pos_y === 400, { from: mark });
    assert.deepEqual([seen.pos_x, seen.pos_y], [300, 400]);
    const delta = cb.frames.slice(mark).find((f) => isPos(f) && f.characters.some((c) => c.user_id === a));
    assert.deepEqual(delta.characters.map((c) => c.user_id).filter((id) => id === b), [],
      'the one who did not move is not in the delta');
    // Quiet hall: no position frames at all for a while.
    await sleep(500);
    mark = cb.frames.length;
    await sleep(2500);
    const quiet = cb.frames.slice(mark).filter(isPos)
      .filter((f) => f.characters.some((c) => c.user_id === a || c.user_id === b));
    assert.deepEqual(quiet, [], 'no updates about people who stood still');
  });

  test('positions are clamped to the 2500×2500 world and fractions are kept', async () => {
    const a = uniqueUser('a');
    const ca = await join(a);
    await ca.waitForCharacter(a);
    ca.move(-50, 100000);
    const clamped = await ca.waitForCharacter(a, (c) => c.pos_x === 0 && c.pos_y === 2500);
    assert.deepEqual([clamped.pos_x, clamped.pos_y], [0, 2500]);
    ca.move(123.25, 2499.5);
    const exact = await ca.waitForCharacter(a, (c) => c.pos_x === 123.25);
    assert.deepEqual([exact.pos_x, exact.pos_y], [123.25, 2499.5]);
    ca.move(2600, -0.5);
    const other = await ca.waitForCharacter(a, (c) => c.pos_x === 2500);
    assert.deepEqual([other.pos_x, other.pos_y], [2500, 0]);
  });

  test('a user_id inside a message is ignored: a connection moves only its own avatar', async () => {
    const { a, b, ca, cb } = await join.two();
    await ca.waitForCharacter(b);
    cb.move(777, 777);
    await ca.waitForCharacter(b, (c) => c.pos_x === 777);
    const mark = ca.frames.length;
    ca.send({ action: 'UPDATE_CHARACTER_POS', user_id: b, pos_x: 11, pos_y: 22 });
    await ca.waitForCharacter(a, (c) => c.pos_x === 11 && c.pos_y === 22, { from: mark });
    assert.deepEqual(ca.sightings(b, mark).filter((c) => c.pos_x === 11), [], `${b} was moved by ${a}`);
    ca.send({ action: 'ACTION_CHAT_MESSAGE', user_id: b, message: 'not from b' });
    const said = await cb.waitFor((f) => f.action === 'ACTION_CHAT_MESSAGE' && f.message === 'not from b');
    assert.equal(said.user_id, a, 'chat is attributed to the connection, not the message');
  });

  test('the same ID in two tabs is one avatar, and it leaves when the last tab closes', async () => {
    const a = uniqueUser('a');
    const b = uniqueUser('b');
    const cb = await join(b);
    const tab1 = await join(a);
    await cb.waitForCharacter(a);
    tab1.move(1000, 1000);
    await cb.waitForCharacter(a, (c) => c.pos_x === 1000);
    // The second tab is spelled differently: GitHub IDs ignore case.
    const tab2 = await join(a.toUpperCase());
    const first = await tab2.waitFor(isPos);
    const copies = first.characters.filter((c) => c.user_id.toLowerCase() === a.toLowerCase());
    assert.equal(copies.length, 1, 'one avatar for both tabs');
    assert.equal(copies[0].pos_x, 1000, 'the second tab finds the avatar where it stands');
    tab2.move(1500, 1600);
    await cb.waitForCharacter(a, (c) => c.pos_x === 1500 && c.pos_y === 1600);
    let mark = cb.frames.length;
    await tab1.close();
    await sleep(2500);
    assert.deepEqual(cb.of('LEAVE', mark).filter((f) => f.user_id === a), [], 'no LEAVE while a tab is open');
    mark = cb.frames.length;
    await tab2.close();
    const leave = await cb.waitFor((f) => f.action === 'LEAVE' && f.user_id === a, { from: mark, what: 'LEAVE' });
    assert.equal(leave.user_id, a);
  });

  test('LEAVE reaches everyone when a visitor disconnects, and a return is an arrival again', async () => {
    const a = uniqueUser('a');
    const b = uniqueUser('b');
    const cb = await join(b);
    let ca = await join(a);
    await cb.waitForCharacter(a);
    let mark = cb.frames.length;
    ca.ws.terminate();   // no close handshake: as when a tab is killed
    await cb.waitFor((f) => f.action === 'LEAVE' && f.user_id === a, { from: mark, what: 'LEAVE' });
    mark = cb.frames.length;
    ca = await join(a);
    await cb.waitForCharacter(a, () => true, { from: mark });
  });
});
