import type { APIRequestContext, Page } from '@playwright/test';
import {
	axeViolations,
	bookAppointment,
	expect,
	filePetition,
	mailbox,
	setClock,
	signInAsStaff,
	STAFF_PASSWORD,
	tabTo,
	test
} from './fixtures';

// Booked on Monday 4 February 2030 at 07:00 (Bogotá) for Tuesday at 09:00.
const BOOKING_TIME = '2030-02-04T07:00:00-05:00';
const START = '2030-02-05T09:00:00-05:00';
const DAY = '2030-02-05';
const at = (time: string) => `${DAY}T${time}:00-05:00`;

async function book(request: APIRequestContext, email = 'ana@example.com'): Promise<string> {
	await setClock(request, BOOKING_TIME);
	const booked = await bookAppointment(request, {
		start: START,
		name: 'Ana María Epieyú',
		documentNumber: '40123456',
		email,
		phone: '300 765 4321',
		description: 'El subsidio de octubre no me llegó.',
		callLanguage: 'guc',
		accessibilityNeeds: 'Uso lector de pantalla',
		preferential: ['ethnic-group']
	});
	return booked.reference;
}

function appointment(page: Page, reference: string) {
	return page.getByRole('article').filter({ hasText: reference });
}

test('the console asks officials to sign in first', async ({ page, request }) => {
	await page.goto('/staff/agenda');
	await expect(page).toHaveURL(/\/staff\/entrar\?volver=%2Fstaff%2Fagenda$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entrar a la consola');
	const api = await request.get('/api/v1/staff/appointments');
	expect(api.status()).toBe(401);
	expect(api.headers()['content-type']).toContain('application/problem+json');
});

test('an official signs in with the keyboard only and lands on the agenda', async ({
	page,
	request
}) => {
	await request.post('/__test__/staff', {
		data: { email: 'agente@example.org', role: 'agent', password: STAFF_PASSWORD }
	});
	await page.goto('/staff/entrar');
	await tabTo(page, page.getByLabel('Correo electrónico'));
	await page.keyboard.type('agente@example.org');
	await page.keyboard.press('Tab');
	await page.keyboard.type(STAFF_PASSWORD);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/staff\/agenda$/);
	await expect(page.getByText('Sesión de agente@example.org (agente).')).toBeVisible();
	const cookie = (await page.context().cookies()).find((c) => c.name === '__Host-ventanilla_staff');
	expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
});

