// react.test.mjs — emotes in the hall (REACT, docs/HALL.md "Reactions"): a
// reaction reaches everyone connected, with who made it; an unknown emote, a
// spectator's, a muted visitor's and a flood are refused and reach no one;
// and the daemon samples who stands where for /operators/insights.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { Browser, ctl, sleep, sql, sqlQuote, uniqueUser } from '../lib/hall.mjs';

const open = [];
after(async () => {
  await Promise.all(open.map((c) => c.close()));
});

async function visitor(prefix) {
  const id = uniqueUser(prefix);
  const b = new Browser();
  assert.equal((await b.enter(id)).status, 303);
  const c = await b.join();
  open.push(c);
  await c.waitForCharacter(id, () => true, { ms: 8000 });
  return { id, c };
}

const reacts = (c, user, from = 0) => c.of('REACT', from).filter((f) => f.user_id === user);

describe('reactions', { timeout: 90000 }, () => {
  test('each of the five emotes reaches another visitor, and the one who reacted', async () => {
    const a = await visitor('clapper');
    const b = await visitor('seer');
    const emotes = ['clap', 'laugh', 'heart'];
    for (const emote of emotes) a.c.send({ action: 'REACT', emote });
    for (const emote of emotes) {
      const seen = await b.c.waitFor((f) => f.action === 'REACT' && f.user_id === a.id && f.emote === emote);
      assert.deepEqual(Object.keys(seen).sort(), ['action', 'emote', 'user_id']);
      await a.c.waitFor((f) => f.action === 'REACT' && f.user_id === a.id && f.emote === emote);
    }
    await sleep(2100);
    for (const emote of ['surprise', 'axe']) a.c.send({ action: 'REACT', emote });
    await b.c.waitFor((f) => f.action === 'REACT' && f.user_id === a.id && f.emote === 'axe');
  });

  test('an unknown emote is a 400 and reaches no one; a user_id sent is ignored', async () => {
    const a = await visitor('odd');
    const b = await visitor('odd-seer');
    const from = b.c.frames.length;
    a.c.send({ action: 'REACT', emote: 'poop' });
    a.c.send({ action: 'REACT', emote: '<img src=x>' });
    a.c.send({ action: 'REACT' });
    const error = await a.c.waitFor((f) => f.action === 'ERROR_MESSAGE');
    assert.equal(error.code, 400);
    assert.match(error.msg, /emote must be one of/);
    a.c.send({ action: 'REACT', emote: 'heart', user_id: b.id });
    const seen = await b.c.waitFor((f) => f.action === 'REACT', { from });
    assert.equal(seen.user_id, a.id);
    assert.equal(seen.emote, 'heart');
    assert.equal(b.c.of('REACT', from).length, 1);
  });

  test('a spectator cannot react', async () => {
    const watcher = await visitor('spect-watch');
    const s = await new Browser().join();
    open.push(s);
    const from = watcher.c.frames.length;
    s.send({ action: 'REACT', emote: 'clap' });
    const error = await s.waitFor((f) => f.action === 'ERROR_MESSAGE');
    assert.equal(error.code, 403);
    await sleep(500);
    assert.equal(watcher.c.of('REACT', from).length, 0);
  });

  test('reactions are limited to one a second (bursts of three), and a flood closes the connection', async () => {
    const a = await visitor('flood');
    const b = await visitor('flood-seer');
    const from = b.c.frames.length;
    for (let i = 0; i < 10; i += 1) a.c.send({ action: 'REACT', emote: 'clap' });
    const limited = await a.c.waitFor((f) => f.action === 'ERROR_MESSAGE' && f.code === 429);
    assert.match(limited.msg, /one a second/);
    await sleep(800);
    const passed = reacts(b.c, a.id, from).length;
    assert.ok(passed >= 3 && passed <= 4, `${passed} of 10 reactions at once reached others`);
    for (let i = 0; i < 400 && !a.c.closeInfo; i += 1) a.c.send({ action: 'REACT', emote: 'axe' });
    const closed = await a.c.waitForClose(5000);
    assert.equal(closed.code, 1008);
    await sleep(300);
    assert.ok(reacts(b.c, a.id, from).length <= passed + 1, 'the flood did not reach others');
  });

  test('a muted visitor cannot react, and is told why', async () => {
    const a = await visitor('mutedr');
    const b = await visitor('muted-seer');
    assert.equal(ctl('mute', a.id, '--minutes', '5', '--reason', 'too loud').status, 0);
    await a.c.waitFor((f) => f.action === 'MODERATION' && f.code === 'muted', { ms: 5000 });
    const from = b.c.frames.length;
    const told = a.c.frames.length;
    a.c.send({ action: 'REACT', emote: 'clap' });
    const m = await a.c.waitFor((f) => f.action === 'MODERATION' && f.code === 'muted', { from: told });
    assert.equal(m.reason, 'too loud');
    await sleep(500);
    assert.equal(reacts(b.c, a.id, from).length, 0);
    assert.equal(ctl('unmute', a.id).status, 0);
    await a.c.waitFor((f) => f.action === 'MODERATION' && f.code === 'unmuted', { ms: 5000 });
    a.c.send({ action: 'REACT', emote: 'heart' });
    await b.c.waitFor((f) => f.action === 'REACT' && f.user_id === a.id, { from });
  });
});

describe('the hall\'s visitor samples', { timeout: 60000 }, () => {
  test('who stands where is sampled for the insights page', async () => {
    const a = await visitor('stander');
    // kisei's stand (sql/0002-exhibits.sql), a little off its centre.
    const [x, y] = sql("SELECT hall_x, hall_y FROM exhibits WHERE slug = 'kisei'").split('\t').map(Number);
    a.c.move(x + 40, y + 30);
    let rows = '';
    for (let i = 0; i < 40 && !rows; i += 1) {
      await sleep(500);
      rows = sql(`SELECT x, y FROM hall_sample_positions WHERE github_id = ${sqlQuote(a.id)} AND x = ${x + 40}`);
    }
    assert.ok(rows, 'a sample with the visitor where it stood');
    const total = Number(sql('SELECT MAX(visitors) FROM hall_samples WHERE at >= NOW() - INTERVAL 1 MINUTE'));
    assert.ok(total >= 1, `the sample counts the hall's visitors (${total})`);
  });
});
