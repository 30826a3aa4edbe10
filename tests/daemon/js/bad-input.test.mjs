// badinput.test.mjs — hostile and broken input through nginx: each gets an
// ERROR_MESSAGE or a close with the right code, never reaches the bystander,
// and the daemon keeps running.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { alive, joiner, sleep, stackDaemonPid, uniqueUser } from '../lib/hall.mjs';

const join = joiner();

let bystander;
let bystanderId;
before(async () => {
  bystanderId = uniqueUser('by');
  bystander = await join(bystanderId);
  await bystander.waitForCharacter(bystanderId);
});

// Sends each [raw, code, msgPattern] on one connection and expects an
// ERROR_MESSAGE with that code for each; afterwards the connection still
// works. Returns the connection's user.
async function expectErrors(cases) {
  const user = uniqueUser('e');
  const c = await join(user);
  for (const [raw, code, msg] of cases) {
    const mark = c.frames.length;
    c.send(raw);
    const what = `an error for ${JSON.stringify(raw).slice(0, 80)}`;
    const err = await c.waitFor((f) => f.action === 'ERROR_MESSAGE', { from: mark, what });
    assert.equal(err.code, code, `code for ${JSON.stringify(raw).slice(0, 80)}`);
    if (msg) assert.match(err.msg, msg);
    await sleep(210);   // within the five errors a second a client is told
  }
  const mark = c.frames.length;
  c.move(321, 654);
  await c.waitForCharacter(user, (ch) => ch.pos_x === 321, { from: mark });
  assert.equal(c.closeInfo, null, 'still connected');
  await c.close();
  return user;
}

// Sends frames and expects the server to close with code.
async function expectClose(sendFrames, code) {
  const c = await join(uniqueUser('x'));
  sendFrames(c.ws);
  const closed = await c.waitForClose(5000);
  assert.equal(closed.code, code);
  return closed;
}

