import type { APIRequestContext, Page } from '@playwright/test';
import {
	LOCALES,
	axeViolations,
	bookAppointment,
	expect,
	mailbox,
	setClock,
	test
} from './fixtures';

// Monday 4 February 2030, 07:00 in Bogotá: not a holiday; the first free slot is 09:00.
const NOW = '2030-02-04T07:00:00-05:00';
const TUESDAY = /martes 5 de febrero de 2030/;

test.beforeEach(async ({ request }) => {
	await setClock(request, NOW);
});

interface Person {
	email: string;
	document: string;
}

function person(): Person {
	const id = Math.floor(Math.random() * 1e8);
	return { email: `persona${id}@example.com`, document: String(10_000_000 + id) };
}

/** Walks the journey with the keyboard: focus, Space to choose, Enter to submit. */
async function bookWithKeyboard(page: Page, who: Person, check?: (step: string) => Promise<void>) {
	await page.goto('/es/citas');
	await check?.('tema');
	await page.getByLabel('Pedir información').press('Space');
	await page.getByRole('button', { name: 'Continuar' }).press('Enter');

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Qué día quiere su cita?');
	await check?.('dia');
	await page.getByLabel(TUESDAY).press('Space');
	await page.getByRole('button', { name: 'Continuar' }).press('Enter');

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿A qué hora?');
	await check?.('hora');
	await page.getByRole('radio', { name: '9:00 a. m. — quedan 2 cupos' }).press('Space');
	await page.getByRole('button', { name: 'Continuar' }).press('Enter');

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sus datos');
	await check?.('datos');
	await page.getByLabel('Nombre completo').fill('Ana María Epieyú');
	await page.getByLabel('Cédula de ciudadanía').press('Space');
	await page.getByLabel('Número de documento').fill(who.document);
	await page.getByLabel('Correo electrónico').fill(who.email);
	await page.getByRole('button', { name: 'Continuar' }).press('Enter');

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ajustes para su cita');
	await check?.('ajustes');
	await page.getByLabel('Wayuunaiki, con intérprete').press('Space');
	await page.getByLabel('Persona de un grupo étnico').press('Space');
	await page.getByRole('button', { name: 'Continuar' }).press('Enter');

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Revise su cita antes de pedirla'
	);
	await check?.('revisar');
	await expect(page.getByTestId('next-step')).toHaveText(
		`Después le enviamos un correo a ${who.email}. Confirme su cita en los próximos 15 minutos con el enlace de ese correo. Si no la confirma, el cupo queda libre para otra persona.`
	);
	await page.getByLabel(/Autorizo el tratamiento/).press('Space');
	await page.getByRole('button', { name: 'Pedir la cita' }).press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Falta un paso: confirme su cita'
	);
}

/** Clicks through the topic, Tuesday and `time`, and writes a name and a cédula on "Sus datos". */
async function upToContact(
	page: Page,
	topic: string,
	time: RegExp,
	who: { name: string; document: string }
) {
	const title = page.getByRole('heading', { level: 1 });
	await page.goto(`/es/citas?tema=${topic}`);
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(title).toHaveText('¿Qué día quiere su cita?');
	await page.getByLabel(TUESDAY).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(title).toHaveText('¿A qué hora?');
	await page.getByLabel(time).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(title).toHaveText('Sus datos');
	await page.getByLabel('Nombre completo').fill(who.name);
	await page.getByLabel('Cédula de ciudadanía').check();
	await page.getByLabel('Número de documento').fill(who.document);
}

/** The places left at `start` (an offset ISO instant of a day the API offers). */
async function placesLeft(request: APIRequestContext, start: string): Promise<number> {
	const day = start.slice(0, 10);
	const answer = await request.get(`/api/v1/appointments/slots?from=${day}&to=${day}`);
	expect(answer.status()).toBe(200);
	const slots: { start: string; available: number }[] = (await answer.json()).days[0].slots;
	return slots.find((slot) => slot.start === start)!.available;
}

/** A booking made through the API by `who` (another citizen unless given). */
function bookByApi(request: APIRequestContext, start: string, who = person()) {
	return bookAppointment(request, { start, documentNumber: who.document, email: who.email });
}

