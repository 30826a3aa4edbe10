// identicon.js — a GitHub-style identicon for an ID: a symmetric 5×5 pattern
// in a colour of its own, drawn on a canvas and returned as a data: URL. It
// stands in for the GitHub avatar until (and unless) that image loads.

const cache = new Map();

/* 32-bit FNV-1a over the ID's UTF-16 code units, salted so one ID gives
 * independent values for the pattern and the colour. */
function identiconHash(id, salt) {
	let h = 0x811c9dc5 ^ salt;

	for (let i = 0; i < id.length; i++) {
		h ^= id.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/* The identicon of id as a PNG data: URL of size×size pixels. Identical IDs
 * give identical pictures (ignoring case, as GitHub IDs do). Never fails: a
 * browser without canvas support gets an empty string, which callers treat
 * as "no picture". */
export function identiconUrl(id, size = 64) {
	const key = `${String(id).toLowerCase()}:${size}`;

	if (cache.has(key))
		return cache.get(key);
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = size;
	const ctx = canvas.getContext('2d');
	if (!ctx)
		return '';
	const bits = identiconHash(key, 0);
	const hue = identiconHash(key, 0x9e3779b9) % 360;
	const cell = size / 6;
	const margin = cell / 2;

	ctx.fillStyle = '#f0ede6';
	ctx.fillRect(0, 0, size, size);
	ctx.fillStyle = `hsl(${hue}, 58%, 48%)`;
	/* 15 bits fill the left three columns; the right two mirror them. */
	for (let col = 0; col < 3; col++) {
		for (let row = 0; row < 5; row++) {
			if (!((bits >>> (col * 5 + row)) & 1))
				continue;
			ctx.fillRect(margin + col * cell, margin + row * cell, cell, cell);
			ctx.fillRect(margin + (4 - col) * cell, margin + row * cell, cell, cell);
		}
	}
	const url = canvas.toDataURL('image/png');
	cache.set(key, url);
	return url;
}
