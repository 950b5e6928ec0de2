// A service page leads where it says: the claim in its steps is a link, the web form channel opens
// the form, and "Empezar en línea" opens the form already set to that service.
import { expect, test } from './fixtures';

const GAS = '/es/servicios/subsidio-de-gas-en-cilindro';

test('"haga un reclamo aquí" opens the petition form set to a claim about the service', async ({
	page
}) => {
	await page.goto(GAS);
	await page
		.getByRole('list')
		.filter({ hasText: 'Compre el cilindro' })
		.getByRole('link', { name: 'haga un reclamo aquí' })
		.click();
	await expect(page).toHaveURL(/\/es\/pqrsd\?/);
	await expect(page.getByRole('radio', { name: 'Reclamo', exact: true })).toBeChecked();
	await expect(page.getByLabel('Asunto')).toHaveValue('Subsidio al gas en cilindro');
});

test('the web form channel of a service opens the form, not the contact page', async ({ page }) => {
	await page.goto(GAS);
	await page.getByRole('link', { name: 'Formulario en esta página' }).click();
	await expect(page).toHaveURL(/\/es\/pqrsd(\?|$)/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hacer una petición');
	await page.goto(GAS);
	await page.getByRole('link', { name: 'Le llamamos' }).click();
	await expect(page).toHaveURL(/\/es\/te-llamamos$/);
});

test('"Empezar en línea" opens the form set to the service\'s type and subject', async ({
	page
}) => {
	await page.goto(GAS);
	await page.getByRole('link', { name: 'Empezar en línea' }).click();
	await expect(page.getByRole('radio', { name: 'Petición', exact: true })).toBeChecked();
	await expect(page.getByLabel('Asunto')).toHaveValue('Subsidio al gas en cilindro');
	// A preset is only a start: the person can still change it and send.
	await page.getByRole('radio', { name: 'Queja', exact: true }).check();
	await expect(page.getByRole('radio', { name: 'Petición', exact: true })).not.toBeChecked();
});
