// text.js — every string the scripts show, in the page's language, and
// numbers and times the way that language writes them. The strings are
// lang/<l>/js.hdf's, through the generated text-catalog.js; the language is
// <html lang>, which the server sets for the visitor.

import catalog from './text-catalog.js';

/* The page's language when the catalog has it, else Japanese (the site's default). */
export const TEXT_LANG = Object.hasOwn(catalog, document.documentElement.lang)
	? document.documentElement.lang : 'ja';
const texts = catalog[TEXT_LANG];
const numbers = new Map();

/* The text named key (under Text.Js), its {1}, {2}, … filled from values in
 * order. A key the catalog lacks is shown as itself and logged, so it is seen
 * and fixed rather than hidden. */
export function textGet(key, ...values) {
	if (!Object.hasOwn(texts, key)) {
		console.error(`text.js: no text ${key} in the ${TEXT_LANG} catalog`);
		return key;
	}
	return texts[key].replace(/\{([1-9])\}/g, (whole, n) =>
		(n <= values.length ? String(values[n - 1]) : whole));
}

/* The text named key as a list of strings and nodes for append(): like
 * textGet, but a value that is a Node (a span marked with another lang, say)
 * goes in as that node. */
export function textNodes(key, ...values) {
	const parts = textGet(key).split(/\{([1-9])\}/);

	return parts.map((part, i) => {
		if (i % 2 === 0)
			return part;
		const value = values[Number(part) - 1];
		return value instanceof Node ? value : String(value ?? `{${part}}`);
	}).filter((part) => part !== '');
}

/* n as the page's language writes numbers (digits grouped); digits after
 * the point, when given, are exactly that many. */
export function textNumber(n, digits) {
	const key = digits === undefined ? 'integer' : String(digits);

	if (!numbers.has(key)) {
		numbers.set(key, new Intl.NumberFormat(TEXT_LANG, digits === undefined
			? { maximumFractionDigits: 0 } : { minimumFractionDigits: digits, maximumFractionDigits: digits }));
	}
	return numbers.get(key).format(n);
}

const clock = new Intl.DateTimeFormat(TEXT_LANG, { hour: '2-digit', minute: '2-digit' });

/* The time of day of date (hours and minutes), as the page's language writes it. */
export function textTime(date) {
	return clock.format(date);
}
