// chat.test.mjs — chat through nginx: broadcast with sender and time, stored
// in MariaDB, the last 50 sent on join, at most 200 characters, text kept
// exactly as typed (markup and SQL included).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { joiner, sleep, sql, sqlQuote, uniqueUser } from '../lib/hall.mjs';

const join = joiner();

const chatFrame = (text) => (f) => f.action === 'ACTION_CHAT_MESSAGE' && f.message === text;

async function storedCount(text, user) {
  for (let i = 0; i < 50; i += 1) {
    const n = Number(sql(`SELECT COUNT(*) FROM chat_messages WHERE message = ${sqlQuote(text)} AND github_id = ${sqlQuote(user)}`));
    if (n > 0) return n;
    await sleep(100);
  }
  return 0;
}

describe('chat', { timeout: 60000 }, () => {
  test('a message reaches everyone, the sender too, with user_id, message and an ISO time', async () => {
    const { a, b, ca, cb } = await join.two();
    const text = `こんにちは ${a}`;
    const before = Date.now();
    ca.chat(text);
    const got = await cb.waitFor(chatFrame(text));
    const echo = await ca.waitFor(chatFrame(text));
    assert.equal(got.user_id, a);
    assert.deepEqual(Object.keys(got).sort(), ['action', 'at', 'message', 'user_id']);
    assert.match(got.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.ok(Math.abs(Date.parse(got.at) - before) < 5000, `at ${got.at} is now`);
    assert.deepEqual(echo, got);
  });

  test('a message is stored in MariaDB once, byte for byte', async () => {
    const a = uniqueUser('a');
    const ca = await join(a);
    const text = `<script>alert("x")</script>'; DROP TABLE chat_messages; -- ${a} 🪓`;
    ca.chat(text);
    await ca.waitFor(chatFrame(text));
    assert.equal(await storedCount(text, a), 1);
    assert.equal(sql(`SELECT message FROM chat_messages WHERE github_id = ${sqlQuote(a)}`), text);
  });

  test('a newcomer gets the last 50 messages, oldest first, before its first position update', async () => {
    const tag = uniqueUser('h');
    // Sixty messages as if another daemon had taken them: this daemon picks
    // them up from the database like any other daemon's chat.
    const values = Array.from({ length: 60 }, (_, i) => `('${tag}', '${tag} #${i}', 'another-daemon:1', UTC_TIMESTAMP(3))`);
    const watcher = await join(uniqueUser('w'));
    sql(`INSERT INTO chat_messages (github_id, message, daemon_id, created_at) VALUES ${values.join(', ')}`);
    await watcher.waitFor(chatFrame(`${tag} #59`), { what: 'the last of the inserted messages' });
    const c = await join(uniqueUser('n'));
    await c.waitFor((f) => f.action === 'UPDATE_CHARACTER_POS');
    const firstPos = c.frames.findIndex((f) => f.action === 'UPDATE_CHARACTER_POS');
    const history = c.frames.slice(0, firstPos).filter((f) => f.action === 'ACTION_CHAT_MESSAGE');
    assert.equal(history.length, 50, 'exactly 50 messages of history');
    assert.deepEqual(history.map((f) => f.message), Array.from({ length: 50 }, (_, i) => `${tag} #${i + 10}`));
    assert.ok(history.every((f) => f.user_id === tag));
  });

  test('200 characters are fine, 201 are refused with an ERROR_MESSAGE and reach nobody', async () => {
    const { a, b, ca, cb } = await join.two();
    const ok = 'ま'.repeat(199) + '!';
    const long = 'ま'.repeat(201);
    ca.chat(long);
    const err = await ca.waitFor((f) => f.action === 'ERROR_MESSAGE');
    assert.equal(err.code, 400);
    assert.match(err.msg, /200 characters/);
    ca.chat(ok);
    await cb.waitFor(chatFrame(ok));
    assert.equal(cb.frames.filter(chatFrame(long)).length, 0);
    assert.equal(cb.of('ERROR_MESSAGE').length, 0, 'the bystander hears nothing of it');
    assert.equal(await storedCount(ok, a), 1);
    assert.equal(Number(sql(`SELECT COUNT(*) FROM chat_messages WHERE github_id = ${sqlQuote(a)}`)), 1);
  });

  test('empty, blank, non-string and control-character messages are refused', async () => {
    const a = uniqueUser('a');
    const ca = await join(a);
    const bad = [
      { action: 'ACTION_CHAT_MESSAGE', message: '' },
      { action: 'ACTION_CHAT_MESSAGE', message: '    ' },
      { action: 'ACTION_CHAT_MESSAGE', message: 42 },
      { action: 'ACTION_CHAT_MESSAGE', message: null },
      { action: 'ACTION_CHAT_MESSAGE' },
      { action: 'ACTION_CHAT_MESSAGE', message: 'line\nbreak' },
      { action: 'ACTION_CHAT_MESSAGE', message: 'bell\u0007' },
    ];
    for (const m of bad) {
      const mark = ca.frames.length;
      ca.send(m);
      const err = await ca.waitFor((f) => f.action === 'ERROR_MESSAGE', { from: mark });
      assert.equal(err.code, 400, JSON.stringify(m));
      await sleep(250);   // the error budget is five a second
    }
    await sleep(500);
    assert.equal(ca.of('ACTION_CHAT_MESSAGE').filter((f) => f.user_id === a).length, 0);
    assert.equal(Number(sql(`SELECT COUNT(*) FROM chat_messages WHERE github_id = ${sqlQuote(a)}`)), 0);
  });

  test('a spectator (no ?user=) hears chat but may not speak', async () => {
    const a = uniqueUser('a');
    const ca = await join(a);
    const spectator = await join(null);
    spectator.chat('who am I?');
    const err = await spectator.waitFor((f) => f.action === 'ERROR_MESSAGE');
    assert.equal(err.code, 403);
    const text = `hello spectator ${a}`;
    ca.chat(text);
    await spectator.waitFor(chatFrame(text));
  });
});
