import type { APIRequestContext, Page } from '@playwright/test';
import { expect, filePetition, ONLINE_COMPLAINT, setClock, test } from './fixtures';
import { deploymentProxy, openControlled } from './offline-support';

// These journeys need the service worker that every other journey blocks.
test.use({ serviceWorkers: 'allow' });

// Monday 23 November 2026, 07:00 in Bogotá: the call-back form offers today and the next days.
const MONDAY_MORNING = '2026-11-23T07:00:00-05:00';

/** Fills the PQRSD form with a named petition answered by email, without sending it. */
async function writePetition(page: Page, subject: string): Promise<void> {
	await page.getByRole('radio', { name: 'Petición', exact: true }).check();
	await page.getByLabel('Asunto').fill(subject);
	await page
		.getByLabel('Descripción', { exact: true })
		.fill('Pido revisar el subsidio de gas de mi vivienda en Riohacha.');
	await page.getByRole('radio', { name: 'Con mi nombre' }).check();
	await page.getByLabel('Nombre completo').fill('Ana Pérez');
	await page.getByRole('textbox', { name: 'Correo electrónico' }).fill('ana@example.com');
	await page.getByRole('radio', { name: 'Por correo electrónico' }).check();
	await page.getByRole('checkbox', { name: /Autorizo el tratamiento/ }).check();
}

/** The number the next petition gets: one more than `number` means nothing was filed in between. */
async function nextNumber(request: APIRequestContext): Promise<string> {
	const filed = await filePetition(request, {
		type: 'sugerencia',
		subject: 'Horario',
		description: 'Sugiero abrir la oficina los sábados.',
		name: 'Luis Gómez',
		email: undefined,
		contactPreference: 'online'
	});
	return filed.number;
}

const following = (number: string) =>
	number.replace(/\d{6}$/, (n) => String(Number(n) + 1).padStart(6, '0'));

