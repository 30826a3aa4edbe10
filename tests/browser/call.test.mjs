// call.test.mjs — proximity calls in a real browser (docs/HALL.md, "Near each
// other"): two visitors far apart are not peers; they walk toward each other,
// both pages show the other as near, both join with the (fake) microphone,
// an RTCPeerConnection reaches "connected" and audio bytes arrive on both
// sides; they walk apart and the call ends. The same walk when every signal
// reaches one visitor 5 s late, longer than its patience with an offer: the
// call is made afresh, and the late answer to the first must not be taken
// for the second's (it once was: connected, and no media). Then the same walk with the
// second visitor on a second hall daemon, reached through a route of its own
// (a small proxy: the site through the stack's nginx, /ws to that daemon).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { BASE, ROOT, STACK_VAR, browserLaunch, enterHall, hallOverlaps, screenshot, walkTo } from './lib.mjs';

/* Fake devices and no permission prompt; host candidates as addresses, not
 * mDNS names, so two browsers on this machine reach each other. */
const MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
	'--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required'];

const cleanup = [];
after(async () => {
	for (const f of cleanup.reverse())
		await f();
});

/* Every RTCPeerConnection a page makes, for the test to look at. */
function recordPeerConnections() {
	const Real = window.RTCPeerConnection;
	window.peerConnections = [];
	window.RTCPeerConnection = class extends Real {
		constructor(...args) {
			super(...args);
			window.peerConnections.push(this);
		}
	};
}

/* Every RTC_SIGNAL reaching this page comes ms late, in order: a relay as slow
 * as a loaded machine's, so offers and answers cross the page's patience. */
function slowSignals(ms) {
	const add = WebSocket.prototype.addEventListener;
	let last = 0;
	WebSocket.prototype.addEventListener = function (type, listener, ...rest) {
		if (type !== 'message')
			return add.call(this, type, listener, ...rest);
		return add.call(this, type, (event) => {
			if (typeof event.data !== 'string' || !event.data.includes('"RTC_SIGNAL"'))
				return listener.call(this, event);
			last = Math.max(performance.now() + ms, last);
			setTimeout(() => listener.call(this, event), last - performance.now());
			return undefined;
		}, ...rest);
	};
}

async function visitor(id, x, y, base = BASE, slow = 0) {
	const v = await browserLaunch({ args: MEDIA_ARGS, base, locale: 'en-US' });
	const close = v.close;
	let closed = false;
	v.close = async () => {
		if (!closed)
			await close();
		closed = true;
	};
	cleanup.push(() => v.close());
	await v.context.addInitScript(recordPeerConnections);
	if (slow)
		await v.context.addInitScript(slowSignals, slow);
	/* Where the hall puts the visitor on entering: far from the other. */
	await v.context.addInitScript(([user, px, py]) => {
		localStorage.setItem('masakari.hall.position', JSON.stringify({ user, x: px, y: py }));
		localStorage.setItem('masakari.hall.tutorialSeen', '1');
	}, [id, x, y]);
	await enterHall(v.page, id, base);
	return v;
}

const peersText = (page) => page.locator('.hall-call-peers').textContent();

async function waitNear(page, other, near) {
	await page.waitForFunction(([id, want]) => {
		const text = document.querySelector('.hall-call-peers')?.textContent || '';
		return text.includes(`@${id}`) === want;
	}, [other, near], { timeout: 15000 });
}

async function connected(page) {
	await page.waitForFunction(() => window.peerConnections.some((pc) => pc.connectionState === 'connected'),
		null, { timeout: 20000 });
}

/* Audio bytes received on the page's connected calls. */
async function audioBytes(page) {
	return page.evaluate(async () => {
		let bytes = 0;
		for (const pc of window.peerConnections) {
			if (pc.connectionState !== 'connected')
				continue;
			const stats = await pc.getStats();
			stats.forEach((s) => {
				if (s.type === 'inbound-rtp' && s.kind === 'audio')
					bytes += s.bytesReceived;
			});
		}
		return bytes;
	});
}

