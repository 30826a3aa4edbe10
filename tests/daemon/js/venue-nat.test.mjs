// venue-nat.test.mjs — one abuser behind a venue's NAT does not lock the
// venue out. Everything comes from one address (127.17.25.1) through nginx,
// as a hall of people behind one NAT does: the limits per address are sized
// for the room, spectators and each ID are capped apart, chat is limited per
// ID, and throws and new sockets are counted per identity cookie, so the
// abuser's junk uses up only the abuser's share.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, describe, test } from 'node:test';
import { BASE, HallClient, sleep, uniqueUser } from '../lib/hall.mjs';

const VENUE = '127.17.25.1';
const HONEST = 50;
const open = [];
after(async () => { await Promise.all(open.map((c) => c.close())); });

// One HTTP request from the venue's address; cookies kept in jar (a Map).
function request(method, path, { jar = new Map(), form = null } = {}) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, BASE);
    const body = form ? new URLSearchParams(form).toString() : null;
    const headers = { 'Accept-Language': 'en' };
    if (jar.size) headers.Cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method,
      headers, localAddress: VENUE, timeout: 20000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        for (const line of res.headers['set-cookie'] || []) {
          const [pair] = line.split(';');
          const eq = pair.indexOf('=');
          jar.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        resolve({ status: res.statusCode, headers: res.headers, body: text, jar });
      });
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    if (body) req.write(body);
    req.end();
  });
}

const csrfOf = (page) => (page.body.match(/name="csrf_token" value="([0-9a-f]{32})"/) || [])[1];

// A visitor enters at the entrance as id: a jar with its identity cookie.
async function enter(id) {
  const jar = new Map();
  const page = await request('GET', '/', { jar });
  const res = await request('POST', '/', { jar, form: { github_id: id, csrf_token: csrfOf(page) } });
  assert.equal(res.status, 303, `${id} entered`);
  assert.ok(jar.get('identity'), `${id} has an identity cookie`);
  return jar;
}

function join(jar) {
  const headers = jar ? { Cookie: `identity=${jar.get('identity')}` } : {};
  return HallClient.open(`${BASE.replace(/^http/, 'ws')}/ws`, { origin: BASE, headers, localAddress: VENUE })
    .then((c) => { open.push(c); return c; });
}

async function throwAs(jar, critique) {
  const page = await request('GET', '/masakari', { jar });
  return request('POST', '/masakari/throw', { jar, form: { critique, csrf_token: csrfOf(page) } });
}

const isChat = (f) => f.action === 'ACTION_CHAT_MESSAGE';

describe('a venue behind one NAT with one abuser', { timeout: 180000 }, () => {
  const tag = `nat-${process.pid}-${Date.now()}`;
  let listener;

  test('the abuser posts junk throws until nginx refuses them', async () => {
    const answers = [];
    for (let i = 0; i < 100; i += 1) answers.push(request('POST', '/masakari/throw', { form: { critique: 'junk' } }));
    const codes = (await Promise.all(answers)).map((r) => r.status);
    assert.ok(codes.filter((c) => c === 429).length >= 20, `nginx refused the junk: ${codes.join(' ')}`);
  });

  test('the abuser opens 200 spectator sockets: only the spectators\' share is let in', async () => {
    const tries = await Promise.allSettled(Array.from({ length: 200 }, () => join(null)));
    const kept = tries.filter((t) => t.status === 'fulfilled').length;
    assert.ok(kept <= 50, `at most 50 spectators from the address: ${kept}`);
    assert.ok(kept >= 40, `the spectators' share is there: ${kept}`);
  });

  test('the abuser holds three IDs with ten tabs each, chatting as fast as it can, and throws', async () => {
    for (let n = 0; n < 3; n += 1) {
      const jar = await enter(uniqueUser(`abuser${n}`));
      const tabs = (await Promise.allSettled(Array.from({ length: 10 }, () => join(jar))))
        .filter((t) => t.status === 'fulfilled').map((t) => t.value);
      await sleep(1000);
      const alive = tabs.filter((c) => !c.closeInfo);
      assert.ok(alive.length <= 4, `at most 4 tabs of one ID stay: ${alive.length}`);
      for (const c of alive) for (let i = 0; i < 20; i += 1) c.chat(`${tag} abuse ${n} ${i}`);
      const thrown = await throwAs(jar, `a junk critique from abuser ${n} ${tag}`);
      assert.ok([303, 429].includes(thrown.status), `abuser ${n}'s throw: ${thrown.status}`);
    }
  });

  test(`${HONEST} honest visitors behind the same address enter, join, chat and throw`, async () => {
    const lurker = await enter(uniqueUser('listen'));
    listener = await join(lurker);
    const visitors = [];
    for (let i = 0; i < HONEST; i += 1) {
      const jar = await enter(uniqueUser(`honest${i}`));
      visitors.push({ jar, hall: await join(jar) });
    }
    await sleep(1500);
    for (const v of visitors) assert.equal(v.hall.closeInfo, null, 'an honest visitor stays in the hall');
    const mark = listener.frames.length;
    // At a pace a room keeps, under the hall's budget of 20 lines a second.
    for (let i = 0; i < HONEST; i += 1) {
      visitors[i].hall.chat(`${tag} hello ${i}`);
      await sleep(80);
    }
    await sleep(1500);
    const heard = new Set(listener.frames.slice(mark).filter((f) => isChat(f) && f.message.startsWith(`${tag} hello `))
      .map((f) => f.message));
    assert.equal(heard.size, HONEST, `every honest line was heard: ${heard.size}`);
    const thrown = [];
    for (let i = 0; i < HONEST; i += 1) {
      thrown.push((await throwAs(visitors[i].jar, `one server and no redundancy, says visitor ${i} ${tag}`)).status);
    }
    assert.deepEqual(thrown.filter((s) => s !== 303), [], `every honest throw went through: ${thrown.join(' ')}`);
  });
});
