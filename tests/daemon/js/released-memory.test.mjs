// released-memory.test.mjs — a daemon on the stack's database through a
// relay that can go silent (dbRelay). Two browsers enter at the entrance (the
// site's real identity code) and join that daemon, so it remembers them; one
// signs out (POST /logout). When the database then stops answering, a new tab
// of the browser that stayed keeps its ID from memory, and a new tab of the
// one that signed out is a spectator: the sign-out reached the hall through
// hall_events before the outage.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE, HallClient, dbRelay, sleep, startDaemon, uniqueUser } from '../lib/hall.mjs';

// A browser at the entrance: its cookies after entering as id.
async function enter(id) {
  const jar = new Map();
  const keep = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const page = keep(await fetch(`${BASE}/`, { redirect: 'manual' }));
  const csrf = (await page.text()).match(/name="csrf_token" value="([0-9a-f]{32})"/)[1];
  const res = keep(await fetch(`${BASE}/`, {
    method: 'POST', redirect: 'manual', headers: { Cookie: cookie(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ github_id: id, csrf_token: csrf }),
  }));
  assert.equal(res.status, 303, `${id} entered`);
  return { jar, csrf, cookie };
}

describe('the hall forgets a released ID before the database goes silent', { timeout: 120000 }, () => {
  let db;
  let daemon;
  const open = [];
  before(async () => {
    db = dbRelay();
    await db.listen();
    daemon = await startDaemon([`DB.Socket = ${db.sock}`, 'DB.Host =', 'DB.ConnectTimeout = 3'], 'released');
  });
  after(async () => {
    await Promise.all(open.map((c) => c.close()));
    await daemon.stop();
    db.close();
  });
  const join = async (browser) => {
    const headers = browser ? { Cookie: `identity=${browser.jar.get('identity')}` } : {};
    const c = await HallClient.open(`${daemon.wsBase}/ws`, { headers });
    open.push(c);
    return c;
  };

  const stays = uniqueUser('stays');
  const leaves = uniqueUser('leaves');
  let watcher;
  let stayer;
  let leaver;

  test('two browsers enter and join, so the hall knows them', async () => {
    stayer = await enter(stays);
    leaver = await enter(leaves);
    watcher = await join(null);
    const a = await join(stayer);
    const b = await join(leaver);
    a.move(101, 101);
    b.move(202, 202);
    await watcher.waitForCharacter(stays, (c) => c.pos_x === 101, { ms: 5000 });
    await watcher.waitForCharacter(leaves, (c) => c.pos_x === 202, { ms: 5000 });
  });

  test('one of them signs out at the site', async () => {
    const res = await fetch(`${BASE}/logout`, {
      method: 'POST', redirect: 'manual',
      headers: { Cookie: leaver.cookie(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf_token: leaver.jar.get('masakari_csrf') }),
    });
    assert.equal(res.status, 303);
    // The identity thread reads the holds let go every second.
    await sleep(2500);
  });

  test('with the database silent, the one that stayed keeps its ID in a new tab; the one that left is a spectator', async () => {
    db.silent = true;
    const tab = await join(stayer);
    const gone = await join(leaver);
    tab.move(303, 303);
    gone.move(404, 404);
    await watcher.waitForCharacter(stays, (c) => c.pos_x === 303, { ms: 8000 });
    const err = await gone.waitFor((f) => f.action === 'ERROR_MESSAGE', { ms: 8000 });
    assert.equal(err.code, 403, `the released browser is refused as a spectator: ${JSON.stringify(err)}`);
    assert.equal(watcher.sightings(leaves).filter((c) => c.pos_x === 404).length, 0,
      'the released ID never moves again');
  });
});
