import type { BrowserContext, Page } from '@playwright/test';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, axeViolations, expect, test } from './fixtures';
import { deploymentProxy, openControlled } from './offline-support';
import { precachedPages } from '../../src/lib/offline/precache-pages';

// These journeys need the service worker that every other journey blocks.
test.use({ serviceWorkers: 'allow' });

interface ManifestIcon {
	src: string;
	sizes: string;
	type?: string;
	purpose?: string;
}

/** Width and height of a PNG, read from its header. */
function pngSize(body: Buffer): { width: number; height: number } {
	return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

/** A petition draft kept on the device, written as the form does offline (drafts.save). */
async function keepDraftOnDevice(page: Page, body: Record<string, string>): Promise<void> {
	await page.evaluate(
		(body) =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('ventanilla', 1);
				request.onupgradeneeded = () => {
					request.result.createObjectStore('drafts', { keyPath: 'key' });
					request.result.createObjectStore('records', { keyPath: 'id' });
				};
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const transaction = request.result.transaction('drafts', 'readwrite');
					transaction.objectStore('drafts').put({
						key: crypto.randomUUID(),
						kind: 'pqrsd',
						lang: 'es',
						body,
						savedAt: new Date().toISOString(),
						attempts: 0,
						state: 'pending'
					});
					transaction.oncomplete = () => resolve(request.result.close());
				};
			}),
		body
	);
}

async function goOffline(context: BrowserContext): Promise<void> {
	await context.setOffline(true);
}

for (const lang of LOCALES) {
	test(`the app can be installed from a ${lang} page`, async ({ page, context }) => {
		await openControlled(page, `/${lang}`);

		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBe(`/${lang}/manifest.webmanifest`);
		const response = await page.request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('application/manifest+json');
		const manifest = await response.json();

		// What Lighthouse's installability audit and Chromium ask of a manifest.
		expect(manifest.name).toBeTruthy();
		expect(manifest.short_name).toBeTruthy();
		expect(manifest.display).toBe('standalone');
		expect(manifest.start_url).toBe(`/${lang}`);
		expect(manifest.start_url.startsWith(manifest.scope)).toBe(true);
		expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
		expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
		expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toEqual([
			`/${lang}/citas`,
			`/${lang}/radicado`
		]);
		const icons: ManifestIcon[] = manifest.icons;
		for (const [size, purpose] of [
			[192, 'any'],
			[512, 'any'],
			[512, 'maskable']
		] as const) {
			const icon = icons.find((i) => i.sizes === `${size}x${size}` && i.purpose === purpose);
			expect(icon, `${size} ${purpose}`).toBeDefined();
			const image = await page.request.get(icon!.src);
			expect(image.headers()['content-type']).toBe('image/png');
			expect(pngSize(await image.body())).toEqual({ width: size, height: size });
		}

		// Chromium's own verdict, the one behind its install button.
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		// Playwright's browser contexts are private windows, where Chromium never offers to install.
		const errors = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
		expect(errors).toEqual([]);
		const parsed = await cdp.send('Page.getAppManifest');
		expect(parsed.errors).toEqual([]);
	});
}

test('reloads every page kept on the device without a network', async ({ page, context }) => {
	// Some 40 pages, each loaded and reloaded.
	test.slow();
	await openControlled(page, '/es');
	await goOffline(context);
	for (const lang of LOCALES) {
		for (const path of precachedPages(lang).filter((p) => !p.endsWith('.webmanifest'))) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			await page.reload();
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.locator('main h1'), path).toHaveCount(1);
			await expect(page.locator('main h1'), path).toBeVisible();
		}
	}
});

