// The call room's script: one page script (PageScript, no SvelteKit runtime) for the citizen's,
// the official's and the interpreter's call pages. The server renders every
// text; this script shows and hides it, and carries the call: WebRTC between the browsers, the
// signalling through the app's database (long-polled), a chat over the browsers' own channel.
import type {
	CallPageConfig,
	CallRole,
	CallState,
	CallString,
	ParticipantView
} from '$lib/domain/calls';

interface Joined {
	id: string;
	token: string;
}

interface Link {
	remote: ParticipantView;
	/** This browser starts (and restarts) the connection; the other answers. */
	offerer: boolean;
	pc: RTCPeerConnection | null;
	/** Which attempt the signals belong to; a new attempt replaces the old connection. */
	connection: string;
	remoteSet: boolean;
	queued: RTCIceCandidateInit[];
	channel: RTCDataChannel | null;
	stream: MediaStream;
	figure: HTMLElement;
	video: HTMLVideoElement;
	cameraOff: HTMLElement;
	connected: boolean;
	everConnected: boolean;
	reported: boolean;
	lastAttempt: number;
	/** This attempt found a way out (a candidate): the network, or the relay, answers. */
	gathered: boolean;
	/** What this browser last told the other about its camera. */
	sentCamera?: boolean;
	retry?: ReturnType<typeof setTimeout>;
}

interface Payload {
	type: 'offer' | 'answer' | 'candidate' | 'restart';
	connection: string;
	sdp?: string;
	candidate?: RTCIceCandidateInit;
}

/** Who starts a connection between two roles: the official, then the interpreter. */
const RANK: Record<CallRole, number> = { citizen: 1, interpreter: 2, official: 3 };
/** A first connection may take a while on a slow network; later attempts retry sooner. */
const FIRST_ATTEMPT_MS = 15_000;
const RETRY_MS = 4000;
/** A connection that stops for this long is started again. */
const GRACE_MS = 2000;
/** An attempt that fails at once is not started again sooner than this. */
const MIN_GAP_MS = 1000;
/**
 * How long an attempt that is under way (its network answered, the browsers are checking) may
 * take before it is thrown away: on a slow phone a handshake can take longer than RETRY_MS, and
 * starting over every RETRY_MS would then never connect.
 */
const PATIENCE_MS = 12_000;
const AUDIO = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
// Small and steady: enough to see a face and a document on a cheap phone's data plan.
const VIDEO = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15, max: 24 } };
const VIDEO_BITRATE = 500_000;

const byId = <T extends HTMLElement = HTMLElement>(id: string) =>
	document.getElementById(id) as T | null;
const callElement = byId('call');
if (callElement?.dataset.call) room(JSON.parse(callElement.dataset.call) as CallPageConfig);

