// `npm run bench:call` (also the last part of `npm run bench`): the call room on loopback. Starts
// the built app in test mode (to book a call and set the clock), then measures in Chromium with a
// fake camera and microphone: the call page's bytes (compressed, as on the wire) and the time
// from pressing "Entrar a la videollamada" to the first frame of the other side's video.
// Merges its figures into bench/results.json under `call`.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.js';
import { pageWeight } from './page-weight.js';

const PORT = Number(process.env.BENCH_PORT ?? 4990);
const BASE = `http://localhost:${PORT}`;
const RUNS = Number(process.env.BENCH_CALL_RUNS ?? 5);
const PASSWORD = 'una frase larga de prueba';

function log(message) {
	console.log(`[bench:call] ${message}`);
}

async function post(path, body) {
	const response = await fetch(`${BASE}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
	return response.status === 204 ? undefined : response.json();
}

async function startApp() {
	const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-call-'));
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: BASE,
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			SMTP_HOST: '',
			VENTANILLA_TEST_MODE: '1'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 240; i++) {
		if (
			await fetch(`${BASE}/api/v1/health`).then(
				(r) => r.ok,
				() => false
			)
		)
			break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { child, dataDir };
}

async function stopApp(app) {
	if (app.child.exitCode === null) {
		const exited = new Promise((resolve) => app.child.once('exit', resolve));
		app.child.kill('SIGTERM');
		await exited;
	}
	rmSync(app.dataDir, { recursive: true, force: true });
}

/** A 9:00 appointment on a fresh day each run, the clock set to 8:58 of that day. */
async function bookCall(run) {
	const day = new Date(Date.UTC(2030, 1, 4 + 7 * run)).toISOString().slice(0, 10);
	await post('/__test__/reset');
	await post('/__test__/clock', { now: `${day}T07:00:00-05:00` });
	const start = new Date(Date.parse(`${day}T09:00:00-05:00`) + 86_400_000);
	const startText = `${start.toISOString().slice(0, 10)}T09:00:00-05:00`;
	const booked = await post('/api/v1/appointments', {
		topic: 'informacion-general',
		start: startText,
		consent: true,
		name: 'Persona de prueba',
		documentType: 'CC',
		documentNumber: `9${run}000${Date.now() % 100000}`,
		// A phone instead of an email: the booking is kept at once (one with an email waits for its
		// emailed confirmation, and a hold opens no call).
		phone: `+57 300 123 45${10 + run}`,
		callLanguage: 'es',
		accessibilityNeeds: '',
		preferential: []
	});
	const read = await fetch(`${BASE}/api/v1/appointments/${booked.reference}`, {
		headers: { authorization: `Bearer ${booked.manageToken}` }
	}).then((r) => r.json());
	await post('/__test__/clock', { now: startText.replace('T09:00', 'T08:58') });
	await post('/__test__/staff', { email: 'bench@example.org', role: 'agent', password: PASSWORD });
	return { reference: booked.reference, videoUrl: read.videoUrl };
}

/** The official waits in the room; the citizen presses "Entrar": ms until their first remote frame. */
async function enterToFirstFrame(browser, run) {
	const { reference, videoUrl } = await bookCall(run);
	const official = await browser.newContext({ baseURL: BASE });
	const citizen = await browser.newContext({ baseURL: BASE });
	try {
		const staffPage = await official.newPage();
		const signedIn = await staffPage.request.post('/api/v1/staff/session', {
			data: { email: 'bench@example.org', password: PASSWORD }
		});
		if (!signedIn.ok()) throw new Error(`sign-in: ${signedIn.status()}`);
		await staffPage.goto(`/staff/sala/${reference}`);
		await staffPage.getByRole('button', { name: 'Entrar a la videollamada' }).click();
		await staffPage.locator('#call-live').waitFor();
		const page = await citizen.newPage();
		await page.goto(videoUrl);
		const button = page.getByRole('button', { name: 'Entrar a la videollamada' });
		await button.waitFor();
		// Timed in the page itself: from the press to the first frame the video element presents.
		return await page.evaluate(
			() =>
				new Promise((resolve, reject) => {
					const videos = document.getElementById('call-videos');
					const started = performance.now();
					const timer = setTimeout(() => reject(new Error('no remote frame in 30 s')), 30_000);
					new MutationObserver((_, observer) => {
						const video = videos.querySelector('figure.remote video');
						if (!video) return;
						observer.disconnect();
						video.requestVideoFrameCallback(() => {
							clearTimeout(timer);
							resolve(Math.round(performance.now() - started));
						});
					}).observe(videos, { childList: true });
					document.getElementById('call-join').click();
				})
		);
	} finally {
		await official.close();
		await citizen.close();
	}
}

export async function measureCall() {
	const app = await startApp();
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
	});
	try {
		const { videoUrl } = await bookCall(0);
		// Not "networkidle": the room's script keeps one request open, waiting for news.
		const options = { waitUntil: 'load', ignore: ['Fetch', 'XHR'] };
		const page = await pageWeight(browser, videoUrl, options);
		log(`call page: ${page.total} B (js ${page.js})`);
		const times = [];
		for (let run = 0; run < RUNS; run++) {
			times.push(await enterToFirstFrame(browser, run));
			log(`run ${run + 1}: ${times.at(-1)} ms from "Entrar" to the first remote frame`);
		}
		const sorted = [...times].sort((a, b) => a - b);
		return {
			page,
			enterToFirstFrameMs: {
				runs: times,
				median: sorted[Math.floor(sorted.length / 2)],
				max: sorted.at(-1)
			}
		};
	} finally {
		await browser.close();
		await stopApp(app);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const call = await measureCall();
	const file = 'bench/results.json';
	const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
	results.call = call;
	writeFileSync(file, JSON.stringify(results, null, '\t') + '\n');
	log(`median ${call.enterToFirstFrameMs.median} ms; wrote bench/results.json (call)`);
}