/* The walk on row y of the hall's quiet south-east corner. */
async function walk(a, idA, b, idB, label, y, camera = false) {
	/* Far apart (300 px, the radius is 160): no one near. */
	await a.page.waitForSelector('.hall-call-peers');
	await b.page.waitForSelector('.hall-call-peers');
	await new Promise((r) => setTimeout(r, 2500));
	assert.ok(!(await peersText(a.page)).includes(`@${idB}`));
	assert.equal(await a.page.evaluate(() => window.peerConnections.length), 0, 'no call before joining');

	/* They walk toward each other and both see the other as near. */
	await walkTo(a.page, idA, 2200, y);
	await walkTo(b.page, idB, 2300, y);
	await waitNear(a.page, idB, true);
	await waitNear(b.page, idA, true);
	/* Still nothing sent and no device asked for. */
	assert.equal(await b.page.evaluate(() => window.peerConnections.length), 0);

	await a.page.click('.hall-call-buttons button:nth-child(1)');
	/* The second joins with the camera, where asked: the first then sees it. */
	await b.page.click(`.hall-call-buttons button:nth-child(${camera ? 2 : 1})`);
	await connected(a.page);
	await connected(b.page);
	/* Joined: the join buttons give way to mute and leave. */
	assert.equal(await a.page.locator('.hall-call-buttons button:visible').count(), 3, 'mute, leave, busy');
	if (camera) {
		/* Until the first decoded frame: on a loaded two-core machine the fake
		 * camera, its encoder and the decoder share the cores with the rest. */
		await a.page.waitForFunction((id) => {
			const video = document.querySelector(`.hall-call-video[data-user="${id}"] video`);
			return video && video.videoWidth > 0;
		}, idB.toLowerCase(), { timeout: 40000 }).catch(async (error) => {
			/* What a's side of the call looked like, for the log. */
			const seen = await a.page.evaluate((id) => ({
				tile: !!document.querySelector(`.hall-call-video[data-user="${id}"] video`),
				calls: window.peerConnections.map((pc) => ({
					signaling: pc.signalingState,
					connection: pc.connectionState,
					transceivers: pc.getTransceivers().map((t) => `${t.mid}:${t.receiver.track.kind}:`
						+ `${t.direction}/${t.currentDirection}:${t.receiver.track.readyState}`
						+ `${t.receiver.track.muted ? ':muted' : ''}`),
				})),
			}), idB.toLowerCase());
			throw new Error(`${error.message}; a's calls: ${JSON.stringify(seen)}`);
		});
	}
	/* The fake microphone beeps: the other's avatar lights up as it speaks. */
	await a.page.waitForSelector(`.hall-avatar.is-speaking[data-user="${idB}"]`, { timeout: 15000 });
	const before = [await audioBytes(a.page), await audioBytes(b.page)];
	await new Promise((r) => setTimeout(r, 2000));
	const later = [await audioBytes(a.page), await audioBytes(b.page)];
	assert.ok(later[0] > before[0] && later[1] > before[1], `audio flows both ways: ${before} → ${later}`);
	await screenshot(a.page, `call-${label}-a`);
	if (camera) {
		/* The call at its biggest (buttons, a video) covers no other control,
		 * on this window or a phone's. (Not the visitor: in this corner the
		 * camera stops at the walls, and the visitor stands where the panel
		 * is; docs/HALL.md.) */
		const viewport = a.page.viewportSize();
		for (const [width, height] of [[viewport.width, viewport.height], [390, 844]]) {
			await a.page.setViewportSize({ width, height });
			assert.deepEqual(await hallOverlaps(a.page, (_, b) => b.startsWith('.hall-avatar')), [],
				`the controls at ${width}×${height}`);
		}
		await screenshot(a.page, `call-${label}-phone`);
		await a.page.setViewportSize(viewport);
	}

	/* One walks away: the bubble breaks and the call ends on both pages. */
	await walkTo(a.page, idA, 1900, y);
	await waitNear(a.page, idB, false);
	await waitNear(b.page, idA, false);
	for (const [who, page] of [['a', a.page], ['b', b.page]]) {
		await page.waitForFunction(() => window.peerConnections.every((pc) => pc.connectionState === 'closed'),
			null, { timeout: 10000 }).catch(async (error) => {
			const states = await page.evaluate(() => window.peerConnections.map((pc) => pc.connectionState));
			throw new Error(`${who}'s calls did not all end (${states.join(', ')}): ${error.message}`);
		});
	}
	assert.deepEqual(a.problems, []);
	assert.deepEqual(b.problems, []);
}