function room(config: CallPageConfig): void {
	const { role, strings } = config;
	let state: CallState = config.state;
	let version = config.version;
	let me: Joined | null = null;
	let ice: RTCConfiguration = {};
	let local = new MediaStream();
	let over = false;
	let micOn = true;
	let cameraOn = true;
	let reconnecting = false;
	let signallingDown = false;
	let warned = state.phase === 'closing';
	let watching = false;
	const links = new Map<string, Link>();

	const status = byId('call-status')!;
	const joinButton = byId<HTMLButtonElement>('call-join');
	const lobby = byId('call-lobby');
	const live = byId('call-live')!;
	const videos = byId('call-videos')!;
	const localVideo = byId<HTMLVideoElement>('call-local')!;
	const template = byId<HTMLTemplateElement>('call-remote')!;
	const warning = byId('call-warning');
	const micButton = byId<HTMLButtonElement>('call-mic')!;
	const cameraButton = byId<HTMLButtonElement>('call-camera')!;
	const audioOnlyButton = byId<HTMLButtonElement>('call-audio-only')!;
	const chatLog = byId('chat-log')!;
	const chatInput = byId<HTMLInputElement>('chat-message')!;

	const text = (key: CallString, values: Record<string, string> = {}) =>
		strings[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
	const roleName = (of: CallRole) => strings[of];
	const clock = new Intl.DateTimeFormat('es-CO', {
		timeZone: config.timeZone,
		hour: 'numeric',
		minute: '2-digit',
		hour12: true
	});
	const timeOf = (iso: string) => clock.format(new Date(iso)).replace(/\s/g, ' ');
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
	const newId = () => Math.random().toString(36).slice(2, 12);

	/** One polite status line: it changes on events (someone joined, reconnecting), never by the second. */
	function announce(message: string, spanish: boolean): void {
		status.textContent = message;
		if (spanish) status.lang = 'es';
		else status.removeAttribute('lang');
	}
	const say = (key: CallString, values?: Record<string, string>) =>
		announce(text(key, values), config.spanish.includes(key));

	function api(method: string, path: string, token: string, body?: unknown, keepalive = false) {
		return fetch(config.api + path, {
			method,
			keepalive,
			cache: 'no-store',
			headers: {
				authorization: `Bearer ${token}`,
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	}

	async function problemDetail(response: Response): Promise<string> {
		try {
			return ((await response.json()) as { detail?: string }).detail ?? '';
		} catch {
			return '';
		}
	}

	// ---- The room's state, shown -------------------------------------------------------------

	function apply(next: CallState, nextVersion: string): void {
		const previous = state;
		state = next;
		version = nextVersion;
		if (previous.phase === 'before' && next.phase !== 'before' && !me) say('opened');
		if (previous.audioOnly !== next.audioOnly && me) {
			say(next.audioOnly ? 'audioOnlyOn' : 'audioOnlyOff');
		}
		render();
		if (me && !over) syncLinks();
	}

	function render(): void {
		for (const element of document.querySelectorAll<HTMLElement>('[data-phase]')) {
			element.hidden = !element.dataset.phase!.split(' ').includes(state.phase);
		}
		for (const element of document.querySelectorAll<HTMLElement>('[data-wait-over]')) {
			element.hidden = String(state.waitOver) !== element.dataset.waitOver;
		}
		if (state.phase === 'closing' && !warned && warning) {
			warned = true;
			warning.textContent = warning.dataset.text ?? '';
		}
		const waiting = byId('call-waiting');
		if (waiting) waiting.hidden = ![...links.values()].every((l) => !l.everConnected) || !me;
		audioOnlyButton.setAttribute('aria-pressed', String(state.audioOnly));
		live.classList.toggle('audio-only', state.audioOnly);
		applyVideo();
		if (role === 'official') renderOfficial();
		if (state.phase === 'ended') finish();
	}

	function renderOfficial(): void {
		const citizens = state.participants.filter((p) => p.role === 'citizen');
		const presence = byId('call-presence');
		if (presence) {
			const here = citizens.filter((p) => p.present);
			presence.textContent = here.some((p) => p.connected)
				? strings.citizenInCall
				: here.length
					? strings.citizenWaiting
					: citizens.length
						? strings.citizenLeft
						: strings.citizenAbsent;
		}
		const log = byId('call-join-log');
		if (log) {
			log.replaceChildren(
				...state.participants.map((p) => {
					const item = document.createElement('li');
					const values = { who: roleName(p.role), joined: timeOf(p.joinedAt) };
					item.textContent = p.leftAt
						? text('entryLeft', { ...values, left: timeOf(p.leftAt) })
						: text('entry', values);
					return item;
				})
			);
			if (!state.participants.length) {
				const item = document.createElement('li');
				item.textContent = strings.joinLogEmpty;
				log.append(item);
			}
		}
		const noShow = byId('call-no-show');
		if (noShow) noShow.hidden = !state.noShowAvailable;
	}

	/** Before joining: the room's state, so the page opens its door and shows who waits. */
	async function watch(): Promise<void> {
		if (watching) return;
		watching = true;
		while (!me && !over) {
			try {
				const response = await api('GET', `?known=${version}`, config.pass);
				if (!response.ok) throw new Error(String(response.status));
				const news = (await response.json()) as { state: CallState; version: string };
				if (!me) apply(news.state, news.version);
			} catch {
				await sleep(3000);
			}
		}
		watching = false;
	}

	// ---- Joining and leaving ------------------------------------------------------------------

	async function media(): Promise<MediaStream> {
		if (!navigator.mediaDevices?.getUserMedia) {
			say('noMedia');
			return new MediaStream();
		}
		try {
			return await navigator.mediaDevices.getUserMedia({ audio: AUDIO, video: VIDEO });
		} catch {
			try {
				const audio = await navigator.mediaDevices.getUserMedia({ audio: AUDIO });
				say('noCamera');
				return audio;
			} catch {
				say('noMedia');
				return new MediaStream();
			}
		}
	}

	async function join(): Promise<void> {
		if (me || !joinButton) return;
		joinButton.disabled = true;
		say('joining');
		if (!local.getTracks().some((t) => t.readyState === 'live')) local = await media();
		const response = await api('POST', `/participants?lang=${config.lang}`, config.pass).catch(
			() => undefined
		);
		joinButton.disabled = false;
		if (!response) return say('reconnecting');
		if (response.status !== 201) {
			return announce(await problemDetail(response), config.problemsInSpanish);
		}
		const joined = (await response.json()) as {
			participant: Joined;
			iceServers: RTCIceServer[];
			iceTransportPolicy: RTCIceTransportPolicy;
			state: CallState;
			version: string;
		};
		me = joined.participant;
		ice = { iceServers: joined.iceServers, iceTransportPolicy: joined.iceTransportPolicy };
		localVideo.srcObject = local;
		cameraOn = local.getVideoTracks().length > 0;
		cameraButton.hidden = !cameraOn;
		if (lobby) lobby.hidden = true;
		live.hidden = false;
		byId('call-live-title')?.focus();
		apply(joined.state, joined.version);
		// The citizen waits for the official; the official and the interpreter are simply in.
		if (!over) say(role === 'citizen' ? 'waiting' : 'inRoom');
		void listen(me);
	}

	function teardown(): void {
		for (const link of links.values()) drop(link);
		for (const track of local.getTracks()) track.stop();
		localVideo.srcObject = null;
	}

	/** Closes this browser's part of the call and tells the room it left. */
	function exit(): Promise<unknown> {
		const left = me;
		me = null;
		teardown();
		live.hidden = true;
		if (!left) return Promise.resolve();
		return api('PATCH', `/participants/${left.id}`, left.token, { left: true }).catch(() => {});
	}

	async function leave(): Promise<void> {
		await exit();
		if (lobby) lobby.hidden = false;
		say('youLeft');
		joinButton?.focus();
		void watch();
	}

	function finish(): void {
		if (over) return;
		over = true;
		void exit();
		if (lobby) lobby.hidden = true;
		const ended = byId('call-ended');
		if (!ended) return;
		for (const reason of ended.querySelectorAll<HTMLElement>('[data-reason]')) {
			reason.hidden = reason.dataset.reason !== state.reason;
		}
		ended.hidden = false;
		byId('call-ended-title')?.focus();
	}

	// ---- Signalling through the app -----------------------------------------------------------

	async function listen(self: Joined): Promise<void> {
		let ack: number[] = [];
		let failures = 0;
		while (me === self && !over) {
			try {
				const response = await api(
					'GET',
					`/participants/${self.id}/inbox?ack=${ack.join(',')}&known=${version}`,
					self.token
				);
				if (response.status === 410) {
					// Left elsewhere (another tab said so) or the call ended: join again if it goes on.
					me = null;
					teardown();
					if (state.phase !== 'ended') void join();
					return;
				}
				if (!response.ok) throw new Error(String(response.status));
				const news = (await response.json()) as {
					signals: { id: number; from: string; payload: Payload }[];
					state: CallState;
					version: string;
				};
				failures = 0;
				signallingDown = false;
				ack = news.signals.map((s) => s.id);
				apply(news.state, news.version);
				for (const signal of news.signals) {
					await receive(signal.from, signal.payload).catch(() => undefined);
				}
				updateReconnecting();
			} catch {
				failures += 1;
				signallingDown = failures > 1;
				updateReconnecting();
				await sleep(Math.min(5000, 250 * 2 ** failures));
			}
		}
	}

	// Signals go out one after the other, so the other browser reads them in the order they were made.
	let outbox: Promise<unknown> = Promise.resolve();
	function send(link: Link, payload: Omit<Payload, 'connection'>): void {
		const self = me;
		if (!self) return;
		const body = { to: link.remote.id, payload: { ...payload, connection: link.connection } };
		outbox = outbox.then(() =>
			api('POST', `/participants/${self.id}/signals`, self.token, body).catch(() => undefined)
		);
	}

	function report(link: Link): void {
		const self = me;
		if (!self || link.reported) return;
		link.reported = true;
		void api('PATCH', `/participants/${self.id}`, self.token, { connectedWith: link.remote.id })
			.then(async (response) => {
				if (response.ok) apply((await response.json()) as CallState, version);
			})
			.catch(() => (link.reported = false));
	}

	// ---- The connections ----------------------------------------------------------------------

	function syncLinks(): void {
		const others = state.participants.filter((p) => p.id !== me?.id && p.present);
		for (const remote of others) {
			if (links.has(remote.id)) continue;
			const link = createLink(remote);
			if (link.offerer) void offer(link);
		}
		// A browser that stopped asking for news and has no working connection has gone.
		for (const link of links.values()) {
			const listed = state.participants.find((p) => p.id === link.remote.id);
			if ((!listed?.present || listed.leftAt) && !link.connected) {
				if (link.everConnected) say('left', { who: roleName(link.remote.role) });
				drop(link);
			}
		}
		updateReconnecting();
	}

	function createLink(remote: ParticipantView): Link {
		const figure = (template.content.firstElementChild as HTMLElement).cloneNode(
			true
		) as HTMLElement;
		figure.querySelector('figcaption')!.textContent = roleName(remote.role);
		const link: Link = {
			remote,
			offerer:
				RANK[role] > RANK[remote.role] || (RANK[role] === RANK[remote.role] && me!.id > remote.id),
			pc: null,
			connection: '',
			remoteSet: false,
			queued: [],
			channel: null,
			stream: new MediaStream(),
			figure,
			video: figure.querySelector('video')!,
			cameraOff: figure.querySelector<HTMLElement>('[data-camera-off]')!,
			connected: false,
			everConnected: false,
			reported: false,
			lastAttempt: 0,
			gathered: false
		};
		videos.prepend(figure);
		links.set(remote.id, link);
		return link;
	}

	function drop(link: Link): void {
		clearTimeout(link.retry);
		link.pc?.close();
		link.pc = null;
		link.figure.remove();
		links.delete(link.remote.id);
		render();
	}

	function fresh(link: Link, connection: string): RTCPeerConnection {
		link.pc?.close();
		const pc = new RTCPeerConnection(ice);
		Object.assign(link, {
			pc,
			connection,
			remoteSet: false,
			queued: [],
			channel: null,
			gathered: false
		});
		link.connected = false;
		link.stream = new MediaStream();
		link.video.srcObject = link.stream;
		pc.ontrack = (event) => {
			link.stream.addTrack(event.track);
			void link.video.play().catch(() => undefined);
		};
		pc.onicecandidate = (event) => {
			if (!event.candidate) return;
			link.gathered = true;
			send(link, { type: 'candidate', candidate: event.candidate.toJSON() });
		};
		pc.onconnectionstatechange = () => {
			if (link.pc === pc) changed(link, pc.connectionState);
		};
		pc.ondatachannel = (event) => bind(link, event.channel);
		return pc;
	}

	function trackOf(kind: string): MediaStreamTrack | null {
		if (kind === 'audio') return local.getAudioTracks()[0] ?? null;
		return state.audioOnly || !cameraOn ? null : (local.getVideoTracks()[0] ?? null);
	}

	async function limitVideo(pc: RTCPeerConnection): Promise<void> {
		for (const sender of pc.getSenders()) {
			if (sender.track?.kind !== 'video') continue;
			const parameters = sender.getParameters();
			if (!parameters.encodings?.length) continue;
			parameters.encodings[0]!.maxBitrate = VIDEO_BITRATE;
			await sender.setParameters(parameters).catch(() => undefined);
		}
	}

	async function offer(link: Link): Promise<void> {
		clearTimeout(link.retry);
		link.lastAttempt = Date.now();
		const pc = fresh(link, newId());
		for (const kind of ['audio', 'video']) {
			const transceiver = pc.addTransceiver(kind, { direction: 'sendrecv', streams: [local] });
			await transceiver.sender.replaceTrack(trackOf(kind));
		}
		bind(link, pc.createDataChannel('chat'));
		await pc.setLocalDescription();
		send(link, { type: 'offer', sdp: pc.localDescription!.sdp });
		link.retry = setTimeout(() => retry(link), link.everConnected ? RETRY_MS : FIRST_ATTEMPT_MS);
	}

	function retry(link: Link): void {
		if (link.connected || links.get(link.remote.id) !== link || !me || over) return;
		if (
			link.gathered &&
			link.pc?.connectionState === 'connecting' &&
			Date.now() - link.lastAttempt < PATIENCE_MS
		) {
			link.retry = setTimeout(() => retry(link), RETRY_MS);
			return;
		}
		void offer(link);
	}

	async function receive(from: string, payload: Payload): Promise<void> {
		let link = links.get(from);
		if (!link) {
			const remote = state.participants.find((p) => p.id === from);
			if (!remote || payload.type !== 'offer') return;
			link = createLink(remote);
		}
		if (payload.type === 'offer') {
			const pc =
				payload.connection === link.connection && link.pc
					? link.pc
					: fresh(link, payload.connection);
			await pc.setRemoteDescription({ type: 'offer', sdp: payload.sdp });
			link.remoteSet = true;
			for (const transceiver of pc.getTransceivers()) {
				transceiver.direction = 'sendrecv';
				await transceiver.sender.replaceTrack(trackOf(transceiver.receiver.track.kind));
			}
			await pc.setLocalDescription();
			send(link, { type: 'answer', sdp: pc.localDescription!.sdp });
			await flush(link);
		} else if (payload.connection !== link.connection || !link.pc) {
			return;
		} else if (payload.type === 'answer') {
			await link.pc.setRemoteDescription({ type: 'answer', sdp: payload.sdp });
			link.remoteSet = true;
			await flush(link);
		} else if (payload.type === 'candidate' && payload.candidate) {
			if (link.remoteSet) await link.pc.addIceCandidate(payload.candidate);
			else link.queued.push(payload.candidate);
		} else if (
			payload.type === 'restart' &&
			link.offerer &&
			Date.now() - link.lastAttempt > GRACE_MS
		) {
			await offer(link);
		}
	}

	async function flush(link: Link): Promise<void> {
		const queued = link.queued;
		link.queued = [];
		for (const candidate of queued)
			await link.pc?.addIceCandidate(candidate).catch(() => undefined);
	}

	function changed(link: Link, connection: RTCPeerConnectionState): void {
		if (connection === 'connected') {
			clearTimeout(link.retry);
			const again = link.everConnected;
			link.connected = true;
			link.everConnected = true;
			if (!again) say('joined', { who: roleName(link.remote.role) });
			if (link.pc) void limitVideo(link.pc);
			report(link);
			render();
		} else if (['disconnected', 'failed', 'closed'].includes(connection)) {
			link.connected = false;
			clearTimeout(link.retry);
			const wait =
				connection === 'disconnected'
					? GRACE_MS
					: Math.max(0, MIN_GAP_MS - (Date.now() - link.lastAttempt));
			// The browser that started the connection starts it again; the other asks it to.
			link.retry = setTimeout(() => {
				if (link.connected || !me || over) return;
				if (link.offerer) retry(link);
				else send(link, { type: 'restart' });
			}, wait);
		}
		updateReconnecting();
	}

	function updateReconnecting(): void {
		if (!me || over) return;
		const all = [...links.values()];
		const broken =
			all.some((l) => l.everConnected && !l.connected) ||
			(signallingDown && !all.some((l) => l.connected));
		if (broken !== reconnecting) {
			reconnecting = broken;
			live.classList.toggle('reconnecting', broken);
			say(broken ? 'reconnecting' : 'reconnected');
		}
	}

	// ---- Sound, image and chat ----------------------------------------------------------------

	/** Sends the camera's image, or nothing (audio only, camera off), and tells the others. */
	function applyVideo(): void {
		const video = trackOf('video');
		for (const track of local.getVideoTracks()) track.enabled = !!video;
		for (const link of links.values()) {
			const sender = link.pc
				?.getTransceivers()
				.find((t) => t.receiver.track.kind === 'video')?.sender;
			if (sender && sender.track !== video) void sender.replaceTrack(video).catch(() => undefined);
			if (link.sentCamera !== !!video && sendTo(link, { kind: 'camera', on: !!video })) {
				link.sentCamera = !!video;
			}
		}
	}

	function sendTo(link: Link, message: unknown): boolean {
		if (link.channel?.readyState !== 'open') return false;
		link.channel.send(JSON.stringify(message));
		return true;
	}

	function bind(link: Link, channel: RTCDataChannel): void {
		link.channel = channel;
		link.sentCamera = undefined;
		channel.onopen = () => applyVideo();
		channel.onmessage = (event) => {
			let message: { kind?: string; text?: unknown; on?: unknown };
			try {
				message = JSON.parse(String(event.data));
			} catch {
				return;
			}
			if (message.kind === 'chat' && typeof message.text === 'string') {
				addMessage(roleName(link.remote.role), message.text.slice(0, 1000));
			} else if (message.kind === 'camera') {
				link.cameraOff.hidden = message.on !== false;
			}
		};
	}

	function addMessage(who: string, message: string): void {
		const item = document.createElement('p');
		const author = document.createElement('strong');
		author.textContent = text('chatFrom', { who });
		if (config.spanish.includes('chatFrom')) author.lang = 'es';
		item.append(author, ` ${message}`);
		chatLog.append(item);
	}

	micButton.addEventListener('click', () => {
		micOn = !micOn;
		for (const track of local.getAudioTracks()) track.enabled = micOn;
		micButton.setAttribute('aria-pressed', String(!micOn));
		say(micOn ? 'micOn' : 'micOff');
	});

	cameraButton.addEventListener('click', () => {
		cameraOn = !cameraOn;
		cameraButton.setAttribute('aria-pressed', String(!cameraOn));
		applyVideo();
		say(cameraOn ? 'cameraOn' : 'cameraOff');
	});

	audioOnlyButton.addEventListener('click', async () => {
		const self = me;
		if (!self) return;
		const response = await api('PATCH', '', self.token, { audioOnly: !state.audioOnly }).catch(
			() => undefined
		);
		if (response?.ok) apply((await response.json()) as CallState, version);
	});

	byId('call-leave')?.addEventListener('click', () => void leave());
	joinButton?.addEventListener('click', () => void join());

	byId<HTMLFormElement>('chat-form')?.addEventListener('submit', (event) => {
		event.preventDefault();
		const message = chatInput.value.trim();
		if (!message) return;
		const sent = [...links.values()].filter((l) => sendTo(l, { kind: 'chat', text: message }));
		if (!sent.length) {
			say('chatUnavailable');
			return;
		}
		addMessage(strings.you, message);
		chatInput.value = '';
	});

	addEventListener('pagehide', () => {
		if (me)
			void api('PATCH', `/participants/${me.id}`, me.token, { left: true }, true).catch(() => {});
	});

	render();
	void watch();
}
