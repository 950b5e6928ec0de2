// The booking questions as a citizen meets them: short times under the day, the limit of pending
// appointments said where the document is typed, a lapsed session explained, the interpreter in
// the confirmation and the email, and manage links that work in one click from every email.
import type { APIRequestContext, Page } from '@playwright/test';
import { bookAppointment, expect, mailbox, setClock, test } from './fixtures';

// Monday 4 February 2030, 07:00 in Bogotá: not a holiday; Tuesday 5 is fully free.
const NOW = '2030-02-04T07:00:00-05:00';

test.beforeEach(async ({ request }) => {
	await setClock(request, NOW);
});

function person() {
	const id = Math.floor(Math.random() * 1e8);
	return { email: `persona${id}@example.com`, document: String(10_000_000 + id) };
}

/** Topic, Tuesday 5 February and a time, by clicking: the person reaches "Sus datos". */
async function chooseTuesdayAt(page: Page, time: string) {
	await page.goto('/es/citas?tema=informacion-general');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByRole('radio', { name: /martes 5 de febrero de 2030/ }).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿A qué hora?');
	await page.getByRole('radio', { name: new RegExp(`^${time.replaceAll('.', '\\.')} —`) }).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sus datos');
}

async function fillDetails(page: Page, who: { email: string; document: string }) {
	await page.getByLabel('Nombre completo').fill('Ana María Epieyú');
	await page.getByLabel('Cédula de ciudadanía').check();
	await page.getByLabel('Número de documento').fill(who.document);
	await page.getByLabel('Correo electrónico').fill(who.email);
	await page.getByRole('button', { name: 'Continuar' }).click();
}

function bookFor(
	request: APIRequestContext,
	who: { email: string; document: string },
	start: string
) {
	return bookAppointment(request, { start, documentNumber: who.document, email: who.email });
}

test('choosing a time shows the day once and short times under morning and afternoon', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/es/citas?tema=informacion-general');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByRole('radio', { name: /martes 5 de febrero de 2030/ }).check();
	await page.getByRole('button', { name: 'Continuar' }).click();

	await expect(page.getByText('martes 5 de febrero de 2030')).toHaveCount(1);
	const morning = page.getByRole('group', { name: 'Mañana' });
	const afternoon = page.getByRole('group', { name: 'Tarde' });
	await expect(morning.getByRole('radio', { name: '8:00 a. m. — quedan 2 cupos' })).toBeVisible();
	await expect(morning.getByRole('radio', { name: '11:30 a. m. — quedan 2 cupos' })).toBeVisible();
	await expect(
		afternoon.getByRole('radio', { name: '2:00 p. m. — quedan 2 cupos', exact: true })
	).toBeVisible();
	await expect(afternoon.getByRole('radio', { name: /a\. m\./ })).toHaveCount(0);
	for (const radio of await page.getByRole('radio').all()) {
		await expect(radio).toHaveAccessibleName(/^\d{1,2}:\d{2} [ap]\. m\. — quedan? \d+ cupos?$/);
	}
	// Eighteen short times fit in about half the height the long labels took (about 2,500 px).
	const { height } = (await page.locator('main form').boundingBox())!;
	expect(height).toBeLessThan(1400);
});

test('the limit of pending appointments is said when the document number is entered', async ({
	page,
	request
}) => {
	const who = person();
	const first = await bookFor(request, who, '2030-02-06T09:00:00-05:00');
	const second = await bookFor(request, who, '2030-02-07T10:00:00-05:00');
	await chooseTuesdayAt(page, '9:00 a. m.');
	await fillDetails(page, who);

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sus datos');
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Ya tiene 2 citas pendientes');
	const pending = page.getByRole('list', { name: 'Sus citas pendientes' });
	await expect(pending.getByRole('listitem')).toHaveCount(2);
	await expect(pending).toContainText(first.reference);
	await expect(pending).toContainText('miércoles 6 de febrero de 2030, 9:00 a. m.');
	await expect(pending).toContainText(second.reference);
	const manage = pending.getByRole('link', {
		name: `Cambiar o cancelar la cita ${first.reference}`
	});
	await manage.click();
	await expect(page.getByLabel('Número de la cita')).toHaveValue(first.reference);
	await page.getByLabel('Número de documento').fill(who.document);
	await page.getByRole('button', { name: 'Buscar mi cita' }).click();
	await expect(page.getByText(first.reference)).toBeVisible();
});

