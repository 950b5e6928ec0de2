// The look of a Colombian government service (GOV.CO guidelines) and the small things seen on
// every page: one full stop after a time, one left edge, the meter in forced colours, tables that
// show they scroll, and a dark theme that keeps the contrast.
import type { Locator, Page } from '@playwright/test';
import { entity } from '../../src/lib/config/entity';
import { axeViolations, expect, filePetition, test } from './fixtures';

/** Where the first letter of an element's text starts, in CSS pixels from the left. */
function textLeft(element: Locator): Promise<number> {
	return element.evaluate((node) => {
		const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
		for (let text = walker.nextNode(); text; text = walker.nextNode()) {
			if (!text.textContent!.trim()) continue;
			const range = document.createRange();
			range.selectNodeContents(text);
			return range.getBoundingClientRect().left;
		}
		return node.getBoundingClientRect().left;
	});
}

/** The relative luminance of a computed colour, 0 (black) to 1 (white). */
function luminance(page: Page, selector: string, property: 'color' | 'background-color') {
	return page
		.locator(selector)
		.first()
		.evaluate((element, property) => {
			const value = getComputedStyle(element).getPropertyValue(property);
			const [r, g, b] = value
				.match(/[\d.]+/g)!
				.slice(0, 3)
				.map(Number)
				.map((c) => c / 255);
			const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
			return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
		}, property);
}

test.describe('the GOV.CO look', () => {
	test('every page starts with the GOV.CO bar that links to gov.co', async ({ page }) => {
		await page.goto('/es/servicios');
		const bar = page.getByRole('navigation', { name: 'Portal del Estado colombiano' });
		const link = bar.getByRole('link', { name: /GOV\.CO/ });
		await expect(link).toHaveAttribute('href', 'https://www.gov.co/');
		// The bar comes first, above the entity's own header.
		const top = await bar.boundingBox();
		const header = await page.locator('.site-header').boundingBox();
		expect(top!.y).toBeLessThan(header!.y);
	});

	test('the header shows the entity and the footer its contact data, hours and legal links', async ({
		page
	}) => {
		await page.goto('/es');
		await expect(page.getByRole('banner')).toContainText(entity.name);
		const footer = page.getByRole('contentinfo');
		await expect(footer).toContainText(entity.name);
		await expect(footer).toContainText(entity.contact.address);
		await expect(footer).toContainText(entity.contact.city);
		await expect(footer.getByRole('link', { name: entity.contact.phone })).toBeVisible();
		await expect(footer.getByRole('link', { name: entity.contact.tollFree })).toBeVisible();
		await expect(footer.getByRole('link', { name: entity.contact.email })).toBeVisible();
		await expect(footer).toContainText('Notificaciones judiciales');
		await expect(
			footer.getByRole('link', { name: entity.contact.notificationsEmail })
		).toBeVisible();
		await expect(footer).toContainText('de lunes a viernes, de 8:00 a. m. a 5:00 p. m.');
		for (const [name, href] of [
			['Declaración de accesibilidad', '/es/accesibilidad'],
			['Tratamiento de datos personales', '/es/privacidad'],
			['Términos y condiciones de uso', '/es/privacidad#terminos']
		]) {
			await expect(footer.getByRole('link', { name })).toHaveAttribute('href', href!);
		}
		await expect(footer.getByRole('link', { name: /GOV\.CO/ })).toHaveAttribute(
			'href',
			'https://www.gov.co/'
		);
	});
});

test.describe('small things on every page', () => {
	test('a time at the end of a sentence has one full stop', async ({ page }) => {
		await page.goto('/es');
		const footer = page.getByRole('contentinfo');
		await expect(footer).toContainText('5:00 p. m.');
		expect(await footer.textContent()).not.toMatch(/m\.\./);
	});

	test('the desktop menu starts at the same left edge as the header and the content', async ({
		page
	}) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/es/servicios');
		const heading = await textLeft(page.getByRole('heading', { level: 1 }));
		const menu = await textLeft(
			page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link').first()
		);
		const brand = (await page.locator('.brand img').boundingBox())!.x;
		expect(Math.abs(menu - heading)).toBeLessThanOrEqual(1);
		expect(Math.abs(brand - heading)).toBeLessThanOrEqual(1);
	});

	test('the criticality meter keeps its fill in forced colours', async ({ page, request }) => {
		const { number, securityCode } = await filePetition(request);
		await page.emulateMedia({ forcedColors: 'active' });
		await page.goto('/es/radicado');
		await page.getByLabel('Número de radicado').fill(number);
		await page.getByLabel('Código de seguridad').fill(securityCode);
		await page.getByRole('button', { name: 'Consultar' }).click();
		const filled = page.locator('.meter .segment.filled').first();
		const empty = page.locator('.meter .segment:not(.filled)').first();
		const background = (segment: Locator) =>
			segment.evaluate((element) => getComputedStyle(element).backgroundColor);
		expect(await background(filled)).not.toBe(await background(empty));
	});

	test('a table that scrolls sideways says so on a narrow screen', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 740 });
		await page.goto('/es/indicadores');
		const wrap = page.locator('.table-wrap').first();
		const overflows = await wrap.evaluate((element) => element.scrollWidth > element.clientWidth);
		expect(overflows).toBe(true);
		await expect(
			page.getByText('Deslice la tabla hacia el lado para ver todas las columnas.').first()
		).toBeVisible();
		await page.setViewportSize({ width: 1280, height: 800 });
		await expect(
			page.getByText('Deslice la tabla hacia el lado para ver todas las columnas.').first()
		).toBeHidden();
	});

	test.describe('in the dark theme', () => {
		test.use({ colorScheme: 'dark' });

		for (const path of ['/es', '/es/citas', '/es/pqrsd', '/es/contacto']) {
			test(`${path} is light on dark and has no axe violations`, async ({ page }) => {
				await page.goto(path);
				expect(await luminance(page, 'html', 'background-color')).toBeLessThan(0.1);
				expect(await luminance(page, 'main p:visible', 'color')).toBeGreaterThan(0.5);
				expect(await axeViolations(page)).toEqual([]);
			});
		}
	});
});
