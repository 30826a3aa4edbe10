// hall-call.js — talking to the people near you (docs/HALL.md, "Near each
// other"): the daemon says who they are (PROXIMITY); once the visitor joins
// with the microphone or the camera, the page calls each of them over
// WebRTC, browser to browser, the daemon relaying only the signalling
// (RTC_SIGNAL). Calls start as someone walks into the bubble and end as they
// walk out. Near chat (NEAR_CHAT_MESSAGE) is heard by the bubble only.
//
// Nothing is asked of the browser, and nothing is sent, before one of the
// two join buttons is clicked. Each pair negotiates as in the WebRTC
// specification's "perfect negotiation": both may offer; on a collision the
// visitor whose ID sorts after the other's gives way. Each call has an ID of
// its own that every signal carries, with the ID of the other side's call
// where it is known: a call that cannot get going (its offer unanswered, no
// connection, no media) is hung up and made afresh, and whatever was still on
// its way for the old one is recognised as such and dropped.

import { domElement } from './dom.js';
import { textGet } from './text.js';

/* The indicator looks at the last SPEAKING_WINDOW samples (85 ms at 48 kHz)
 * every SPEAKING_POLL_MS, so no sound slips between two looks; a peak above
 * SPEAKING_LEVEL lights it for SPEAKING_HOLD_MS, so it does not flicker
 * between syllables. */
const SPEAKING_WINDOW = 4096;
const SPEAKING_LEVEL = 0.05;
const SPEAKING_POLL_MS = 80;
const SPEAKING_HOLD_MS = 300;
/* An offer unanswered this long: the call is made afresh, with twice the
 * patience each time (up to PATIENCE_MAX_MS), so that a slow machine is
 * not called over and over faster than it can answer. */
const OFFER_PATIENCE_MS = 3000;
const PATIENCE_MAX_MS = 24000;
/* Our offer crossed theirs and we gave ours priority: theirs came from a
 * page that had joined, so an answer to ours should follow soon unless ours
 * reached them before they had joined, and went unheard. */
const CROSSED_PATIENCE_MS = 1500;
/* Answered but not connected, or connected with no media arriving, for this
 * long: made afresh. The side that gives way waits half as long again, so
 * that the two do not both start over at once. */
const CONNECT_PATIENCE_MS = 10000;
const MEDIA_PATIENCE_MS = 8000;
const CHECK_MS = 1000;
const NEAR_LOG_SIZE = 30;
const MESSAGE_MAX = 200;

export class HallCall {
	/*
	 * options —
	 *   parent: where the panel goes; user: our ID;
	 *   send(message) → whether it went out;
	 *   avatarOf(id) → the HallAvatar of a visitor (ourselves included), or null;
	 *   onNotice(text); videoMax: video streams shown at most.
	 */
	constructor(options) {
		this.options = options;
		this.user = options.user;
		this.peers = new Map();        /* lower-case ID → { id, busy } */
		this.calls = new Map();        /* lower-case ID → the call with that peer */
		this.stream = null;            /* our microphone (and camera) once joined */
		this.joining = false;
		this.busy = false;
		this.muted = false;
		this.cameraOff = false;
		this.iceServers = null;
		this.audio = null;             /* AudioContext for the speaking indicators */
		this.meters = new Map();       /* lower-case ID → analyser */
		this.work = Promise.resolve();   /* what negotiates, one step after the other */
		this.buildPanel(options.parent);
		this.render();
		setInterval(() => this.showSpeaking(), SPEAKING_POLL_MS);
	}

