// load.mjs — the soak's steady load on a running stack, for SECONDS:
//   - HALL visitors through nginx, each moving twice a second and chatting
//     every ten, a few of them (the witnesses) reading every frame and keeping
//     each chat message that was broadcast;
//   - PAGES requests a second, spread over the site's pages and API;
// then writes to OUT, as JSON: the page answers by path and status, the
// messages sent and broadcast, and the hall connections that closed.
//   node load.mjs BASE SECONDS HALL PAGES PREFIX OUT
// (bench/soak/run.sh runs the visitors and the pages in two processes, so
// that neither starves the other's event loop.)
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { identityCookie } from '../../tests/daemon/lib/hall.mjs';

const WebSocket = createRequire(new URL('../../tests/daemon/package.json', import.meta.url))('ws');
const [base, seconds, hall, rate, prefix, outFile] = process.argv.slice(2).map((v, i) => ([1, 2, 3].includes(i) ? Number(v) : v));
const wsBase = base.replace(/^http/, 'ws');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const end = Date.now() + seconds * 1000;

const broadcast = new Set();
let sent = 0;
const closed = [];
const sockets = [];
const WITNESSES = 5;

async function visitor(i) {
  const user = `${prefix}-${i}`.slice(0, 39);
  // Each visitor holds its ID (its hashed secret put into the stack's
  // database, STACK_VAR): the hall knows who you are only by that cookie.
  const ws = new WebSocket(`${wsBase}/ws`, 'masakari', { origin: base, headers: { Cookie: identityCookie(user) } });
  sockets.push(ws);
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  ws.on('error', () => {});
  ws.on('close', (code) => { if (Date.now() < end) closed.push({ user, code }); });
  if (i < WITNESSES) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text.includes('ACTION_CHAT_MESSAGE')) return;
      const f = JSON.parse(text);
      if (f.user_id !== user && f.message.startsWith(prefix)) broadcast.add(f.message);
    });
  }
  let n = 0;
  const timer = setInterval(() => {
    if (Date.now() >= end) { clearInterval(timer); return; }
    n += 1;
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify({ action: 'UPDATE_CHARACTER_POS', pos_x: (i * 37 + n * 11) % 2500, pos_y: (i * 53 + n * 7) % 2500 }));
    // Every ten seconds, the visitors spread over them.
    if ((n + i) % 20 === 0) {
      ws.send(JSON.stringify({ action: 'ACTION_CHAT_MESSAGE', message: `${prefix} ${i} #${n}` }));
      sent += 1;
    }
  }, 500);
}

const PATHS = ['/', '/exhibits/', '/exhibits/kisei', '/masakari', '/masakari/ranking', '/api/status', '/exhibits/kisei/go'];
const answers = {};
let inFlight = 0;
async function page(p) {
  inFlight += 1;
  let status = 'error';
  try {
    const r = await fetch(base + p, { redirect: 'manual', signal: AbortSignal.timeout(10000) });
    await r.arrayBuffer();
    status = String(r.status);
  } catch (e) {
    status = e.name === 'TimeoutError' ? 'timeout' : 'error';
  }
  inFlight -= 1;
  answers[p] ??= {};
  answers[p][status] = (answers[p][status] || 0) + 1;
}

// The pages start at once; the visitors join meanwhile, 25 at a time.
async function pages() {
  let k = 0;
  while (Date.now() < end) {
    const t0 = Date.now();
    for (let j = 0; j < 10; j += 1) { if (inFlight < 200) page(PATHS[k % PATHS.length]); k += 1; }
    await sleep(Math.max(0, (10000 / rate) - (Date.now() - t0)));
  }
}
const loader = rate > 0 ? pages() : sleep(Math.max(0, end - Date.now()));
for (let i = 0; i < hall; i += 25) {
  await Promise.all(Array.from({ length: Math.min(25, hall - i) }, (_, j) => visitor(i + j)));
}
const joinedAfter = (Date.now() - (end - seconds * 1000)) / 1000;
await loader;
await sleep(3000);
writeFileSync(outFile, JSON.stringify({ sent, broadcast: [...broadcast], closed, answers, joinedAfter }));
for (const ws of sockets) ws.terminate();
process.exit(0);
