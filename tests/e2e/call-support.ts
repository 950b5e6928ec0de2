// Shared steps of the call-room journeys: fake camera and microphone, a booked appointment, and
// what a test may read of a page's WebRTC connections (never a hook in the app itself).
import type {
	APIRequestContext,
	Browser,
	BrowserContext,
	BrowserContextOptions,
	Page
} from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';
import { confirmationKey, expect, setClock } from './fixtures';

/** Chromium with a fake camera (a moving pattern) and microphone (a beep), no permission prompt. */
export const MEDIA_LAUNCH = {
	executablePath: CHROMIUM_PATH,
	args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
};

// Booked on Monday 4 February 2030 at 07:00 (Bogotá) for Tuesday at 09:00.
export const BOOKING_TIME = '2030-02-04T07:00:00-05:00';
export const START = '2030-02-05T09:00:00-05:00';
export const DAY = '2030-02-05';
export const at = (time: string) => `${DAY}T${time}-05:00`;

export interface Booked {
	reference: string;
	manageToken: string;
	/** The citizen's link to the room, as the API gives it. */
	videoUrl: string;
}

/**
 * Books the 9:00 appointment through the API, confirms it through the emailed link as the citizen
 * would (`confirm: false` leaves it waiting, and it gives no call), and reads the citizen's room link back.
 * Instances started by a test send no email: there, book with `{ email: undefined }` (a phone
 * only, booked at once).
 */
export async function bookCall(
	request: APIRequestContext,
	overrides: Record<string, unknown> = {},
	options: { confirm?: boolean } = {}
): Promise<Booked> {
	await setClock(request, BOOKING_TIME);
	const booked = await request.post('/api/v1/appointments', {
		data: {
			topic: 'informacion-general',
			start: START,
			consent: true,
			name: 'Ana María Epieyú',
			documentType: 'CC',
			documentNumber: `40${Math.floor(Math.random() * 1e8)}`,
			email: 'ana@example.com',
			phone: '+57 300 123 4567',
			callLanguage: 'es',
			accessibilityNeeds: '',
			preferential: [],
			...overrides
		}
	});
	expect(booked.status()).toBe(201);
	const { reference, manageToken, status } = await booked.json();
	if (status === 'held' && options.confirm !== false) {
		const confirmed = await request.post(`/api/v1/appointments/${reference}/confirmation`, {
			data: { token: await confirmationKey('ana@example.com', reference) }
		});
		expect(confirmed.status()).toBe(200);
	}
	const read = await request.get(`/api/v1/appointments/${reference}`, {
		headers: { authorization: `Bearer ${manageToken}` }
	});
	expect(read.status()).toBe(200);
	return { reference, manageToken, videoUrl: (await read.json()).videoUrl };
}

/**
 * Lets the test read the page's peer connections: every RTCPeerConnection the page makes is kept
 * in a list the test can query with getStats(). Installed before any of the page's scripts run.
 */
export async function watchPeers(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const Native = window.RTCPeerConnection;
		const peers: RTCPeerConnection[] = [];
		Object.assign(window, { __peers: peers });
		window.RTCPeerConnection = class extends Native {
			constructor(configuration?: RTCConfiguration) {
				super(configuration);
				peers.push(this);
			}
		} as typeof RTCPeerConnection;
	});
}

/**
 * One page per side of a call, each in its own browser context (its own cookies, camera and
 * microphone) with its connections readable by the test; `close` ends them all.
 */
export async function openSides(browser: Browser, sides: BrowserContextOptions[]) {
	const contexts = await Promise.all(sides.map((options) => browser.newContext(options)));
	for (const context of contexts) await watchPeers(context);
	const pages = await Promise.all(contexts.map((context) => context.newPage()));
	return {
		pages,
		close: () => Promise.all(contexts.map((context) => context.close()))
	};
}

/** Bytes received so far over the page's open connections, per kind, and the relay use. */
export async function inbound(page: Page) {
	return page.evaluate(async () => {
		const peers = (window as unknown as { __peers: RTCPeerConnection[] }).__peers;
		const totals = { audio: 0, video: 0, relay: false, policies: [] as string[] };
		for (const peer of peers) {
			if (peer.connectionState === 'closed') continue;
			totals.policies.push(peer.getConfiguration().iceTransportPolicy ?? 'all');
			const stats = await peer.getStats();
			const candidates = new Map<string, string>();
			stats.forEach((report) => {
				if (report.type === 'local-candidate') candidates.set(report.id, report.candidateType);
			});
			stats.forEach((report) => {
				if (report.type === 'inbound-rtp' && (report.kind === 'audio' || report.kind === 'video')) {
					totals[report.kind as 'audio' | 'video'] += report.bytesReceived ?? 0;
				}
				if (report.type === 'candidate-pair' && report.nominated && report.state === 'succeeded') {
					if (candidates.get(report.localCandidateId) === 'relay') totals.relay = true;
				}
			});
		}
		return totals;
	});
}

/** Waits until the page's remote video shows moving images and its audio and video bytes grow. */
export async function expectMediaFlowing(page: Page, timeout = 20_000): Promise<void> {
	const video = page.locator('#call-videos figure.remote video').first();
	await expect(video).toBeVisible({ timeout });
	await expect
		.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout })
		.toBeGreaterThan(0);
	const first = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
	await expect
		.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout })
		.toBeGreaterThan(first);
	const before = await inbound(page);
	await expect
		.poll(
			async () => {
				const now = await inbound(page);
				return now.audio > before.audio && now.video > before.video;
			},
			{ timeout }
		)
		.toBe(true);
}

/** The room pass the page hands its script (to call the API as the page would). */
export async function roomPass(page: Page): Promise<string> {
	return page.evaluate(
		() => JSON.parse(document.getElementById('call')!.dataset.call ?? '{}').pass as string
	);
}

/** Both sides in the call, media flowing: the citizen from the link, the official from the console. */
export async function bothInCall(citizen: Page, official: Page, booked: Booked): Promise<void> {
	await citizen.goto(booked.videoUrl);
	await citizen.getByRole('button', { name: 'Entrar a la videollamada' }).click();
	await expect(citizen.locator('#call-live')).toBeVisible();
	await official.goto(`/staff/sala/${booked.reference}`);
	await official.getByRole('button', { name: 'Entrar a la videollamada' }).click();
	await expectMediaFlowing(citizen);
	await expectMediaFlowing(official);
}

/** Figures the call journeys measured, for the report (test-results/calls.json). */
export function recordFigure(name: string, value: number): void {
	mkdirSync('test-results', { recursive: true });
	const file = 'test-results/calls.json';
	const figures = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
	figures[name] = value;
	writeFileSync(file, `${JSON.stringify(figures, null, '\t')}\n`);
}
