// server.mjs — the hall protocol (DESIGN.md) served by Node and the npm ws
// package, in memory, as the reference bench/hall measures masakari-halld
// against: the same handshake checks, limits, one-second tick (full set for
// newcomers, then who moved, LEAVE), chat with a 50-message history and the
// masakari room's status. No database: the C daemon's worker thread (presence
// and chat in MariaDB) is extra work this server does not do.
//
//   node server.mjs PORT [ORIGIN…]
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] || 7682);
const origins = new Set(process.argv.slice(3));
const WORLD = 2500;
const HISTORY = 50;
const ID = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

const visitors = new Map();   // lower-case id → { id, x, y, conns }
const published = new Map();  // lower-case id → { id, x, y }
const sessions = new Set();
const history = [];

const bucket = (rate, burst) => ({ rate, burst, tokens: burst, at: performance.now() / 1000 });
function allow(b) {
  const now = performance.now() / 1000;
  b.tokens = Math.min(b.burst, b.tokens + (now - b.at) * b.rate);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

function sendBuf(s, buf) {
  if (s.ws.bufferedAmount > 8 * 1024 * 1024) {
    s.ws.close(1008, 'too slow');
    return;
  }
  s.ws.send(buf, { binary: false });
}
const frame = (obj) => Buffer.from(JSON.stringify(obj));

function error(s, code, msg) {
  if (allow(s.errors)) sendBuf(s, frame({ action: 'ERROR_MESSAGE', code, msg }));
}

function strike(s) {
  const now = performance.now() / 1000;
  s.strikes = Math.max(0, s.strikes - (now - s.strikesAt) * 10) + 1;
  s.strikesAt = now;
  if (s.strikes >= 100) {
    s.ws.close(1008, 'too many rejected messages');
    return true;
  }
  return false;
}

const character = (v) => ({ user_id: v.id, url: `https://github.com/${v.id}.png`, pos_x: v.x, pos_y: v.y });

function receive(s, text) {
  if (!allow(s.frames)) {
    if (!strike(s)) error(s, 429, 'too many messages: slow down');
    return;
  }
  let msg;
  try {
    msg = JSON.parse(text);
  } catch {
    if (!strike(s)) error(s, 400, 'not valid JSON');
    return;
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg) || typeof msg.action !== 'string') {
    if (!strike(s)) error(s, 400, 'a message must be a JSON object with an action');
    return;
  }
  if (msg.action === 'SUBSCRIBE') {
    if (msg.room === 'masakari') s.subscribed = true;
    else if (!strike(s)) error(s, 404, 'unknown room');
    return;
  }
  if (msg.action !== 'UPDATE_CHARACTER_POS' && msg.action !== 'ACTION_CHAT_MESSAGE') {
    if (!strike(s)) error(s, 400, 'unknown action');
    return;
  }
  if (!s.visitor) {
    if (!strike(s)) error(s, 403, 'join with ?user=<github-id> to move or chat');
    return;
  }
  if (msg.action === 'UPDATE_CHARACTER_POS') {
    const { pos_x: x, pos_y: y } = msg;
    if (typeof x !== 'number' || typeof y !== 'number' || Math.abs(x) > 1e6 || Math.abs(y) > 1e6) {
      if (!strike(s)) error(s, 400, 'pos_x and pos_y must be numbers in range');
      return;
    }
    if (!allow(s.moves)) {
      if (!strike(s)) error(s, 429, 'position updates are limited to 20 a second');
      return;
    }
    s.visitor.x = Math.min(WORLD, Math.max(0, x));
    s.visitor.y = Math.min(WORLD, Math.max(0, y));
    return;
  }
  const m = msg.message;
  if (typeof m !== 'string' || [...m].length > 200 || !/[^ ]/.test(m) || /[\u0000-\u001f\u007f]/.test(m)) {
    if (!strike(s)) error(s, 400, 'message must be 1–200 characters of text');
    return;
  }
  if (!allow(s.chats)) {
    if (!strike(s)) error(s, 429, 'chat is limited to one message a second');
    return;
  }
  const buf = frame({ action: 'ACTION_CHAT_MESSAGE', user_id: s.visitor.id, message: m, at: new Date().toISOString() });
  history.push(buf);
  if (history.length > HISTORY) history.shift();
  for (const other of sessions) sendBuf(other, buf);
}

