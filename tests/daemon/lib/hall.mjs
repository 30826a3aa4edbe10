// hall.mjs — helpers for the hall daemon tests: a real WebSocket client (npm
// ws) that records every frame, waits for the ones a test expects, and the
// means to run extra daemons on the test stack's database.
//
// The tests run under tests/run.sh, which sets BASE (nginx of the private
// stack), STACK_VAR and MASAKARI_CONFIG.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { after } from 'node:test';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BASE = process.env.BASE;
export const STACK_VAR = process.env.STACK_VAR;
export const CONFIG = process.env.MASAKARI_CONFIG;
export const WS_BASE = BASE ? BASE.replace(/^http/, 'ws') : undefined;
export const HALLD = path.join(process.env.STACK_BIN || path.join(ROOT, 'bin'), 'masakari-halld');

// A GitHub ID no other test (or earlier run) uses.
let serial = 0;
export function uniqueUser(prefix = 'v') {
  serial += 1;
  const id = `${prefix}-${process.pid.toString(36)}-${Date.now().toString(36).slice(-5)}-${serial}`;
  return id.slice(0, 39);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A test file's visitors: join(user, opts) joins the hall as HallClient.join
// does, and every client it opened is closed after the file's tests;
// join.two() is two fresh visitors, a then b: { a, b, ca, cb }.
export function joiner() {
  const open = [];
  after(async () => { await Promise.all(open.map((c) => c.close())); });
  const join = async (user, opts) => {
    const c = await HallClient.join(user, opts);
    open.push(c);
    return c;
  };
  join.two = async () => {
    const a = uniqueUser('a');
    const b = uniqueUser('b');
    const ca = await join(a);
    const cb = await join(b);
    return { a, b, ca, cb };
  };
  return join;
}

// One connection. Every text frame is parsed and kept in `frames`, in order.
export class HallClient {
  constructor(ws) {
    this.ws = ws;
    this.frames = [];
    this.raw = [];
    this.waiters = [];
    this.closeInfo = null;
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
        this.notify();
      });
    });
    ws.on('message', (data, isBinary) => {
      const text = data.toString();
      this.raw.push({ text, isBinary });
      let frame;
      try {
        frame = JSON.parse(text);
      } catch {
        frame = { unparsable: text };
      }
      this.frames.push(frame);
      this.notify();
    });
    ws.on('error', () => {});
  }

  // Opens url; resolves with a client, or rejects with { status } when the
  // server answered the upgrade with an HTTP status instead.
  // localAddress: the source address (one of 127/8), as a client behind a NAT.
  static open(url, { origin, protocol = 'masakari', autoPong = true, headers, localAddress } = {}) {
    return new Promise((resolve, reject) => {
      const opts = { autoPong, handshakeTimeout: 5000 };
      if (origin) opts.origin = origin;
      if (headers) opts.headers = headers;
      if (localAddress) opts.localAddress = localAddress;
      const ws = protocol === null ? new WebSocket(url, opts) : new WebSocket(url, protocol, opts);
      const client = new HallClient(ws);
      ws.on('open', () => resolve(client));
      ws.on('unexpected-response', (req, res) => {
        let body = '';
        res.on('data', (c) => { body += c; });
        res.on('end', () => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, body })));
      });
      ws.on('error', (err) => reject(err));
    });
  }

  // Joins the stack's hall through nginx as user (or as a spectator): the
  // browser holding user's identity cookie (identityCookie), as the hall
  // knows who you are only from that.
  static join(user, opts = {}) {
    const base = opts.wsBase || WS_BASE;
    const headers = { ...(opts.headers || {}) };
    if (user) headers.Cookie = identityCookie(user);
    return HallClient.open(`${base}/ws`, { origin: opts.origin ?? (opts.wsBase ? undefined : BASE), ...opts, headers });
  }

  notify() {
    for (const w of [...this.waiters]) w();
  }

  send(obj) {
    this.ws.send(typeof obj === 'string' || Buffer.isBuffer(obj) ? obj : JSON.stringify(obj));
  }

  move(x, y) {
    this.send({ action: 'UPDATE_CHARACTER_POS', pos_x: x, pos_y: y });
  }

  chat(message) {
    this.send({ action: 'ACTION_CHAT_MESSAGE', message });
  }

  // Resolves with the first frame at index >= from matching pred; rejects
  // after ms, or when the connection closes first.
  waitFor(pred, { ms = 5000, from = 0, what = 'a matching frame' } = {}) {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = from; i < this.frames.length; i += 1) {
          if (pred(this.frames[i])) {
            done();
            resolve(this.frames[i]);
            return true;
          }
        }
        if (this.closeInfo) {
          done();
          reject(new Error(`closed (${this.closeInfo.code} ${this.closeInfo.reason}) before ${what}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${what} within ${ms} ms; got ${JSON.stringify(this.frames.slice(from)).slice(0, 600)}`));
      }, ms);
      const waiter = () => check();
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
      };
      this.waiters.push(waiter);
      check();
    });
  }

  // Frames of one action, optionally from index from.
  of(action, from = 0) {
    return this.frames.slice(from).filter((f) => f.action === action);
  }

  // The position updates that mention user, from index from.
  sightings(user, from = 0) {
    return this.of('UPDATE_CHARACTER_POS', from)
      .flatMap((f) => f.characters)
      .filter((c) => c.user_id === user);
  }

  waitForCharacter(user, pred = () => true, opts = {}) {
    return this.waitFor(
      (f) => f.action === 'UPDATE_CHARACTER_POS' && f.characters.some((c) => c.user_id === user && pred(c)),
      { what: `a position update with ${user}`, ...opts },
    ).then((f) => f.characters.find((c) => c.user_id === user && pred(c)));
  }

  waitForClose(ms = 5000) {
    return Promise.race([
      this.closed,
      sleep(ms).then(() => { throw new Error(`still open after ${ms} ms`); }),
    ]);
  }

  close() {
    if (!this.closeInfo) this.ws.close();
    return this.closed;
  }
}

