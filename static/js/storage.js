// storage.js — what the site remembers in this browser (localStorage), where
// switched off or full storage only means forgetting: nothing depends on it.

/* The value kept under key, or null when there is none or no storage. */
export function storageGet(key) {
	try {
		return window.localStorage.getItem(key);
	} catch {
		return null;
	}
}

/* Keeps value under key; does nothing when storage is unavailable. */
export function storageSet(key, value) {
	try {
		window.localStorage.setItem(key, value);
	} catch {
		/* Remembering is a convenience, never a requirement. */
	}
}