/** Topic, Tuesday at 9:00 and the details answered: the adjustments step is showing. */
async function answerUpToAdjustments(page: Page) {
	await chooseTuesdayAt(page, '9:00 a. m.');
	await fillDetails(page, person());
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ajustes para su cita');
}

test('a lapsed booking session says what happened and keeps the topic', async ({
	page,
	context
}) => {
	await answerUpToAdjustments(page);
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Revise su cita antes de pedirla'
	);
	// The answers lapse: the browser drops the cookie after two hours.
	await context.clearCookies();
	await page.getByLabel(/Autorizo el tratamiento/).check();
	await page.getByRole('button', { name: 'Pedir la cita' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pedir una cita virtual');
	await expect(page.getByRole('status')).toContainText('sus respuestas se borraron');
});

test('a booking session past two hours keeps the topic, day and time, not the personal data', async ({
	page,
	context
}) => {
	await answerUpToAdjustments(page);
	// The browser drops the answers (and the personal data in them) after two hours.
	await context.clearCookies({ name: 'citas_respuestas' });
	await page.getByRole('button', { name: 'Continuar' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sus datos');
	await expect(page.getByRole('status')).toContainText('Pasaron más de 2 horas');
	await expect(page.getByRole('status')).toContainText('martes 5 de febrero de 2030, 9:00 a. m.');
	await expect(page.getByLabel('Nombre completo')).toHaveValue('');
	await expect(page.getByLabel('Número de documento')).toHaveValue('');
});

test('the interpreter chosen at booking appears in the confirmation and the email', async ({
	page
}) => {
	const who = person();
	await chooseTuesdayAt(page, '10:00 a. m.');
	await fillDetails(page, who);
	await page.getByLabel('Wayuunaiki, con intérprete').check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByLabel(/Autorizo el tratamiento/).check();
	await page.getByRole('button', { name: 'Pedir la cita' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Falta un paso: confirme su cita'
	);
	const language = page.locator('.summary-list > div').filter({ hasText: 'Idioma' });
	await expect(language.locator('dd')).toHaveText('Wayuunaiki, con intérprete');
	await expect(page.getByText('Buscamos un intérprete de wayuunaiki para su cita.')).toBeVisible();

	const email = await mailbox.waitFor(who.email, /^Confirme su cita/);
	expect(email.text).toContain('Idioma de la llamada: Wayuunaiki, con intérprete.');
	expect(email.text).toContain('Buscamos un intérprete de wayuunaiki para su cita.');
});

test('the manage link of every email opens the appointment in one click', async ({
	page,
	request
}) => {
	const who = person();
	const booked = await bookFor(request, who, '2030-02-05T10:00:00-05:00');
	await page.goto(`/es/citas/cita/${booked.reference}?token=${booked.manageToken}`);
	await page.getByRole('link', { name: 'Cambiar la fecha u hora' }).click();
	await page.getByRole('radio', { name: /miércoles 6 de febrero de 2030/ }).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByRole('radio', { name: /^3:00 p\. m\./ }).check();
	await page.getByRole('button', { name: 'Cambiar la hora' }).click();
	await expect(page.getByRole('status')).toHaveText(/Cambiamos la hora de su cita/);

	const confirmed = await mailbox.waitFor(who.email, /^Confirme su cita/);
	const changed = await mailbox.waitFor(who.email, /Cita cambiada/);
	for (const email of [confirmed, changed]) {
		const link = email.text.match(/https?:\/\/\S+\/es\/citas\/cita\/CITA-\S+/)?.[0];
		expect(link, email.subject).toContain('token=');
		// A fresh browser, as when the email is opened on another device.
		const fresh = await page.context().browser()!.newContext();
		const other = await fresh.newPage();
		await other.goto(link!);
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Su cita');
		await expect(other.getByText(/miércoles 6 de febrero de 2030, a las 3:00/)).toBeVisible();
		await fresh.close();
	}
});