test('a petition written offline is filed exactly once when the network returns, even when the first answer is lost', async ({
	page,
	context,
	baseURL,
	request
}) => {
	let losing = true;
	const front = await deploymentProxy(baseURL!, {
		dropAnswer: (incoming) =>
			losing && incoming.method === 'POST' && incoming.url === '/api/v1/radicados'
	});
	try {
		await openControlled(page, `${front.url}/es/pqrsd`);
		await writePetition(page, 'Subsidio de gas sin señal');

		// The signal drops before the person presses "Enviar".
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Enviar petición' }).click();
		const heading = page.getByRole('heading', { level: 1 });
		await expect(heading).toHaveText('Su petición está guardada en este teléfono');
		await expect(heading).toBeFocused();
		await expect(page.getByText('Estado: pendiente de envío.')).toBeVisible();
		await expect(page).toHaveTitle('Su petición está guardada en este teléfono — Ventanilla');

		// The signal returns: the petition reaches the server, which files it; the answer is lost.
		await context.setOffline(false);
		await expect.poll(() => front.dropped.length, { timeout: 15_000 }).toBeGreaterThan(0);
		losing = false;

		// The page tries again with the same key: the server answers with the first filing.
		await expect(heading).toHaveText('Recibimos su petición', { timeout: 20_000 });
		await expect(heading).toBeFocused();
		const number = (await page.getByTestId('radicado-number').textContent())!.trim();
		await expect(page.getByTestId('security-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		expect(await nextNumber(request)).toBe(following(number));
	} finally {
		await front.close();
	}
});

test('two petitions written on the form opened without signal are both filed', async ({
	page,
	context
}) => {
	await openControlled(page, '/es');
	await context.setOffline(true);
	const numbers: string[] = [];
	for (const subject of ['Primera sin señal', 'Segunda sin señal']) {
		// The form comes from the copy kept on the device.
		await page.goto('/es/pqrsd');
		await writePetition(page, subject);
		await page.getByRole('button', { name: 'Enviar petición' }).click();
		await expect(page.getByText('Estado: pendiente de envío.')).toBeVisible();
	}

	// The last page open follows its own draft; the first one is sent too and waits in Mis trámites.
	await context.setOffline(false);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText('Recibimos su petición', { timeout: 20_000 });
	numbers.push((await page.getByTestId('radicado-number').textContent())!.trim());
	await page.goto('/es/mis-tramites');
	const other = page.getByText(/^Número de radicado: /);
	await expect(other).toHaveCount(1, { timeout: 20_000 });
	numbers.push((await other.textContent())!.replace('Número de radicado: ', '').trim());
	expect(new Set(numbers).size).toBe(2);
});

test('a petition whose answer is lost on the way is kept and filed once', async ({
	page,
	baseURL,
	request
}) => {
	// The form's own submission reaches the server and is filed, but its answer never arrives.
	const front = await deploymentProxy(baseURL!, {
		dropAnswer: (incoming) => incoming.method === 'POST' && incoming.url!.startsWith('/es/pqrsd')
	});
	try {
		await openControlled(page, `${front.url}/es/pqrsd`);
		await writePetition(page, 'Respuesta perdida');
		await page.getByRole('button', { name: 'Enviar petición' }).click();

		// Kept as a draft with the form's key, then sent through the API: the server replays its answer.
		const heading = page.getByRole('heading', { level: 1 });
		await expect(heading).toHaveText('Recibimos su petición', { timeout: 20_000 });
		expect(front.dropped.length).toBeGreaterThan(0);
		const number = (await page.getByTestId('radicado-number').textContent())!.trim();
		expect(await nextNumber(request)).toBe(following(number));
	} finally {
		await front.close();
	}
});

test('a call-back request written offline is sent when the network returns', async ({
	page,
	context,
	request
}) => {
	await setClock(request, MONDAY_MORNING);
	await openControlled(page, '/es/te-llamamos');
	await page.getByLabel('¿Cómo quiere que le llamemos?').fill('Ana');
	await page.getByLabel('Número de celular o de teléfono fijo').fill('3001234567');
	await page.getByRole('radio', { name: 'Otro tema' }).check();
	await page.getByRole('radio', { name: 'martes 24 de noviembre de 2026' }).check();
	await page.getByRole('radio', { name: /^De 8:00/ }).check();
	await page.getByRole('checkbox', { name: /Acepto/ }).check();

	await context.setOffline(true);
	await page.getByRole('button', { name: 'Pedir la llamada' }).click();
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText('Su solicitud de llamada está guardada en este teléfono');
	await expect(page.getByText('Estado: pendiente de envío.')).toBeVisible();

	await context.setOffline(false);
	await expect(heading).toHaveText('Le vamos a llamar', { timeout: 20_000 });
	await expect(page.getByText('Llamaremos al número +57 300 123 4567.')).toBeVisible();
});

test('keeps a look-up in "Mis trámites", shows it offline without the code, and deletes it', async ({
	page,
	context,
	request
}) => {
	const { number, securityCode } = await filePetition(request, ONLINE_COMPLAINT);

	await openControlled(page, '/es/radicado');
	await page.getByLabel('Número de radicado').fill(number);
	await page.getByLabel('Código de seguridad').fill(securityCode);
	await page.getByRole('button', { name: 'Consultar' }).click();
	await expect(page.getByTestId('status-number')).toHaveText(number);

	// Nothing is kept until the person asks; the code only with its own box, left unticked here.
	await expect(
		page.getByRole('checkbox', { name: 'Guardar también el código de seguridad' })
	).not.toBeChecked();
	await page.getByRole('button', { name: 'Guardar en Mis trámites' }).click();
	await expect(page.getByText('Guardado en Mis trámites de este teléfono.')).toBeVisible();

	await context.setOffline(true);
	await page.goto('/es/mis-tramites');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mis trámites en este teléfono');
	await expect(page.getByText(`Radicado ${number}`)).toBeVisible();
	await expect(page.getByText('Tipo: Queja')).toBeVisible();
	await expect(page.getByText(/Código de seguridad/)).toBeHidden();

	await page.getByRole('button', { name: 'Borrar todo lo guardado en este teléfono' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Se borró todo' })).toBeVisible();
	await expect(page.getByText('No hay nada guardado en este teléfono.')).toBeVisible();
});

test('keeps a new radicado with its security code only when the person chooses it', async ({
	page,
	context
}) => {
	await openControlled(page, '/es/pqrsd');
	await writePetition(page, 'Guardar con código');
	await page.getByRole('button', { name: 'Enviar petición' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recibimos su petición');
	const number = (await page.getByTestId('radicado-number').textContent())!.trim();
	const code = (await page.getByTestId('security-code').textContent())!.trim();

	await page.getByRole('checkbox', { name: 'Guardar también el código de seguridad' }).check();
	await page.getByRole('button', { name: 'Guardar en Mis trámites' }).click();
	await expect(
		page.getByText(/Guardado en Mis trámites .* con el código de seguridad/)
	).toBeVisible();

	await context.setOffline(true);
	await page.goto('/es/mis-tramites');
	await expect(page.getByText(`Radicado ${number}`)).toBeVisible();
	await expect(page.getByText(`Código de seguridad: ${code}`)).toBeVisible();
});

test('the confirmation of a petition sent from the phone keeps it in "Mis trámites" and thanks for the survey in place', async ({
	page,
	context
}) => {
	await openControlled(page, '/es/pqrsd');
	await writePetition(page, 'Confirmación desde el teléfono');
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Enviar petición' }).click();
	await expect(page.getByText('Estado: pendiente de envío.')).toBeVisible();
	await context.setOffline(false);

	// The confirmation the server rendered into the page, filled with its answer.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recibimos su petición', {
		timeout: 20_000
	});
	const number = (await page.getByTestId('radicado-number').textContent())!.trim();
	const code = (await page.getByTestId('security-code').textContent())!.trim();
	expect(number).toMatch(/^1-\d{4}-\d{6}$/);
	await expect(page.getByText('15 días hábiles')).toBeVisible();
	await expect(page.getByText('Le enviamos un correo a ana@example.com')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Copiar número y código' })).toBeVisible();

	await page.getByRole('checkbox', { name: 'Guardar también el código de seguridad' }).check();
	await page.getByRole('button', { name: 'Guardar en Mis trámites' }).click();
	await expect(
		page.getByText(/Guardado en Mis trámites .* con el código de seguridad/)
	).toBeVisible();

	await page.getByRole('radio', { name: 'Me sirvió mucho' }).check();
	await page.getByRole('button', { name: 'Enviar respuesta' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Gracias. Recibimos su respuesta.' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recibimos su petición');

	await page.goto('/es/mis-tramites');
	await expect(page.getByText(`Radicado ${number}`)).toBeVisible();
	await expect(page.getByText('Tipo: Petición')).toBeVisible();
	await expect(page.getByText(`Código de seguridad: ${code}`)).toBeVisible();
});
