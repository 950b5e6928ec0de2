import { LOCALES, axeViolations, expect, staticPages, test } from './fixtures';

for (const lang of LOCALES) {
	for (const path of staticPages()) {
		test(`the page /${lang}${path} has no axe violations`, async ({ page }) => {
			await page.goto(`/${lang}${path}`);
			expect(await axeViolations(page)).toEqual([]);
		});
	}
}

test('a page that does not exist has no axe violations', async ({ page }) => {
	const response = await page.goto('/es/no-existe');
	expect(response?.status()).toBe(404);
	expect(await axeViolations(page)).toEqual([]);
});