test('a wrong password is refused with an error summary', async ({ page, request }) => {
	await request.post('/__test__/staff', {
		data: { email: 'agente@example.org', role: 'agent', password: STAFF_PASSWORD }
	});
	await page.goto('/staff/entrar');
	await page.getByLabel('Correo electrónico').fill('agente@example.org');
	await page.getByLabel('Contraseña').fill('no es esta');
	await page.getByRole('button', { name: 'Entrar' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'El correo o la contraseña no son correctos.'
	);
	await expect(page).toHaveTitle(/^Error: Entrar a la consola — Ventanilla$/);
});

test('the sign-in page passes axe', async ({ page }) => {
	await page.goto('/staff/entrar');
	expect(await axeViolations(page)).toEqual([]);
});

for (const path of [
	`/staff/agenda?fecha=${DAY}`,
	'/staff/peticiones',
	'/staff/peticiones/nueva',
	'/staff/plantillas',
	'/staff/plantillas?plantilla=subsidio-glp',
	'/staff/llamadas',
	'/staff/funcionarios',
	'/staff/contenido?tipo=service',
	`/staff/contenido?id=${encodeURIComponent('service:subsidio-de-gas-en-cilindro')}`,
	'/staff/contenido?id=glossary:glp',
	'/staff/contenido?id=charter:carta'
]) {
	test(`the console page ${path} passes axe`, async ({ page, request }) => {
		await book(request);
		await setClock(request, at('08:50'));
		await signInAsStaff(page, 'admin');
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
	});
}

test("the agenda shows the day's appointment with its needs and a countdown", async ({
	page,
	request
}) => {
	const reference = await book(request);
	await setClock(request, at('08:48'));
	await signInAsStaff(page);
	await page.goto(`/staff/agenda?fecha=${DAY}`);
	const card = appointment(page, reference);
	await expect(card.getByRole('heading')).toHaveText(/9:00 a\. m\. – 9:30 a\. m\./);
	await expect(card).toContainText('Empieza en 12 min');
	await expect(card).toContainText('Wayuunaiki: con intérprete');
	await expect(card).toContainText('Uso lector de pantalla');
	await expect(card).toContainText('Persona de un grupo étnico');
	await expect(card).toContainText('El enlace de la videollamada se abre a las 8:55 a. m.');
	await expect(card.getByRole('link', { name: /Entrar a la videollamada/ })).toHaveCount(0);

	await setClock(request, at('08:55'));
	await page.reload();
	await expect(card.getByRole('link', { name: /Entrar a la videollamada/ })).toBeVisible();
});

test('the agenda marks a booking with a phone only for a call and counts the holds that expired', async ({
	page,
	request
}) => {
	await setClock(request, BOOKING_TIME);
	const called = await bookAppointment(request, {
		start: START,
		email: undefined,
		phone: '300 765 4321'
	});
	const held = await bookAppointment(
		request,
		{ start: at('10:00'), email: 'nadie@example.com' },
		{},
		{ confirm: false }
	);
	await setClock(request, '2030-02-04T07:20:00-05:00');
	await signInAsStaff(page);
	await expect
		.poll(async () => {
			await page.goto(`/staff/agenda?fecha=${DAY}`);
			return page.getByTestId('expired-holds').count();
		})
		.toBe(1);
	await expect(page.getByTestId('expired-holds')).toHaveText(
		'1 cita apartada no se confirmó a tiempo: su cupo quedó libre.'
	);
	const card = appointment(page, called.reference);
	await expect(card).toContainText(
		'Llame para confirmar. La persona pidió la cita sin correo electrónico. Su teléfono está en «Ver datos de la persona»: llámela para confirmarla.'
	);
	await expect(appointment(page, held.reference)).toHaveCount(0);
	expect(await axeViolations(page)).toEqual([]);
	// The phone is behind the audited "Ver datos de la persona", like every person's phone.
	await expect(card).not.toContainText('300 765 4321');
	await expect(card.getByRole('button', { name: 'Ver datos de la persona' })).toBeVisible();
});

test("the person's data opens on the day the official is looking at, not on today", async ({
	page,
	request
}) => {
	const reference = await book(request);
	// The day before the appointment: the official looks ahead at its day.
	await setClock(request, '2030-02-04T15:00:00-05:00');
	await signInAsStaff(page);
	await page.goto(`/staff/agenda?fecha=${DAY}`);
	const card = appointment(page, reference);
	await card.getByRole('button', { name: 'Ver datos de la persona' }).click();
	await expect(page).toHaveURL(new RegExp(`fecha=${DAY}.*#persona-${reference}$`));
	await expect(card.getByRole('heading', { name: 'Datos de la persona' })).toBeVisible();
	await expect(card).toContainText('Cédula de ciudadanía 40123456');
});

test('the agenda names the day and time of an appointment more than an hour away', async ({
	page,
	request
}) => {
	const reference = await book(request);
	await signInAsStaff(page);
	await page.goto(`/staff/agenda?fecha=${DAY}`);
	const card = appointment(page, reference);
	await expect(card.locator('.countdown')).toHaveText('Empieza el martes 5 a las 9:00 a. m.');

	await setClock(request, at('07:30'));
	await signInAsStaff(page);
	await page.reload();
	await expect(card.locator('.countdown')).toHaveText('Empieza hoy a las 9:00 a. m.');
	await setClock(request, at('08:00'));
	await page.reload();
	await expect(card.locator('.countdown')).toHaveText('Empieza en 60 min');
});

test("an official opens the person's phone, document and case from the agenda, and it is audited", async ({
	page,
	request
}) => {
	const reference = await book(request);
	await setClock(request, at('08:40'));
	await signInAsStaff(page);
	await page.goto(`/staff/agenda?fecha=${DAY}`);
	const card = appointment(page, reference);
	for (const hidden of ['300 765 4321', '40123456', 'El subsidio de octubre no me llegó.']) {
		await expect(card).not.toContainText(hidden);
	}
	const audit = async () => (await (await request.post('/__test__/tables')).json()).audit_log;
	const before = await audit();

	await tabTo(page, card.getByRole('button', { name: 'Ver datos de la persona' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`#persona-${reference}$`));
	await expect(card.getByRole('heading', { name: 'Datos de la persona' })).toBeVisible();
	await expect(card.getByRole('link', { name: '300 765 4321' })).toHaveAttribute(
		'href',
		'tel:+573007654321'
	);
	await expect(card).toContainText('Cédula de ciudadanía 40123456');
	await expect(card).toContainText('El subsidio de octubre no me llegó.');
	await expect(card).toContainText('Quedó registrado que usted abrió estos datos.');
	expect(await audit()).not.toBe(before);
	expect(await axeViolations(page)).toEqual([]);

	const plain = await page.request.get(`/api/v1/staff/appointments?date=${DAY}`);
	expect(plain.status()).toBe(200);
	const [item] = (await plain.json()).appointments;
	expect(item.reference).toBe(reference);
	expect(item).not.toHaveProperty('person');
	const afterPage = await audit();
	const opened = await page.request.get(`/api/v1/staff/appointments?date=${DAY}&include=person`);
	expect(opened.status()).toBe(200);
	expect((await opened.json()).appointments[0].person).toEqual({
		phone: '+573007654321',
		document: { type: 'CC', number: '40123456' },
		description: 'El subsidio de octubre no me llegó.'
	});
	expect(await audit()).not.toBe(afterPage);
});

test('the history of a petition says who filed it in Spanish', async ({ page, request }) => {
	const filed = await filePetition(request);
	await signInAsStaff(page);
	await page.goto(`/staff/peticiones?numero=${filed.number}`);
	const history = page
		.getByRole('heading', { name: 'Historia' })
		.locator('xpath=following-sibling::ol[1]');
	await expect(history).toContainText('(la persona que hizo la petición)');
	await expect(history).not.toContainText('citizen');
});

test('a no-show waits 5 minutes after the start, with the keyboard only', async ({
	page,
	request
}) => {
	const reference = await book(request);
	await setClock(request, at('09:04'));
	await signInAsStaff(page);
	await page.goto(`/staff/agenda?fecha=${DAY}`);
	await tabTo(page, appointment(page, reference).getByRole('button', { name: 'No se presentó' }));
	await page.keyboard.press('Enter');
	const summary = page.getByRole('alert');
	await expect(summary).toContainText(
		'Espere al ciudadano hasta 5 minutos. Podrá marcar «No se presentó» desde las 9:05 a. m.'
	);
	await expect(summary).toBeFocused();

	await setClock(request, at('09:05'));
	await tabTo(page, appointment(page, reference).getByRole('button', { name: 'No se presentó' }));
	await page.keyboard.press('Enter');
	await expect(page.locator('.panel[role="status"]')).toHaveText(
		`La cita ${reference} quedó como «No se presentó».`
	);
	await expect(appointment(page, reference)).toContainText('No se presentó');
});

test('the API answers 409 WAIT_NOT_ELAPSED with the time the no-show becomes possible', async ({
	page,
	request
}) => {
	const reference = await book(request);
	await setClock(request, at('09:02'));
	await signInAsStaff(page);
	const early = await page.request.post(`/api/v1/staff/appointments/${reference}/outcome`, {
		data: { outcome: 'no_show' }
	});
	expect(early.status()).toBe(409);
	expect(await early.json()).toMatchObject({
		code: 'WAIT_NOT_ELAPSED',
		availableAt: '2030-02-05T09:05:00-05:00'
	});
	const attended = await page.request.post(`/api/v1/staff/appointments/${reference}/outcome`, {
		data: { outcome: 'attended' }
	});
	expect(attended.status()).toBe(200);
	expect((await attended.json()).status).toBe('attended');
});

test('records an outcome without JavaScript', async ({ browser, request }) => {
	const reference = await book(request);
	await setClock(request, at('09:10'));
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAsStaff(page);
	await page.goto(`/staff/agenda?fecha=${DAY}`);
	await appointment(page, reference).getByRole('button', { name: 'Atendida' }).click();
	await expect(page.locator('.panel[role="status"]')).toHaveText(
		`La cita ${reference} quedó como atendida.`
	);
	await context.close();
});

test('a failed connection emails the citizen a link to choose a new time', async ({
	page,
	request
}) => {
	const reference = await book(request, 'luz@example.com');
	await setClock(request, at('09:01'));
	await signInAsStaff(page);
	await page.goto(`/staff/agenda?fecha=${DAY}`);
	await appointment(page, reference).getByRole('button', { name: 'Falló la conexión' }).click();
	await expect(page.locator('.panel[role="status"]')).toContainText('Enviamos al ciudadano');
	const email = await mailbox.waitFor('luz@example.com', /Elija una nueva hora/);
	const link = /https?:\/\/\S+\/es\/citas\/cita\/\S+/.exec(email.text)![0];
	expect(link).toContain(reference);
	await page.goto(new URL(link).pathname + new URL(link).search);
	await expect(page.getByText('Debe elegir una nueva hora')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Cambiar la fecha u hora' })).toBeVisible();
});

test('a petition event shows in the citizen look-up', async ({ page, request }) => {
	const filed = await filePetition(request);
	await signInAsStaff(page);
	await page.goto('/staff/peticiones');
	await page.getByLabel('Número de radicado o palabras del asunto').fill(filed.number);
	await page.getByRole('button', { name: 'Filtrar' }).click();
	await page.getByRole('link', { name: filed.number }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Petición ${filed.number}`);
	expect(await axeViolations(page)).toEqual([]);
	await page.getByRole('radio', { name: 'En trámite' }).check();
	await page.getByRole('button', { name: 'Guardar el evento' }).click();
	await expect(page.locator('.panel[role="status"]')).toContainText('«En trámite»');

	const lookup = await request.post('/api/v1/radicados/lookup', {
		data: { number: filed.number, securityCode: filed.securityCode }
	});
	expect(lookup.status()).toBe(200);
	expect((await lookup.json()).state).toBe('en_tramite');
});

test('an old link to a petition by number opens its page', async ({ page, request }) => {
	const filed = await filePetition(request);
	await signInAsStaff(page);
	await page.goto(`/staff/peticiones?numero=${filed.number}`);
	await expect(page).toHaveURL(new RegExp(`/staff/peticiones/${filed.number}$`));
	expect((await page.goto('/staff/peticiones/1-2030-999999'))?.status()).toBe(404);
});

test('an extension beyond twice the legal term is refused', async ({ page, request }) => {
	const filed = await filePetition(request);
	await signInAsStaff(page);
	const response = await page.request.post(`/api/v1/staff/radicados/${filed.number}/events`, {
		data: {
			kind: 'ampliacion_de_plazo',
			reason: 'Necesitamos un concepto técnico.',
			newDueDate: '2099-01-05'
		}
	});
	expect(response.status()).toBe(422);
	expect((await response.json()).code).toBe('EXTENSION_INVALID');
});

/** Ana asks on Monday 23 November 2026 to be called on Tuesday between 8:00 and 10:00. */
async function askForCallBack(request: APIRequestContext): Promise<string> {
	await setClock(request, '2026-11-23T07:00:00-05:00');
	const asked = await request.post('/api/v1/callbacks', {
		data: {
			name: 'Ana Epieyú',
			phone: '+57 300 123 4567',
			language: 'guc',
			topic: 'subsidio-glp',
			day: '2026-11-24',
			window: '08:00-10:00',
			consent: true
		}
	});
	expect(asked.status()).toBe(201);
	return (await asked.json()).id;
}

test('a call back is marked as not answered and stays in the queue', async ({ page, request }) => {
	await askForCallBack(request);
	await setClock(request, '2026-11-24T08:10:00-05:00');
	await signInAsStaff(page);
	await page.goto('/staff/llamadas?idioma=guc');
	const call = page.getByRole('article').filter({ hasText: 'Ana Epieyú' });
	await expect(call).toContainText('Wayuunaiki');
	await call.getByRole('button', { name: 'No contestó' }).click();
	await expect(page.locator('.panel[role="status"]')).toContainText('sigue en la lista');
	await expect(call).toContainText('1 de 3');
});

test('a call back cannot be marked before the window the citizen chose', async ({
	page,
	request
}) => {
	const id = await askForCallBack(request);
	await setClock(request, '2026-11-24T07:45:00-05:00');
	await signInAsStaff(page);
	await page.goto('/staff/llamadas');
	const call = page.getByRole('article').filter({ hasText: 'Ana Epieyú' });
	await call.getByRole('button', { name: 'No contestó' }).click();
	const message =
		'La persona eligió que la llamen desde las 8:00 a. m. del martes 24 de noviembre de 2026. ' +
		'Podrá marcar el intento desde esa hora.';
	await expect(page.getByRole('alert')).toContainText(message);
	await expect(call.locator('.error-message')).toHaveText(message);
	await expect(call).toContainText('0 de 3');

	const early = await page.request.post(`/api/v1/staff/callbacks/${id}/attempts`, {
		data: { result: 'called' }
	});
	expect(early.status()).toBe(409);
	expect(await early.json()).toMatchObject({
		code: 'CALLBACK_TOO_EARLY',
		availableAt: '2026-11-24T08:00:00-05:00'
	});
	await setClock(request, '2026-11-24T08:00:00-05:00');
	const onTime = await page.request.post(`/api/v1/staff/callbacks/${id}/attempts`, {
		data: { result: 'called' }
	});
	expect(onTime.status()).toBe(200);
	expect(await onTime.json()).toMatchObject({ status: 'called', attempts: 1 });
});

test('an agent cannot open the list of officials', async ({ page }) => {
	await signInAsStaff(page, 'agent');
	const response = await page.goto('/staff/funcionarios');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('link', { name: 'Funcionarios' })).toHaveCount(0);
});

test('signing out everywhere ends the session', async ({ page }) => {
	await signInAsStaff(page);
	await page.goto('/staff/agenda');
	await page.getByRole('button', { name: 'Cerrar sesión en todos los equipos' }).click();
	await expect(page.locator('.panel[role="status"]')).toHaveText(
		'Cerró la sesión en todos sus equipos.'
	);
	expect((await page.request.get('/api/v1/staff/session')).status()).toBe(401);
});
