import type { APIRequestContext } from '@playwright/test';
import { LOCALES, axeViolations, expect, filePetition, setClock, test } from './fixtures';

/** A petition with a municipality and a postal address, filed through the API. */
function fileOne(request: APIRequestContext) {
	return filePetition(request, {
		municipality: 'Riohacha',
		address: 'Calle 1 # 2-3',
		contactPreference: 'online'
	});
}

test('looks up a petition with its security code', async ({ page, request }) => {
	await setClock(request, '2026-01-15T10:00:00-05:00');
	const filed = await fileOne(request);
	await setClock(request, '2026-01-28T11:00:00-05:00');

	await page.goto(`/es/radicado?numero=${filed.number}`);
	// Typing before hydration ends would be undone by it; a person is never that fast.
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Número de radicado')).toHaveValue(filed.number);
	await page.getByLabel('Código de seguridad').focus();
	await page.keyboard.type(filed.securityCode.toLowerCase());
	await page.keyboard.press('Enter');
	await page.waitForLoadState();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Estado de su petición');
	await expect(page.getByTestId('status-term')).toHaveText(
		'Día 9 de 15 hábiles — vence el jueves 5 de febrero de 2026.'
	);
	await expect(page.getByTestId('status-band')).toHaveText(/Medio: va por la mitad del plazo/);
	await expect(page.getByTestId('status-state')).toHaveText('Recibida');
	await expect(page.getByText('Recibimos la petición.')).toBeVisible();
	// Never the petitioner's personal data.
	await expect(page.locator('main')).not.toContainText('Ana');
	await expect(page.locator('main')).not.toContainText('Calle 1');
	expect(await axeViolations(page)).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('looks up a petition without JavaScript', async ({ page, request }) => {
		const filed = await fileOne(request);
		await page.goto('/es/radicado');
		await page.getByLabel('Número de radicado').fill(filed.number);
		await page.getByLabel('Código de seguridad').fill(filed.securityCode);
		await page.getByRole('button', { name: 'Consultar' }).click();
		await expect(page.getByTestId('status-number')).toHaveText(filed.number);
		await expect(page.getByTestId('status-band')).toHaveText(/Bajo/);
	});

	test('guessing codes is stopped after 5 failures', async ({ page, request }) => {
		test.slow();
		const filed = await fileOne(request);
		await page.goto(`/es/radicado?numero=${filed.number}`);
		const left = [
			'Le quedan 4 intentos antes de una pausa.',
			'Le quedan 3 intentos antes de una pausa.',
			'Le quedan 2 intentos antes de una pausa.',
			'Le queda 1 intento antes de una pausa.',
			'Ese fue su último intento por ahora.'
		];
		for (let i = 0; i < 5; i += 1) {
			await page.getByLabel('Código de seguridad').fill(`AAAAAAA${i}`);
			await page.getByRole('button', { name: 'Consultar' }).click();
			await expect(page.getByRole('alert')).toContainText('No encontramos la petición');
			// The page says how many tries remain before a pause.
			await expect(page.getByTestId('tries-left')).toContainText(left[i]!);
		}
		await page.getByLabel('Código de seguridad').fill(filed.securityCode);
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Consultar' }).click()
		]);
		expect(response.status()).toBe(429);
		expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
		await expect(page.getByRole('alert')).toContainText('Demasiados intentos');
		await expect(page.getByRole('alert')).toContainText(/Intente de nuevo en \d+ minutos/);
		await expect(page).toHaveTitle(/^Error: /);

		const api = await request.post('/api/v1/radicados/lookup', {
			data: { number: filed.number, securityCode: filed.securityCode }
		});
		expect(api.status()).toBe(429);
		expect(Number(api.headers()['retry-after'])).toBeGreaterThan(0);
		expect((await api.json()).code).toBe('LOOKUP_LIMITED');
	});
});

test('a wrong code and an unknown number get the same answer', async ({ page, request }) => {
	const filed = await fileOne(request);
	const wrongCode = await request.post('/api/v1/radicados/lookup', {
		data: { number: filed.number, securityCode: 'ZZZZZZZZ' }
	});
	const unknown = await request.post('/api/v1/radicados/lookup', {
		data: { number: '1-2026-999999', securityCode: filed.securityCode }
	});
	expect(wrongCode.status()).toBe(404);
	expect(unknown.status()).toBe(404);
	expect(await wrongCode.text()).toBe(await unknown.text());

	await page.goto('/es/radicado');
	await page.getByLabel('Número de radicado').fill('1-2026-999999');
	await page.getByLabel('Código de seguridad').fill('ZZZZZZZZ');
	await page.getByRole('button', { name: 'Consultar' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'El número o el código no coinciden. Revise los dos datos e intente de nuevo.'
	);
});

for (const lang of LOCALES) {
	test(`every step of the look-up passes axe in ${lang}`, async ({ page, request }) => {
		const filed = await fileOne(request);
		await page.goto(`/${lang}/radicado`);
		expect(await axeViolations(page), 'form').toEqual([]);
		await page.locator('input[name="number"]').fill(filed.number);
		await page.locator('button[type="submit"]').click();
		await expect(page.locator('.error-summary')).toBeVisible();
		expect(await axeViolations(page), 'errors').toEqual([]);
		await page.locator('input[name="securityCode"]').fill('ZZZZZZZZ');
		await page.locator('button[type="submit"]').click();
		await expect(page.locator('[aria-labelledby="lookup-problem"]')).toBeVisible();
		expect(await axeViolations(page), 'not found').toEqual([]);
		await page.locator('input[name="securityCode"]').fill(filed.securityCode);
		await page.locator('button[type="submit"]').click();
		await expect(page.getByTestId('status-number')).toHaveText(filed.number);
		expect(await axeViolations(page), 'result').toEqual([]);
	});
}

for (const lang of LOCALES) {
	test(`the message about too many attempts passes axe in ${lang}`, async ({ page, request }) => {
		const filed = await fileOne(request);
		for (let i = 0; i < 5; i += 1) {
			await request.post('/api/v1/radicados/lookup', {
				data: { number: filed.number, securityCode: `AAAAAAA${i}` }
			});
		}
		await page.goto(`/${lang}/radicado?numero=${filed.number}`);
		await page.locator('input[name="securityCode"]').fill(filed.securityCode);
		await page.locator('button[type="submit"]').click();
		await expect(page.locator('[aria-labelledby="lookup-problem"]')).toContainText(
			'Demasiados intentos'
		);
		expect(await axeViolations(page)).toEqual([]);
	});
}