test('two visitors walk together, talk (one on camera) over WebRTC, and walk apart: the call ends', async () => {
	const idA = `call-a-${process.pid}`;
	const idB = `call-b-${process.pid}`;
	const a = await visitor(idA, 2000, 2300);
	const b = await visitor(idB, 2300, 2300);
	await walk(a, idA, b, idB, 'one-daemon', 2300, true);
	await a.close();
	await b.close();
});

test('the same walk when every signal reaches the first visitor 5 s late: its offers are made again, and the call still carries media', async () => {
	const idA = `call-e-${process.pid}`;
	const idB = `call-f-${process.pid}`;
	const a = await visitor(idA, 2000, 2100, BASE, 5000);
	const b = await visitor(idB, 2300, 2100);
	const afresh = [];
	a.page.on('console', (message) => {
		if (message.text().includes('afresh'))
			afresh.push(message.text());
	});
	await walk(a, idA, b, idB, 'slow-relay', 2100, true);
	/* What the walk is for: the first offer's answer came too late (5 s,
	 * past the 3 s patience and the once-a-second check that applies it). */
	assert.ok(afresh.some((text) => text.includes('unanswered')), `a made its call afresh: ${afresh}`);
	await a.close();
	await b.close();
});

test('past Hall.VideoMax (1 in the test stacks) a call is audio only: of two visitors on camera the first shows, the second not, a note says why, and both voices arrive', async () => {
	const idG = `call-g-${process.pid}`;
	const idH = `call-h-${process.pid}`;
	const idI = `call-i-${process.pid}`;
	/* The two cameras 100 px either side of the first, 200 px apart: each
	 * has one call, with the first, and sends it video; the first has two. */
	const g = await visitor(idG, 2250, 2300);
	const h = await visitor(idH, 2150, 2300);
	const i = await visitor(idI, 2350, 2300);
	await waitNear(g.page, idH, true);
	await waitNear(g.page, idI, true);
	await g.page.click('.hall-call-buttons button:nth-child(1)');
	await h.page.click('.hall-call-buttons button:nth-child(2)');
	await i.page.click('.hall-call-buttons button:nth-child(2)');
	await g.page.waitForFunction(() => window.peerConnections.filter((pc) => pc.connectionState === 'connected').length === 2,
		null, { timeout: 30000 });
	const seen = () => g.page.evaluate(() => ({
		shown: [...document.querySelectorAll('.hall-call-video')].filter((t) => !t.hidden)
			.filter((t) => t.querySelector('video').videoWidth > 0).map((t) => t.dataset.user),
		hidden: [...document.querySelectorAll('.hall-call-video')].filter((t) => t.hidden).map((t) => t.dataset.user),
		note: document.querySelector('.hall-call-note').hidden ? null : document.querySelector('.hall-call-note').textContent,
		/* Per call: whether video comes in (sendrecv/recvonly) or is off (inactive). */
		video: window.peerConnections.filter((pc) => pc.connectionState === 'connected')
			.map((pc) => pc.getTransceivers().filter((t) => t.receiver.track.kind === 'video')
				.map((t) => t.currentDirection).join(',')),
	}));
	await g.page.waitForFunction(() => {
		const tiles = [...document.querySelectorAll('.hall-call-video')];
		return tiles.filter((t) => !t.hidden && t.querySelector('video').videoWidth > 0).length === 1
			&& tiles.filter((t) => t.hidden).length === 1;
	}, null, { timeout: 40000 }).catch(async (error) => {
		throw new Error(`${error.message}; g saw ${JSON.stringify(await seen())}`);
	});
	/* The dropped call's video is neither sent nor received once renegotiated. */
	await g.page.waitForFunction(() => window.peerConnections.some((pc) => pc.connectionState === 'connected'
		&& pc.getTransceivers().some((t) => t.receiver.track.kind === 'video' && t.currentDirection === 'inactive')),
	null, { timeout: 20000 }).catch(async (error) => {
		throw new Error(`${error.message}; g saw ${JSON.stringify(await seen())}`);
	});
	const view = await seen();
	assert.equal(view.shown.length, 1, JSON.stringify(view));
	assert.match(view.note || '', /\b1\b/, 'the note names the cap');
	/* Both voices arrive, the one without video too. */
	const perCall = () => g.page.evaluate(async () => Promise.all(window.peerConnections
		.filter((pc) => pc.connectionState === 'connected').map(async (pc) => {
			let bytes = 0;
			(await pc.getStats()).forEach((s) => {
				if (s.type === 'inbound-rtp' && s.kind === 'audio')
					bytes += s.bytesReceived;
			});
			return bytes;
		})));
	const before = await perCall();
	await new Promise((r) => setTimeout(r, 2000));
	const later = await perCall();
	assert.equal(later.length, 2);
	assert.ok(later.every((b, k) => b > before[k]), `audio on both calls: ${before} → ${later}`);
	await screenshot(g.page, 'call-video-cap');
	for (const v of [g, h, i])
		await v.close();
});