test('books an appointment with the keyboard only', async ({ page }) => {
	const who = person();
	await bookWithKeyboard(page, who);
	// Plain words, no CAPTCHA: the place waits 15 minutes for the emailed link.
	await expect(page.getByTestId('hold')).toHaveText(
		`Le enviamos un correo a ${who.email}. Confirme su cita en los próximos 15 minutos, antes de las 7:15 a. m., con el enlace de ese correo. Si no la confirma, el cupo queda libre para otra persona.`
	);
	await expect(page.getByText(/martes 5 de febrero de 2030, a las 9:00/)).toBeVisible();
	await expect(page.getByText(/^CITA-[2-9A-Z]{4}-[2-9A-Z]{2}$/)).toBeVisible();
	await expect(page.getByRole('link', { name: /calendario \(\.ics\)/ })).toBeVisible();
	await expect(
		page.getByText('La persona que le atiende le espera como máximo 5 minutos.')
	).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('books an appointment without JavaScript', async ({ page }) => {
		await bookWithKeyboard(page, person());
		await expect(page.getByRole('link', { name: /token=/ })).toBeVisible();
	});

	test('shows the error summary when no topic is chosen', async ({ page }) => {
		await page.goto('/es/citas');
		await page.getByRole('button', { name: 'Continuar' }).click();
		await expect(page).toHaveTitle(/^Error: /);
		await expect(page.locator('.error-summary')).toBeFocused();
		await expect(page.getByRole('link', { name: 'Elija un tema.' })).toHaveAttribute(
			'href',
			'#field-topic'
		);
	});
});

test('the error summary takes focus and links to each field', async ({ page }) => {
	await page.goto('/es/citas?tema=subsidio-de-energia');
	await expect(page.getByLabel('Subsidio a la luz')).toBeChecked();
	await page.getByRole('button', { name: 'Continuar' }).press('Enter');
	await page.getByLabel(TUESDAY).press('Space');
	await page.getByRole('button', { name: 'Continuar' }).press('Enter');
	await page.getByLabel(/9:00 a\. m\./).press('Space');
	await page.getByRole('button', { name: 'Continuar' }).press('Enter');
	await page.getByLabel('Correo electrónico').fill('no es un correo');
	await page.getByRole('button', { name: 'Continuar' }).press('Enter');
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(page).toHaveTitle(/^Error: Sus datos/);
	await summary.getByRole('link', { name: /correo válido/ }).press('Enter');
	await expect(page.getByLabel('Correo electrónico')).toBeFocused();
});

test('the loser of a race is offered the nearest free times', async ({ page, request }) => {
	await upToContact(page, 'subsidio-de-gas-en-cilindro', /9:00 a\. m\./, {
		name: 'Rosa Uriana',
		document: '77123456'
	});
	await page.getByLabel('Correo electrónico').fill('rosa@example.com');
	await page.getByRole('button', { name: 'Continuar' }).click();
	// Both pages have a "Continuar" button: wait for the next one before pressing it.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ajustes para su cita');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Revise su cita antes de pedirla'
	);
	// Two other people take both places while Rosa reads her answers.
	await bookByApi(request, '2030-02-05T09:00:00-05:00');
	await bookByApi(request, '2030-02-05T09:00:00-05:00');
	await page.getByLabel(/Autorizo el tratamiento/).check();
	await page.getByRole('button', { name: 'Pedir la cita' }).click();
	await expect(page.getByRole('status')).toContainText('Ese horario ya se ocupó');
	await expect(page.getByLabel(/8:30 a\. m\./)).toBeVisible();
	await expect(page.getByLabel(/9:30 a\. m\./)).toBeVisible();
	await page.getByLabel(/9:30 a\. m\./).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByLabel(/Autorizo el tratamiento/).check();
	await page.getByRole('button', { name: 'Pedir la cita' }).click();
	await expect(page.getByText(/martes 5 de febrero de 2030, a las 9:30/)).toBeVisible();
});

