// hall-camera.js — the view of the world: its scale for the screen, and a
// camera that glides after the visitor and stops at the walls.

import { STAGE_WORLD, stageClamp } from './hall-stage.js';

const PHONE_WIDTH = 640;   /* hall.css's narrowest layout */
const PHONE_FOCUS = 0.68;

export class HallCamera {
	constructor(world, start) {
		this.world = world;
		this.x = start.x;
		this.y = start.y;
		this.scale = 1;
		this.placed = false;
		this.width = 0;
		this.height = 0;
		this.transform = '';
		this.focus = 0.5;
	}

	/* Sizes the view: the whole plaza ring should be in sight on a desk-top
	 * screen, and a phone still sees a good part of the hall. */
	resize(width, height) {
		this.width = width;
		this.height = height;
		this.scale = stageClamp(Math.min(width / 1500, height / 1000), 0.45, 1);
		/* Where the visitor stands, from the top: on a phone the panel of
		 * the people near (hall.css) hangs over the upper middle, so the
		 * visitor and the balloons around them stand lower. */
		this.focus = width <= PHONE_WIDTH ? PHONE_FOCUS : 0.5;
	}

	/* Moves towards (x, y) for dt seconds; snap jumps there, hold (while the
	 * avatar is dragged, so it stays under the finger) keeps still. */
	follow(x, y, dt, snap, hold) {
		const { width, height, scale } = this;
		const halfWidth = width / (2 * scale);
		const above = (height * this.focus) / scale;
		const below = (height * (1 - this.focus)) / scale;
		const target = {
			x: STAGE_WORLD <= 2 * halfWidth ? STAGE_WORLD / 2 : stageClamp(x, halfWidth, STAGE_WORLD - halfWidth),
			/* A world smaller than the view stays in its middle. */
			y: STAGE_WORLD <= above + below ? STAGE_WORLD / 2 + (above - below) / 2 : stageClamp(y, above, STAGE_WORLD - below),
		};

		if (snap || !this.placed) {
			this.x = target.x;
			this.y = target.y;
			this.placed = width > 0;
		} else if (!hold) {
			const k = 1 - Math.exp(-dt * 6);
			this.x += (target.x - this.x) * k;
			this.y += (target.y - this.y) * k;
		}
		const left = (width / 2 - this.x * scale).toFixed(1);
		const top = (height * this.focus - this.y * scale).toFixed(1);
		const transform = `translate(${left}px, ${top}px) scale(${scale})`;
		if (transform !== this.transform) {
			this.world.style.transform = transform;
			this.transform = transform;
		}
	}
}
