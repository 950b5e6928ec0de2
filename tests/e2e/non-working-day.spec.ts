import type { Browser, Page } from '@playwright/test';
import {
	axeViolations,
	bookAppointment,
	expect,
	filePetition,
	mailbox,
	setClock,
	signInAsStaff,
	tabTo,
	test
} from './fixtures';

// The entity declares a non-working day in the content studio: one editor adds a closure, another
// approves it, and at once a petition's due date moves, that day's slots disappear and the
// appointment booked that day is cancelled with an email saying why.

const ANA = 'ana.editora@example.org';
const LUIS = 'luis.editor@example.org';
// Tuesday 24 November 2026, 10:00 in Bogotá. A petición filed now (15 business days) is due on
// Wednesday 16 December (8 December is a holiday); a closure on Friday 27 November moves it to
// Thursday 17 December.
const NOW = '2026-11-24T10:00:00-05:00';
const CLOSED = 'viernes 27 de noviembre de 2026';
const REASON = 'Trasladamos la oficina al nuevo edificio.';
const STUDIO = '/staff/contenido?id=calendar:dias-no-habiles';

async function editor(
	browser: Browser,
	baseURL: string | undefined,
	email: string,
	scripts: boolean
) {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: scripts });
	const page = await context.newPage();
	await signInAsStaff(page, 'editor', { email, roles: ['editor'] });
	return page;
}

