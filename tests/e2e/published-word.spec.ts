import type { APIRequestContext, Page } from '@playwright/test';
import { LOCALES, axeViolations, expect, setClock, test } from './fixtures';

const SERVICES = ['subsidio-de-gas-en-cilindro', 'correccion-de-datos-de-conversion-a-gas'];

/** The app's clock and the phone's at the same instant: the contact page works out "open now" on the phone. */
async function setClocks(page: Page, request: APIRequestContext, now: string): Promise<void> {
	await setClock(request, now);
	await page.clock.setFixedTime(new Date(now));
}

test.describe('the carta de trato digno', () => {
	test('shows its version, validity and a summary first', async ({ page }) => {
		await page.goto('/es/carta-de-trato-digno');
		await expect(
			page.getByText(/Versión 2026\.1\. Vigente desde el 15 de enero de 2026/)
		).toBeVisible();
		const headings = page.getByRole('heading', { level: 2 });
		await expect(headings.first()).toHaveText('En pocas palabras');
	});

	test('gives every section a heading with a permalink', async ({ page }) => {
		await page.goto('/es/carta-de-trato-digno');
		for (const id of ['derechos', 'deberes', 'deberes-de-la-entidad', 'canales']) {
			const heading = page.locator(`h2#${id}`);
			await expect(heading).toBeVisible();
			await expect(page.locator(`h2#${id} + a[href="#${id}"]`)).toHaveCount(1);
		}
	});

	test('prints as a clean document without the menu', async ({ page }) => {
		await page.goto('/es/carta-de-trato-digno');
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('navigation', { name: 'Menú principal' })).toBeHidden();
		await expect(page.locator('.site-footer')).toBeHidden();
		await expect(page.locator('h2#derechos')).toBeVisible();
		await expect(page.locator('h2#derechos + a')).toBeHidden();
		const pdf = await page.pdf({ format: 'A4' });
		// A PDF with a handful of A4 pages, not one page per screen.
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(4);
	});

	test('on the Wayuunaiki page, untranslated sections are marked as Spanish', async ({ page }) => {
		await page.goto('/guc/carta-de-trato-digno');
		await expect(
			page.locator('section[lang="es"]', { has: page.locator('h2#derechos') })
		).toBeVisible();
		await expect(
			page.getByText('El texto y el audio en wayuunaiki están en camino.', { exact: false })
		).toBeVisible();
	});
});

test.describe('the channels of attention', () => {
	test('says the office is open on a business morning', async ({ page, request }) => {
		await setClocks(page, request, '2026-11-24T10:00:00-05:00');
		await page.goto('/es/contacto');
		await expect(page.locator('#presencial')).toContainText('Abierto ahora');
		await expect(page.getByText('hora de Bogotá (10:00 a. m.)', { exact: false })).toBeVisible();
	});

	test('says the office is closed on a public holiday', async ({ page, request }) => {
		await setClocks(page, request, '2026-11-16T10:00:00-05:00');
		await page.goto('/es/contacto');
		await expect(page.locator('#presencial')).toContainText('Cerrado ahora');
		await expect(page.locator('#formulario-web')).toContainText('Abierto ahora');
	});

	test('links phone numbers, email and a map that needs no JavaScript', async ({ page }) => {
		await page.goto('/es/contacto');
		await expect(page.locator('#telefono a[href="tel:018000910180"]')).toBeVisible();
		await expect(page.locator('#correo-electronico a[href^="mailto:"]')).toBeVisible();
		await expect(
			page.locator('#presencial a[href^="https://www.openstreetmap.org/search"]')
		).toBeVisible();
		await expect(page.locator('#te-llamamos a[href="/es/te-llamamos"]')).toBeVisible();
		await expect(page.locator('#formulario-web a[href="/es/pqrsd"]')).toBeVisible();
	});

	test('the API agrees with the page on what is open', async ({ page, request }) => {
		await setClocks(page, request, '2026-11-28T10:00:00-05:00');
		const api = await (await request.get('/api/v1/channels?lang=es')).json();
		await page.goto('/es/contacto');
		for (const channel of api.channels) {
			await expect(page.locator(`#${channel.id} h2`)).toHaveText(channel.name);
			await expect(page.locator(`#${channel.id} .status`)).toHaveText(
				channel.openNow ? /Abierto ahora/ : /Cerrado ahora/
			);
		}
	});
});

