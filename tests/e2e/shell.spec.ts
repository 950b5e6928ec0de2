import { LOCALES, expect, staticPages, test } from './fixtures';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	for (const lang of LOCALES) {
		test(`every page renders in ${lang} with one heading and the right language`, async ({
			page
		}) => {
			for (const path of staticPages()) {
				const response = await page.goto(`/${lang}${path}`);
				expect(response?.status(), path).toBe(200);
				await expect(page.locator('html')).toHaveAttribute('lang', lang);
				await expect(page.locator('h1'), path).toHaveCount(1);
				await expect(page.getByRole('main')).toBeVisible();
				await expect(page.getByRole('navigation', { name: /menú principal/i })).toBeVisible();
			}
		});
	}
});

test('the root address sends a Spanish browser to /es', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/es$/);
});

test('the root address sends a Wayuunaiki browser to /guc', async ({ request }) => {
	const response = await request.get('/', {
		headers: { 'accept-language': 'guc,es;q=0.5' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(307);
	expect(response.headers()['location']).toBe('/guc');
});

test('the language switcher keeps the current page', async ({ page }) => {
	await page.goto('/es/contacto');
	await page.getByRole('link', { name: 'Wayuunaiki' }).click();
	await expect(page).toHaveURL(/\/guc\/contacto$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'guc');
	await page.getByRole('link', { name: 'Español' }).click();
	await expect(page).toHaveURL(/\/es\/contacto$/);
});

test('Spanish text on a Wayuunaiki page is marked as Spanish', async ({ page }) => {
	await page.goto('/guc');
	const heading = page.locator('h1 [lang="es"]');
	await expect(heading).toHaveText('Atención al ciudadano');
	const notice = page.getByRole('complementary', { name: 'Aviso sobre la traducción' });
	await expect(notice.locator('[lang="es"]').first()).toHaveText(
		'El texto y el audio en wayuunaiki están en camino. Por ahora, lo que falta aparece en español.'
	);
	await expect(notice.getByRole('link')).toHaveAttribute('href', '/guc/te-llamamos');
});

test('the skip link takes a keyboard user to the main content', async ({ page }) => {
	await page.goto('/es');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Saltar al contenido principal' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	await expect(page.locator('main')).toBeFocused();
});

test('following a link loads the new page, named in its title, from the top', async ({ page }) => {
	// Pages are plain documents (no client-side router): the browser announces the new title and
	// starts at the top, so the skip link is the first stop again.
	await page.goto('/es/citas');
	await page
		.getByRole('navigation', { name: 'Menú principal' })
		.getByRole('link', { name: 'Consultar radicado' })
		.click();
	await expect(page).toHaveURL(/\/es\/radicado$/);
	await expect(page).toHaveTitle(/radicado/i);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Saltar al contenido principal' })).toBeFocused();
});

test('the current section is marked in the menu', async ({ page }) => {
	await page.goto('/es/servicios');
	await expect(
		page
			.getByRole('navigation', { name: 'Menú principal' })
			.getByRole('link', { name: 'Servicios' })
	).toHaveAttribute('aria-current', 'page');
});

for (const width of [320, 1280]) {
	test(`every page fits a ${width} px wide screen without sideways scrolling`, async ({ page }) => {
		await page.setViewportSize({ width, height: 800 });
		for (const path of staticPages()) {
			await page.goto(`/es${path}`);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, path).toBeLessThanOrEqual(0);
		}
	});
}

test('links and buttons in the header are at least 44 px tall', async ({ page }) => {
	await page.goto('/es');
	const sizes = await page
		.locator('header a, header button')
		.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().height));
	for (const height of sizes) expect(height).toBeGreaterThanOrEqual(44);
});