/** The term line of a petition's look-up, as the citizen reads it. */
async function term(page: Page, number: string, code: string) {
	await page.goto('/es/radicado');
	await page.getByLabel('Número de radicado').fill(number);
	await page.getByLabel('Código de seguridad').fill(code);
	await page.getByRole('button', { name: 'Consultar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Estado de su petición');
	return page.getByTestId('status-term').textContent();
}

/** The days the booking journey offers, after choosing a topic. */
async function offeredDays(page: Page) {
	await page.goto('/es/citas');
	await page.getByLabel('Pedir información').check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Qué día quiere su cita?');
	return page.getByRole('radio');
}

test('a non-working day added in the studio moves a petition’s due date and removes that day’s slots', async ({
	browser,
	baseURL,
	request
}) => {
	test.slow();
	await setClock(request, NOW);
	const filed = await filePetition(request, { type: 'peticion' });
	const booked = await bookAppointment(request, {
		start: '2026-11-27T09:00:00-05:00',
		email: 'marta.epieyu@example.com'
	});
	const citizen = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
	expect(await term(citizen, filed.number, filed.securityCode)).toBe(
		'Día 0 de 15 hábiles — vence el miércoles 16 de diciembre de 2026.'
	);
	await expect((await offeredDays(citizen)).first()).toBeVisible();
	await expect(citizen.getByLabel(CLOSED)).toHaveCount(1);

	// The first editor adds the closure, without JavaScript; a blank form says what is missing.
	const ana = await editor(browser, baseURL, ANA, false);
	await ana.goto(STUDIO);
	await expect(ana.getByRole('heading', { name: 'Días no hábiles', level: 2 })).toBeVisible();
	await expect(ana.getByText('No hay días no hábiles declarados.')).toBeVisible();
	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	await expect(ana.getByRole('alert').getByRole('link')).toHaveText([
		'Escriba una fecha real, con día, mes y año en números. Por ejemplo: 7 12 2026.',
		'Revise este dato: no tiene la forma esperada.',
		'Escriba este dato.'
	]);
	await ana.getByLabel('Día', { exact: true }).fill('27');
	await ana.getByLabel('Mes', { exact: true }).fill('11');
	await ana.getByLabel('Año', { exact: true }).fill('2026');
	await ana.getByLabel('Cierre de la oficina').check();
	await ana.getByLabel('Motivo').fill(REASON);
	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	await expect(ana.getByRole('status')).toHaveText(
		'Guardamos el borrador. Otra persona con el rol de edición debe aprobarlo.'
	);
	await expect(ana.getByRole('button', { name: 'Aprobar y publicar' })).toHaveCount(0);
	const own = await ana.request.post('/api/v1/staff/content/calendar:dias-no-habiles/review', {
		data: { decision: 'approve' }
	});
	expect(own.status()).toBe(409);
	expect((await own.json()).code).toBe('OWN_CHANGE');

	// Nothing changed yet for citizens.
	expect(await term(citizen, filed.number, filed.securityCode)).toMatch(/16 de diciembre/);

	// The second editor sees what approving does, and approves by keyboard.
	const luis = await editor(browser, baseURL, LUIS, true);
	await luis.goto(STUDIO);
	await expect(luis.getByText(`Añade el ${CLOSED}: Cierre de la oficina.`)).toBeVisible();
	await expect(luis.getByText('1 petición en curso cambia su fecha de vencimiento.')).toBeVisible();
	await expect(luis.getByText(`El ${CLOSED} hay 1 cita reservada`)).toBeVisible();
	expect(await axeViolations(luis)).toEqual([]);
	const approve = luis.getByRole('button', { name: 'Aprobar y publicar' });
	await tabTo(luis, approve);
	await luis.keyboard.press('Enter');
	await expect(luis.getByRole('status')).toHaveText('Aprobado. Ya se ve en todas las páginas.');
	await expect(luis.getByRole('row', { name: new RegExp(CLOSED) })).toContainText(REASON);
	expect(await axeViolations(luis)).toEqual([]);

	// At once: the due date moved, the day is no longer offered, and booking it is refused.
	expect(await term(citizen, filed.number, filed.securityCode)).toBe(
		'Día 0 de 15 hábiles — vence el jueves 17 de diciembre de 2026.'
	);
	const days = await offeredDays(citizen);
	await expect(days.first()).toBeVisible();
	await expect(citizen.getByLabel(CLOSED)).toHaveCount(0);
	const refused = await request.post('/api/v1/appointments?lang=es', {
		data: {
			topic: 'informacion-general',
			consent: true,
			name: 'Luis Pushaina',
			documentType: 'CC',
			documentNumber: '10293847',
			email: 'luis.pushaina@example.com',
			callLanguage: 'es',
			start: '2026-11-27T10:00:00-05:00'
		}
	});
	expect(refused.status()).toBe(409);
	expect(refused.headers()['content-type']).toContain('application/problem+json');
	expect(await refused.json()).toMatchObject({
		code: 'DAY_CLOSED',
		detail: `La entidad no atiende el ${CLOSED}. El motivo: ${REASON} Elija otro día.`
	});

	// The appointment of that day is cancelled, with an email that says why and where to book.
	const email = await mailbox.waitFor('marta.epieyu@example.com', /^Cancelamos su cita/);
	expect(email.text).toContain(REASON);
	expect(email.text).toContain('/es/citas');
	const appointment = await request.get(`/api/v1/appointments/${booked.reference}`, {
		headers: { authorization: `Bearer ${booked.manageToken}` }
	});
	expect(appointment.status()).toBe(200);
	expect((await appointment.json()).status).toBe('cancelled');

	// The contact page and the channels API announce it, in Spanish in both languages.
	const reader = await (await browser.newContext({ baseURL })).newPage();
	await reader.goto('/es/contacto');
	const listed = reader.getByRole('region', { name: 'Días en que no atendemos' });
	await expect(listed).toContainText(`La entidad no atiende el ${CLOSED}.`);
	await expect(listed).toContainText(REASON);
	expect(await axeViolations(reader)).toEqual([]);
	await reader.goto('/guc/contacto');
	await expect(reader.locator('[lang="es"]', { hasText: REASON })).toHaveCount(1);
	expect(await axeViolations(reader)).toEqual([]);
	const channels = await request.get('/api/v1/channels?lang=es');
	expect(channels.status()).toBe(200);
	expect((await channels.json()).nonWorkingDays).toEqual([
		{
			date: '2026-11-27',
			kind: 'closure',
			text: `La entidad no atiende el ${CLOSED}.`,
			lang: 'es',
			reason: REASON
		}
	]);
	await setClock(request, null);
});

test('a date that does not exist comes back with its message, focused, and what was typed is kept', async ({
	browser,
	baseURL,
	request
}) => {
	await setClock(request, NOW);
	const ana = await editor(browser, baseURL, ANA, true);
	await ana.goto(STUDIO);
	expect(await axeViolations(ana)).toEqual([]);
	await ana.getByLabel('Día', { exact: true }).fill('31');
	await ana.getByLabel('Mes', { exact: true }).fill('2');
	await ana.getByLabel('Año', { exact: true }).fill('2027');
	await ana.getByLabel('Suspensión de términos').check();
	await ana.getByLabel('Motivo').fill('Resolución 45 de 2027.');
	await ana.getByRole('button', { name: 'Guardar borrador' }).press('Enter');
	const summary = ana.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'Escriba una fecha real, con día, mes y año en números. Por ejemplo: 7 12 2026.'
	]);
	await expect(ana.getByLabel('Día', { exact: true })).toHaveValue('31');
	await expect(ana.getByLabel('Motivo')).toHaveValue('Resolución 45 de 2027.');
	await expect(ana.getByLabel('Suspensión de términos')).toBeChecked();
	expect(await axeViolations(ana)).toEqual([]);
	const item = await ana.request.get('/api/v1/staff/content/calendar:dias-no-habiles');
	expect(item.status()).toBe(200);
	expect(await item.json()).toMatchObject({ state: 'published', published: { days: [] } });
	await setClock(request, null);
});
