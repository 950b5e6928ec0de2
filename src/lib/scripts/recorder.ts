// The recording studio's recorder: records from the microphone with MediaRecorder, shows the
// level while recording, lets the official listen back and record again, and puts the take in
// the page's upload form, so "Guardar" sends it as if it were a chosen file. Without this script
// (or MediaRecorder) the form still takes a file recorded elsewhere.
import { enhance } from './enhance';

interface Strings {
	recording: string;
	recorded: string;
	again: string;
	denied: string;
	failed: string;
}

/** What this browser records in, best first: Opus in WebM (Chromium, Firefox), then AAC (Safari). */
const TYPES: [string, string][] = [
	['audio/webm;codecs=opus', 'webm'],
	['audio/ogg;codecs=opus', 'ogg'],
	['audio/mp4', 'm4a']
];

const clockOf = (seconds: number) =>
	`${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

enhance<HTMLElement>('[data-recorder]', (root) => {
	const input = document.querySelector<HTMLInputElement>('#field-audio');
	const record = root.querySelector<HTMLButtonElement>('[data-record]');
	const stop = root.querySelector<HTMLButtonElement>('[data-stop]');
	const meter = root.querySelector<HTMLMeterElement>('meter');
	const elapsed = root.querySelector<HTMLElement>('[data-elapsed]');
	const preview = root.querySelector<HTMLAudioElement>('[data-preview]');
	const listen = root.querySelector<HTMLElement>('[data-listen]');
	const status = root.querySelector<HTMLElement>('[data-status]');
	if (!input || !record || !stop || !meter || !elapsed || !preview || !listen || !status) return;
	if (!('MediaRecorder' in window) || !navigator.mediaDevices?.getUserMedia) return;
	const said = JSON.parse(root.dataset.said!) as Strings;
	const [type, extension] = TYPES.find(([candidate]) =>
		MediaRecorder.isTypeSupported(candidate)
	) ?? ['', 'webm'];
	root.hidden = false;

	let recorder: MediaRecorder | undefined;
	let context: AudioContext | undefined;
	let frame = 0;
	let previewUrl = '';

	function level(analyser: AnalyserNode, started: number) {
		const samples = new Float32Array(analyser.fftSize);
		const draw = () => {
			analyser.getFloatTimeDomainData(samples);
			let sum = 0;
			for (const sample of samples) sum += sample * sample;
			// Speech sits around 0.05–0.3 RMS: scaled so a normal voice fills most of the meter.
			meter!.value = Math.min(1, Math.sqrt(sum / samples.length) * 4);
			elapsed!.textContent = clockOf((performance.now() - started) / 1000);
			frame = requestAnimationFrame(draw);
		};
		draw();
	}

	record.addEventListener('click', async () => {
		let stream: MediaStream;
		try {
			stream = await navigator.mediaDevices.getUserMedia({
				audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 }
			});
		} catch {
			status.textContent = said.denied;
			return;
		}
		const chunks: Blob[] = [];
		const started = performance.now();
		recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
		recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
		recorder.addEventListener('stop', () => {
			cancelAnimationFrame(frame);
			meter.value = 0;
			for (const track of stream.getTracks()) track.stop();
			void context?.close();
			const seconds = Math.round((performance.now() - started) / 1000);
			const blob = new Blob(chunks, { type: recorder?.mimeType || type || 'audio/webm' });
			if (!blob.size) {
				status.textContent = said.failed;
				return;
			}
			const files = new DataTransfer();
			files.items.add(new File([blob], `grabacion.${extension}`, { type: blob.type }));
			input.files = files.files;
			if (previewUrl) URL.revokeObjectURL(previewUrl);
			previewUrl = URL.createObjectURL(blob);
			preview.src = previewUrl;
			preview.hidden = false;
			listen.hidden = false;
			record.textContent = said.again;
			record.hidden = false;
			stop.hidden = true;
			status.textContent = said.recorded.replace('{{seconds}}', String(seconds));
			preview.focus();
		});
		context = new AudioContext();
		const analyser = context.createAnalyser();
		analyser.fftSize = 2048;
		context.createMediaStreamSource(stream).connect(analyser);
		level(analyser, started);
		recorder.start(1000);
		record.hidden = true;
		stop.hidden = false;
		preview.hidden = true;
		listen.hidden = true;
		status.textContent = said.recording;
		stop.focus();
	});

	stop.addEventListener('click', () => {
		if (recorder?.state === 'recording') recorder.stop();
	});
});
