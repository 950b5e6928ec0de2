// An anonymous denuncia asks only for what applies to it and says how the answer is seen.
import { expect, test } from './fixtures';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an anonymous denuncia hides "Sus datos" and explains how to see the answer', async ({
		page
	}) => {
		await page.goto('/es/pqrsd');
		await page.getByRole('radio', { name: 'Denuncia', exact: true }).check();
		await page.getByLabel('Asunto').fill('Cobro indebido');
		await page
			.getByLabel('Descripción', { exact: true })
			.fill('Un funcionario pidió dinero por un trámite gratuito.');
		await expect(page.getByLabel('Nombre completo')).toBeVisible();

		await page.getByRole('radio', { name: 'Anónima (solo denuncias)' }).check();
		await expect(page.getByLabel('Nombre completo')).toBeHidden();
		await expect(page.getByRole('textbox', { name: 'Correo electrónico' })).toBeHidden();
		await expect(
			page.getByRole('group', { name: '¿Cómo quiere recibir la respuesta?' })
		).toBeHidden();
		const how = page.getByRole('region', { name: 'Cómo verá la respuesta' });
		await expect(how).toBeVisible();
		await expect(how).toContainText('no podremos escribirle');
		await expect(how.getByRole('link', { name: 'Consultar radicado' })).toHaveAttribute(
			'href',
			'/es/radicado'
		);
		await expect(how.getByRole('link', { name: 'avisos' })).toHaveAttribute('href', '/es/avisos');

		await page.getByRole('button', { name: 'Enviar petición' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recibimos su petición');
	});

	test('choosing a name again shows "Sus datos" again', async ({ page }) => {
		await page.goto('/es/pqrsd');
		await page.getByRole('radio', { name: 'Anónima (solo denuncias)' }).check();
		await expect(page.getByLabel('Nombre completo')).toBeHidden();
		await page.getByRole('radio', { name: 'Con mi nombre' }).check();
		await expect(page.getByLabel('Nombre completo')).toBeVisible();
		await expect(page.getByRole('region', { name: 'Cómo verá la respuesta' })).toBeHidden();
	});
});
