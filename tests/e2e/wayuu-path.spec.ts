// The path of a Wayuu speaker on /guc: Spanish marked as Spanish (also in a list box and an
// acronym), an installed app that says it is Wayuunaiki, the call-back in Wayuunaiki one tap from
// the start, and only call-back times that are still ahead.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, setClock, test } from './fixtures';

test('the search filter and the acronym on Wayuunaiki pages are marked as Spanish', async ({
	page
}) => {
	await page.goto('/guc/servicios');
	const options = page.locator('#field-segment option');
	expect(await options.count()).toBeGreaterThan(1);
	for (const option of await options.all()) {
		const lang = await option.evaluate((element) =>
			element.closest('[lang]')?.getAttribute('lang')
		);
		expect(lang, (await option.textContent()) ?? '').toBe('es');
	}
	await page.goto('/guc/pqrsd');
	const acronym = page.locator('main abbr', { hasText: 'PQRSD' }).first();
	expect(await acronym.evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe(
		'es'
	);
});

test('the app installed from /guc says it is in Wayuunaiki', async ({ request }) => {
	const guc = await request.get('/guc/manifest.webmanifest');
	expect(guc.status()).toBe(200);
	expect((await guc.json()).lang).toBe('guc');
	const es = await request.get('/es/manifest.webmanifest');
	expect(es.status()).toBe(200);
	expect((await es.json()).lang).toBe('es');
});

test('the call-back in Wayuunaiki is a tile on the /guc start page', async ({ page }) => {
	await page.goto('/guc');
	const tiles = page.locator('ul.journeys > li > a');
	const callback = tiles.filter({ hasText: 'Le llamamos en wayuunaiki' });
	await expect(callback).toHaveAttribute('href', '/guc/te-llamamos');
	await callback.click();
	await expect(page.getByRole('radio', { name: 'Wayuunaiki' })).toBeChecked();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the call-back form offers only the times still ahead today', async ({ page, request }) => {
		// Tuesday 5 February 2030, 11:00 in Bogotá: 8–10 is over, 10–12 is under way.
		await setClock(request, '2030-02-05T11:00:00-05:00');
		await page.goto('/es/te-llamamos');
		const over = page.getByRole('radio', { name: 'De 8:00 a. m. a 10:00 a. m.' });
		const ahead = page.getByRole('radio', { name: 'De 2:00 p. m. a 4:00 p. m.' });
		await page.getByRole('radio', { name: /martes 5 de febrero de 2030/ }).check();
		await expect(over).toBeHidden();
		await expect(ahead).toBeVisible();
		await page.getByRole('radio', { name: /miércoles 6 de febrero de 2030/ }).check();
		await expect(over).toBeVisible();
	});
});

test('the notice on /guc states how much is really in Wayuunaiki', async ({ page }) => {
	// The share of Spanish strings with a Wayuunaiki string, from the locale files themselves.
	const strings = (lang: string) => {
		const keys = new Set<string>();
		const visit = (prefix: string, value: unknown) => {
			if (typeof value === 'string') {
				if (value.trim()) keys.add(prefix);
			} else if (value && typeof value === 'object') {
				for (const [name, child] of Object.entries(value)) visit(`${prefix}.${name}`, child);
			}
		};
		for (const file of readdirSync(`locales/${lang}`)) {
			visit(file, JSON.parse(readFileSync(`locales/${lang}/${file}`, 'utf8')));
		}
		return keys;
	};
	const spanish = strings('es');
	const own = [...strings('guc')].filter((key) => spanish.has(key)).length;
	await page.goto('/guc');
	const notice = page.getByRole('complementary', { name: 'Aviso sobre la traducción' });
	await expect(notice).not.toContainText('las partes sin traducir');
	if (own === 0) {
		await expect(notice).toContainText(
			'Esta versión todavía no tiene textos en wayuunaiki: por ahora todo aparece en español.'
		);
	} else {
		const percent = Math.max(1, Math.floor((100 * own) / spanish.size));
		await expect(notice).toContainText(`${percent} % de los textos de esta versión`);
	}
	await expect(notice.getByRole('link')).toHaveAttribute('href', '/guc/te-llamamos');
});
