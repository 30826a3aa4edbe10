// second-hall.mjs — a second hall daemon on the test stack's database, and a
// way in for a browser: a small proxy on a port of its own that hands every
// request to the stack's nginx, but the hall's WebSocket (/ws) to the second
// daemon. A browser that opens the site at its address walks in the same
// hall through the other daemon, as a visitor of another web host would.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../daemon/lib/hall.mjs';
import { BASE, ROOT, STACK_VAR } from './lib.mjs';

async function waitForPort(port, proc, log) {
	for (let i = 0; i < 100; i += 1) {
		const open = await new Promise((resolve) => {
			const s = net.connect(port, '127.0.0.1');
			s.on('connect', () => { s.destroy(); resolve(true); });
			s.on('error', () => resolve(false));
		});
		if (open)
			return;
		if (proc.exitCode !== null)
			throw new Error(`the second daemon exited with ${proc.exitCode}; see ${log}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the second daemon did not listen on ${port}`);
}

/* Starts the daemon and the proxy; resolves with { base, stop() }. */
export async function startSecondHall() {
	const [daemonPort, proxyPort] = [await freePort(), await freePort()];
	const base = `http://127.0.0.1:${proxyPort}`;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'second-hall-'));
	const config = path.join(dir, 'masakari.hdf');
	const log = path.join(STACK_VAR, 'log', `halld-second-${daemonPort}.log`);

	fs.writeFileSync(config, `${fs.readFileSync(process.env.MASAKARI_CONFIG, 'utf8')}
Halld.Port = ${daemonPort}
Halld.Origins.9 = ${base}
`);
	const proc = spawn(path.join(ROOT, 'bin', 'masakari-halld'), [], {
		env: { ...process.env, MASAKARI_CONFIG: config }, stdio: ['ignore', fs.openSync(log, 'a'), fs.openSync(log, 'a')],
	});
	await waitForPort(daemonPort, proc, log);

	const upstream = new URL(BASE);
	const server = http.createServer((req, res) => {
		const headers = { ...req.headers, host: upstream.host };
		const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
			(answer) => {
				res.writeHead(answer.statusCode, answer.headers);
				answer.pipe(res);
			});
		forward.on('error', () => { res.writeHead(502); res.end(); });
		req.pipe(forward);
	});
	server.on('upgrade', (req, socket, head) => {
		const to = net.connect(daemonPort, '127.0.0.1', () => {
			const lines = [`${req.method} ${req.url} HTTP/1.1`];
			for (let i = 0; i < req.rawHeaders.length; i += 2)
				lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
			to.write(`${lines.join('\r\n')}\r\n\r\n`);
			if (head.length)
				to.write(head);
			to.pipe(socket);
			socket.pipe(to);
		});
		to.on('error', () => socket.destroy());
		socket.on('error', () => to.destroy());
	});
	await new Promise((resolve) => server.listen(proxyPort, '127.0.0.1', resolve));
	return {
		base,
		async stop() {
			server.close();
			proc.kill('SIGTERM');
			await new Promise((resolve) => (proc.exitCode !== null ? resolve() : proc.on('exit', resolve)));
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
