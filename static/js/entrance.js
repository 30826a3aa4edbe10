// entrance.js — the entrance form remembers the GitHub ID in this browser
// (localStorage), so a returning visitor finds it filled in even after the
// cookie is gone or they chose "ID を変える".

import { storageGet, storageSet } from './storage.js';

const STORAGE_ID = 'masakari.githubId';
const form = document.querySelector('form.entrance-form');
const input = form && form.querySelector('input[name="github_id"]');

if (input) {
	const remembered = storageGet(STORAGE_ID);

	/* What the server echoes back (a refused ID, or the current one) wins. */
	if (remembered && !input.value)
		input.value = remembered;
	form.addEventListener('submit', () => {
		if (input.checkValidity())
			storageSet(STORAGE_ID, input.value.trim());
	});
}
