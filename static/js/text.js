// text.js — the hall's UI strings in the page's language, and their placeholders.

import ja from './i18n-ja.js';

/* Imported, not loaded on demand, so the page can preload every module. */
const LANGUAGES = { ja };

/* The strings for <html lang>; Japanese when the page names no language
 * this site has. */
export function textLoad(lang) {
	return Object.hasOwn(LANGUAGES, lang) ? LANGUAGES[lang] : LANGUAGES.ja;
}

/* Fills {name} placeholders from vars; unknown placeholders stay as written. */
export function textFormat(template, vars) {
	return template.replace(/\{(\w+)\}/g, (whole, name) =>
		Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole);
}
