// hall-people.js — who is in the hall and at which work, as a plain list
// beside the map (#hall-people on the page), so it is there for someone who
// cannot see or use the map. A visitor is "at" a work within NEAR_PX of its
// stand's centre, as /operators/insights counts it.

import { domElement } from './dom.js';
import { textGet } from './text.js';

const NEAR_PX = 250;               /* cgi-bin/site/insights.c, INSIGHTS_NEAR_PX */

export class HallPeople {
	/* list: the page's <ul>; spots: the exhibits' spots (hall-exhibits.js). */
	constructor(list, spots) {
		this.list = list;
		this.spots = spots.filter((s) => s.kind === 'exhibit');
		this.shown = '';
	}

	/* The work avatar stands at, or null. */
	nearest(avatar) {
		let best = null;
		let bestDistance = NEAR_PX;

		for (const spot of this.spots) {
			const d = Math.hypot(avatar.x - spot.x, avatar.y - spot.y);
			if (d <= bestDistance) {
				best = spot;
				bestDistance = d;
			}
		}
		return best;
	}

	/* Redraws the list from self and the others (HallAvatars) when what it
	 * says has changed. */
	update(self, others) {
		if (!this.list)
			return;
		const everyone = [self, ...[...others].sort((a, b) => a.id.localeCompare(b.id))];
		const rows = everyone.map((avatar) => ({ avatar, spot: this.nearest(avatar) }));
		const key = rows.map((r) => `${r.avatar.id}\u0000${r.spot ? r.spot.slug : ''}`).join('\u0001');

		if (key === this.shown)
			return;
		this.shown = key;
		this.list.replaceChildren(...rows.map(({ avatar, spot }) => {
			const item = domElement('li');
			const who = domElement('b', '', `@${avatar.id}`);

			item.dataset.user = avatar.id;
			item.append(who);
			if (avatar === self)
				item.append(` (${textGet('Hall.You')})`);
			item.append(' — ');
			if (spot) {
				const title = domElement('a', '', spot.title);
				title.href = spot.href;
				if (spot.lang)
					title.lang = spot.lang;
				item.dataset.exhibit = spot.slug;
				item.append(textGet('Hall.PeopleList.At'), ' ', title);
			} else {
				item.append(textGet('Hall.PeopleList.Walking'));
			}
			return item;
		}));
	}
}
