import { axeViolations, expect, tabTo, test } from './fixtures';
import manifest from '../../src/lib/audio/manifest.json' with { type: 'json' };

const spanish = manifest.entries.filter((entry) => entry.lang === 'es');

test('every charter section offers its audio, labelled with its length before it plays', async ({
	page
}) => {
	await page.goto('/es/carta-de-trato-digno');
	const players = page.locator('details.audio', {
		has: page.locator('summary', { hasText: /^Escuchar esta sección \((\d+ min )?\d+ s\)\./ })
	});
	await expect(players).toHaveCount(5);
	const audio = players.first().locator('audio');
	await expect(audio).toHaveAttribute('controls', '');
	await expect(audio).toHaveAttribute('preload', 'none');
	await expect(audio).not.toHaveAttribute('autoplay');
	expect(await audio.evaluate((element: HTMLAudioElement) => element.paused)).toBe(true);
});

test('plays and pauses a service audio with the keyboard only', async ({ page }) => {
	await page.goto('/es/servicios/subsidio-de-gas-en-cilindro');
	const audio = page.locator('details.audio audio');
	// The closed player is one tab stop; Enter opens it and the next stop is the audio itself.
	await tabTo(page, page.locator('details.audio summary'));
	await page.keyboard.press('Enter');
	let reached = false;
	for (let presses = 0; presses < 5 && !reached; presses++) {
		await page.keyboard.press('Tab');
		reached = await audio.evaluate((element) => element.matches(':focus-within, :focus'));
	}
	expect(reached).toBe(true);
	await page.keyboard.press('Space');
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.paused))
		.toBe(false);
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime))
		.toBeGreaterThan(0);
	await page.keyboard.press('Space');
	await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.paused)).toBe(true);
	// Speed changes keep the voice's pitch (Chromium's controls offer 0.25× to 2×).
	expect(await audio.evaluate((element: HTMLAudioElement) => element.preservesPitch)).toBe(true);
});

test('a service page with its audio player has no axe violations', async ({ page }) => {
	await page.goto('/es/servicios/subsidio-de-gas-en-cilindro');
	await expect(page.locator('details.audio summary')).toHaveText(/Escuchar este servicio/);
	expect(await axeViolations(page)).toEqual([]);
});

test('a Wayuunaiki page says the audio is in Spanish and marks it so', async ({ page }) => {
	await page.goto('/guc/radicado');
	const player = page.locator('details.audio', { hasText: /Escuchar estas instrucciones/ });
	await expect(player).toContainText('El audio está en español.');
	await expect(player.locator('audio')).toHaveAttribute('lang', 'es');
});

test('every audio file in the manifest is served with its size and type', async ({ request }) => {
	for (const entry of spanish) {
		for (const file of entry.files) {
			const response = await request.get(file.url);
			expect(response.status(), file.url).toBe(200);
			expect(response.headers()['content-type']).toContain(
				file.format === 'opus' ? 'audio/ogg' : 'audio/mpeg'
			);
			expect((await response.body()).length).toBe(file.bytes);
		}
	}
});

test('downloads every audio for offline listening and says how much it took', async ({ page }) => {
	await page.goto('/es/audios');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Audios para escuchar sin conexión'
	);
	const button = page.getByRole('button', {
		name: /Descargar audios para escuchar sin conexión \(.+ MB\)/
	});
	await button.click();
	await expect(page.getByTestId('audio-status')).toHaveText(
		new RegExp(`^Listo. Guardamos ${spanish.length} audios \\(.+\\)`)
	);
	const kept = await page.evaluate(async () => (await (await caches.open('audio')).keys()).length);
	expect(kept).toBe(spanish.length);
});

test('without JavaScript the audio page still lists every file to download', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/es/audios');
	await expect(page.getByRole('link', { name: /^Descargar el audio \(MP3, .+\)$/ })).toHaveCount(
		spanish.length
	);
	await expect(page.getByRole('button')).toHaveCount(0);
	await context.close();
});