describe('bad input', { timeout: 120000 }, () => {
  test('text that is not JSON gets ERROR_MESSAGE 400', async () => {
    await expectErrors([
      ['hello', 400, /JSON/],
      ['{"action":"UPDATE_CHARACTER_POS","pos_x":1,', 400, /JSON/],
      ['', 400, /JSON/],
      ['{"action":"UPDATE_CHARACTER_POS","pos_x":1,"pos_y":2} trailing', 400, /JSON/],
    ]);
  });

  test('JSON that is not an object, or has no string action, gets 400', async () => {
    await expectErrors(['[1,2,3]', '"UPDATE_CHARACTER_POS"', '42', 'null', '{}', '{"action":7}', '{"action":null}']
      .map((raw) => [raw, 400]));
  });

  test('an unknown action gets 400 "unknown action"', async () => {
    await expectErrors([
      [JSON.stringify({ action: 'TELEPORT_EVERYONE' }), 400, /unknown action/],
      [JSON.stringify({ action: 'update_character_pos', pos_x: 1, pos_y: 1 }), 400, /unknown action/],
    ]);
  });

  test('wrong types for a position get 400 and move nobody', async () => {
    const cases = [
      { pos_x: '100', pos_y: 100 }, { pos_x: 100, pos_y: null }, { pos_x: [1], pos_y: 1 },
      { pos_x: { x: 1 }, pos_y: 1 }, { pos_x: true, pos_y: 1 }, { pos_x: 1 },
    ];
    const user = await expectErrors(cases.map((c) => [JSON.stringify({ action: 'UPDATE_CHARACTER_POS', ...c }), 400, /numbers/]));
    assert.deepEqual(bystander.sightings(user).map((s) => s.pos_x).filter((x) => x !== 1250 && x !== 321), []);
  });

  test('NaN, Infinity and numbers too big for the world are refused, not clamped', async () => {
    const user = await expectErrors([
      ['{"action":"UPDATE_CHARACTER_POS","pos_x":NaN,"pos_y":1}', 400],
      ['{"action":"UPDATE_CHARACTER_POS","pos_x":Infinity,"pos_y":1}', 400],
      ['{"action":"UPDATE_CHARACTER_POS","pos_x":1e400,"pos_y":1}', 400],
      ['{"action":"UPDATE_CHARACTER_POS","pos_x":1e308,"pos_y":1}', 400, /out of range/],
      ['{"action":"UPDATE_CHARACTER_POS","pos_x":-2000000,"pos_y":1}', 400, /out of range/],
      ['{"action":"UPDATE_CHARACTER_POS","pos_x":123456789012345678901234567890,"pos_y":1}', 400],
    ]);
    assert.deepEqual(bystander.sightings(user).map((s) => s.pos_x).filter((x) => x !== 1250 && x !== 321), []);
  });

  test('duplicate keys, deep nesting and NUL characters get 400', async () => {
    await expectErrors([
      ['{"action":"UPDATE_CHARACTER_POS","pos_x":1,"pos_x":2,"pos_y":3}', 400],
      ['['.repeat(3000) + ']'.repeat(1000), 400],
      ['{"action":"ACTION_CHAT_MESSAGE","message":"a\\u0000b"}', 400],
    ]);
  });

  test('SUBSCRIBE to an unknown room gets 404', async () => {
    await expectErrors([
      [JSON.stringify({ action: 'SUBSCRIBE', room: 'admin' }), 404, /room/],
      [JSON.stringify({ action: 'SUBSCRIBE' }), 404, /room/],
    ]);
  });

  test('a message over 12 KiB closes the connection with 1009, in one frame or in fragments', async () => {
    const big = JSON.stringify({ action: 'ACTION_CHAT_MESSAGE', message: 'a'.repeat(13000) });
    await expectClose((ws) => ws.send(big), 1009);
    await expectClose((ws) => {
      ws.send('{"action":"ACTION_CHAT_MESSAGE","message":"', { fin: false });
      for (let i = 0; i < 13; i += 1) ws.send('b'.repeat(1000), { fin: false });
      ws.send('"}', { fin: true });
    }, 1009);
  });

  test('a message just under 12 KiB, in fragments, is accepted', async () => {
    const user = uniqueUser('f');
    const c = await join(user);
    await c.waitFor((f) => f.action === 'UPDATE_CHARACTER_POS');
    const pad = ' '.repeat(12000);
    // "ま" is split between two fragments: only the whole message must be valid UTF-8.
    const text = Buffer.from(`{"action":"ACTION_CHAT_MESSAGE","message":"fragmented ま"}${pad}`);
    const cut = text.indexOf(Buffer.from('ま')) + 1;
    c.ws.send(text.subarray(0, cut), { fin: false, binary: false });
    c.ws.send(text.subarray(cut), { fin: true });
    const heard = await bystander.waitFor((f) => f.action === 'ACTION_CHAT_MESSAGE' && f.user_id === user);
    assert.equal(heard.message, 'fragmented ま');
  });

  test('invalid UTF-8 closes the connection with 1007', async () => {
    const bad = [
      Buffer.from([0x7b, 0xff, 0x7d]),                     // not UTF-8 at all
      Buffer.from([0x22, 0xc0, 0xaf, 0x22]),               // overlong "/"
      Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]),         // a UTF-16 surrogate
      Buffer.from([0x22, 0xe3, 0x81]),                     // cut short at the end
    ];
    for (const b of bad) await expectClose((ws) => ws.send(b, { binary: false }), 1007);
    // Split across fragments, each piece harmless alone.
    await expectClose((ws) => {
      ws.send(Buffer.from([0x22, 0xe3]), { binary: false, fin: false });
      ws.send(Buffer.from([0x41, 0x22]), { fin: true });
    }, 1007);
  });

  test('binary frames close the connection with 1003', async () => {
    await expectClose((ws) => ws.send(Buffer.from('{"action":"UPDATE_CHARACTER_POS","pos_x":1,"pos_y":1}'), { binary: true }), 1003);
  });

  test('random garbage from many connections at once is answered or closed, never more', async () => {
    // A fixed seed, so a failure can be replayed.
    let seed = 20240501;
    const rand = (n) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['{', '}', '[', ']', '"action"', ':', ',', '"UPDATE_CHARACTER_POS"', '"ACTION_CHAT_MESSAGE"',
      '"pos_x"', '"message"', '1e999', '-0', 'null', 'true', '"\\ud800"', '"ま"', '\\', '"', ' '];
    const clients = await Promise.all(Array.from({ length: 20 }, () => join(uniqueUser('g'))));
    for (const c of clients) {
      for (let i = 0; i < 15; i += 1) {
        const kind = rand(4);
        if (kind === 0) c.ws.send(Buffer.from(Array.from({ length: rand(64) + 1 }, () => rand(256))), { binary: false });
        else if (kind === 1) c.ws.send(Array.from({ length: rand(12) + 1 }, () => pieces[rand(pieces.length)]).join(''));
        else if (kind === 2) c.ws.send(JSON.stringify({ action: pieces[rand(pieces.length)], pos_x: rand(1e6) - 5e5, pos_y: 'x' }));
        else c.ws.send(Buffer.from([rand(256), rand(256)]), { binary: rand(2) === 1 });
      }
    }
    await sleep(1500);
    for (const c of clients) {
      // Each either got errors and is still open, or was closed with a protocol code.
      if (c.closeInfo) assert.ok([1003, 1007, 1008, 1009].includes(c.closeInfo.code), `closed with ${c.closeInfo.code}`);
      else assert.ok(c.of('ERROR_MESSAGE').every((f) => [400, 403, 404, 429].includes(f.code)));
    }
  });

  test('none of it reached the bystander, and the daemon is still serving', async () => {
    await sleep(1200);
    assert.equal(bystander.closeInfo, null, 'the bystander is still connected');
    assert.equal(bystander.of('ERROR_MESSAGE').length, 0, 'no errors meant for others');
    const chats = bystander.of('ACTION_CHAT_MESSAGE').map((f) => f.message);
    assert.ok(chats.every((m) => m === 'fragmented ま' || !/^(a+|b+)$/.test(m)), 'no oversized chat got through');
    assert.ok(!chats.some((m) => m.includes('\u0000')));
    const moved = bystander.of('UPDATE_CHARACTER_POS').flatMap((f) => f.characters).map((c) => c.pos_x);
    assert.ok(moved.every((x) => typeof x === 'number' && x >= 0 && x <= 2500), 'every position is inside the world');
    const pid = stackDaemonPid();
    assert.ok(pid && alive(pid), 'the daemon process is alive');
    const user = uniqueUser('after');
    const c = await join(user);
    c.move(5, 5);
    await bystander.waitForCharacter(user, (ch) => ch.pos_x === 5);
  });
});
