// text.js — the hall's UI strings in the page's language, and their placeholders.

const LANG_PATTERN = /^[a-z]{2,3}$/;

/* The strings of i18n-<lang>.js for <html lang>; Japanese when the page names
 * no language this site has, or that file cannot be loaded. */
export async function textLoad(lang) {
	const code = LANG_PATTERN.test(lang || '') ? lang : 'ja';

	if (code !== 'ja') {
		try {
			return (await import(`./i18n-${code}.js`)).default;
		} catch {
			/* A missing translation is not a reason to lose the hall. */
		}
	}
	return (await import('./i18n-ja.js')).default;
}

/* Fills {name} placeholders from vars; unknown placeholders stay as written. */
export function textFormat(template, vars) {
	return template.replace(/\{(\w+)\}/g, (whole, name) =>
		Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole);
}