	buildPanel(parent) {
		this.element = domElement('section', 'hall-call');
		this.element.setAttribute('aria-label', textGet('Hall.Call.Label'));
		this.summary = domElement('p', 'hall-call-peers');
		this.summary.setAttribute('aria-live', 'polite');
		const buttons = domElement('div', 'hall-call-buttons');
		this.joinAudio = this.button(buttons, 'Hall.Call.JoinAudio', () => this.join(false));
		this.joinVideo = this.button(buttons, 'Hall.Call.JoinVideo', () => this.join(true));
		this.muteButton = this.button(buttons, 'Hall.Call.Mute', () => this.toggleMute());
		this.cameraButton = this.button(buttons, 'Hall.Call.CameraOff', () => this.toggleCamera());
		this.leaveButton = this.button(buttons, 'Hall.Call.Leave', () => this.leave());
		this.busyButton = this.button(buttons, 'Hall.Call.Busy', () => this.setBusy(!this.busy));
		this.busyButton.setAttribute('aria-pressed', 'false');
		this.videos = domElement('div', 'hall-call-videos');
		this.note = domElement('p', 'hall-call-note');
		this.note.hidden = true;

		this.nearLog = domElement('ol', 'hall-near-log');
		this.nearLog.setAttribute('aria-label', textGet('Hall.Near.Log'));
		this.nearLog.setAttribute('aria-live', 'polite');
		this.nearForm = domElement('form', 'hall-near-form');
		this.nearInput = domElement('input');
		this.nearInput.type = 'text';
		this.nearInput.maxLength = MESSAGE_MAX;
		this.nearInput.autocomplete = 'off';
		this.nearInput.enterKeyHint = 'send';
		this.nearInput.placeholder = textGet('Hall.Near.Placeholder');
		this.nearInput.setAttribute('aria-label', textGet('Hall.Near.Label'));
		this.nearInput.addEventListener('keydown', (event) => {
			if (event.key === 'Escape')
				this.nearInput.blur();
		});
		const send = domElement('button', '', textGet('Hall.Near.Send'));
		send.type = 'submit';
		this.nearForm.append(this.nearInput, send);
		this.nearForm.addEventListener('submit', (event) => {
			event.preventDefault();
			this.sayNear();
		});

		this.element.append(this.summary, buttons, this.note, this.videos, this.nearLog, this.nearForm);
		parent.append(this.element);
	}

	button(parent, key, onClick) {
		const button = domElement('button', 'hall-call-button', textGet(key));

		button.type = 'button';
		button.addEventListener('click', () => {
			onClick();
			/* Enter means "where I stand" again, not this button. */
			button.blur();
		});
		parent.append(button);
		return button;
	}

	get joined() {
		return this.stream !== null;
	}

	/* Who the panel shows, and which buttons make sense now. */
	render() {
		const names = [...this.peers.values()].map((p) => `@${p.id}`);

		this.summary.textContent = names.length
			? textGet('Hall.Call.Peers', names.join(', ')) : textGet('Hall.Call.Nobody');
		this.element.classList.toggle('has-peers', names.length > 0);
		this.joinAudio.hidden = this.joined || this.joining;
		this.joinVideo.hidden = this.joined || this.joining;
		this.muteButton.hidden = !this.joined;
		this.cameraButton.hidden = !this.joined || this.stream.getVideoTracks().length === 0;
		this.leaveButton.hidden = !this.joined;
		this.muteButton.textContent = textGet(this.muted ? 'Hall.Call.Unmute' : 'Hall.Call.Mute');
		this.muteButton.setAttribute('aria-pressed', String(this.muted));
		this.cameraButton.textContent = textGet(this.cameraOff ? 'Hall.Call.CameraOn' : 'Hall.Call.CameraOff');
		this.busyButton.textContent = textGet(this.busy ? 'Hall.Call.Available' : 'Hall.Call.Busy');
		this.busyButton.setAttribute('aria-pressed', String(this.busy));
		this.element.classList.toggle('is-busy', this.busy);
		this.element.classList.toggle('is-joined', this.joined);
	}

	/* What the daemon says that is ours; returns whether it was. */
	received(message) {
		switch (message.action) {
		case 'PROXIMITY':
			this.receivePeers(message);
			return true;
		case 'RTC_SIGNAL':
			/* In order: a candidate must not overtake the offer it belongs to. */
			this.queue(() => this.receiveSignal(message));
			return true;
		case 'NEAR_CHAT_MESSAGE':
			this.receiveNear(message);
			return true;
		default:
			return false;
		}
	}

	/* A new connection: the daemon knows nothing of our status yet. */
	connected() {
		if (this.busy)
			this.options.send({ action: 'SET_STATUS', status: 'busy' });
	}

