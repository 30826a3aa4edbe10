// masakari-room.test.mjs — the masakari room through nginx: SUBSCRIBE brings
// ACTION_SEND_STATUS every second (the fields of /api/status) and
// ACTION_RECV_MASAKARI when a throw lands; others get neither.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE, joiner, sleep, sql, sqlQuote, uniqueUser } from '../lib/hall.mjs';

const join = joiner();

const subscribe = (c) => c.send({ action: 'SUBSCRIBE', room: 'masakari' });

function insertThrow(user, { weaknessSlug = null, reply = null, score = 0.75, power = 75 } = {}) {
  const weakness = weaknessSlug ? `(SELECT id FROM weaknesses WHERE slug = ${sqlQuote(weaknessSlug)})` : 'NULL';
  return Number(sql(`INSERT INTO throws (github_id, remote_addr, critique, normalized, score, weakness_id, power, reply)
    VALUES (${sqlQuote(user)}, '127.0.0.1', 'room test', 'roomtest', ${score}, ${weakness}, ${power},
    ${reply === null ? 'NULL' : sqlQuote(reply)}); SELECT LAST_INSERT_ID();`));
}

describe('the masakari room', { timeout: 60000 }, () => {
  test('a subscriber gets ACTION_SEND_STATUS every second with the five fields of /api/status', async () => {
    const c = await join(uniqueUser('r'));
    subscribe(c);
    await c.waitFor((f) => f.action === 'ACTION_SEND_STATUS');
    const mark = c.frames.length;
    await sleep(3300);
    const statuses = c.of('ACTION_SEND_STATUS', mark);
    assert.ok(statuses.length >= 2 && statuses.length <= 5, `${statuses.length} status frames in 3.3 s`);
    const api = await (await fetch(`${BASE}/api/status`)).json();
    for (const s of statuses) {
      assert.deepEqual(Object.keys(s.status).sort(), Object.keys(api).sort());
      for (const v of Object.values(s.status)) assert.ok(typeof v === 'number' && v >= 0);
      assert.ok(s.status.cpuutilization <= 100);
    }
  });

  test('a spectator (no ?user=) may subscribe too', async () => {
    const spectator = await join(null);
    subscribe(spectator);
    await spectator.waitFor((f) => f.action === 'ACTION_SEND_STATUS');
  });

  test('a landed throw reaches subscribers as ACTION_RECV_MASAKARI, and only them', async () => {
    const critic = uniqueUser('critic');
    const sub = await join(uniqueUser('r'));
    const other = await join(uniqueUser('n'));
    subscribe(sub);
    await sub.waitFor((f) => f.action === 'ACTION_SEND_STATUS');
    const slug = sql('SELECT slug FROM weaknesses ORDER BY id LIMIT 1');
    const hit = insertThrow(critic, { weaknessSlug: slug, reply: 'ぐはっ、見抜かれたか', score: 0.9, power: 90 });
    const miss = insertThrow(critic, { score: 0.1, power: 10 });
    const a = await sub.waitFor((f) => f.action === 'ACTION_RECV_MASAKARI' && f.id === hit, { what: `throw ${hit}` });
    assert.equal(a.github_id, critic);
    assert.equal(a.score, 0.9);
    assert.equal(a.power, 90);
    assert.equal(a.weakness.slug, slug);
    assert.equal(a.weakness.title_ja, sql(`SELECT title_ja FROM weaknesses WHERE slug = ${sqlQuote(slug)}`));
    assert.equal(a.reply, 'ぐはっ、見抜かれたか');
    const b = await sub.waitFor((f) => f.action === 'ACTION_RECV_MASAKARI' && f.id === miss, { what: `throw ${miss}` });
    assert.equal(b.weakness, null, 'a miss has no weakness');
    assert.equal('reply' in b, false, 'no reply yet, no reply field');
    assert.ok(sub.frames.indexOf(a) < sub.frames.indexOf(b), 'in the order they landed');
    await sleep(500);
    assert.equal(other.of('ACTION_RECV_MASAKARI').length, 0, 'not subscribed, not told');
    assert.equal(other.of('ACTION_SEND_STATUS').length, 0);
    sql(`DELETE FROM throws WHERE id IN (${hit}, ${miss})`);
  });
});