// The mariadb client as the application's user, like tests/lib.sh's sql().
export function sql(query) {
  const password = readFileSync(path.join(STACK_VAR, 'db-password'), 'utf8').trim();
  return execFileSync('mariadb', ['--no-defaults', '-S', path.join(STACK_VAR, 'run/mysqld.sock'), '-u', 'masakari',
    `-p${password}`, '--default-character-set=utf8mb4', '-N', '-B', 'masakari', '-e', query], { encoding: 'utf8' }).trim();
}

// The Cookie header of the browser that holds user's ID (lib/identity.h): a
// random secret whose SHA-256 is put straight into identities, the same one
// for every join as user in this process (two tabs of one browser). The
// entrance's own claim is tested in tests/integration/t0001-entrance.sh and
// js/identity.test.mjs.
const secrets = new Map();
export function identityCookie(user) {
  let secret = secrets.get(user);
  if (!secret) {
    secret = randomBytes(32).toString('hex');
    const hash = createHash('sha256').update(secret).digest('hex');
    sql(`INSERT INTO identities (github_id, secret_hash) VALUES (${sqlQuote(user)}, '${hash}') `
      + `ON DUPLICATE KEY UPDATE secret_hash = VALUES(secret_hash), last_seen = NOW()`);
    secrets.set(user, secret);
  }
  return `identity=${secret}`;
}

