// code.test.mjs — the browser code as a whole: every page that runs a script
// runs one ES module and preloads exactly the modules it imports (the
// `modulepreload` list in each template is kept by hand; this keeps it true).
// Run by t4003-browser-code.sh against the test stack.

import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';
import { BASE, ROOT, browserLaunch, enterHall, sql } from './lib.mjs';

const JS = path.join(ROOT, 'static/js');
const RUN = Math.floor(Math.random() * 0xffffff).toString(16);

let visitor;

/* A module's parse tree (each file read and parsed once). */
const parsed = new Map();
function moduleTree(file) {
	if (!parsed.has(file)) {
		parsed.set(file, acorn.parse(fs.readFileSync(path.join(JS, file), 'utf8'),
			{ ecmaVersion: 'latest', sourceType: 'module', locations: true }));
	}
	return parsed.get(file);
}

/* The modules file imports directly: static imports, re-exports and dynamic
 * import() of a fixed name. A dynamic import of a computed name cannot be
 * preloaded, so it fails the test. */
function moduleImports(file) {
	const found = new Set();
	const add = (node, source) => {
		assert.ok(source && source.type === 'Literal' && typeof source.value === 'string',
			`${file}:${node.loc.start.line}: an import of a computed name cannot be preloaded`);
		assert.match(source.value, /^\.\/[a-z0-9-]+\.js$/, `${file}: imports only ./name.js from static/js`);
		found.add(source.value.slice(2));
	};

	walk.full(moduleTree(file), (node) => {
		if (node.type === 'ImportDeclaration' || ((node.type === 'ExportNamedDeclaration' ||
		    node.type === 'ExportAllDeclaration') && node.source))
			add(node, node.source);
		else if (node.type === 'ImportExpression')
			add(node, node.source);
	});
	return found;
}

/* Every module entry imports, however indirectly (entry itself not included). */
function moduleClosure(entry) {
	const seen = new Set();
	const queue = [entry];

	while (queue.length) {
		for (const next of moduleImports(queue.shift())) {
			if (next !== entry && !seen.has(next)) {
				seen.add(next);
				queue.push(next);
			}
		}
	}
	return seen;
}

/* The scripts a loaded page names: its module entries, its preloads, and
 * any classic script (there should be none). */
async function pageScripts(page) {
	return page.evaluate(() => {
		const file = (url) => new URL(url, location.href).pathname.replace(/^.*\/js\//, '');
		return {
			modules: [...document.querySelectorAll('script[type="module"][src]')].map((s) => file(s.src)),
			classic: [...document.querySelectorAll('script:not([type="module"])')].map((s) => s.src || 'inline'),
			preloads: [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => file(l.href)).sort(),
		};
	});
}

before(async () => {
	/* The 404 page is asked for on purpose; chromium logs its status all the same. */
	visitor = await browserLaunch({
		allow: (p) => p.url.includes('/no-such-page-') && /status of 404/.test(p.text),
	});
});

after(async () => {
	await visitor?.close();
});

test('every page with a script runs one ES module and preloads exactly what it imports', async () => {
	const { page } = visitor;
	await page.goto(`${BASE}/`);
	const entrance = await pageScripts(page);
	await enterHall(page, `preload-${RUN}`);
	const hall = await pageScripts(page);
	await page.goto(`${BASE}/masakari`);
	const masakari = await pageScripts(page);
	/* Any throw's page names its script (a finished one's script just stops). */
	const throwId = sql('SELECT MAX(id) FROM throws').replace('NULL', '') || await (async () => {
		const token = await page.getAttribute('input[name="csrf_token"]', 'value');
		const response = await page.request.post(`${BASE}/masakari/throw`, {
			form: { github_id: `preload-${RUN}`, critique: `preload check ${RUN}`, csrf_token: token },
			maxRedirects: 0,
		});
		assert.equal(response.status(), 303, 'a throw to look at');
		const thrown = response.headers().location.replace(/^.*\//, '');
		/* Only its page is wanted, not its attack. */
		sql(`UPDATE attack_jobs SET status = 'failed', failure_reason = 'cancelled: a test only looked at its page'
		     WHERE throw_id = ${Number(thrown)} AND status = 'queued'`);
		return thrown;
	})();
	await page.goto(`${BASE}/masakari/throws/${throwId}`);
	const thrown = await pageScripts(page);

	const seen = { entrance, hall, masakari, throw: thrown };
	for (const other of ['/masakari/ranking', '/exhibits/', '/exhibits/red', `/no-such-page-${RUN}`]) {
		await page.goto(`${BASE}${other}`);
		seen[other] = await pageScripts(page);
	}
	for (const [name, scripts] of Object.entries(seen)) {
		assert.deepEqual(scripts.classic, [], `${name}: no classic or inline scripts`);
		assert.ok(scripts.modules.length <= 1, `${name}: one module entry at most`);
		const want = scripts.modules.length ? [...moduleClosure(scripts.modules[0])].sort() : [];
		assert.deepEqual(scripts.preloads, want, `${name}: the modulepreload list is what ${scripts.modules[0]} imports`);
	}
	for (const [name, entry] of [['entrance', 'entrance.js'], ['hall', 'hall.js'], ['masakari', 'masakari.js'],
		['throw', 'throw.js']])
		assert.deepEqual(seen[name].modules, [entry], `the ${name} page runs ${entry}`);
	assert.deepEqual(visitor.problems, [], 'no console errors or CSP violations on the way');
});

test('every file in static/js is an ES module that some page runs or imports', () => {
	const reachable = new Set();

	for (const entry of ['entrance.js', 'hall.js', 'masakari.js', 'throw.js']) {
		reachable.add(entry);
		for (const m of moduleClosure(entry))
			reachable.add(m);
	}
	const files = fs.readdirSync(JS).filter((f) => f.endsWith('.js')).sort();
	for (const file of files) {
		assert.ok(moduleTree(file), `${file} parses as a module`);
		assert.ok(reachable.has(file), `${file} is used by a page`);
	}
});