function freePort() {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/* A second hall daemon on the stack's database, allowing origin. */
async function startDaemon(origin) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'halld-call-'));
	const port = await freePort();
	const config = path.join(dir, 'masakari.hdf');
	fs.writeFileSync(config, `${fs.readFileSync(process.env.MASAKARI_CONFIG, 'utf8')}\n`
		+ `Halld.Port = ${port}\nHalld.PresenceTimeoutSeconds = 3\nHalld.Origins.9 = ${origin}\n`);
	const log = fs.openSync(path.join(STACK_VAR, 'log', `halld-call-${port}.log`), 'a');
	const bin = path.join(process.env.STACK_BIN || path.join(ROOT, 'bin'), 'masakari-halld');
	const proc = spawn(bin, [], { env: { ...process.env, MASAKARI_CONFIG: config }, stdio: ['ignore', log, log] });
	const exited = new Promise((resolve) => proc.on('exit', resolve));
	cleanup.push(async () => {
		proc.kill('SIGTERM');
		await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
	});
	for (let i = 0; i < 100; i++) {
		const open = await new Promise((resolve) => {
			const s = net.connect(port, '127.0.0.1', () => { s.destroy(); resolve(true); });
			s.on('error', () => resolve(false));
		});
		if (open)
			return port;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the second daemon did not start');
}

/* The site through the stack's nginx, WebSocket upgrades on /ws to the
 * daemon at wsPort: a browser here is on the second daemon. */
function startProxy(port, wsPort) {
	const site = new URL(BASE);
	const server = http.createServer((req, res) => {
		const upstream = http.request({
			host: site.hostname, port: site.port, method: req.method, path: req.url,
			headers: { ...req.headers, host: site.host },
		}, (answer) => {
			res.writeHead(answer.statusCode, answer.headers);
			answer.pipe(res);
		});
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	server.on('upgrade', (req, socket, head) => {
		const upstream = net.connect(wsPort, '127.0.0.1', () => {
			const lines = [`${req.method} ${req.url} HTTP/1.1`];
			for (let i = 0; i < req.rawHeaders.length; i += 2)
				lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
			upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
			upstream.write(head);
			socket.pipe(upstream).pipe(socket);
		});
		upstream.on('error', () => socket.destroy());
		socket.on('error', () => upstream.destroy());
	});
	cleanup.push(() => new Promise((resolve) => server.close(resolve)));
	return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

test('the same walk with the two visitors on two hall daemons', async () => {
	const port = await freePort();
	const route = `http://127.0.0.1:${port}`;
	const wsPort = await startDaemon(route);
	await startProxy(port, wsPort);
	const idA = `call-c-${process.pid}`;
	const idB = `call-d-${process.pid}`;
	const a = await visitor(idA, 2000, 1900);
	const b = await visitor(idB, 2300, 1900, route);
	await walk(a, idA, b, idB, 'two-daemons', 1900);
});