// SQL string literal for values a test made up itself.
export function sqlQuote(s) {
  return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

// The stack's own daemon, as tests/run.sh started it.
export function stackDaemonPid() {
  const line = readFileSync(path.join(STACK_VAR, 'pids'), 'utf8').split('\n').find((l) => l.startsWith('halld '));
  return line ? Number(line.split(' ')[1]) : null;
}

// The stack daemon's own port (Halld.Port in the stack's configuration).
export function stackDaemonPort() {
  const m = readFileSync(CONFIG, 'utf8').match(/Halld\s*\{[^}]*?\bPort\s*=\s*(\d+)/s);
  return m ? Number(m[1]) : null;
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('connect', () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

// Resolves once proc (a server the test started) accepts connections on
// port, within 10 s; throws when it exits first or never does, naming what
// and where its output went.
export async function waitForPort(port, proc, what) {
  for (let i = 0; i < 100; i += 1) {
    if (await portOpen(port)) return;
    if (proc.exitCode !== null) throw new Error(`${what} exited with ${proc.exitCode}`);
    await sleep(100);
  }
  throw new Error(`${what} did not listen on port ${port} within 10 s`);
}

// A unix socket in front of the stack's MariaDB that forwards until told to
// go silent: then it keeps every connection, old and new, and answers none.
export function dbRelay() {
  const sock = path.join(os.tmpdir(), `relay-db-${process.pid}-${Math.random().toString(36).slice(2)}.sock`);
  const target = path.join(STACK_VAR, 'run/mysqld.sock');
  const state = { silent: false, conns: [], sock };
  state.server = net.createServer((client) => {
    client.on('error', () => {});
    const entry = { client, upstream: null };
    state.conns.push(entry);
    if (state.silent) return;
    const upstream = net.connect(target);
    entry.upstream = upstream;
    upstream.on('error', () => client.destroy());
    client.on('data', (d) => { if (!state.silent) upstream.write(d); });
    upstream.on('data', (d) => { if (!state.silent) client.write(d); });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => { if (!state.silent) client.destroy(); });
  });
  state.listen = () => new Promise((resolve) => state.server.listen(sock, resolve));
  state.close = () => {
    state.conns.forEach((e) => { e.client.destroy(); if (e.upstream) e.upstream.destroy(); });
    state.server.close();
  };
  // Answering again: the connections held while silent are dropped (their
  // queries are lost, as with a real outage); new ones are forwarded.
  state.resume = () => {
    state.silent = false;
    state.conns.forEach((e) => { e.client.destroy(); if (e.upstream) e.upstream.destroy(); });
    state.conns = [];
  };
  return state;
}

// Starts another daemon on the stack's database with the stack's
// configuration plus overrides (HDF lines such as "Halld.PingSeconds = 1";
// later lines win). Resolves with { port, wsBase, pid, log, stop() }.
export async function startDaemon(overrides = [], name = 'extra') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'halld-test-'));
  const port = await freePort();
  const config = path.join(dir, 'masakari.hdf');
  writeFileSync(config, readFileSync(CONFIG, 'utf8'));
  appendFileSync(config, `\nHalld.Port = ${port}\n${overrides.join('\n')}\n`);
  const log = path.join(STACK_VAR, 'log', `halld-${name}-${port}.log`);
  const fd = openSync(log, 'a');
  const proc = spawn(HALLD, [], { env: { ...process.env, MASAKARI_CONFIG: config }, stdio: ['ignore', fd, fd] });
  await waitForPort(port, proc, `the daemon (see ${log})`);
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    port,
    pid: proc.pid,
    log,
    proc,
    exited,
    wsBase: `ws://127.0.0.1:${port}`,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return Promise.race([exited, sleep(10000).then(() => { proc.kill('SIGKILL'); return exited; })]);
    },
  };
}

// A browser as the site sees it: a cookie jar that goes with every request,
// through nginx (BASE). enter(id) claims an ID at the entrance as a person
// would (the form's CSRF token, then the POST); signIn() goes through
// "Sign in with GitHub" against the fake GitHub the caller started.
export class Browser {
  constructor() {
    this.jar = new Map();
  }

  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (/max-age=0/i.test(c) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  async fetch(pathOrUrl, opts = {}) {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${BASE}${pathOrUrl}`;
    const headers = { ...(opts.headers || {}) };
    if (url.startsWith(BASE) && this.jar.size) headers.Cookie = this.cookieHeader();
    return this.take(await fetch(url, { redirect: 'manual', ...opts, headers }));
  }

  // The CSRF token the page at path gives its forms.
  async csrf(path = '/?change=1') {
    const page = await this.fetch(path);
    const m = (await page.text()).match(/name="csrf_token" value="([0-9a-f]+)"/);
    if (!m) throw new Error(`no CSRF token on ${path} (${page.status})`);
    return m[1];
  }

  async post(path, fields, headers = {}) {
    const token = await this.csrf();
    return this.fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ ...fields, csrf_token: token }).toString(),
    });
  }

  // Claims id at the entrance; resolves with the response (303 when it worked).
  async enter(id) {
    return this.post('/', { github_id: id });
  }

  // The "Sign in with GitHub" round trip: the site, the fake GitHub's
  // authorize page, and back to the callback.
  async signIn() {
    const start = await this.post('/login/github', {});
    const authorize = start.headers.get('location');
    if (!authorize) throw new Error(`sign-in did not start (${start.status})`);
    const back = (await fetch(authorize, { redirect: 'manual' })).headers.get('location');
    return this.fetch(back.replace(/^https?:\/\/[^/]+/, ''));
  }

  // The hall as this browser (its cookies) on the daemon at wsBase (nginx's /ws when none).
  join(opts = {}) {
    const base = opts.wsBase || WS_BASE;
    return HallClient.open(`${base}/ws`, {
      origin: opts.wsBase ? undefined : BASE, headers: { Cookie: this.cookieHeader() },
    });
  }
}

// masakarictl with the stack's configuration; resolves with { status, stdout, stderr }.
export function ctl(...args) {
  const bin = path.join(process.env.STACK_BIN || path.join(ROOT, 'bin'), 'masakarictl');
  const r = spawnSync(bin, args, { encoding: 'utf8', env: { ...process.env, MASAKARI_CONFIG: CONFIG } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
