// proximity.test.mjs — the hall's bubbles (docs/HALL.md, "Near each other"):
// who is told PROXIMITY naming whom, and that RTC_SIGNAL and near chat reach
// a current peer and nobody else — not a visitor across the hall, not from
// a spectator, not oversized, not a flood, not with a forged "from" — on one
// daemon and across two on one database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HallClient, ctl, sleep, startDaemon, uniqueUser } from '../lib/hall.mjs';

const settings = ['Halld.PresenceTimeoutSeconds = 3', 'Moderation.Words.0 = forbiddenword'];
let d1;
let d2;
const open = [];
before(async () => {
  d1 = await startDaemon(settings, 'prox-one');
  d2 = await startDaemon(settings, 'prox-two');
});
after(async () => {
  await Promise.all(open.map((c) => c.close()));
  await Promise.all([d1.stop(), d2.stop()]);
});

async function join(daemon, user, x, y) {
  const c = await HallClient.join(user, { wsBase: daemon.wsBase });
  open.push(c);
  if (user) {
    // Known once the hall has placed it (the identity thread answered).
    await c.waitForCharacter(user, () => true, { ms: 8000 });
    c.move(x, y);
  }
  return c;
}

const FAR = { ms: 8000 };   // across daemons: a tick, a write, a poll and a tick

const proximity = (c, pred, opts = {}) => c.waitFor((f) => f.action === 'PROXIMITY' && pred(f),
  { what: 'a PROXIMITY', ...opts });
const names = (f, id) => f.peers.includes(id);
const lastPeers = (c) => c.of('PROXIMITY').at(-1)?.peers;
const signal = (to, kind = 'offer', data = { sdp: 'v=0' }) => ({ action: 'RTC_SIGNAL', to, kind, data });
const signalsFrom = (c, from, n = 0) => c.of('RTC_SIGNAL', n).filter((f) => f.from === from);
const errorAfter = (c, n, code) => c.waitFor((f) => f.action === 'ERROR_MESSAGE' && f.code === code,
  { from: n, what: `ERROR_MESSAGE ${code}` });

// Two visitors near each other on d1 at (x, y), and a third 400 px away.
async function pair(x, y) {
  const a = uniqueUser('a');
  const b = uniqueUser('b');
  const far = uniqueUser('far');
  const ca = await join(d1, a, x, y);
  const cb = await join(d1, b, x + 100, y);
  const cf = await join(d1, far, x, y + 400 <= 2500 ? y + 400 : y - 400);
  await proximity(ca, (f) => names(f, b));
  await proximity(cb, (f) => names(f, a));
  return { a, b, far, ca, cb, cf };
}

