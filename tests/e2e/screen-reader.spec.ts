// What a screen reader says, read from Chromium's accessibility tree (Playwright's aria
// snapshot: each node's role and accessible name, in reading order), and what a keyboard user
// passes through with Tab. Noise here is what a blind citizen hears on every visit.
import type { Locator, Page } from '@playwright/test';
import { expect, setClock, test } from './fixtures';

/**
 * The lines a screen reader reads for a part of the page, in order. A group's legend is its name,
 * announced once on entering it: the snapshot's repetition of it as text is left out.
 */
async function readAloud(part: Locator): Promise<string[]> {
	const lines = (await part.ariaSnapshot()).split('\n').map((line) => line.trim());
	return lines.filter(
		(line, index) =>
			!(index > 0 && lines[index - 1] === `- group "${line.slice('- text: '.length)}":`)
	);
}

/** How many Tab presses from where focus is now until `target` has it (fails after `max`). */
async function tabsUntil(page: Page, target: Locator, max = 40): Promise<number> {
	for (let presses = 0; presses <= max; presses++) {
		if (await target.evaluate((element) => element === document.activeElement)) return presses;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Not reached within ${max} Tab presses`);
}

test('the charter headings read only their titles', async ({ page }) => {
	await page.goto('/es/carta-de-trato-digno');
	for (const title of ['Sus derechos', 'Sus deberes', 'Cómo hablar con nosotros']) {
		await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
	}
	const main = await readAloud(page.getByRole('main'));
	expect(main.filter((line) => /heading .*Enlace a la sección/.test(line))).toEqual([]);
});

test('an audio player says its name once, in separate words, and takes one tab stop', async ({
	page
}) => {
	await page.goto('/es/carta-de-trato-digno');
	const player = page.locator('.audio').first();
	const said = (await readAloud(player)).join(' ');
	expect(said.match(/Escuchar esta sección/g)).toHaveLength(1);
	// Words of the name, the length and "Voz sintética" are never glued together ("23 sVoz").
	expect(said).not.toMatch(/\d+ s[A-ZÁÉÍÓÚ]|\)[A-ZÁÉÍÓÚ]/);
	expect(said).toMatch(/Escuchar esta sección \((\d+ min )?\d+ s\)\. Voz sintética\./);

	const stops = await player.evaluate((element) => {
		const focusable = element.querySelectorAll<HTMLElement>(
			'a[href], button, summary, audio[controls], input, [tabindex]:not([tabindex="-1"])'
		);
		return [...focusable].filter((node) => node.checkVisibility()).length;
	});
	expect(stops).toBe(1);
});

test('on the booking start page the first choice is two Tab presses after the skip link', async ({
	page,
	request
}) => {
	await setClock(request, '2030-02-04T07:00:00-05:00');
	await page.goto('/es/citas');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Saltar al contenido principal' })).toBeFocused();
	await page.keyboard.press('Enter');
	const first = page.getByRole('radio').first();
	expect(await tabsUntil(page, first)).toBeLessThanOrEqual(2);
});

test('the times of a day are read as short choices under the day and the part of the day', async ({
	page,
	request
}) => {
	await setClock(request, '2030-02-04T07:00:00-05:00');
	await page.goto('/es/citas?tema=informacion-general');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByRole('radio', { name: /martes 5 de febrero de 2030/ }).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿A qué hora?');
	const form = (await readAloud(page.getByRole('main'))).join('\n');
	expect(form.match(/febrero de 2030/g)).toHaveLength(1);
	expect(form).toMatch(/group "Mañana"/);
	expect(form).toMatch(/group "Tarde"/);
	expect(form).toContain('radio "9:00 a. m. — quedan 2 cupos"');
});
