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
import { BASE, ROOT, browserLaunch, enterHall, quiesceAttacks, sql } from './lib.mjs';

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
	/* Its scripts, not its load: the page frames the legacy target, which an
	 * attack of an earlier test may still be holding up (the frame's page then
	 * takes as long as the attack leaves it, and "load" waits for it). */
	await page.goto(`${BASE}/masakari`, { waitUntil: 'domcontentloaded' });
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
		await quiesceAttacks(`t.id = ${Number(thrown)}`, 'a test only looked at its page');
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

/* ---- the strings --------------------------------------------------------- */

const GENERATED = 'text-catalog.js';
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff5e]/u;
/* Where a person reads what a script writes. */
const TEXT_PROPERTIES = new Set(['textContent', 'innerText', 'innerHTML', 'outerHTML', 'title', 'alt',
	'placeholder', 'label', 'ariaLabel', 'ariaDescription', 'ariaValueText']);
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription',
	'title', 'alt', 'placeholder', 'label']);
/* Functions whose argument at that index is shown as it is. */
const TEXT_ARGUMENTS = { domElement: [2], createTextNode: [0], append: 'all', prepend: 'all',
	replaceChildren: 'all', alert: [0], confirm: [0], prompt: [0], dialogOpen: [0], setProblem: [0],
	showToast: [0], showHint: [1], showConnection: [1], showPeople: [0], say: [0], onNotice: [0] };
/* Strings that do hold words but are not prose, each with its reason:
 *   none yet — a string here must say why no visitor reads it. */
const ALLOWED = new Map([]);

/* Whether s has a letter in it (a word of any language). */
const hasLetters = (s) => /\p{L}/u.test(s);
/* Three words in a row, the shape of English prose rather than of a class
 * list ("hall-avatar is-self"), a selector or an identifier. */
const looksLikeProse = (s) => /(?:^|\s)[A-Za-z]+[,.!?']?\s+[A-Za-z]+[,.!?']?\s+[A-Za-z]+/.test(s);
/* Calls whose string arguments are selectors or media queries, not text. */
const CODE_ARGUMENTS = new Set(['querySelector', 'querySelectorAll', 'closest', 'matches', 'matchMedia',
	'getElementById', 'addEventListener', 'removeEventListener', 'setAttribute', 'getAttribute', 'error']);

/* The string pieces an expression shows when it is a literal, a template,
 * or a choice between them (a ? 'x' : 'y', a || 'x'). */
function shownStrings(node) {
	if (!node)
		return [];
	if (node.type === 'Literal' && typeof node.value === 'string')
		return [{ node, value: node.value }];
	if (node.type === 'TemplateLiteral')
		return node.quasis.map((q) => ({ node: q, value: q.value.cooked }));
	if (node.type === 'ConditionalExpression')
		return [...shownStrings(node.consequent), ...shownStrings(node.alternate)];
	if (node.type === 'LogicalExpression' || (node.type === 'BinaryExpression' && node.operator === '+'))
		return [...shownStrings(node.left), ...shownStrings(node.right)];
	return [];
}

/* Every string in a script that a person would read and that does not come
 * from the catalog: shown by a text sink with letters in it, Japanese
 * anywhere, or English prose anywhere outside selectors and console logs. */
function strayTexts(file, source) {
	const tree = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
	const found = [];
	const report = (piece, why) => {
		const allowed = ALLOWED.get(`${file}:${piece.value}`);
		if (!allowed)
			found.push(`${file}:${piece.node.loc.start.line}: ${why}: ${JSON.stringify(piece.value)}`);
	};
	const sink = (expression, why) => {
		for (const piece of shownStrings(expression)) {
			if (hasLetters(piece.value))
				report(piece, why);
		}
	};
	const codeStrings = new Set();

	walk.ancestor(tree, {
		AssignmentExpression(node) {
			const target = node.left;
			if (target.type === 'MemberExpression' && !target.computed && TEXT_PROPERTIES.has(target.property.name))
				sink(node.right, `shown as ${target.property.name}`);
		},
		CallExpression(node) {
			const callee = node.callee.type === 'MemberExpression' ? node.callee.property.name : node.callee.name;
			if (callee === 'setAttribute' && node.arguments[0]?.type === 'Literal' &&
			    TEXT_ATTRIBUTES.has(node.arguments[0].value))
				sink(node.arguments[1], `shown as ${node.arguments[0].value}`);
			/* Own keys only: a call of toString() is not in the table. */
			const shown = Object.hasOwn(TEXT_ARGUMENTS, callee) ? TEXT_ARGUMENTS[callee] : null;
			if (shown) {
				node.arguments.forEach((argument, i) => {
					if (shown === 'all' || shown.includes(i))
						sink(argument, `shown by ${callee}()`);
				});
			}
			if (CODE_ARGUMENTS.has(callee)) {
				for (const argument of node.arguments)
					shownStrings(argument).forEach((p) => codeStrings.add(p.node));
			}
		},
		ImportDeclaration(node) {
			codeStrings.add(node.source);
		},
		Property(node) {
			if (node.key.type === 'Identifier' && (node.key.name === 'closeText' || node.key.name === 'label'))
				sink(node.value, `shown as ${node.key.name}`);
		},
	});
	walk.full(tree, (node) => {
		for (const piece of shownStrings(node.type === 'Literal' || node.type === 'TemplateLiteral' ? node : null)) {
			if (JAPANESE.test(piece.value))
				report(piece, 'Japanese outside the catalog');
			else if (!codeStrings.has(piece.node) && looksLikeProse(piece.value))
				report(piece, 'words outside the catalog');
		}
	});
	return [...new Set(found)];
}