for (const lang of LOCALES) {
	test(`a page that needs the network says so offline in ${lang}`, async ({ page, context }) => {
		await openControlled(page, `/${lang}`);
		await goOffline(context);
		for (const path of ['citas', 'radicado']) {
			await page.goto(`/${lang}/${path}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'No hay conexión a internet'
			);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
		}
		await expect(page.getByText('Esta página necesita internet.')).toBeVisible();
		await page.getByRole('link', { name: 'Carta de trato digno' }).first().click();
		await expect(page).toHaveURL(new RegExp(`/${lang}/carta-de-trato-digno$`));
		await expect(page.locator('main h1')).toBeVisible();
	});
}

test('shows the update prompt after a new deployment', async ({ page, baseURL }) => {
	const front = await deploymentProxy(baseURL!);
	try {
		await openControlled(page, `${front.url}/es/servicios`);
		const prompt = page.locator('[data-app-update-prompt]');
		await expect(prompt).toBeHidden();
		await page.evaluate(() => ((window as unknown as { unchanged: boolean }).unchanged = true));

		front.deploy();
		// What the browser does by itself on a later visit or after a day: look for a new version.
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

		await expect(prompt).toBeVisible({ timeout: 15_000 });
		await expect(prompt.getByRole('button', { name: 'Actualizar' })).toBeVisible();
		// The page was not reloaded behind the person's back.
		expect(
			await page.evaluate(() => (window as unknown as { unchanged?: boolean }).unchanged)
		).toBe(true);

		const reloaded = page.waitForEvent('load');
		await prompt.getByRole('button', { name: 'Actualizar' }).click();
		await reloaded;
		expect(
			await page.evaluate(() => (window as unknown as { unchanged?: boolean }).unchanged)
		).toBe(undefined);
		await expect(page.locator('main h1')).toBeVisible();
		await expect(prompt).toBeHidden();
		const waiting = await page.evaluate(
			async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null
		);
		expect(waiting).toBeNull();
	} finally {
		await front.close();
	}
});

test('what the device keeps for each language fits a prepaid phone', async ({ page }) => {
	await openControlled(page, '/es');
	const stored = await page.evaluate(async () => {
		const name = (await caches.keys()).find((key) => key.startsWith('workbox-precache'));
		const cache = await caches.open(name!);
		const sizes: Record<string, { raw: number; gzip: number }> = {};
		for (const request of await cache.keys()) {
			const blob = await (await cache.match(request))!.blob();
			// What a server compressing with gzip sends over the network.
			const gzipped = new Response(blob.stream().pipeThrough(new CompressionStream('gzip')));
			sizes[new URL(request.url).pathname] = {
				raw: blob.size,
				gzip: (await gzipped.blob()).size
			};
		}
		return sizes;
	});

	const sum = (paths: string[], how: 'raw' | 'gzip' = 'raw') =>
		paths.reduce((total, path) => total + stored[path]![how], 0);
	const shared = Object.keys(stored).filter(
		(path) => !LOCALES.some((l) => path === `/${l}` || path.startsWith(`/${l}/`))
	);
	// What crosses the network: static files go out Brotli-compressed (adapter-node precompresses them).
	const brotli = (path: string) => {
		const file = join('build/client', path);
		return existsSync(`${file}.br`) ? statSync(`${file}.br`).size : stored[path]!.raw;
	};
	const report: Record<string, number> = {
		shared: sum(shared),
		'shared gzip': sum(shared, 'gzip'),
		'shared transferred': shared.reduce((total, path) => total + brotli(path), 0)
	};
	for (const lang of LOCALES) {
		const pages = precachedPages(lang);
		for (const path of pages) expect(stored[path]?.raw, path).toBeGreaterThan(0);
		report[`${lang} pages`] = sum(pages);
		report[`${lang} pages gzip`] = sum(pages, 'gzip');
		report[`${lang} total`] = report.shared! + report[`${lang} pages`]!;
		report[`${lang} total gzip`] = report['shared gzip']! + report[`${lang} pages gzip`]!;
		// About one minute of a slow 3G connection as stored; what crosses the network stays under 300 KB.
		expect(report[`${lang} total`]).toBeLessThan(1_000_000);
		expect(report[`${lang} total gzip`]).toBeLessThan(300_000);
	}
	console.log(`Precache, bytes as stored on the device: ${JSON.stringify(report)}`);
	await test.info().attach('precache-size.json', {
		body: JSON.stringify({ report, stored }, null, 2),
		contentType: 'application/json'
	});
});

test('a petition written offline is filed exactly once when the network returns, even when the first answer is lost', async ({
	page,
	context,
	baseURL
}) => {
	// A radicados endpoint that honours Idempotency-Key. While `losing`, it files the request and
	// the connection drops before the answer arrives, as on a weak signal (Chromium may even retry).
	const filed = new Map<string, string>();
	const keys: string[] = [];
	let losing = true;
	const front = await deploymentProxy(baseURL!, {
		own: (incoming, outgoing) => {
			if (incoming.method !== 'POST' || incoming.url !== '/api/v1/radicados') return false;
			const key = String(incoming.headers['idempotency-key']);
			keys.push(key);
			incoming.resume();
			incoming.on('end', () => {
				if (!filed.has(key)) filed.set(key, `1-2026-${String(filed.size + 1).padStart(6, '0')}`);
				if (losing) return outgoing.socket?.destroy();
				outgoing.writeHead(201, { 'content-type': 'application/json' });
				outgoing.end(JSON.stringify({ number: filed.get(key), securityCode: 'K7M2Q9XA' }));
			});
			return true;
		}
	});
	try {
		await openControlled(page, `${front.url}/es`);
		await goOffline(context);
		await keepDraftOnDevice(page, { type: 'peticion', subject: 'Subsidio de gas' });
		const drafts = () =>
			page.evaluate(
				() =>
					new Promise<{ state: string; attempts: number; answer?: { number: string } }[]>(
						(resolve) => {
							const request = indexedDB.open('ventanilla', 1);
							request.onsuccess = () => {
								const all = request.result.transaction('drafts').objectStore('drafts').getAll();
								all.onsuccess = () => resolve(all.result);
							};
						}
					)
			);
		expect(await drafts()).toEqual([expect.objectContaining({ state: 'pending' })]);

		// The network returns: the draft is sent, filed, and the answer is lost on the way.
		await context.setOffline(false);
		await expect.poll(async () => (await drafts())[0]?.attempts).toBe(1);
		expect((await drafts())[0]?.state).toBe('pending');
		losing = false;

		// The next visit sends it again with the same key: the server replays the first answer.
		await page.reload();
		await expect.poll(async () => (await drafts())[0]?.state).toBe('sent');
		expect((await drafts())[0]?.answer?.number).toBe('1-2026-000001');
		expect(keys.length).toBeGreaterThanOrEqual(2);
		expect(new Set(keys).size).toBe(1);
		expect(filed.size).toBe(1);
	} finally {
		await front.close();
	}
});

test('"Mis trámites" shows what this phone keeps, offline, and forgets it with one button', async ({
	page,
	context
}) => {
	await openControlled(page, '/es/mis-tramites');
	await expect(page.getByText('No hay nada guardado en este teléfono.')).toBeVisible();
	// What the look-up (with consent) and an offline PQRSD draft will keep, in the device's format.
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('ventanilla', 1);
				request.onupgradeneeded = () => {
					request.result.createObjectStore('drafts', { keyPath: 'key' });
					request.result.createObjectStore('records', { keyPath: 'id' });
				};
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const transaction = request.result.transaction(['drafts', 'records'], 'readwrite');
					transaction.objectStore('records').put({
						id: 'radicado:1-2026-000123',
						kind: 'radicado',
						reference: '1-2026-000123',
						lang: 'es',
						savedAt: '2026-02-05T13:00:00.000Z',
						summary: { state: 'En trámite' }
					});
					transaction.objectStore('drafts').put({
						key: crypto.randomUUID(),
						kind: 'pqrsd',
						lang: 'es',
						body: { type: 'queja' },
						savedAt: '2026-02-05T14:00:00.000Z',
						attempts: 0,
						state: 'pending'
					});
					transaction.oncomplete = () => resolve(request.result.close());
				};
			})
	);

	await goOffline(context);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mis trámites en este teléfono');
	await expect(page.getByText('Radicado 1-2026-000123')).toBeVisible();
	await expect(page.getByText('En trámite')).toBeVisible();
	await expect(page.getByText('Pendiente de envío.')).toBeVisible();

	await page.getByRole('button', { name: 'Borrar todo lo guardado en este teléfono' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Se borró todo' })).toBeVisible();
	await expect(page.getByText('No hay nada guardado en este teléfono.')).toBeVisible();
	await expect(page.getByText('Radicado 1-2026-000123')).toBeHidden();
});

test('a draft is sent by Background Sync even with no page open', async ({
	page,
	context,
	baseURL
}) => {
	const keys: string[] = [];
	const front = await deploymentProxy(baseURL!, {
		own: (incoming, outgoing) => {
			if (incoming.method !== 'POST' || incoming.url !== '/api/v1/radicados') return false;
			keys.push(String(incoming.headers['idempotency-key']));
			incoming.resume();
			incoming.on('end', () => {
				outgoing.writeHead(201, { 'content-type': 'application/json' });
				outgoing.end(JSON.stringify({ number: '1-2026-000042', securityCode: 'K7M2Q9XA' }));
			});
			return true;
		}
	});
	try {
		await openControlled(page, `${front.url}/es`);
		const cdp = await context.newCDPSession(page);
		const registrationId = new Promise<string>((resolve) =>
			cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
				const found = registrations.find((r) => r.scopeURL.startsWith(front.url));
				if (found) resolve(found.registrationId);
			})
		);
		await cdp.send('ServiceWorker.enable');
		await keepDraftOnDevice(page, { type: 'sugerencia' });
		await page.goto('about:blank');

		// What the browser does when the network returns after a sync was registered.
		await cdp.send('ServiceWorker.dispatchSyncEvent', {
			origin: front.url,
			registrationId: await registrationId,
			tag: 'send-drafts',
			lastChance: false
		});
		await expect.poll(() => keys.length).toBe(1);

		await page.goto(`${front.url}/es/mis-tramites`);
		await expect(page.getByText('Número de radicado: 1-2026-000042')).toBeVisible();
		expect(keys).toHaveLength(1);
	} finally {
		await front.close();
	}
});

test('searches the services kept on the phone offline, misspellings forgiven', async ({
	page,
	context
}) => {
	await openControlled(page, '/es');
	await goOffline(context);
	await page.goto('/es/servicios?q=enerjia');
	const status = page.getByRole('status');
	await expect(status).toContainText('Sin conexión: buscamos entre los servicios guardados');
	await expect(page.locator('.results h2').first()).toHaveText('Subsidio a la luz');
	await expect(page.getByRole('link', { name: 'Certificado laboral' })).toHaveCount(0);
	await expect(page.getByLabel('Buscar un servicio')).toHaveValue('enerjia');

	await page.getByLabel('Buscar un servicio').fill('xyzzy');
	await page.getByRole('button', { name: 'Buscar' }).click();
	await expect(status).toContainText('ningún servicio guardado en el teléfono tiene esas palabras');
	await expect(page.locator('.results li')).toHaveCount(0);
	expect(await axeViolations(page)).toEqual([]);
});

test('the contact page works offline and works out "open now" on the phone', async ({
	page,
	context
}) => {
	await openControlled(page, '/es');
	await goOffline(context);
	// A Tuesday morning, then a Saturday: the kept copy cannot know either.
	await page.clock.setFixedTime(new Date('2026-11-24T10:00:00-05:00'));
	await page.goto('/es/contacto');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Contacto y canales de atención'
	);
	await expect(page.locator('#presencial .status')).toHaveText(/Abierto ahora/);
	await expect(page.getByText('hora de Bogotá (10:00 a. m.)', { exact: false })).toBeVisible();
	await expect(page.locator('#telefono a[href^="tel:"]').first()).toBeVisible();

	await page.clock.setFixedTime(new Date('2026-11-28T10:00:00-05:00'));
	await page.reload();
	await expect(page.locator('#presencial .status')).toHaveText(/Cerrado ahora/);
	await expect(page.locator('#formulario-web .status')).toHaveText(/Abierto ahora/);
});

test('an audio not saved on the phone says so offline, and a saved one does not', async ({
	page,
	context
}) => {
	const service = '/es/servicios/subsidio-de-gas-en-cilindro';
	await openControlled(page, '/es/carta-de-trato-digno');
	// One charter audio saved as "Audios" saves them: every format, whole.
	const saved = page.locator('[data-audio]').first();
	const sources = await saved
		.locator('source')
		.evaluateAll((elements) => elements.map((element) => (element as HTMLSourceElement).src));
	await page.evaluate(async (urls) => {
		const cache = await caches.open('audio');
		await cache.addAll(urls);
	}, sources);

	await goOffline(context);
	await page.goto(service);
	const missing = page.getByText(
		'Este audio no está guardado en el teléfono. Descárguelo en Audios cuando tenga señal.'
	);
	await expect(missing).toBeVisible();
	await expect(missing.getByRole('link', { name: 'Audios' })).toHaveAttribute('href', '/es/audios');

	await page.goto('/es/carta-de-trato-digno');
	const players = page.locator('[data-audio]');
	await expect(players.first().locator('[data-audio-missing]')).toBeHidden();
	await expect(players.nth(1).locator('[data-audio-missing]')).toBeVisible();

	await context.setOffline(false);
	await expect(players.nth(1).locator('[data-audio-missing]')).toBeHidden();
});
