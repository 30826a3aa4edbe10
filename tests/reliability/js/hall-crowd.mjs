// hall-crowd.mjs — COUNT visitors in the test stack's hall, each standing at
// a place of its own, who reconnect the way the hall page does
// (static/js/hall-connection.js: 0.5 s doubling to 10 s, ±20 %, and on every
// new socket the position sent again, as hall-movement.js does). Once every
// visitor sees every other where it stands, runs the shell command CRASH
// (which kills and restarts the daemon), then waits up to WAIT_S seconds for
// every visitor to see every other at its place again. Writes JSON to OUT:
// how long each phase took and who was missing or misplaced.
//   node hall-crowd.mjs COUNT PREFIX CRASH WAIT_S OUT
import { exec } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BASE, WS_BASE, identityCookie, sleep } from '../../daemon/lib/hall.mjs';

// The ws client tests/daemon installs.
const WebSocket = createRequire(new URL('../../daemon/package.json', import.meta.url))('ws');

const [count, prefix, crash, waitS, outFile] =
  [Number(process.argv[2]), process.argv[3], process.argv[4], Number(process.argv[5]), process.argv[6]];

class Visitor {
  constructor(i) {
    this.user = `${prefix}-${i}`.slice(0, 39);
    this.x = 50 + (i % 20) * 120;
    this.y = 50 + Math.floor(i / 20) * 120;
    this.attempt = 0;
    this.seen = new Map();      // user → [x, y] as last told
    this.opens = 0;
    this.connect();
  }

  connect() {
    const ws = new WebSocket(`${WS_BASE}/ws`, 'masakari', { origin: BASE, headers: { Cookie: identityCookie(this.user) } });
    this.ws = ws;
    ws.on('open', () => {
      this.opens += 1;
      this.seen.clear();
      ws.send(JSON.stringify({ action: 'UPDATE_CHARACTER_POS', pos_x: this.x, pos_y: this.y }));
    });
    ws.on('message', (data) => {
      let f;
      try { f = JSON.parse(data.toString()); } catch { return; }
      this.attempt = 0;
      if (f.action === 'UPDATE_CHARACTER_POS') for (const c of f.characters || []) this.seen.set(c.user_id, [c.pos_x, c.pos_y]);
      if (f.action === 'LEAVE') this.seen.delete(f.user_id);
    });
    ws.on('error', () => {});
    ws.on('close', () => {
      this.seen.clear();
      if (this.stopped) return;
      const base = Math.min(10000, 500 * 2 ** this.attempt);
      this.attempt = Math.min(this.attempt + 1, 16);
      setTimeout(() => this.connect(), Math.round(base * (0.8 + Math.random() * 0.4)));
    });
  }

  // The visitors this one does not see at their place.
  misplaced(all) {
    return all.filter((v) => v !== this && !(this.seen.get(v.user)?.[0] === v.x && this.seen.get(v.user)?.[1] === v.y));
  }
}

const visitors = [];
for (let i = 0; i < count; i += 1) {
  visitors.push(new Visitor(i));
  if (i % 20 === 19) await sleep(100);
}

// Every visitor sees every other where it stands; returns the seconds it took,
// or null after ms, with the worst visitor's view in `worst`.
// Only visitors that opened more than minOpens sockets count as there.
async function allInPlace(ms, minOpens = 0) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (visitors.every((v) => v.opens > minOpens && v.misplaced(visitors).length === 0)) return (Date.now() - t0) / 1000;
    await sleep(250);
  }
  return null;
}
const worst = () => {
  const v = visitors.reduce((a, b) => (b.misplaced(visitors).length > a.misplaced(visitors).length ? b : a));
  return { visitor: v.user, misplaced: v.misplaced(visitors).length, example: v.misplaced(visitors).slice(0, 3).map((m) => m.user) };
};

const result = { count };
result.before_s = await allInPlace(60000);
if (result.before_s === null) result.before_worst = worst();
const opensBefore = visitors.reduce((n, v) => n + v.opens, 0);
const t0 = Date.now();
// Not execSync: the visitors must see their sockets close and retry meanwhile.
await new Promise((resolve, reject) => {
  const child = exec(crash, (err) => (err ? reject(err) : resolve()));
  child.stdout.pipe(process.stdout);
  child.stderr.pipe(process.stderr);
});
result.crash_s = (Date.now() - t0) / 1000;
// Each visitor on its first socket before the crash: all must have a second.
result.after_s = await allInPlace(waitS * 1000, 1);
if (result.after_s === null) result.after_worst = worst();
result.reconnected = visitors.reduce((n, v) => n + v.opens, 0) - opensBefore;
writeFileSync(outFile, JSON.stringify(result));
for (const v of visitors) { v.stopped = true; v.ws.terminate(); }
process.exit(0);