test('the scan for text outside the catalog finds what a script would show', () => {
	/* The scan itself, on code that breaks the rule in each way it knows. */
	const bad = [
		"el.textContent = 'Connected';",
		"el.title = ok ? 'Open' : 'Closed';",
		"el.setAttribute('aria-label', `Map of ${name}`);",
		"list.append(domElement('li', 'line', 'Walk with the keys'));",
		"const x = '接続中';",
		"const message = 'Please try again later';",
		"dialogOpen('Welcome', body, { closeText: 'Close' });",
	];
	for (const line of bad)
		assert.equal(strayTexts('probe.js', line).length >= 1, true, `found in: ${line}`);
	const fine = [
		"el.textContent = textGet('Hall.Chat.Send');",
		"el.className = 'hall-avatar is-self';",
		"document.querySelector('input, textarea, select');",
		"name.textContent = `@${id}`;",
		"help.textContent = '?';",
		"console.error(`text.js: no text ${key} in the catalog`);",
	];
	for (const line of fine)
		assert.deepEqual(strayTexts('probe.js', line), [], `nothing in: ${line}`);
});

test('no script shows text that is in no catalog', () => {
	const found = [];

	for (const file of fs.readdirSync(JS).filter((f) => f.endsWith('.js') && f !== GENERATED))
		found.push(...strayTexts(file, fs.readFileSync(path.join(JS, file), 'utf8')));
	assert.deepEqual(found, []);
});

test('static/js/text-catalog.js is what scripts/lang-js.mjs makes of lang/*/js.hdf', async () => {
	const { langJsModule } = await import(path.join(ROOT, 'scripts/lang-js.mjs'));

	assert.equal(fs.readFileSync(path.join(JS, GENERATED), 'utf8'), langJsModule(),
		'run `node scripts/lang-js.mjs` after changing lang/ja/js.hdf or lang/en/js.hdf');
});

test('every text a script asks for is in the catalog, and every text in it is used', async () => {
	const { langJsCatalog } = await import(path.join(ROOT, 'scripts/lang-js.mjs'));
	const keys = new Set(Object.keys(langJsCatalog().ja));
	const used = new Set();
	const missing = [];

	for (const file of fs.readdirSync(JS).filter((f) => f.endsWith('.js') && f !== GENERATED)) {
		walk.simple(moduleTree(file), {
			CallExpression(node) {
				if (node.callee.name !== 'textGet')
					return;
				/* A key from a table is checked where the table names it
				 * (below), and by textGet itself, which logs a missing key
				 * as a console error that fails the browser tests. */
				const key = node.arguments[0];
				if (key?.type !== 'Literal')
					return;
				used.add(key.value);
				if (!keys.has(key.value))
					missing.push(`${file}:${node.loc.start.line}: ${key.value}`);
			},
			Literal(node) {
				/* A key kept in a table (say, by connection state) and passed later. */
				if (typeof node.value !== 'string')
					return;
				if (keys.has(node.value))
					used.add(node.value);
				else if (/^(Hall|Masakari|Throw|Sound)\.[A-Z][A-Za-z]*(\.[A-Z][A-Za-z0-9]*)*$/.test(node.value))
					missing.push(`${file}:${node.loc.start.line}: ${node.value}`);
			},
		});
	}
	assert.deepEqual(missing, [], 'keys the scripts ask for and the catalog lacks');
	assert.deepEqual([...keys].filter((k) => !used.has(k)), [], 'catalog texts no script uses');
});
