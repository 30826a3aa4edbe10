// hall-connection.js — a WebSocket to the hall daemon (/ws, subprotocol
// "masakari"): JSON in and out, and reconnection with exponential backoff
// whenever the daemon or the network goes away. The hall and the masakari
// page (a spectator in the masakari room) both use it.

const SUBPROTOCOL = 'masakari';
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10000;

/* The daemon's address on this page's host: ws: or wss: to match the page,
 * so the same origin (and CSP connect-src 'self') covers it. Who you are is
 * never in the URL: the browser sends its identity cookie with the upgrade
 * (without one the connection is a spectator's). */
export function hallSocketUrl(loc) {
	const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';

	return `${scheme}//${loc.host}/ws`;
}

/*
 * One logical connection that survives drops. Callbacks:
 *   onState(state, detail)  'connecting' | 'open' | 'retrying' ({seconds}) | 'offline'
 *   onOpen()                a new socket is open (send what the daemon must know)
 *   onMessage(object)       every JSON object the daemon sends
 *   onClosed(code)          (optional) the socket closed with code; false: do
 *                           not reconnect (an operator ended the visit)
 * Frames that are not JSON objects are dropped: the daemon never sends them,
 * and the hall must not break on them.
 */
export class HallConnection {
	constructor(url, callbacks) {
		this.url = url;
		this.callbacks = callbacks;
		this.socket = null;
		this.attempt = 0;
		this.retryTimer = 0;
		this.stopped = false;
		this.onOnline = () => this.retryNow();
		window.addEventListener('online', this.onOnline);
	}

	start() {
		this.stopped = false;
		this.connect();
	}

	/* Sends one message; false (and nothing sent) while not connected. */
	send(message) {
		if (!this.socket || this.socket.readyState !== WebSocket.OPEN)
			return false;
		this.socket.send(JSON.stringify(message));
		return true;
	}

	isOpen() {
		return !!this.socket && this.socket.readyState === WebSocket.OPEN;
	}

	stop() {
		this.stopped = true;
		clearTimeout(this.retryTimer);
		window.removeEventListener('online', this.onOnline);
		if (this.socket)
			this.socket.close(1000);
	}

	connect() {
		let socket;

		clearTimeout(this.retryTimer);
		this.callbacks.onState('connecting');
		try {
			socket = new WebSocket(this.url, SUBPROTOCOL);
		} catch {
			this.scheduleRetry();
			return;
		}
		this.socket = socket;
		socket.addEventListener('open', () => {
			if (socket !== this.socket)
				return;
			this.callbacks.onState('open');
			this.callbacks.onOpen();
		});
		socket.addEventListener('message', (event) => {
			let message;

			if (socket !== this.socket || typeof event.data !== 'string')
				return;
			try {
				message = JSON.parse(event.data);
			} catch {
				return;
			}
			if (!message || typeof message !== 'object' || Array.isArray(message))
				return;
			/* The daemon answered as us: it accepted this connection, so the
			 * next drop starts the backoff afresh. */
			this.attempt = 0;
			this.callbacks.onMessage(message);
		});
		socket.addEventListener('close', (event) => {
			if (socket !== this.socket)
				return;
			this.socket = null;
			if (this.callbacks.onClosed && this.callbacks.onClosed(event.code) === false) {
				this.stopped = true;
				this.callbacks.onState('offline');
				return;
			}
			if (!this.stopped)
				this.scheduleRetry();
		});
	}

	/* 0.5 s, 1 s, 2 s … up to 10 s, each ±20 % so that a hall full of
	 * visitors does not come back in one burst after a daemon restart. */
	scheduleRetry() {
		const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.attempt);
		const delay = Math.round(base * (0.8 + Math.random() * 0.4));

		this.attempt = Math.min(this.attempt + 1, 16);
		if (navigator.onLine === false) {
			this.callbacks.onState('offline');
			return;
		}
		this.callbacks.onState('retrying', { seconds: Math.max(1, Math.round(delay / 1000)) });
		this.retryTimer = setTimeout(() => this.connect(), delay);
	}

	retryNow() {
		if (this.stopped || this.socket)
			return;
		this.connect();
	}
}
