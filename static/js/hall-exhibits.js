// hall-exhibits.js — the exhibits standing in the hall, built from the
// exhibit list the page already has (titles and pictures escaped once, by
// the server), with its likes, and each one's description, likes and
// guestbook shown in a modal without leaving the hall.

import { domElement } from './dom.js';
import { dialogOpen } from './hall-dialog.js';
import { STAGE_WORLD, stageClamp, stageKeepFocusOff } from './hall-stage.js';
import { textGet } from './text.js';

/* One framed picture per exhibit on stage; returns their spots
 * ({kind: 'exhibit', x, y, node, slug, title, lang, href}: lang the title's). onOpen(spot) runs on
 * a plain click. */
export function exhibitsBuild(stage, onOpen) {
	const spots = [];

	for (const item of document.querySelectorAll('.hall-exhibit-list [data-slug]')) {
		const x = Number(item.dataset.hallX);
		const y = Number(item.dataset.hallY);
		const link = item.querySelector('a[href]');
		const picture = item.querySelector('img');
		const title = item.querySelector('.exhibit-title');
		const likes = item.querySelector('.exhibit-likes');

		if (!Number.isFinite(x) || !Number.isFinite(y) || !link || !title)
			continue;
		const exhibit = domElement('a', 'hall-exhibit');
		exhibit.href = link.getAttribute('href');
		exhibit.dataset.slug = item.dataset.slug;
		exhibit.tabIndex = -1;
		exhibit.draggable = false;
		stageKeepFocusOff(exhibit);
		exhibit.style.left = `${stageClamp(x, 0, STAGE_WORLD)}px`;
		exhibit.style.top = `${stageClamp(y, 0, STAGE_WORLD)}px`;
		const frame = domElement('span', 'hall-exhibit-frame');
		if (picture) {
			const image = domElement('img');
			image.src = picture.getAttribute('src');
			image.alt = '';
			image.width = 240;
			image.height = 150;
			image.draggable = false;
			frame.append(image);
		}
		/* A title in the other language (a work with no English name) keeps
		 * its lang, as the page's list marks it. */
		const lang = title.getAttribute('lang') || '';
		const name = domElement('span', 'hall-exhibit-title', title.textContent);
		if (lang)
			name.lang = lang;
		exhibit.append(frame, name);
		/* The likes as the page counted them, in its words ("3 likes"). */
		if (likes) {
			const count = domElement('span', 'hall-exhibit-likes', `♥ ${likes.textContent.trim()}`);
			count.dataset.likes = likes.dataset.likes || '0';
			exhibit.append(count);
		}
		stage.addStand(exhibit);

		const spot = {
			kind: 'exhibit', x, y, node: exhibit,
			slug: item.dataset.slug, title: title.textContent, lang, href: exhibit.href,
		};
		exhibit.addEventListener('click', (event) => {
			/* A modified click opens the page itself, as links do. */
			if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0)
				return;
			event.preventDefault();
			onOpen(spot);
		});
		spots.push(spot);
		stage.addMinimapMark('exhibit', x, y);
	}
	return spots;
}

/* The exhibit's own page, fetched and shown in a modal with a link to it;
 * when the fetch fails the modal says so and still links the page. */
export async function exhibitsOpen(spot) {
	const body = domElement('div', 'hall-exhibit-dialog');
	const status = domElement('p', 'hall-dialog-status', textGet('Hall.ExhibitDialog.Loading'));
	const pageLink = domElement('a', 'hall-exhibit-page-link', textGet('Hall.ExhibitDialog.OpenPage'));

	pageLink.href = spot.href;
	body.append(status);
	dialogOpen(spot.title, body, { className: 'is-exhibit', closeText: textGet('Hall.Close'), titleLang: spot.lang });
	try {
		const response = await fetch(spot.href, { credentials: 'same-origin' });
		const page = response.ok
			? new DOMParser().parseFromString(await response.text(), 'text/html') : null;
		const article = page && page.querySelector('article.exhibit');
		if (!article) {
			status.textContent = textGet('Hall.ExhibitDialog.Failed');
			body.replaceChildren(status, pageLink);
			return;
		}
		/* The dialog's own heading already names the work. */
		article.querySelector('.exhibit-heading')?.remove();
		body.replaceChildren(document.importNode(article, true), pageLink);
	} catch {
		status.textContent = textGet('Hall.ExhibitDialog.Failed');
		body.replaceChildren(status, pageLink);
	}
}