	receivePeers(message) {
		if (!Array.isArray(message.peers))
			return;
		const busy = new Set((Array.isArray(message.busy) ? message.busy : [])
			.filter((id) => typeof id === 'string').map((id) => id.toLowerCase()));
		const next = new Map();

		for (const id of message.peers) {
			if (typeof id === 'string')
				next.set(id.toLowerCase(), { id, busy: busy.has(id.toLowerCase()) });
		}
		this.peers = next;
		/* Whoever walked out, or turned busy, is hung up on. */
		for (const key of [...this.calls.keys()]) {
			const peer = this.peers.get(key);
			if (!peer || peer.busy)
				this.hangUp(key);
		}
		this.callEveryone();
		this.render();
	}

	/* Joined and available: a call with every available peer. */
	callEveryone() {
		if (!this.joined || this.busy)
			return;
		for (const [key, peer] of this.peers) {
			if (!peer.busy && !this.calls.has(key))
				this.startCall(peer.id, true);
		}
		this.balanceVideo();
	}

	async join(withCamera) {
		if (this.joined || this.joining)
			return;
		if (!navigator.mediaDevices || !window.RTCPeerConnection) {
			this.options.onNotice(textGet('Hall.Call.Unsupported'));
			return;
		}
		this.joining = true;
		this.render();
		try {
			const [stream, servers] = await Promise.all([
				navigator.mediaDevices.getUserMedia(withCamera
					? { audio: true, video: { width: 320, height: 240 } } : { audio: true }),
				this.fetchIceServers(),
			]);
			this.stream = stream;
			this.iceServers = servers;
			this.muted = false;
			this.cameraOff = false;
			this.meter(this.user, stream);
			if (withCamera)
				this.showVideo(this.user, stream, true);
		} catch (error) {
			this.options.onNotice(textGet('Hall.Call.Denied', error.name || String(error)));
		}
		this.joining = false;
		this.callEveryone();
		this.render();
	}

	/* The STUN/TURN servers (and TURN credentials) for this visitor; none
	 * when the site gives none (on localhost, none are needed). */
	async fetchIceServers() {
		try {
			const response = await fetch('/api/ice', { credentials: 'same-origin' });
			const body = response.ok ? await response.json() : null;
			return body && Array.isArray(body.iceServers) ? body.iceServers : [];
		} catch (error) {
			console.warn('hall-call: ice', error);
			return [];
		}
	}

	leave() {
		for (const key of [...this.calls.keys()])
			this.hangUp(key, true);
		if (this.stream) {
			for (const track of this.stream.getTracks())
				track.stop();
		}
		this.stream = null;
		this.unmeter(this.user);
		this.removeVideo(this.user);
		this.render();
	}

	toggleMute() {
		if (!this.stream)
			return;
		this.muted = !this.muted;
		for (const track of this.stream.getAudioTracks())
			track.enabled = !this.muted;
		this.render();
	}

	toggleCamera() {
		if (!this.stream)
			return;
		this.cameraOff = !this.cameraOff;
		for (const track of this.stream.getVideoTracks())
			track.enabled = !this.cameraOff;
		this.render();
	}

	/* Busy: out of every call, and the others' pages do not call us. */
	setBusy(busy) {
		this.busy = busy;
		this.options.send({ action: 'SET_STATUS', status: busy ? 'busy' : 'available' });
		if (busy) {
			for (const key of [...this.calls.keys()])
				this.hangUp(key, true);
		} else {
			this.callEveryone();
		}
		this.render();
	}

	/* Everything that negotiates — a signal received, an offer made, a call
	 * checked — runs one after the other: an offer made while the other
	 * side's is being answered would otherwise be sent as an answer's twin. */
	queue(step) {
		this.work = this.work.then(step).catch((error) => console.warn('hall-call:', error));
	}