test.describe('the service portfolio', () => {
	for (const lang of LOCALES) {
		for (const slug of SERVICES) {
			test(`the service page /${lang}/servicios/${slug} has no axe violations`, async ({
				page
			}) => {
				await page.goto(`/${lang}/servicios/${slug}`);
				expect(await axeViolations(page)).toEqual([]);
			});
		}

		test(`search results in ${lang} have no axe violations`, async ({ page }) => {
			await page.goto(`/${lang}/servicios?q=gas&segment=hogares`);
			expect(await axeViolations(page)).toEqual([]);
		});
	}

	test('finds a service with the keyboard only', async ({ page }) => {
		await page.goto('/es/servicios');
		const search = page.getByLabel('Buscar un servicio');
		await search.focus();
		await page.keyboard.type('SUBSIDIO gás');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/q=SUBSIDIO/);
		await expect(page.getByRole('status')).toHaveText(/Encontramos \d+ servicios?\./);
		await expect(page).toHaveTitle(/resultados — Ventanilla/);
		await page.getByRole('link', { name: 'Subsidio al gas en cilindro' }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/es\/servicios\/subsidio-de-gas-en-cilindro$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subsidio al gas en cilindro');
	});

	test('says so when nothing matches', async ({ page }) => {
		await page.goto('/es/servicios?q=zzzz');
		await expect(page.getByRole('status')).toContainText('No encontramos servicios');
	});

	test('forgives misspellings: "subcidio" and "enerjia" find the right services', async ({
		page
	}) => {
		await page.goto('/es/servicios?q=subcidio');
		await expect(page.getByRole('status')).toHaveText(/Encontramos 2 servicios\./);
		await expect(page.getByRole('link', { name: 'Subsidio al gas en cilindro' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Subsidio a la luz' })).toBeVisible();
		await page.goto('/es/servicios?q=enerjia');
		await expect(page.getByRole('status')).toHaveText(/Encontramos \d+ servicios?\./);
		await expect(page.locator('.results h2').first()).toHaveText('Subsidio a la luz');
		await expect(page.getByRole('link', { name: 'Certificado laboral' })).toHaveCount(0);
	});

	test('asks "¿Quiso decir…?" when nothing matches and a close spelling would', async ({
		page
	}) => {
		await page.goto('/es/servicios?q=subsdio%20gaz');
		const status = page.getByRole('status');
		await expect(status).toContainText('No encontramos servicios');
		await expect(status).toContainText('¿Quiso decir subsidio gas?');
		await status.getByRole('link', { name: 'subsidio gas' }).click();
		await expect(page).toHaveURL(/\/es\/servicios\?q=subsidio%20gas$/);
		await expect(page.getByRole('link', { name: 'Subsidio al gas en cilindro' })).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
	});

	test('filters by segment', async ({ page }) => {
		await page.goto('/es/servicios');
		await page.getByLabel('¿Para quién es?').selectOption('empresas');
		await page.getByRole('button', { name: 'Buscar' }).click();
		await expect(
			page.getByRole('link', { name: 'Permiso para vender gasolina o gas' })
		).toBeVisible();
		await expect(page.getByRole('link', { name: 'Subsidio al gas en cilindro' })).toHaveCount(0);
	});

	test('a service shows requirements, steps, cost, time and an appointment link', async ({
		page
	}) => {
		await page.goto('/es/servicios/subsidio-de-gas-en-cilindro');
		await expect(page.getByRole('checkbox')).toHaveCount(3);
		await expect(page.locator('ol li')).toHaveCount(4);
		await expect(page.getByText('Hasta 15 días hábiles.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Pedir una cita' })).toHaveAttribute(
			'href',
			'/es/citas?tema=subsidio-de-gas-en-cilindro'
		);
		await expect(page.locator('abbr[title="gas licuado de petróleo"]').first()).toBeVisible();
	});

	test('an unknown service is a 404 page', async ({ page }) => {
		const response = await page.goto('/es/servicios/no-existe');
		expect(response?.status()).toBe(404);
	});

	test('the API returns the same services as the page', async ({ page, request }) => {
		const api = await (await request.get('/api/v1/services?q=gas&lang=es')).json();
		await page.goto('/es/servicios?q=gas');
		const names = await page.locator('.results h2').allTextContents();
		expect(names.map((name) => name.trim())).toEqual(
			api.services.map((s: { name: string }) => s.name)
		);
	});

	test('the API answers 404 problem+json for an unknown service', async ({ request }) => {
		const response = await request.get('/api/v1/services/no-existe');
		expect(response.status()).toBe(404);
		expect(response.headers()['content-type']).toContain('application/problem+json');
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the search works as a plain form', async ({ page }) => {
		await page.goto('/es/servicios');
		await page.getByLabel('Buscar un servicio').fill('certificado');
		await page.getByRole('button', { name: 'Buscar' }).click();
		await expect(page.getByRole('link', { name: 'Certificado laboral' })).toBeVisible();
	});

	for (const lang of LOCALES) {
		test(`a service page renders in ${lang}`, async ({ page }) => {
			await page.goto(`/${lang}/servicios/${SERVICES[0]}`);
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
		});
	}
});

test('the content pages ship no JavaScript but the service-worker registration and what only the phone knows', async ({
	page
}) => {
	const scripts: string[] = [];
	// The small script that installs the app for offline use (budget: 6 KB), and two that say what
	// only the phone knows on a kept copy: whether a channel is open now, whether an audio is saved.
	const allowed = /\/workers\/(register|open-now|audio-offline)-[\w-]+\.js$/;
	page.on('request', (request) => {
		if (request.resourceType() === 'script' && !allowed.test(request.url())) {
			scripts.push(request.url());
		}
	});
	for (const path of ['carta-de-trato-digno', 'contacto', 'servicios', 'glosario']) {
		await page.goto(`/es/${path}`);
	}
	expect(scripts).toEqual([]);
});

test('the glossary explains the words and acronyms the content uses', async ({ page }) => {
	await page.goto('/es/glosario');
	for (const id of [
		'radicado',
		'pqrsd',
		'tramite',
		'opa',
		'termino-legal',
		'dias-habiles',
		'glp',
		'gnv'
	]) {
		await expect(page.locator(`#${id} dd`)).toBeVisible();
	}
});
