import type { Page } from '@playwright/test';
import { services } from '../../src/lib/content/services';
import { LOCALES, expect, staticPages, test } from './fixtures';

// Citizen pages render on the server and post plain HTML forms; what JavaScript adds comes from
// our own small modules (src/lib/scripts). The framework's client runtime must not come back.
const OWN_SCRIPT = /^\/_app\/immutable\/workers\/[\w-]+\.js$/;

/** Opens a page and lists the scripts it asked for, and what its HTML would run by itself. */
async function scriptsOf(page: Page, path: string) {
	const requested: string[] = [];
	const listen = (request: { resourceType(): string; url(): string }) => {
		if (request.resourceType() === 'script') requested.push(new URL(request.url()).pathname);
	};
	page.on('request', listen);
	const response = await page.goto(path, { waitUntil: 'networkidle' });
	page.off('request', listen);
	expect(response?.status(), path).toBeLessThan(400);
	const inline = await page.locator('script:not([src])').count();
	const preloads = await page.locator('link[rel="modulepreload"]').count();
	return { requested, inline, preloads };
}

for (const lang of LOCALES) {
	test(`no citizen page in ${lang} loads the framework's client runtime`, async ({ page }) => {
		test.slow();
		const paths = [...staticPages(), `/servicios/${services[0]!.slug}`].map((p) => `/${lang}${p}`);
		for (const path of paths) {
			const { requested, inline, preloads } = await scriptsOf(page, path);
			expect(
				requested.filter((url) => !OWN_SCRIPT.test(url)),
				path
			).toEqual([]);
			expect(inline, `${path}: inline scripts`).toBe(0);
			expect(preloads, `${path}: module preloads`).toBe(0);
		}
	});
}

test('the confirmation of a petition loads only its own small scripts', async ({ page }) => {
	await page.goto('/es/pqrsd');
	await page.getByRole('radio', { name: 'Sugerencia', exact: true }).check();
	await page.getByLabel('Asunto').fill('Horario');
	await page.getByLabel('Descripción', { exact: true }).fill('Sugiero abrir los sábados.');
	await page.getByRole('radio', { name: 'Con mi nombre' }).check();
	await page.getByLabel('Nombre completo').fill('Luis Gómez');
	await page.getByRole('radio', { name: /La consultaré en línea/ }).check();
	await page.getByRole('checkbox', { name: /Autorizo el tratamiento/ }).check();
	const requested: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') requested.push(new URL(request.url()).pathname);
	});
	await page.getByRole('button', { name: 'Enviar petición' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recibimos su petición');
	await page.waitForLoadState('networkidle');
	expect(requested.length).toBeGreaterThan(0);
	expect(requested.filter((url) => !OWN_SCRIPT.test(url))).toEqual([]);
	expect(await page.locator('script:not([src])').count()).toBe(0);
});
