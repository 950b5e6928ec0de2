import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';
import { axeViolations, expect, test } from './fixtures';
import { anotherBrowser, REVIEWER, signInWith, TRANSLATOR } from './studio-support';

// An official records a journey step with Chromium's fake microphone (a tone, never a voice: no
// Wayuunaiki is invented), a second official approves it, and the public page plays it first.
test.use({
	launchOptions: {
		executablePath: CHROMIUM_PATH,
		args: [
			...CHROMIUM_ARGS,
			'--use-fake-device-for-media-stream',
			'--use-fake-ui-for-media-stream',
			'--autoplay-policy=no-user-gesture-required'
		]
	}
});

test('a translator records a step with the microphone, a reviewer approves it, and /guc plays it first', async ({
	page,
	browser,
	baseURL,
	request
}) => {
	// Each browser's first connection is slow in some sandboxes: room for three.
	test.slow();
	await signInWith(page, TRANSLATOR, ['translator']);
	await page.goto('/staff/grabaciones/citas.inicio?idioma=guc');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pedir una cita virtual');
	await page.getByRole('button', { name: 'Grabar', exact: true }).click();
	await expect(page.locator('[data-status]')).toHaveText('Grabando. Pulse «Detener» al terminar.');
	await expect(page.getByRole('button', { name: 'Detener' })).toBeFocused();
	// The level follows the (fake) microphone.
	await expect
		.poll(() => page.getByLabel('Nivel del micrófono').evaluate((m: HTMLMeterElement) => m.value))
		.toBeGreaterThan(0);
	await expect(page.locator('[data-elapsed]')).toHaveText('0:02', { timeout: 10_000 });
	await page.getByRole('button', { name: 'Detener' }).click();
	await expect(page.locator('[data-status]')).toContainText('Escúchela y, si está bien');
	await expect(page.locator('audio[data-preview]')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Grabar de nuevo' })).toBeVisible();
	expect(
		await page
			.getByLabel('Archivo de audio')
			.evaluate((input: HTMLInputElement) => input.files?.length)
	).toBe(1);
	expect(await axeViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Guardar la grabación para revisión' }).click();
	await expect(page.getByRole('status').first()).toHaveText(
		'Guardamos la grabación. Otra persona debe revisarla.'
	);
	await expect(page.getByText('Usted hizo esta grabación')).toBeVisible();

	// Not public before review.
	const before = await (await request.get('/guc/citas')).text();
	expect(before).not.toContain('/audio/grabaciones/');

	const reviewer = await anotherBrowser(browser, baseURL);
	await signInWith(reviewer, REVIEWER, ['reviewer']);
	await reviewer.goto('/staff/grabaciones/citas.inicio?idioma=guc');
	const waiting = reviewer.locator('figure.take').last().locator('audio');
	await expect(waiting.locator('source').first()).toHaveAttribute(
		'src',
		/^\/staff\/grabaciones\/audio\//
	);
	await reviewer.getByRole('button', { name: 'Aprobar y publicar la grabación' }).click();
	await expect(reviewer.getByRole('status').first()).toHaveText(
		'Aprobada: ya suena en la página y en el paquete de audios.'
	);

	// The public page plays it first, large; both formats are served with their types.
	const citizen = await anotherBrowser(browser, baseURL);
	await citizen.goto('/guc/citas');
	const player = citizen.locator('details.audio.first');
	await expect(player).toBeVisible();
	const heading = citizen.getByRole('heading', { level: 1 });
	expect(
		await heading.evaluate(
			(h1, figure) =>
				Boolean(h1.compareDocumentPosition(figure!) & Node.DOCUMENT_POSITION_FOLLOWING),
			await player.elementHandle()
		)
	).toBe(true);
	const audio = player.locator('audio');
	await audio.evaluate(async (element: HTMLAudioElement) => {
		element.preload = 'auto';
		await element.play();
	});
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime))
		.toBeGreaterThan(0);
	expect(await audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(0);
	const sources = await audio
		.locator('source')
		.evaluateAll((all) =>
			all.map((source) => [source.getAttribute('src')!, source.getAttribute('type')!])
		);
	expect(sources.map(([, type]) => type)).toEqual(['audio/ogg; codecs=opus', 'audio/mpeg']);
	for (const [src, type] of sources) {
		const file = await request.get(src!);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-type']).toBe(type);
	}
	// It joins the offline audio pack, and the coverage counts its minutes.
	await citizen.goto('/guc/audios');
	await expect(citizen.locator('[data-files]')).toHaveAttribute(
		'data-files',
		new RegExp(sources[0]![0]!)
	);
	const languages = await (await request.get('/api/v1/languages')).json();
	expect(
		languages.languages.find((language: { code: string }) => language.code === 'guc')
			.recordedMinutes
	).toBeGreaterThan(0);
});
