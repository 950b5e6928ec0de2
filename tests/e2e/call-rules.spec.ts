// The call room keeps the 5-minute rule and the 30-minute limit, with the app's controllable clock.
import type { Page } from '@playwright/test';
import { axeViolations, expect, signInAsStaff, setClock, test } from './fixtures';
import { at, bookCall, bothInCall, MEDIA_LAUNCH, roomPass, openSides } from './call-support';

test.use({ launchOptions: MEDIA_LAUNCH });
test.describe.configure({ timeout: 90_000 });

test('the citizen cannot enter before start − 5 minutes; the room opens by itself then', async ({
	page,
	request
}) => {
	const booked = await bookCall(request);
	await setClock(request, at('08:54:59'));
	await page.goto(booked.videoUrl);
	await expect(
		page.getByText('La sala abre a las 8:55 a. m., 5 minutos antes de su cita.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Entrar a la videollamada' })).toBeHidden();
	const early = await request.post(`/api/v1/calls/${booked.reference}/participants`, {
		headers: { authorization: `Bearer ${await roomPass(page)}` }
	});
	expect(early.status()).toBe(409);
	expect(await early.json()).toMatchObject({
		code: 'ROOM_NOT_OPEN',
		opensAt: '2030-02-05T08:55:00-05:00'
	});

	await setClock(request, at('08:55:00'));
	await expect(page.getByRole('status')).toHaveText('La sala ya está abierta. Puede entrar.');
	await page.getByRole('button', { name: 'Entrar a la videollamada' }).click();
	await expect(
		page.getByText(
			'Está en la sala de espera. La persona que le atiende entra a las 9:00 a. m. y le espera hasta las 9:05 a. m.'
		)
	).toBeVisible();
});

test('a booking that waits for its emailed confirmation opens no call', async ({
	page,
	request
}) => {
	// Booked at 7:00 and not confirmed: the place is held until 7:15.
	const booked = await bookCall(request, {}, { confirm: false });
	await page.goto(booked.videoUrl);
	await expect(page.getByRole('heading', { name: 'Falta confirmar la cita' })).toBeVisible();
	await expect(
		page.getByText('Confírmela con el enlace del correo que le enviamos.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Entrar a la videollamada' })).toBeHidden();
	const refused = await request.post(`/api/v1/calls/${booked.reference}/participants`, {
		headers: { authorization: `Bearer ${await roomPass(page)}` }
	});
	expect(refused.status()).toBe(409);
	expect(await refused.json()).toMatchObject({ code: 'APPOINTMENT_NOT_CONFIRMED' });
	expect(await axeViolations(page)).toEqual([]);
});

test('"No asistió" is refused at start + 4:59 and recorded at start + 5:00 when the citizen never joined', async ({
	page
}) => {
	const booked = await bookCall(page.request);
	await setClock(page.request, at('09:04:59'));
	await signInAsStaff(page);
	await page.goto(`/staff/sala/${booked.reference}`);
	await expect(page.locator('#call-presence')).toHaveText(
		'El ciudadano aún no ha entrado a la sala.'
	);
	await expect(
		page.getByText('Si el ciudadano no entra, podrá marcar «No asistió» desde las 9:05 a. m.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'No asistió' })).toBeHidden();
	const early = await page.request.post(`/api/v1/staff/appointments/${booked.reference}/outcome`, {
		data: { outcome: 'no_show' }
	});
	expect(early.status()).toBe(409);
	expect((await early.json()).code).toBe('WAIT_NOT_ELAPSED');

	await setClock(page.request, at('09:05:00'));
	// The page follows the app's clock: the button appears without reloading.
	await expect(page.getByRole('button', { name: 'No asistió' })).toBeVisible();
	await expect(
		page.getByText(
			'El registro de la sala es la prueba: el ciudadano no entró entre las 8:55 a. m. y las 9:05 a. m.'
		)
	).toBeVisible();
	await page.getByRole('button', { name: 'No asistió' }).click();
	await expect(page.locator('.panel[role="status"]')).toHaveText(
		'La cita quedó como «No asistió».'
	);
	const audit = await page.request.get(`/api/v1/staff/appointments?date=2030-02-05`);
	const item = (await audit.json()).appointments.find(
		(a: { reference: string }) => a.reference === booked.reference
	);
	expect(item.status).toBe('no_show');
});

test('"No asistió" is refused when the join log shows the citizen entered', async ({
	browser,
	page
}) => {
	const booked = await bookCall(page.request);
	await setClock(page.request, at('09:01:00'));
	const citizenContext = await browser.newContext();
	const citizen = await citizenContext.newPage();
	await citizen.goto(booked.videoUrl);
	await citizen.getByRole('button', { name: 'Entrar a la videollamada' }).click();
	await expect(citizen.locator('#call-live')).toBeVisible();
	await citizen.getByRole('button', { name: 'Salir de la llamada' }).click();
	await expect(citizen.getByRole('status')).toHaveText('Salió de la llamada.');

	await setClock(page.request, at('09:06:00'));
	await signInAsStaff(page);
	await page.goto(`/staff/sala/${booked.reference}`);
	await expect(page.locator('#call-presence')).toHaveText('El ciudadano entró y salió de la sala.');
	await expect(page.locator('#call-join-log')).toContainText(
		'Ciudadano o ciudadana: entró a las 9:01 a. m. y salió a las 9:01 a. m.'
	);
	await expect(page.getByRole('button', { name: 'No asistió' })).toBeHidden();
	const refused = await page.request.post(
		`/api/v1/staff/appointments/${booked.reference}/outcome`,
		{
			data: { outcome: 'no_show' }
		}
	);
	expect(refused.status()).toBe(409);
	expect((await refused.json()).code).toBe('CITIZEN_JOINED');
	await citizenContext.close();
});

test('both sides are told at 25 minutes that 5 remain, and the call ends at 30', async ({
	browser,
	request
}) => {
	const booked = await bookCall(request);
	await setClock(request, at('09:00:00'));
	const sides = await openSides(browser, [{}, {}]);
	const [citizen, official] = sides.pages as [Page, Page];
	await signInAsStaff(official);
	await bothInCall(citizen, official, booked);

	await setClock(request, at('09:25:00'));
	for (const side of [citizen, official]) {
		await expect(side.getByRole('alert')).toHaveText(
			'Quedan 5 minutos. La llamada termina a las 9:30 a. m.'
		);
		await expect(side.locator('#call-live')).toBeVisible();
	}

	await setClock(request, at('09:30:00'));
	for (const side of [citizen, official]) {
		await expect(side.getByRole('heading', { name: 'La llamada terminó' })).toBeFocused();
		await expect(side.getByText('Terminó el tiempo de la cita.')).toBeVisible();
		await expect(side.locator('#call-live')).toBeHidden();
	}
	const late = await request.post(`/api/v1/calls/${booked.reference}/participants`, {
		headers: { authorization: `Bearer ${await roomPass(citizen)}` }
	});
	expect(late.status()).toBe(410);
	expect((await late.json()).code).toBe('CALL_ENDED');
	await sides.close();
});
