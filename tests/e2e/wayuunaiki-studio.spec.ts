import { mkdirSync, writeFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { tone } from '../../src/lib/server/testing/tone';
import { axeViolations, expect, tabTo, test } from './fixtures';
import { anotherBrowser, REVIEWER, signInWith, TRANSLATOR } from './studio-support';

// The entity's speakers translate, review and record from the console. Every text written here
// says it is a test, and every recording is Chromium's fake microphone or a tone: no Wayuunaiki
// is invented. Each test starts from an empty database, which removes them.

async function put(request: APIRequestContext, key: string, text: string): Promise<void> {
	const response = await request.put(`/api/v1/staff/translations/${key}`, {
		data: { lang: 'guc', text }
	});
	expect(response.status(), await response.text()).toBe(200);
}

async function approve(request: APIRequestContext, key: string): Promise<number> {
	const response = await request.post(`/api/v1/staff/translations/${key}/review`, {
		data: { lang: 'guc', decision: 'approve' }
	});
	return response.status();
}

/** Key presses a person makes, counted (each typed text counts once). */
function keyboard(page: Page) {
	let presses = 0;
	return {
		async press(key: string) {
			presses++;
			await page.keyboard.press(key);
		},
		async type(text: string) {
			presses++;
			await page.keyboard.type(text);
		},
		async tabTo(target: ReturnType<Page['locator']>) {
			for (let i = 0; i < 60; i++) {
				if (await target.evaluate((el) => el === document.activeElement)) return;
				await this.press('Tab');
			}
			throw new Error('Could not reach the element with the Tab key');
		},
		get presses() {
			return presses;
		}
	};
}

const SUMMARY = 'content:carta.en-pocas-palabras';
const NAV_TEXT = 'Texto de prueba: la carta';

test('a translator writes the charter summary and the menu, a second speaker reviews them, and /guc shows them at once', async ({
	page,
	browser,
	baseURL
}) => {
	// Each browser's first connection is slow in some sandboxes: room for three.
	test.slow();
	// The author may also review — but never their own text.
	await signInWith(page, TRANSLATOR, ['translator', 'reviewer']);
	await page.goto('/staff/traducciones');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Traducciones al wayuunaiki');

	// Find, write and save one string with the keyboard alone, counting the keys.
	const keys = keyboard(page);
	await keys.press('Tab');
	await expect(page.getByRole('link', { name: 'Saltar al contenido principal' })).toBeFocused();
	await keys.press('Enter');
	await keys.tabTo(page.getByLabel('Buscar en español o en wayuunaiki'));
	await keys.type('Carta de trato digno');
	await keys.press('Enter');
	await expect(page).toHaveURL(/q=Carta\+de\+trato\+digno.*#resultados$/);
	const menu = page.getByRole('article', { name: 'common:nav.charter' });
	await keys.tabTo(menu.getByLabel('Wayuunaiki'));
	await keys.type(NAV_TEXT);
	await keys.press('Tab');
	await expect(menu.getByRole('button', { name: 'Guardar borrador' })).toBeFocused();
	await keys.press('Enter');
	await expect(menu.getByRole('status')).toHaveText(
		'Guardado como borrador. Otra persona debe revisarlo.'
	);
	mkdirSync('test-results', { recursive: true });
	writeFileSync('test-results/studio.json', JSON.stringify({ keyPresses: keys.presses }));
	console.log(`[studio] find, write and save one string: ${keys.presses} key presses`);
	expect(keys.presses).toBeLessThanOrEqual(12);

	// The author sees no review buttons on their own draft, and the API refuses them.
	await expect(menu.getByRole('button', { name: /Aprobar/ })).toHaveCount(0);
	await expect(menu).toContainText('Usted escribió este borrador');
	const own = await page.request.post('/api/v1/staff/translations/common:nav.charter/review', {
		data: { lang: 'guc', decision: 'approve' }
	});
	expect(own.status()).toBe(409);
	expect((await own.json()).code).toBe('OWN_TEXT');

	// The charter's first section, field by field.
	const fields = ['title', 'items.0', 'items.1', 'items.2', 'items.3'];
	for (const [i, field] of fields.entries()) {
		await put(page.request, `${SUMMARY}.${field}`, `Texto de prueba: resumen ${i}`);
	}
	expect(await axeViolations(page)).toEqual([]);

	// Nothing reaches citizens before review.
	const citizen = await anotherBrowser(browser, baseURL);
	await citizen.goto('/guc/carta-de-trato-digno');
	await expect(citizen.locator('section.summary')).toHaveAttribute('lang', 'es');

	// A second speaker reviews: the menu in the studio, the section's fields through the API.
	const reviewer = await anotherBrowser(browser, baseURL);
	await signInWith(reviewer, REVIEWER, ['reviewer']);
	await reviewer.goto('/staff/traducciones?estado=draft');
	await expect(reviewer.getByRole('link', { name: 'Borrador: 6' })).toBeVisible();
	const draft = reviewer.getByRole('article', { name: 'common:nav.charter' });
	await expect(draft.getByLabel('Wayuunaiki')).toHaveCount(0);
	await expect(draft).toContainText(NAV_TEXT);
	expect(await axeViolations(reviewer)).toEqual([]);
	await draft.getByRole('button', { name: /Aprobar y publicar/ }).click();
	// No longer a draft, so no longer in this list: the page says what was done.
	await expect(reviewer.getByRole('status')).toHaveText(
		'Aprobado: ya se ve en las páginas en wayuunaiki. common:nav.charter'
	);
	await expect(reviewer.getByRole('article', { name: 'common:nav.charter' })).toHaveCount(0);
	for (const field of fields)
		expect(await approve(reviewer.request, `${SUMMARY}.${field}`)).toBe(200);

	// Live on the public Wayuunaiki page at once, as Wayuunaiki: no Spanish marking on them.
	await citizen.goto('/guc/carta-de-trato-digno');
	const link = citizen
		.getByRole('navigation', { name: 'Menú principal' })
		.getByRole('link')
		.first();
	await expect(link).toHaveText(NAV_TEXT);
	await expect(link.locator('[lang]')).toHaveCount(0);
	const summary = citizen.locator('section.summary');
	await expect(summary).not.toHaveAttribute('lang', /.*/);
	await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Texto de prueba: resumen 0');
	await expect(summary.getByRole('listitem')).toHaveText(
		[1, 2, 3, 4].map((i) => `Texto de prueba: resumen ${i}`)
	);
	await expect(citizen.locator('html')).toHaveAttribute('lang', 'guc');
	// The Spanish page is untouched.
	await citizen.goto('/es/carta-de-trato-digno');
	await expect(citizen.locator('section.summary h2')).toHaveText('En pocas palabras');
});

test('a reviewer sends a draft back with a note, and the note is required', async ({
	page,
	browser,
	baseURL
}) => {
	// Each browser's first connection is slow in some sandboxes: room for three.
	test.slow();
	await signInWith(page, TRANSLATOR, ['translator']);
	await put(page.request, 'common:nav.services', 'Texto de prueba: servicios');
	const reviewer = await anotherBrowser(browser, baseURL);
	await signInWith(reviewer, REVIEWER, ['reviewer']);
	await reviewer.goto('/staff/traducciones?q=servicios&ns=common');
	const article = reviewer.getByRole('article', { name: 'common:nav.services' });
	await article.getByRole('button', { name: /Devolver con la nota/ }).click();
	await expect(reviewer.getByRole('alert')).toContainText(
		'Escriba una nota que diga qué corregir.'
	);
	await expect(reviewer).toHaveTitle(/^Error: /);

	await reviewer
		.getByRole('article', { name: 'common:nav.services' })
		.getByLabel(/Nota para quien lo escribió/)
		.fill('Use la palabra que usa la comunidad.');
	await reviewer
		.getByRole('article', { name: 'common:nav.services' })
		.getByRole('button', { name: /Devolver con la nota/ })
		.click();
	await expect(reviewer.getByRole('status').first()).toHaveText('Devuelto con su nota.');

	await page.goto('/staff/traducciones?q=servicios&ns=common');
	await expect(page.getByRole('article', { name: 'common:nav.services' })).toContainText(
		'Use la palabra que usa la comunidad.'
	);
});

test('a translator works offline with the sheet: its import goes through the same checks', async ({
	page
}) => {
	await signInWith(page, TRANSLATOR, ['translator']);
	const sheet = await page.request.get('/staff/traducciones/hoja.csv');
	expect(sheet.status()).toBe(200);
	expect(sheet.headers()['content-type']).toContain('text/csv');
	const csv = await sheet.text();
	const edited = csv
		.replace(/^(common:nav\.lookup,[^,\r\n]*,),missing/m, '$1Texto de prueba: radicado,draft')
		.replace(
			/^(common:footer\.hours,"?[^\r\n]*?"?,),missing/m,
			'$1Texto de prueba sin marcadores,draft'
		);
	expect(edited).not.toBe(csv);

	await page.goto('/staff/traducciones');
	await page.getByLabel('Hoja para subir').setInputFiles({
		name: 'wayuunaiki.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(edited)
	});
	await page.getByRole('button', { name: 'Subir la hoja' }).click();
	await expect(page.getByRole('alert')).toContainText('La hoja tiene 1 errores');
	await expect(page.locator('#field-sheet-error + ul')).toContainText('placeholders');

	const fixed = csv.replace(
		/^(common:nav\.lookup,[^,\r\n]*,),missing/m,
		'$1Texto de prueba: radicado,reviewed'
	);
	await page.getByLabel('Hoja para subir').setInputFiles({
		name: 'wayuunaiki.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(fixed)
	});
	await page.getByRole('button', { name: 'Subir la hoja' }).click();
	await expect(page.getByRole('status').first()).toContainText('Guardamos 1 texto como borrador.');
	// A sheet never approves: the text waits for a reviewer.
	const entry = await page.request.get('/api/v1/staff/translations?lang=guc&q=radicado&ns=common');
	const listed = (await entry.json()).entries.find(
		(item: { key: string }) => item.key === 'common:nav.lookup'
	);
	expect(listed).toMatchObject({ state: 'draft', text: 'Texto de prueba: radicado' });
});

test('an administrator grants the translator role, and the account reaches the studio', async ({
	page,
	browser,
	baseURL
}) => {
	// Each browser's first connection is slow in some sandboxes: room for three.
	test.slow();
	await signInWith(page, 'admin@example.org', ['admin']);
	const official = await anotherBrowser(browser, baseURL);
	await signInWith(official, 'agente@example.org', ['agent']);
	expect((await official.goto('/staff/traducciones'))!.status()).toBe(403);

	await page.goto('/staff/funcionarios');
	const roles = page.getByRole('group', { name: 'Roles de agente@example.org' });
	await tabTo(page, roles.getByLabel('traductor o traductora'));
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	await tabTo(page, page.getByRole('button', { name: 'Guardar los roles agente@example.org' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('Guardamos los roles de agente@example.org.');
	await expect(
		page
			.getByRole('group', { name: 'Roles de agente@example.org' })
			.getByLabel('traductor o traductora')
	).toBeChecked();
	expect(await axeViolations(page)).toEqual([]);

	expect((await official.goto('/staff/traducciones'))!.status()).toBe(200);
	await expect(official.getByRole('navigation', { name: 'Consola de funcionarios' })).toContainText(
		'Traducciones'
	);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a translator uploads a recording made elsewhere', async ({ page }) => {
		await signInWith(page, TRANSLATOR, ['translator']);
		await page.goto('/staff/grabaciones/te-llamamos.inicio?idioma=guc');
		await expect(page.locator('[data-recorder]')).toBeHidden();
		const take = tone(2, 'wav', 330);
		await page.getByLabel('Archivo de audio').setInputFiles({
			name: 'grabacion.wav',
			mimeType: 'audio/wav',
			buffer: take
		});
		await page.getByRole('button', { name: 'Guardar la grabación para revisión' }).click();
		await expect(page.getByRole('status').first()).toHaveText(
			'Guardamos la grabación. Otra persona debe revisarla.'
		);
		await expect(page.getByText(/^Dura 0 min 2 s\./)).toBeVisible();

		await page.getByLabel('Archivo de audio').setInputFiles({
			name: 'nota.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from('esto no es audio')
		});
		await page.getByRole('button', { name: 'Guardar la grabación para revisión' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'El archivo no es un audio que podamos leer.'
		);
	});
});

test('the studio pages and the published coverage pass axe', async ({ page }) => {
	await signInWith(page, TRANSLATOR, ['translator', 'reviewer']);
	await page.goto('/staff/traducciones?q=wayu%E2%80%99unaiki&estado=missing');
	await expect(page.getByRole('heading', { name: /textos?$/ })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
	await page.goto('/staff/grabaciones');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grabaciones');
	expect(await axeViolations(page)).toEqual([]);
	await page.goto('/guc/accesibilidad');
	await expect(page.getByRole('table')).toContainText('Wayuunaiki');
	expect(await axeViolations(page)).toEqual([]);
});