	/* One peer connection with id; offer says whether we start negotiating
	 * (we do when we call; when the other called, their offer does). */
	startCall(id, offer, patience = OFFER_PATIENCE_MS) {
		const key = id.toLowerCase();
		const pc = new RTCPeerConnection({ iceServers: this.iceServers || [] });
		const call = {
			id, key, pc,
			session: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`,
			remote: null,            /* the other side's call, once we took a description of it */
			deadline: Infinity,      /* when our unanswered offer is given up */
			patience, remoteAt: 0, bytes: -1, flowingAt: 0,
			polite: this.user.toLowerCase() > key, stream: new MediaStream(), audio: null, timer: 0,
		};

		this.calls.set(key, call);
		pc.onicecandidate = ({ candidate }) => {
			if (candidate)
				this.signal(call, 'ice', { candidate: candidate.toJSON() });
		};
		pc.onnegotiationneeded = () => this.queue(() => this.makeOffer(call));
		pc.ontrack = ({ track }) => {
			call.stream.addTrack(track);
			if (track.kind === 'audio') {
				if (!call.audio) {
					call.audio = domElement('audio');
					call.audio.autoplay = true;
					this.element.append(call.audio);
				}
				call.audio.srcObject = call.stream;
				this.meter(id, call.stream);
			} else {
				this.showVideo(id, call.stream, false);
				this.balanceVideo();
			}
			track.addEventListener('ended', () => call.stream.removeTrack(track));
		};
		pc.onconnectionstatechange = () => {
			if (pc.connectionState === 'failed')
				pc.restartIce();
		};
		if (offer) {
			for (const track of this.stream.getTracks())
				pc.addTrack(track, this.stream);
		}
		call.timer = setInterval(() => this.queue(() => this.check(call)), CHECK_MS);
		return call;
	}

	current(call) {
		return this.calls.get(call.key) === call;
	}

	async makeOffer(call) {
		const { pc } = call;

		/* negotiationneeded comes again once the call is stable. */
		if (!this.current(call) || pc.signalingState !== 'stable')
			return;
		try {
			await pc.setLocalDescription();
			call.deadline = performance.now() + call.patience;
			this.signal(call, 'offer', { type: 'offer', sdp: pc.localDescription.sdp });
		} catch (error) {
			console.warn('hall-call: offer', error);
		}
	}

	/* Once a second: a call that is not getting anywhere is made afresh; a
	 * track that was never offered (the offer negotiationneeded started
	 * failed) is offered now. */
	async check(call) {
		const { pc } = call;
		const now = performance.now();
		const slow = call.polite ? 1.5 : 1;

		if (!this.current(call))
			return;
		if (pc.signalingState === 'have-local-offer' && now > call.deadline) {
			this.restart(call, 'unanswered');
			return;
		}
		if (pc.signalingState === 'stable'
		    && pc.getTransceivers().some((t) => t.mid === null && t.direction !== 'stopped')) {
			await this.makeOffer(call);
			return;
		}
		if (pc.connectionState !== 'connected') {
			call.bytes = -1;
			if (call.remote && now - call.remoteAt > CONNECT_PATIENCE_MS * slow)
				this.restart(call, `unconnected (${pc.connectionState})`);
			return;
		}
		/* Connected: the other side's microphone sends even when muted, so
		 * nothing arriving at all means a call that carries nothing. */
		let bytes = 0;
		(await pc.getStats()).forEach((s) => {
			if (s.type === 'inbound-rtp')
				bytes += s.bytesReceived || 0;
		});
		if (!this.current(call))
			return;
		if (bytes !== call.bytes) {
			call.bytes = bytes;
			call.flowingAt = now;
		} else if (now - call.flowingAt > MEDIA_PATIENCE_MS * slow) {
			this.restart(call, 'silent');
		}
	}

	/* We took a description of their call: the call is under way. */
	taken(call, session) {
		if (call.remote !== session)
			call.remoteAt = performance.now();
		call.remote = session;
		call.deadline = Infinity;
	}

	/* Hang up (telling the other side) and call again, patient for longer. */
	restart(call, why) {
		const peer = this.peers.get(call.key);

		console.warn(`hall-call: @${call.id} afresh, ${why}`);
		this.hangUp(call.key, true);
		if (this.joined && !this.busy && peer && !peer.busy)
			this.startCall(peer.id, true, Math.min(call.patience * 2, PATIENCE_MAX_MS));
	}

	/* Every signal names the call it is of, and the other side's call it is
	 * for where we know it. */
	signal(call, kind, data) {
		this.options.send({
			action: 'RTC_SIGNAL', to: call.id, kind, data: { ...data, call: call.session, to_call: call.remote },
		});
	}

	async receiveSignal(message) {
		const { from, kind, data } = message;

		if (typeof from !== 'string' || !data || typeof data !== 'object' || typeof data.call !== 'string')
			return;
		const key = from.toLowerCase();
		const session = data.call;
		const addressed = typeof data.to_call === 'string' ? data.to_call : null;
		let call = this.calls.get(key);

		/* For a call of ours that has ended: left over. */
		if (addressed !== null && (!call || addressed !== call.session))
			return;
		if (call && call.remote !== null && call.remote !== session) {
			/* From another call on their side than the one we talk to: left
			 * over from an earlier one, or a new one whose bye we missed. */
			if (kind !== 'offer' || addressed !== null)
				return;
			this.hangUp(key);
			call = null;
		}
		if (kind === 'bye') {
			if (call && (call.remote === session || addressed === call.session))
				this.hangUp(key);
			return;
		}
		/* Not joined, or busy: we take no call, and say nothing. Nor from
		 * anyone we do not see as near (yet, or any more: across daemons
		 * the two sides learn it a moment apart; an unanswered offer is
		 * made again). */
		const peer = this.peers.get(key);
		if (!this.joined || this.busy || !peer || peer.busy)
			return;
		if (kind === 'answer') {
			if (!call || addressed === null || typeof data.sdp !== 'string'
			    || call.pc.signalingState !== 'have-local-offer')
				return;
			await call.pc.setRemoteDescription({ type: 'answer', sdp: data.sdp });
			this.taken(call, session);
			/* Only a negotiated transceiver's direction can be set. */
			this.balanceVideo();
		} else if (kind === 'offer') {
			if (typeof data.sdp !== 'string')
				return;
			if (!call)
				call = this.startCall(from, false);
			const { pc } = call;
			/* Our own offer is out (nothing else runs meanwhile, so the
			 * state says it): the visitor whose ID sorts first keeps it. */
			if (!call.polite && pc.signalingState !== 'stable') {
				call.deadline = Math.min(call.deadline, performance.now() + CROSSED_PATIENCE_MS);
				return;
			}
			await pc.setRemoteDescription({ type: 'offer', sdp: data.sdp });
			this.taken(call, session);
			this.addTracks(call);
			await pc.setLocalDescription();
			this.signal(call, 'answer', { type: 'answer', sdp: pc.localDescription.sdp });
			this.balanceVideo();
		} else if (kind === 'ice' && call && call.remote === session
			   && data.candidate && typeof data.candidate === 'object') {
			try {
				await call.pc.addIceCandidate(data.candidate);
			} catch (error) {
				console.warn('hall-call: candidate', error);
			}
		}
	}

	/* Our tracks on a call the other side started: they take the
	 * transceivers its offer made, or new ones (negotiated after). */
	addTracks(call) {
		const sending = new Set(call.pc.getSenders().map((s) => s.track).filter(Boolean));

		for (const track of this.stream.getTracks()) {
			if (!sending.has(track))
				call.pc.addTrack(track, this.stream);
		}
	}

	hangUp(key, tell = false) {
		const call = this.calls.get(key);

		if (!call)
			return;
		if (tell)
			this.signal(call, 'bye', {});
		clearInterval(call.timer);
		call.pc.close();
		if (call.audio)
			call.audio.remove();
		this.unmeter(call.id);
		this.removeVideo(call.id);
		this.calls.delete(key);
		this.balanceVideo();
	}

	/* Past videoMax streams, further calls are audio only: their video is
	 * neither received nor sent, so the page keeps up. */
	balanceVideo() {
		const max = this.options.videoMax;
		let shown = 0;
		let dropped = false;

		for (const call of this.calls.values()) {
			const video = call.pc.getTransceivers()
				.filter((t) => t.receiver.track.kind === 'video' && t.direction !== 'stopped');
			if (!video.length)
				continue;
			const allowed = shown < max;
			if (allowed)
				shown += 1;
			else
				dropped = true;
			for (const t of video) {
				const want = allowed ? (t.sender.track ? 'sendrecv' : 'recvonly') : 'inactive';
				if (t.direction !== want && t.currentDirection !== null)
					t.direction = want;
			}
			const tile = this.videos.querySelector(`[data-user="${CSS.escape(call.id.toLowerCase())}"]`);
			if (tile)
				tile.hidden = !allowed;
		}
		this.note.hidden = !dropped;
		if (dropped)
			this.note.textContent = textGet('Hall.Call.AudioOnly', String(max));
	}

	showVideo(id, stream, self) {
		const key = id.toLowerCase();
		let tile = this.videos.querySelector(`[data-user="${CSS.escape(key)}"]`);

		if (!tile) {
			tile = domElement('figure', self ? 'hall-call-video is-self' : 'hall-call-video');
			tile.dataset.user = key;
			const video = domElement('video');
			video.autoplay = true;
			video.playsInline = true;
			video.muted = true;     /* the sound plays through the call's audio element */
			video.setAttribute('aria-label', textGet('Hall.Call.Video', id));
			tile.append(video, domElement('figcaption', '', `@${id}`));
			this.videos.append(tile);
		}
		tile.querySelector('video').srcObject = stream;
	}

	removeVideo(id) {
		const tile = this.videos.querySelector(`[data-user="${CSS.escape(id.toLowerCase())}"]`);

		if (tile)
			tile.remove();
	}

	/* The speaking indicator: an analyser on each voice. */
	meter(id, stream) {
		try {
			if (!this.audio)
				this.audio = new AudioContext();
			if (this.audio.state === 'suspended')
				this.audio.resume();
			this.unmeter(id);
			const source = this.audio.createMediaStreamSource(stream);
			const analyser = this.audio.createAnalyser();
			analyser.fftSize = SPEAKING_WINDOW;
			source.connect(analyser);
			this.meters.set(id.toLowerCase(), {
				id, source, analyser, samples: new Float32Array(analyser.fftSize), loudAt: -Infinity,
			});
		} catch (error) {
			console.warn('hall-call: meter', error);
		}
	}

	unmeter(id) {
		const meter = this.meters.get(id.toLowerCase());

		if (!meter)
			return;
		meter.source.disconnect();
		this.meters.delete(id.toLowerCase());
		const avatar = this.options.avatarOf(id);
		if (avatar)
			avatar.element.classList.remove('is-speaking');
	}

	showSpeaking() {
		const now = performance.now();

		for (const meter of this.meters.values()) {
			meter.analyser.getFloatTimeDomainData(meter.samples);
			let peak = 0;
			for (const v of meter.samples)
				peak = Math.max(peak, Math.abs(v));
			const self = meter.id.toLowerCase() === this.user.toLowerCase();
			if (peak > SPEAKING_LEVEL && !(self && this.muted))
				meter.loudAt = now;
			const avatar = this.options.avatarOf(meter.id);
			if (avatar)
				avatar.element.classList.toggle('is-speaking', now - meter.loudAt < SPEAKING_HOLD_MS);
		}
	}

	sayNear() {
		const message = this.nearInput.value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();

		if (!message || [...message].length > MESSAGE_MAX)
			return;
		if (this.options.send({ action: 'NEAR_CHAT_MESSAGE', message }))
			this.nearInput.value = '';
	}

	receiveNear(message) {
		if (typeof message.user_id !== 'string' || typeof message.message !== 'string')
			return;
		const line = domElement('li', 'hall-near-line');
		line.append(domElement('span', 'hall-near-who', `@${message.user_id}`), ' ',
			domElement('span', 'hall-near-text', message.message));
		this.nearLog.append(line);
		while (this.nearLog.children.length > NEAR_LOG_SIZE)
			this.nearLog.firstElementChild.remove();
		const avatar = this.options.avatarOf(message.user_id);
		if (avatar)
			avatar.say(message.message);
	}
}
