// The camera and microphone check: a page script for a server-rendered page. Nothing leaves
// the device: the preview, the level and the "escucharme" recording stay in this page's memory.
// Every text is in the page; this script shows the ones that apply and copies the news of each
// step into the page's one status line.

const byId = <T extends HTMLElement = HTMLElement>(id: string) =>
	document.getElementById(id) as T | null;
const root = byId('check');
if (root) check();

/** Below this level (0–100) we hear nothing; below the second, too little. */
const SILENT = 4;
const LOW = 12;
const LISTEN_MS = 3000;

function check(): void {
	const status = byId('check-status')!;
	const start = byId<HTMLButtonElement>('check-start')!;
	const steps = byId('check-steps')!;
	const preview = byId<HTMLVideoElement>('check-preview')!;
	const meter = byId<HTMLMeterElement>('check-meter')!;
	const listen = byId<HTMLButtonElement>('check-listen')!;
	const speaker = byId<HTMLButtonElement>('check-speaker')!;
	const question = byId('check-speaker-question')!;

	let stream: MediaStream | undefined;
	let context: AudioContext | undefined;
	let analyser: AnalyserNode | undefined;
	let level = 0;
	let loudest = 0;
	const results: {
		unsupported?: boolean;
		permission?: boolean;
		microphone?: boolean;
		speaker?: boolean;
	} = {};

	/** Shows the result paragraphs of a group that match, and returns the one shown. */
	function show(group: string, which: string): HTMLElement | undefined {
		let shown: HTMLElement | undefined;
		for (const element of document.querySelectorAll<HTMLElement>(`[data-${group}]`)) {
			element.hidden = element.dataset[group] !== which;
			if (!element.hidden) shown = element;
		}
		return shown;
	}

	/** Copies what the person sees of an element (not its hidden parts) into the status line. */
	function announce(element: HTMLElement | undefined | null): void {
		if (element) status.textContent = element.innerText.replace(/\s+/g, ' ').trim();
	}

	function verdict(): void {
		const fixes: string[] = [];
		if (results.unsupported) fixes.push('unsupported');
		else if (results.permission === false) fixes.push('permission');
		else if (results.microphone === false) fixes.push('microphone');
		if (results.speaker === false) fixes.push('speaker');
		for (const item of document.querySelectorAll<HTMLElement>('[data-fix]')) {
			item.hidden = !fixes.includes(item.dataset.fix!);
		}
		const done = results.microphone !== undefined && results.speaker !== undefined;
		const outcome = fixes.length ? 'fix' : done ? 'ready' : 'pending';
		const shown = show('verdict', outcome);
		if (outcome !== 'pending') announce(shown);
	}

	function measure(): void {
		if (!analyser) return;
		const samples = new Float32Array(analyser.fftSize);
		analyser.getFloatTimeDomainData(samples);
		let sum = 0;
		for (const sample of samples) sum += sample * sample;
		// Root mean square, scaled so a normal voice near the phone reads about 30 to 60.
		level = Math.min(100, Math.round(Math.sqrt(sum / samples.length) * 400));
		loudest = Math.max(loudest, level);
		meter.value = level;
		requestAnimationFrame(measure);
	}

	// The words change at most once a second and are not a live region: they never chatter.
	// They follow the loudest moment of the last second, as speech comes and goes.
	let shownLevel = '';
	setInterval(() => {
		if (!analyser) return;
		const heard = loudest < SILENT ? 'silent' : loudest < LOW ? 'low' : 'good';
		loudest = 0;
		if (shownLevel !== heard) {
			shownLevel = heard;
			show('level', heard);
		}
		if (heard === 'good' && results.microphone === undefined) {
			results.microphone = true;
			verdict();
		}
	}, 1000);

	async function begin(): Promise<void> {
		start.disabled = true;
		if (!navigator.mediaDevices?.getUserMedia) {
			results.unsupported = true;
			verdict();
			return;
		}
		try {
			stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
		} catch (error) {
			try {
				stream = await navigator.mediaDevices.getUserMedia({ audio: true });
			} catch {
				const denied = error instanceof DOMException && error.name === 'NotAllowedError';
				if (denied) results.permission = false;
				else results.microphone = false;
				verdict();
				start.disabled = false;
				return;
			}
		}
		steps.hidden = false;
		start.hidden = true;
		const camera = stream.getVideoTracks().length > 0;
		if (camera) preview.srcObject = stream;
		preview.hidden = !camera;
		announce(show('camera', camera ? 'ok' : 'missing'));
		context = new AudioContext();
		analyser = context.createAnalyser();
		analyser.fftSize = 1024;
		context.createMediaStreamSource(stream).connect(analyser);
		measure();
		byId('check-steps-title')?.focus();
	}

	/** Records three seconds, then plays them back: the person hears how they sound. */
	async function listenBack(): Promise<void> {
		if (!stream || !context) return;
		listen.disabled = true;
		announce(show('listen', 'recording'));
		let peak = 0;
		const sampler = setInterval(() => (peak = Math.max(peak, level)), 100);
		const audio = new MediaStream(stream.getAudioTracks());
		const chunks: Blob[] = [];
		const recorder = typeof MediaRecorder === 'undefined' ? undefined : new MediaRecorder(audio);
		if (recorder) {
			recorder.ondataavailable = (event) => chunks.push(event.data);
			recorder.start();
		}
		await new Promise((resolve) => setTimeout(resolve, LISTEN_MS));
		clearInterval(sampler);
		if (recorder) {
			const stopped = new Promise((resolve) => (recorder.onstop = resolve));
			recorder.stop();
			await stopped;
		}
		results.microphone = peak >= SILENT;
		if (!results.microphone) {
			announce(show('listen', 'not-heard'));
		} else {
			announce(show('listen', 'playing'));
			try {
				const recorded = await new Blob(chunks).arrayBuffer();
				const source = context.createBufferSource();
				source.buffer = await context.decodeAudioData(recorded);
				source.connect(context.destination);
				source.start();
				await new Promise((resolve) => (source.onended = resolve));
			} catch {
				// Played back or not, the level already showed that we hear the person.
			}
			show('listen', 'heard');
		}
		listen.disabled = false;
		verdict();
	}

	/** A one-second tone at a comfortable volume; the person says whether they heard it. */
	async function playTone(): Promise<void> {
		const audio = context ?? new AudioContext();
		context = audio;
		await audio.resume();
		const tone = audio.createOscillator();
		const gain = audio.createGain();
		tone.frequency.value = 660;
		gain.gain.value = 0.2;
		tone.connect(gain).connect(audio.destination);
		tone.start();
		tone.stop(audio.currentTime + 1);
		question.hidden = false;
		announce(byId('check-speaker-legend'));
	}

	for (const button of question.querySelectorAll<HTMLButtonElement>('button[data-heard]')) {
		button.addEventListener('click', () => {
			results.speaker = button.dataset.heard === 'yes';
			verdict();
		});
	}
	start.addEventListener('click', () => void begin());
	listen.addEventListener('click', () => void listenBack());
	speaker.addEventListener('click', () => void playTone());
	start.hidden = false;
}
