// half-open.test.mjs — a client that stops answering pings (a laptop closed,
// a network gone) is hung up on and leaves the hall; one that answers stays.
// Runs its own daemon with short ping settings on the stack's database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HallClient, sleep, startDaemon, uniqueUser } from '../lib/hall.mjs';

let daemon;
const open = [];
before(async () => {
  daemon = await startDaemon(['Halld.PingSeconds = 1', 'Halld.TimeoutSeconds = 3'], 'half-open');
});
after(async () => {
  await Promise.all(open.map((c) => c.close()));
  await daemon.stop();
});

async function join(user, opts = {}) {
  const c = await HallClient.join(user, { wsBase: daemon.wsBase, ...opts });
  open.push(c);
  return c;
}

describe('half-open clients', { timeout: 60000 }, () => {
  test('a client that never answers a ping is closed and others see it LEAVE; a live one stays', async () => {
    const deaf = uniqueUser('deaf');
    const live = uniqueUser('live');
    const cLive = await join(live);
    let pings = 0;
    cLive.ws.on('ping', () => { pings += 1; });
    const cDeaf = await join(deaf, { autoPong: false });
    await cLive.waitForCharacter(deaf);
    const mark = cLive.frames.length;
    const closed = await cDeaf.waitForClose(10000);
    assert.notEqual(closed.code, 1000, 'the server hung up, the client did not close');
    await cLive.waitFor((f) => f.action === 'LEAVE' && f.user_id === deaf, { from: mark, ms: 5000, what: 'LEAVE of the deaf client' });
    await sleep(2000);
    assert.equal(cLive.closeInfo, null, 'the client that answers pings is still connected');
    assert.ok(pings >= 2, `the live client was pinged (${pings})`);
  });
});