let cpuBefore = null;
function status() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  const busy = total - f[3] - (f[4] || 0);
  const before = cpuBefore || { total, busy };
  cpuBefore = { total, busy };
  const dt = total - before.total;
  return { cpuutilization: dt ? (100 * (busy - before.busy)) / dt : 0, disk_read_bytes: 0, disk_write_bytes: 0, network_in: 0, network_out: 0 };
}

function tick() {
  const delta = [];
  const present = new Set();
  for (const [key, v] of visitors) {
    present.add(key);
    const p = published.get(key);
    if (!p || p.x !== v.x || p.y !== v.y) {
      const entry = { id: v.id, x: v.x, y: v.y };
      published.set(key, entry);
      delta.push(character(entry));
    }
  }
  const leaves = [];
  for (const [key, p] of published) {
    if (!present.has(key)) {
      published.delete(key);
      leaves.push(frame({ action: 'LEAVE', user_id: p.id }));
    }
  }
  const deltaBuf = delta.length ? frame({ action: 'UPDATE_CHARACTER_POS', characters: delta }) : null;
  let fullBuf = null;
  let statusBuf = null;
  for (const s of sessions) {
    if (s.needsFull) {
      fullBuf ||= frame({ action: 'UPDATE_CHARACTER_POS', characters: [...published.values()].map(character) });
      sendBuf(s, fullBuf);
      s.needsFull = false;
    } else {
      for (const l of leaves) sendBuf(s, l);
      if (deltaBuf) sendBuf(s, deltaBuf);
    }
    if (s.subscribed) {
      statusBuf ||= frame({ action: 'ACTION_SEND_STATUS', status: status() });
      sendBuf(s, statusBuf);
    }
  }
}

const server = http.createServer((req, res) => {
  res.writeHead(400, { 'content-type': 'text/plain' });
  res.end("This is the hall's WebSocket endpoint, /ws.\n");
});
const wss = new WebSocketServer({
  noServer: true,
  maxPayload: 4096,
  handleProtocols: (offered) => (offered.has('masakari') ? 'masakari' : false),
});

function refuse(socket, status, why) {
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${why}\n`);
}

server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname !== '/ws') return refuse(socket, 404, 'The hall is at /ws.');
  if (req.headers.origin && !origins.has(req.headers.origin)) return refuse(socket, 403, 'Origin not allowed.');
  const offered = (req.headers['sec-websocket-protocol'] || '').split(',').map((p) => p.trim());
  if (!offered.includes('masakari')) return refuse(socket, 400, 'Ask for the "masakari" subprotocol.');
  const user = url.searchParams.get('user');
  if (user !== null && !ID.test(user)) return refuse(socket, 400, 'Not a GitHub ID.');
  wss.handleUpgrade(req, socket, head, (ws) => {
    const s = {
      ws, needsFull: true, subscribed: false, visitor: null, alive: true, strikes: 0, strikesAt: 0,
      moves: bucket(20, 20), chats: bucket(1, 5), frames: bucket(50, 100), errors: bucket(5, 5),
    };
    if (user) {
      const key = user.toLowerCase();
      s.visitor = visitors.get(key) || { id: user, x: 1250, y: 1250, conns: 0 };
      s.visitor.conns += 1;
      visitors.set(key, s.visitor);
    }
    sessions.add(s);
    for (const buf of history) sendBuf(s, buf);
    ws.on('pong', () => { s.alive = true; });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'only JSON text frames');
      return receive(s, data.toString());
    });
    ws.on('error', () => {});
    ws.on('close', () => {
      sessions.delete(s);
      if (s.visitor && --s.visitor.conns === 0) visitors.delete(s.visitor.id.toLowerCase());
    });
  });
});

setInterval(tick, 1000);
setInterval(() => {
  for (const s of sessions) {
    if (!s.alive) s.ws.terminate();
    else {
      s.alive = false;
      s.ws.ping();
    }
  }
}, 30000);
server.listen(port, '127.0.0.1');
