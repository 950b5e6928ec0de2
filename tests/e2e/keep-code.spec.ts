// "Guardar también el código" keeps a code or says why it cannot: never "Guardado" without it.
import { expect, filePetition, ONLINE_COMPLAINT, test } from './fixtures';

test('keeping a look-up with the code box ticked and no code asks for the code', async ({
	page,
	request
}) => {
	const { number, securityCode } = await filePetition(request, ONLINE_COMPLAINT);
	await page.goto('/es/radicado');
	await page.getByLabel('Número de radicado').fill(number);
	await page.getByLabel('Código de seguridad').fill(securityCode);
	await page.getByRole('button', { name: 'Consultar' }).click();
	await expect(page.getByTestId('status-number')).toHaveText(number);

	await page.getByRole('checkbox', { name: 'Guardar también el código de seguridad' }).check();
	const typed = page.getByLabel('Escriba el código de seguridad para guardarlo');
	await page.getByRole('button', { name: 'Guardar en Mis trámites' }).click();
	await expect(page.getByText(/^Guardado/)).toHaveCount(0);
	await expect(typed).toBeFocused();
	await expect(typed).toHaveAttribute('aria-invalid', 'true');
	await expect(
		page.getByText('Escriba el código de seguridad, o desmarque la casilla.')
	).toBeVisible();

	await typed.fill('no es un código');
	await page.getByRole('button', { name: 'Guardar en Mis trámites' }).click();
	await expect(page.getByText(/^Guardado/)).toHaveCount(0);

	await typed.fill(securityCode.toLowerCase());
	await page.getByRole('button', { name: 'Guardar en Mis trámites' }).click();
	await expect(
		page.getByText('Guardado en Mis trámites de este teléfono, con el código de seguridad.')
	).toBeVisible();
});