describe('bubbles', { timeout: 120000 }, () => {
  test('visitors who walk together are told PROXIMITY naming each other, and apart, without', async () => {
    const a = uniqueUser('a');
    const b = uniqueUser('b');
    const ca = await join(d1, a, 2300, 2300);
    const cb = await join(d1, b, 2450, 2450);
    await proximity(ca, (f) => !names(f, b));
    ca.move(2400, 2400);
    cb.move(2450, 2420);
    const fa = await proximity(ca, (f) => names(f, b));
    const fb = await proximity(cb, (f) => names(f, a));
    assert.deepEqual(fa.busy, []);
    assert.deepEqual(fb.peers, [a]);
    // Each client's own count: they need not have been sent as many frames.
    const na = ca.frames.length;
    const nb = cb.frames.length;
    ca.move(2100, 2100);
    await proximity(ca, (f) => !names(f, b), { from: na });
    await proximity(cb, (f) => !names(f, a), { from: nb });
    // Nothing new while nothing changes.
    const count = ca.of('PROXIMITY').length;
    await sleep(2200);
    assert.equal(ca.of('PROXIMITY').length, count);
  });

  test('at most five peers, the nearest', async () => {
    const users = [];
    const clients = [];
    for (let i = 0; i < 7; i += 1) {
      users.push(uniqueUser('crowd'));
      clients.push(await join(d1, users[i], 200 + i * 20, 2350));
    }
    // The first sees the five nearest: the second to the sixth.
    const f = await proximity(clients[0], (p) => p.peers.length === 5 && names(p, users[5]));
    assert.ok(!names(f, users[6]), JSON.stringify(f));
    await sleep(1500);
    for (const c of clients) assert.ok(lastPeers(c).length <= 5);
  });

  test('everyone at an exhibit\'s booth is a peer, further apart than the radius; a passer-by is not', async () => {
    const a = uniqueUser('booth');
    const b = uniqueUser('booth');
    const p = uniqueUser('passer');
    // The exhibit "RED" stands at (1250, 500).
    const ca = await join(d1, a, 1110, 480);
    const cb = await join(d1, b, 1390, 520);
    const cp = await join(d1, p, 1110, 650);
    await proximity(ca, (f) => names(f, b));
    await proximity(cb, (f) => names(f, a));
    await sleep(1500);
    assert.ok(!lastPeers(ca).includes(p));
    assert.ok(!(lastPeers(cp) || []).includes(a));
  });

  test('a signal reaches the peer it names, from the sender the hall says', async () => {
    const { a, b, ca, cb, cf } = await pair(300, 300);
    ca.send(signal(b, 'offer', { sdp: 'v=0 offer' }));
    const got = await cb.waitFor((f) => f.action === 'RTC_SIGNAL');
    assert.deepEqual(got, { action: 'RTC_SIGNAL', from: a, kind: 'offer', data: { sdp: 'v=0 offer' } });
    cb.send(signal(a, 'answer', { sdp: 'v=0 answer' }));
    cb.send(signal(a, 'ice', { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host' }));
    await ca.waitFor((f) => f.action === 'RTC_SIGNAL' && f.kind === 'ice' && f.from === b);
    await sleep(500);
    assert.equal(cf.of('RTC_SIGNAL').length, 0, 'the visitor across the room heard nothing');
  });

  test('a signal to a visitor who is not a peer is refused and reaches nobody', async () => {
    const { far, ca, cb, cf } = await pair(300, 900);
    const n = ca.frames.length;
    ca.send(signal(far));
    await errorAfter(ca, n, 403);
    ca.send(signal('nobody-here-at-all'));
    await sleep(800);
    assert.equal(cf.of('RTC_SIGNAL').length + cb.of('RTC_SIGNAL').length, 0);
  });

  test('a spectator\'s signal is refused', async () => {
    const { a, ca, cb } = await pair(300, 1500);
    const spectator = await join(d1, null);
    spectator.send(signal(a));
    await errorAfter(spectator, 0, 403);
    await sleep(800);
    assert.equal(ca.of('RTC_SIGNAL').length + cb.of('RTC_SIGNAL').length, 0);
  });

  test('oversized data, a forged from and a malformed signal are refused and reach nobody', async () => {
    const { a, b, ca, cb } = await pair(2200, 300);
    let n = ca.frames.length;
    ca.send(signal(b, 'offer', { sdp: 'x'.repeat(9000) }));
    await errorAfter(ca, n, 413);
    n = ca.frames.length;
    ca.send({ action: 'RTC_SIGNAL', to: b, from: 'someone-else', kind: 'offer', data: {} });
    await errorAfter(ca, n, 400);
    n = ca.frames.length;
    ca.send({ action: 'RTC_SIGNAL', to: b, kind: 'hello', data: {} });
    await errorAfter(ca, n, 400);
    n = ca.frames.length;
    ca.send({ action: 'RTC_SIGNAL', to: b, kind: 'ice', data: 'not an object' });
    await errorAfter(ca, n, 400);
    await sleep(800);
    assert.equal(cb.of('RTC_SIGNAL').length, 0, JSON.stringify(cb.of('RTC_SIGNAL')));
    assert.equal(ca.of('RTC_SIGNAL').length, 0);
    assert.ok(a);
  });

  test('a flood of signals is cut to the limit: the rest reach nobody', async () => {
    const { a, b, ca, cb } = await pair(2200, 900);
    const n = ca.frames.length;
    for (let i = 0; i < 120; i += 1) ca.send(signal(b, 'ice', { i }));
    await errorAfter(ca, n, 429);
    await sleep(1000);
    const got = signalsFrom(cb, a).length;
    assert.ok(got >= 40 && got <= 52, `${got} of 120 signals relayed`);
  });

  test('a busy visitor is marked in its peers\' PROXIMITY and takes no offer', async () => {
    const { a, b, ca, cb } = await pair(2200, 1500);
    cb.send({ action: 'SET_STATUS', status: 'busy' });
    await proximity(ca, (f) => f.busy.includes(b));
    let n = ca.frames.length;
    ca.send(signal(b, 'offer'));
    await errorAfter(ca, n, 403);
    n = cb.frames.length;
    cb.send(signal(a, 'offer'));
    await errorAfter(cb, n, 403);
    // Only a PROXIMITY after this one counts: the pair's first one also
    // names b as not busy, and an offer sent on it may reach the daemon
    // before b's SET_STATUS does.
    n = ca.frames.length;
    cb.send({ action: 'SET_STATUS', status: 'available' });
    await proximity(ca, (f) => names(f, b) && !f.busy.includes(b), { from: n });
    ca.send(signal(b, 'offer'));
    await cb.waitFor((f) => f.action === 'RTC_SIGNAL' && f.from === a);
    n = cb.frames.length;
    cb.send({ action: 'SET_STATUS', status: 'away' });
    await errorAfter(cb, n, 400);
  });

  test('near chat reaches the peers and the speaker only, is filtered, and not stored as chat', async () => {
    const { a, b, ca, cb, cf } = await pair(1300, 2350);
    const text = `just between us ${a}`;
    ca.send({ action: 'NEAR_CHAT_MESSAGE', message: text });
    const heard = await cb.waitFor((f) => f.action === 'NEAR_CHAT_MESSAGE' && f.message === text);
    assert.equal(heard.user_id, a);
    assert.match(heard.at, /^\d{4}-\d\d-\d\dT/);
    await ca.waitFor((f) => f.action === 'NEAR_CHAT_MESSAGE' && f.message === text);
    const n = ca.frames.length;
    ca.send({ action: 'NEAR_CHAT_MESSAGE', message: 'a forbiddenword here' });
    await ca.waitFor((f) => f.action === 'MODERATION' && f.code === 'filtered', { from: n });
    await sleep(1000);
    assert.equal(cf.of('NEAR_CHAT_MESSAGE').length, 0, 'the far visitor heard nothing');
    assert.equal(cb.of('NEAR_CHAT_MESSAGE').length, 1);
    assert.equal(cf.of('ACTION_CHAT_MESSAGE').filter((f) => f.message === text).length, 0);
    const spectator = await join(d1, null);
    spectator.send({ action: 'NEAR_CHAT_MESSAGE', message: 'hello' });
    await errorAfter(spectator, 0, 403);
    assert.ok(b);
  });

  test('a muted visitor\'s near chat reaches nobody', async () => {
    const { a, ca, cb } = await pair(1000, 2150);
    assert.equal(ctl('mute', a, '--minutes', '5').status, 0);
    await ca.waitFor((f) => f.action === 'MODERATION' && f.code === 'muted', { ms: 3000 });
    const n = ca.frames.length;
    ca.send({ action: 'NEAR_CHAT_MESSAGE', message: 'can you hear me' });
    await ca.waitFor((f) => f.action === 'MODERATION' && f.code === 'muted', { from: n });
    await sleep(800);
    assert.equal(cb.of('NEAR_CHAT_MESSAGE').length, 0);
    assert.equal(ctl('unmute', a).status, 0);
  });

  test('across two daemons: peers, signals and near chat reach each other through the database', async () => {
    const a = uniqueUser('a');
    const b = uniqueUser('b');
    const far = uniqueUser('far');
    const ca = await join(d1, a, 1800, 2300);
    const cb = await join(d2, b, 1880, 2300);
    const cf = await join(d2, far, 1800, 1900);
    await proximity(ca, (f) => names(f, b), FAR);
    await proximity(cb, (f) => names(f, a), FAR);
    ca.send(signal(b, 'offer', { sdp: 'across' }));
    const got = await cb.waitFor((f) => f.action === 'RTC_SIGNAL', FAR);
    assert.deepEqual(got, { action: 'RTC_SIGNAL', from: a, kind: 'offer', data: { sdp: 'across' } });
    cb.send(signal(a, 'answer', { sdp: 'back' }));
    await ca.waitFor((f) => f.action === 'RTC_SIGNAL' && f.from === b && f.kind === 'answer', FAR);
    ca.send({ action: 'NEAR_CHAT_MESSAGE', message: 'over the wire' });
    await cb.waitFor((f) => f.action === 'NEAR_CHAT_MESSAGE' && f.user_id === a, FAR);
    const n = ca.frames.length;
    ca.send(signal(far));
    await errorAfter(ca, n, 403);
    await sleep(1500);
    assert.equal(cf.of('RTC_SIGNAL').length + cf.of('NEAR_CHAT_MESSAGE').length, 0);
    assert.equal(cb.of('RTC_SIGNAL').length, 1, 'each signal once');
    ca.move(1800, 2000);
    await proximity(cb, (f) => !names(f, a), FAR);
  });
});