test('confirms the booking through the emailed link, with the keyboard', async ({ page }) => {
	const who = person();
	await bookWithKeyboard(page, who);
	const email = await mailbox.waitFor(
		who.email,
		/^Confirme su cita CITA-.* antes de las 7:15 a\. m\.$/
	);
	expect(email.text).toContain('/es/citas/cita/CITA-');
	expect(email.text).toContain('token=');
	expect(email.text).toContain('en los próximos 15 minutos');
	expect(email.attachments[0]?.filename).toMatch(/^CITA-.*\.ics$/);
	expect(email.attachments[0]?.contentType).toContain('text/calendar');
	const link = /http\S+\/es\/citas\/confirmar\/\S+/.exec(email.text)![0];
	// Opening the link confirms nothing (mail scanners open links): the person presses the button.
	await page.context().clearCookies();
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirme su cita');
	expect(await axeViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Confirmar mi cita' }).press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su cita está confirmada');
	await expect(page.getByText('Confirmada', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Cambiar la fecha u hora' })).toBeVisible();
	// The link again: the booking is confirmed already.
	await page.goto(link);
	await expect(page.getByText('Esta cita ya está confirmada.')).toBeVisible();
});

test('a place nobody confirmed in time goes back to the others', async ({ page, request }) => {
	const who = person();
	await bookWithKeyboard(page, who);
	const link = /http\S+\/es\/citas\/confirmar\/\S+/.exec(
		(await mailbox.waitFor(who.email, /^Confirme su cita/)).text
	)![0];
	// A minute before the deadline (15 minutes after booking) the link still offers to confirm.
	await setClock(request, '2030-02-04T07:14:00-05:00');
	await page.goto(link);
	await expect(page.getByRole('button', { name: 'Confirmar mi cita' })).toBeVisible();
	// Pressed at the deadline it is too late, whether the worker's round (every 300 ms here) has
	// already given the place back or not.
	await setClock(request, '2030-02-04T07:15:00-05:00');
	await page.getByRole('button', { name: 'Confirmar mi cita' }).click();
	await expect(page.getByRole('alert')).toContainText('La cita no se confirmó a tiempo');
	// The background worker gives the place back on its next round.
	await expect.poll(() => placesLeft(request, '2030-02-05T09:00:00-05:00')).toBe(2);
});

test('books with a phone only: the entity calls to confirm', async ({ page }) => {
	await upToContact(page, 'informacion-general', /10:00 a\. m\./, {
		name: 'Luz Marina Uriana',
		document: '56123456'
	});
	// Neither an email nor a phone: one message says what to write.
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.locator('.error-summary')).toContainText(
		'Escriba su correo electrónico, o su celular si no tiene correo.'
	);
	await page.getByLabel('Celular o teléfono fijo').fill('300 123 4567');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ajustes para su cita');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByTestId('next-step')).toHaveText(
		'No escribió un correo. Le llamaremos al +57 300 123 4567 para confirmar la cita.'
	);
	await page.getByLabel(/Autorizo el tratamiento/).check();
	await page.getByRole('button', { name: 'Pedir la cita' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su cita está agendada');
	await expect(page.getByTestId('call')).toContainText('Le llamaremos al +57 300 123 4567');
	expect(await axeViolations(page)).toEqual([]);
});

test('reschedules and cancels through the manage link', async ({ page, request }) => {
	const who = person();
	const booked = await bookByApi(request, '2030-02-05T10:00:00-05:00', who);
	await page.goto(`/es/citas/cita/${booked.reference}?token=${booked.manageToken}`);
	await expect(page.getByText(/martes 5 de febrero de 2030, a las 10:00/)).toBeVisible();

	await page.getByRole('link', { name: 'Cambiar la fecha u hora' }).click();
	await page.getByLabel(/miércoles 6 de febrero de 2030/).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByLabel(/3:00 p\. m\./).check();
	await page.getByRole('button', { name: 'Cambiar la hora' }).click();
	await expect(page.getByRole('status')).toHaveText(/Cambiamos la hora de su cita/);
	await expect(page.getByText(booked.reference)).toBeVisible();
	await expect(page.getByText(/miércoles 6 de febrero de 2030, a las 3:00/)).toBeVisible();
	await mailbox.waitFor(who.email, /Cita cambiada/);

	await page.getByRole('link', { name: 'Cancelar la cita' }).click();
	await page.getByRole('button', { name: 'Sí, cancelar la cita' }).click();
	await expect(page.getByRole('status')).toHaveText(/El cupo quedó libre/);
	await mailbox.waitFor(who.email, /Cita cancelada/);
	expect(await placesLeft(request, '2030-02-06T15:00:00-05:00')).toBe(2);
});

test('finds an appointment by reference and document number', async ({ page, request }) => {
	const who = person();
	const booked = await bookByApi(request, '2030-02-05T11:00:00-05:00', who);
	await page.goto('/es/citas/gestionar');
	await page.getByLabel('Número de la cita').fill(booked.reference.toLowerCase());
	await page.getByLabel('Número de documento').fill(who.document);
	await page.getByRole('button', { name: 'Buscar mi cita' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su cita');
	await expect(page.getByText(booked.reference)).toBeVisible();
});

test('the API replays an Idempotency-Key and refuses a full slot with the nearest times', async ({
	request
}) => {
	const body = {
		topic: 'subsidio-de-energia',
		start: '2030-02-05T14:00:00-05:00',
		consent: true,
		name: 'Carmen Ipuana',
		documentType: 'CC',
		documentNumber: '41234567',
		email: 'carmen@example.com',
		callLanguage: 'es'
	};
	const headers = { 'idempotency-key': 'journey-replay-0001' };
	const first = await bookAppointment(request, body, headers);
	const again = await bookAppointment(request, body, headers);
	expect(again).toEqual(first);
	await bookByApi(request, '2030-02-05T14:00:00-05:00');
	const late = await request.post('/api/v1/appointments?lang=es', {
		data: { ...body, documentNumber: '41234568', email: 'otra@example.com' }
	});
	expect(late.status()).toBe(409);
	expect(await late.json()).toMatchObject({
		code: 'SLOT_UNAVAILABLE',
		title: 'Horario ocupado',
		nearest: ['2030-02-05T13:00:00-05:00', '2030-02-05T13:30:00-05:00', '2030-02-05T14:30:00-05:00']
	});
});

test('the calendar file has the booked instant', async ({ request }) => {
	const booked = await bookByApi(request, '2030-02-05T09:00:00-05:00');
	const response = await request.get(
		`/api/v1/appointments/${booked.reference}/calendar.ics?token=${booked.manageToken}`
	);
	expect(response.headers()['content-type']).toContain('text/calendar');
	const ics = (await response.text()).replace(/\r\n[ \t]/g, '');
	expect(ics).toContain('DTSTART:20300205T140000Z');
	expect(ics).toMatch(/DURATION:PT30M|DTEND:20300205T143000Z/);
});

for (const lang of LOCALES) {
	test(`every booking step has no axe violations in ${lang}`, async ({ page, request }) => {
		test.setTimeout(120_000);
		const booked = await bookByApi(request, '2030-02-06T10:00:00-05:00');
		const check = async (step: string) => {
			expect(await axeViolations(page), step).toEqual([]);
		};
		if (lang === 'es') {
			await bookWithKeyboard(page, person(), check);
		} else {
			for (const step of ['', '/dia', '/hora', '/datos', '/ajustes', '/revisar', '/gestionar']) {
				await page.goto(`/guc/citas${step}`);
				await check(step);
			}
		}
		await check('confirmation');
		await page.goto(`/${lang}/citas/cita/${booked.reference}?token=${booked.manageToken}`);
		await check('appointment');
		await page.goto(`/${lang}/citas/cita/${booked.reference}/cambiar`);
		await check('reschedule day');
		await page.goto(`/${lang}/citas/cita/${booked.reference}/cambiar?dia=2030-02-07`);
		await check('reschedule time');
		await page.goto(`/${lang}/citas/cita/${booked.reference}/cancelar`);
		await check('cancel');
	});
}
