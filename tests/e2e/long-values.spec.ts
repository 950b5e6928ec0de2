// At 320 px, long values typed into every field wrap: no page scrolls sideways and nothing is cut.
import type { Page } from '@playwright/test';
import { expect, setClock, test } from './fixtures';

// A 44-character address and words longer than a 320 px line.
const EMAIL = 'maria.fernanda.epieyu.uriana.2030@example.com';
const NAME = 'María Fernanda Epieyú Uriana de Pushaina Ipuana';
const LONG_WORD = 'Wayuunaikiaapünaajiraajatüjülüjalaa'.repeat(2);

async function sidewaysScroll(page: Page): Promise<number> {
	return page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
}

/** Nothing on the page is wider than the part of the page that holds it. */
async function cutOff(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('main *:not(input, textarea, select, audio)')]
			.filter((element) => element.children.length === 0 && element.checkVisibility())
			.filter((element) => element.scrollWidth > element.clientWidth + 1)
			.filter((element) => getComputedStyle(element).overflowX === 'visible')
			.map((element) => `${element.tagName.toLowerCase()}: ${element.textContent?.slice(0, 40)}`)
	);
}

async function fits(page: Page, where: string) {
	expect(await sidewaysScroll(page), where).toBeLessThanOrEqual(0);
	expect(await cutOff(page), where).toEqual([]);
}

test.use({ viewport: { width: 320, height: 740 } });

test('a booking with long values fits a 320 px screen at every step', async ({ page, request }) => {
	await setClock(request, '2030-02-04T07:00:00-05:00');
	await page.goto('/es/citas?tema=correccion-de-datos-de-conversion-a-gas');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByRole('radio', { name: /martes 5 de febrero de 2030/ }).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByRole('radio', { name: /^9:00 a\. m\./ }).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByLabel('Nombre completo').fill(NAME);
	await page.getByLabel('Permiso por protección temporal').check();
	await page.getByLabel('Número de documento').fill('PPT1234567890123456');
	await page.getByLabel('Correo electrónico').fill(EMAIL);
	await page.getByLabel(/Celular o teléfono fijo/).fill('+57 300 123 4567');
	await page.getByLabel(/Cuéntenos brevemente/).fill(`${LONG_WORD} ${LONG_WORD}`);
	await fits(page, 'datos');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByLabel(/Necesita algún apoyo/).fill(LONG_WORD);
	await page.getByRole('button', { name: 'Continuar' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Revise su cita antes de pedirla'
	);
	await expect(page.getByText(EMAIL, { exact: true })).toBeVisible();
	await fits(page, 'revisar');
	await page.getByLabel(/Autorizo el tratamiento/).check();
	await page.getByRole('button', { name: 'Pedir la cita' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Falta un paso: confirme su cita'
	);
	await fits(page, 'confirmation');
});

test('a petition with long values fits a 320 px screen, and so does its receipt', async ({
	page
}) => {
	await page.goto('/es/pqrsd');
	await page.getByRole('radio', { name: 'Petición', exact: true }).check();
	await page.getByLabel('Asunto').fill(LONG_WORD);
	await page.getByLabel('Descripción', { exact: true }).fill(`${LONG_WORD} ${LONG_WORD}`);
	await page.getByLabel('Municipio (opcional)').fill(LONG_WORD);
	await page.getByRole('radio', { name: 'Con mi nombre' }).check();
	await page.getByLabel('Nombre completo').fill(NAME);
	await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(EMAIL);
	await page.getByLabel('Dirección para correspondencia').fill(LONG_WORD);
	await page.getByRole('radio', { name: 'Por correo electrónico' }).check();
	await page.getByRole('checkbox', { name: /Autorizo el tratamiento/ }).check();
	await fits(page, 'form');
	await page.getByRole('button', { name: 'Enviar petición' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recibimos su petición');
	await fits(page, 'receipt');
});

test('a call-back request with long values fits a 320 px screen', async ({ page, request }) => {
	await setClock(request, '2030-02-04T07:00:00-05:00');
	await page.goto('/es/te-llamamos');
	await page.getByLabel('¿Cómo quiere que le llamemos?').fill(NAME);
	await page.getByLabel('Número de celular o de teléfono fijo').fill('300 123 4567');
	await page.getByRole('radio', { name: 'Información general' }).check();
	await page.getByLabel(/Cuéntenos un poco más/).fill(LONG_WORD);
	await page.getByRole('radio', { name: /martes 5 de febrero de 2030/ }).check();
	await page.getByRole('radio', { name: 'De 10:00 a. m. a 12:00 p. m.' }).check();
	await page.getByRole('checkbox', { name: /Acepto que usen mi nombre/ }).check();
	await fits(page, 'form');
	await page.getByRole('button', { name: 'Pedir la llamada' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le vamos a llamar');
	await fits(page, 'receipt');
});
