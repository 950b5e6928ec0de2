import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { pdfFile, pngFile } from '../../src/lib/server/testing/files';
import { LOCALES, axeViolations, expect, filePetition, mailbox, setClock, test } from './fixtures';

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
	for (let i = 0; i < limit; i += 1) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('Could not reach the element with Tab');
}

test('files a petition with the keyboard only', async ({ page, request }) => {
	// A frozen clock in the future, so the email worker (which compares with real time) still sends.
	await setClock(request, '2027-01-14T10:00:00-05:00');
	await page.goto('/es/pqrsd');
	await page.waitForLoadState('networkidle');

	await tabTo(page, page.getByRole('radio', { name: 'Petición', exact: true }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByLabel('Asunto'));
	await page.keyboard.type('Subsidio de gas');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Pido revisar el subsidio de gas de mi vivienda en Riohacha.');
	await tabTo(page, page.getByRole('radio', { name: 'Con mi nombre' }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByLabel('Nombre completo'));
	await page.keyboard.type('Ana Pérez');
	await tabTo(page, page.getByRole('textbox', { name: 'Correo electrónico' }));
	await page.keyboard.type('ana.teclado@example.com');
	await tabTo(page, page.getByRole('radio', { name: 'Por correo electrónico' }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('checkbox', { name: /Autorizo el tratamiento/ }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Enviar petición' }));
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recibimos su petición');
	await expect(page).toHaveTitle('Recibimos su petición — Ventanilla');
	const number = (await page.getByTestId('radicado-number').textContent())!.trim();
	expect(number).toBe('1-2027-000001');
	await expect(page.getByTestId('security-code')).toHaveText(
		/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/
	);
	await expect(page.getByText('jueves 4 de febrero de 2027')).toBeVisible();
	await expect(page.getByText('15 días hábiles')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Copiar número y código' })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);

	const email = await mailbox.waitFor(
		'ana.teclado@example.com',
		/Radicamos su petición 1-2027-000001/
	);
	expect(email.text).toContain('/es/radicado?numero=1-2027-000001');
	const code = (await page.getByTestId('security-code').textContent())!.replace('-', '');
	expect(email.text).not.toContain(code);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, acceptDownloads: true });

	test('files a petition without JavaScript', async ({ page }) => {
		await page.goto('/es/pqrsd');
		await page.getByRole('radio', { name: 'Denuncia', exact: true }).check();
		await page.getByLabel('Asunto').fill('Cobro indebido');
		await page
			.getByLabel('Descripción')
			.fill('Un funcionario pidió dinero por un trámite gratuito.');
		await page.getByLabel('Municipio (opcional)').fill('Maicao');
		await page.getByLabel('Documentos de apoyo (opcional)').setInputFiles({
			name: 'prueba.pdf',
			mimeType: 'application/pdf',
			buffer: pdfFile('prueba')
		});
		// Anonymous: no personal data and no reply channel to choose; the answer is seen online.
		await page.getByRole('radio', { name: 'Anónima (solo quejas y denuncias)' }).check();
		await page.getByRole('button', { name: 'Enviar petición' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recibimos su petición');
		const number = (await page.getByTestId('radicado-number').textContent())!.trim();
		expect(number).toMatch(/^1-\d{4}-000001$/);
		// The copy button needs JavaScript; the save button and the advice to write it down do not.
		await expect(page.getByRole('button', { name: 'Copiar número y código' })).toHaveCount(0);
		await expect(page.getByText('También puede escribirlos en un papel.')).toBeVisible();

		const code = (await page.getByTestId('security-code').textContent())!.trim();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Guardar como archivo' }).click()
		]);
		expect(download.suggestedFilename()).toBe(`radicado-${number}.txt`);
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text).toContain(number);
		expect(text).toContain(code);
	});

	test('shows what to fix when the form is incomplete', async ({ page }) => {
		await page.goto('/es/pqrsd');
		await page.getByRole('radio', { name: 'Sugerencia', exact: true }).check();
		await page.getByRole('radio', { name: 'Anónima (solo quejas y denuncias)' }).check();
		await page.getByRole('button', { name: 'Enviar petición' }).click();

		await expect(page).toHaveTitle(/^Error: Hacer una petición/);
		await expect(page.getByRole('link', { name: /Escriba el asunto/ })).toBeVisible();
		const summary = page.getByRole('alert').filter({ hasText: 'Hay un problema' });
		await expect(summary).toBeVisible();
		await expect(
			summary.getByRole('link', { name: /Solo las quejas y las denuncias pueden ser anónimas/ })
		).toBeVisible();
		// What was typed and chosen is kept.
		await expect(page.getByRole('radio', { name: 'Sugerencia', exact: true })).toBeChecked();
	});

	test('refuses a file that is not really a PDF, JPG or PNG', async ({ page }) => {
		await page.goto('/es/pqrsd');
		await page.getByRole('radio', { name: 'Petición', exact: true }).check();
		await page.getByLabel('Asunto').fill('Certificado');
		await page.getByLabel('Descripción').fill('Necesito un certificado de mi trámite.');
		await page.getByLabel('Documentos de apoyo (opcional)').setInputFiles({
			name: 'foto.png',
			mimeType: 'image/png',
			// A PNG signature, then a picture drawn in SVG: a browser would run its script.
			buffer: Buffer.concat([
				pngFile().subarray(0, 8),
				Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
			])
		});
		await page.getByRole('radio', { name: 'Con mi nombre' }).check();
		await page.getByLabel('Nombre completo').fill('Ana Pérez');
		await page.getByRole('radio', { name: /La consultaré en línea/ }).check();
		await page.getByRole('checkbox', { name: /Autorizo/ }).check();
		await page.getByRole('button', { name: 'Enviar petición' }).click();
		await expect(
			page.getByRole('link', { name: 'Solo aceptamos archivos PDF, JPG o PNG.' })
		).toBeVisible();
	});
});

for (const lang of LOCALES) {
	test(`every step of filing passes axe in ${lang}`, async ({ page }) => {
		await page.goto(`/${lang}/pqrsd`);
		expect(await axeViolations(page), 'form').toEqual([]);
		await page.getByRole('button').filter({ hasText: 'Enviar petición' }).click();
		await expect(page.getByRole('alert').first()).toBeVisible();
		expect(await axeViolations(page), 'errors').toEqual([]);
		await page.locator('input[name="type"][value="sugerencia"]').check();
		await page.locator('input[name="subject"]').fill('Horario');
		await page
			.locator('textarea[name="description"]')
			.fill('Sugiero abrir los sábados en la mañana.');
		await page.locator('input[name="identity"][value="identified"]').check();
		await page.locator('input[name="name"]').fill('Luis Epieyú');
		await page.locator('input[name="contactPreference"][value="online"]').check();
		await page.locator('input[name="consent"]').check();
		await page.getByRole('button').filter({ hasText: 'Enviar petición' }).click();
		await expect(page.getByTestId('radicado-number')).toBeVisible();
		expect(await axeViolations(page), 'confirmation').toEqual([]);
	});
}

test('the API files a petition once per Idempotency-Key', async ({ request }) => {
	const body = {
		type: 'consulta',
		subject: 'Tarifas',
		description: '¿Cómo se calcula la tarifa del gas natural vehicular?',
		identity: 'reserved',
		name: 'María Gómez',
		email: undefined,
		contactPreference: 'online'
	};
	const headers = { 'idempotency-key': 'api-filing-0001' };
	const filed = await filePetition(request, body, headers);
	const again = await filePetition(request, body, headers);
	expect(filed).toMatchObject({ type: 'consulta', termDays: 30 });
	expect(filed.number).toMatch(/^1-\d{4}-000001$/);
	expect(again).toEqual(filed);
});
