// hall-witness.mjs — visitors in the test stack's hall (through nginx, the
// real daemon) who move and chat until a stop file appears, every message
// with a text of its own; then writes, as JSON, what they saw: each chat
// message that was broadcast (reached another visitor), how many connections
// closed, and the last position each visitor was seen at by the others.
// Once every visitor is in the hall as itself (its identity looked up, its
// avatar in a position update) it creates OUT_FILE.ready, so that a test
// injects its fault only after that.
//   node hall-witness.mjs COUNT PREFIX STOP_FILE OUT_FILE
import { existsSync, writeFileSync } from 'node:fs';
import { HallClient, sleep } from '../../daemon/lib/hall.mjs';

const [count, prefix, stopFile, outFile] = [Number(process.argv[2]), process.argv[3], process.argv[4], process.argv[5]];
const users = Array.from({ length: count }, (_, i) => `${prefix}-${i}`.slice(0, 39));
const clients = [];
for (const u of users) clients.push(await HallClient.join(u));
await Promise.all(clients.map((c, i) => c.waitForCharacter(users[i], () => true, { ms: 15000 })));
writeFileSync(`${outFile}.ready`, '');

const broadcast = new Set();
const seenAt = {};
let sent = 0;
const record = (me) => (data) => {
  let f;
  try { f = JSON.parse(data.toString()); } catch { return; }
  if (f.action === 'ACTION_CHAT_MESSAGE' && f.user_id !== me && f.message.startsWith(prefix)) broadcast.add(f.message);
  if (f.action === 'UPDATE_CHARACTER_POS') {
    for (const c of f.characters || []) if (c.user_id !== me && users.includes(c.user_id)) seenAt[c.user_id] = [c.pos_x, c.pos_y];
  }
};
clients.forEach((c, i) => c.ws.on('message', record(users[i])));

// Moves five times a second, chats every 1.5 s (the limit is one a second).
let tick = 0;
while (!existsSync(stopFile)) {
  tick += 1;
  clients.forEach((c, i) => {
    if (c.closeInfo) return;
    c.move(100 + ((tick * 7 + i * 13) % 2000), 100 + ((tick * 11 + i * 17) % 2000));
    if ((tick + i) % 8 === 0) {
      c.chat(`${prefix} ${users[i]} #${tick}`);
      sent += 1;
    }
  });
  await sleep(200);
}
// The last moves and messages reach the others.
await sleep(1500);
const closed = clients.filter((c) => c.closeInfo).map((c, i) => ({ user: users[i], ...c.closeInfo }));
writeFileSync(outFile, JSON.stringify({ sent, broadcast: [...broadcast], closed, seenAt }));
for (const c of clients) c.ws.terminate();
process.exit(0);
