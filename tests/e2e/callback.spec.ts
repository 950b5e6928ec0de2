import type { Page } from '@playwright/test';
import { axeViolations, expect, setClock, tabTo, test } from './fixtures';

// Monday 23 November 2026, 07:00 in Bogotá: today still has call-back windows ahead.
const MONDAY_MORNING = '2026-11-23T07:00:00-05:00';

/** Fills and sends the form with the mouse: Ana, a mobile number, Tuesday from 8:00. */
async function askForACallOnTuesday(page: Page): Promise<void> {
	await page.goto('/es/te-llamamos');
	await page.getByLabel('¿Cómo quiere que le llamemos?').fill('Ana');
	await page.getByLabel('Número de celular o de teléfono fijo').fill('3001234567');
	await page.getByRole('radio', { name: 'Otro tema' }).check();
	await page.getByRole('radio', { name: 'martes 24 de noviembre de 2026' }).check();
	await page.getByRole('radio', { name: /^De 8:00/ }).check();
	await page.getByRole('checkbox', { name: /Acepto/ }).check();
	await page.getByRole('button', { name: 'Pedir la llamada' }).click();
}

test('asks for a call back in Wayuunaiki with the keyboard only', async ({ page, request }) => {
	await setClock(request, MONDAY_MORNING);
	await page.goto('/es/te-llamamos');

	await tabTo(page, page.getByLabel('¿Cómo quiere que le llamemos?'));
	await page.keyboard.type('Ana Epieyú');
	await page.keyboard.press('Tab');
	await page.keyboard.type('300 123 4567');

	await tabTo(page, page.getByRole('radio', { name: 'Español' }));
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'Wayuunaiki' })).toBeChecked();

	await tabTo(page, page.getByRole('radio', { name: /Subsidio de gas/ }));
	await page.keyboard.press('Space');

	// In a radio group, Tab reaches the first choice and the arrow keys move and choose.
	await tabTo(page, page.getByRole('radio', { name: 'lunes 23 de noviembre de 2026' }));
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'martes 24 de noviembre de 2026' })).toBeChecked();
	await tabTo(page, page.getByRole('radio', { name: /^De 8:00/ }));
	await page.keyboard.press('ArrowDown');
	await tabTo(page, page.getByRole('checkbox', { name: /Acepto/ }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Pedir la llamada' }));
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le vamos a llamar');
	await expect(page.getByText(/martes 24 de noviembre de 2026, entre las 10:00/)).toBeVisible();
	await expect(page.getByText('Llamaremos al número +57 300 123 4567.')).toBeVisible();
	await expect(page.getByText('Una persona le hablará en wayuunaiki.')).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('asks for a call back and sending the form twice makes one request', async ({
		page,
		request
	}) => {
		await setClock(request, MONDAY_MORNING);
		await page.goto('/es/te-llamamos');
		await page.getByLabel('¿Cómo quiere que le llamemos?').fill('Luis');
		await page.getByLabel('Número de celular o de teléfono fijo').fill('605 727 1234');
		await page.getByRole('radio', { name: 'Información general' }).check();
		await page.getByRole('radio', { name: 'miércoles 25 de noviembre de 2026' }).check();
		await page.getByRole('radio', { name: /^De 8:00/ }).check();
		await page.getByRole('checkbox', { name: /Acepto/ }).check();
		await page.getByRole('button', { name: 'Pedir la llamada' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le vamos a llamar');
		// The browser sends the same form again (a reload after the answer).
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le vamos a llamar');
		const indicators = await (await request.get('/api/v1/indicators')).json();
		expect(indicators.months.at(-1).callbacks.requested).toBe(1);
	});

	test('shows what to fix and keeps what was typed', async ({ page, request }) => {
		await setClock(request, MONDAY_MORNING);
		await page.goto('/es/te-llamamos');
		await page.getByLabel('¿Cómo quiere que le llamemos?').fill('Ana');
		await page.getByLabel('Número de celular o de teléfono fijo').fill('727 1234');
		await page.getByRole('button', { name: 'Pedir la llamada' }).click();
		await expect(page).toHaveTitle(/^Error:/);
		const summary = page.getByRole('alert');
		await expect(summary.getByRole('heading', { name: 'Hay un problema' })).toBeVisible();
		await expect(summary.getByRole('link', { name: /indicativo/ })).toHaveAttribute(
			'href',
			'#field-phone'
		);
		await expect(summary.getByRole('link', { name: /acepte el uso de sus datos/ })).toBeVisible();
		await expect(page.getByLabel('¿Cómo quiere que le llamemos?')).toHaveValue('Ana');
	});

	test('answers the survey after asking for a call back', async ({ page, request }) => {
		await setClock(request, MONDAY_MORNING);
		await askForACallOnTuesday(page);
		await page.getByRole('radio', { name: 'Me sirvió mucho' }).check();
		await page.getByRole('button', { name: 'Enviar respuesta' }).click();
		await expect(page.getByRole('status')).toHaveText('Gracias. Recibimos su respuesta.');
	});
});

test('the survey thanks in place with JavaScript', async ({ page, request }) => {
	await setClock(request, MONDAY_MORNING);
	await askForACallOnTuesday(page);
	await page.getByRole('radio', { name: 'Más o menos' }).check();
	await page.getByRole('button', { name: 'Enviar respuesta' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Gracias' })).toBeVisible();
	const indicators = await (await request.get('/api/v1/indicators')).json();
	expect(indicators.months.at(-1).satisfaction).toEqual({
		answers: 1,
		average: 3,
		satisfiedPercent: 0
	});
});

test('the error summary takes focus and passes axe', async ({ page, request }) => {
	await setClock(request, MONDAY_MORNING);
	await page.goto('/es/te-llamamos');
	await page.getByRole('button', { name: 'Pedir la llamada' }).click();
	await expect(page.getByRole('alert')).toBeFocused();
	await expect(page).toHaveTitle(/^Error:/);
	expect(await axeViolations(page)).toEqual([]);
	await page
		.getByRole('alert')
		.getByRole('link', { name: /Escriba cómo quiere/ })
		.click();
	await expect(page.getByLabel('¿Cómo quiere que le llamemos?')).toBeFocused();
});

test('the API refuses a phone without area code with a field message', async ({ request }) => {
	const response = await request.post('/api/v1/callbacks?lang=es', {
		data: {
			name: 'Ana',
			phone: '727 1234',
			language: 'es',
			topic: 'otro',
			day: '2026-11-24',
			window: '08:00-10:00',
			consent: true
		}
	});
	expect(response.status()).toBe(422);
	const body = await response.json();
	expect(body.errors).toContainEqual({
		path: 'phone',
		message: 'Escriba el indicativo antes del número fijo, por ejemplo 605.'
	});
});
