import { readFileSync } from 'node:fs';
import type { APIRequestContext, Browser, Download, Page } from '@playwright/test';
import { pdfFile } from '../../src/lib/server/testing/files';
import {
	LOCALES,
	axeViolations,
	expect,
	filePetition,
	mailbox,
	ORIGIN,
	setClock,
	signInAsStaff,
	tabTo,
	test
} from './fixtures';

// Thursday 14 January 2027, 10:00 in Bogotá: a petición (15 business days) is due on 4 February.
const FILED = '2027-01-14T10:00:00-05:00';
const EVIDENCE = pdfFile('foto de la factura');
const SIGNED = pdfFile('oficio firmado digitalmente');

const bytesOf = async (download: Download) => readFileSync((await download.path())!);

/** A signed-in official in a browser of their own, apart from the citizen's. */
async function officialPage(
	browser: Browser,
	roles: Parameters<typeof signInAsStaff>[1] = 'agent',
	options: { javaScriptEnabled?: boolean } = {}
): Promise<Page> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signInAsStaff(page, roles);
	return page;
}

/** The citizen's look-up in the browser, as the form does it. */
async function lookUp(page: Page, number: string, code: string): Promise<void> {
	await page.goto(`/es/radicado?numero=${number}`);
	await page.getByLabel('Código de seguridad').fill(code);
	await page.getByRole('button', { name: 'Consultar' }).click();
	await expect(page.getByTestId('status-number')).toHaveText(number);
}

/** An answer through the API, as a multipart form; checks it was accepted. */
async function answerThroughApi(
	request: APIRequestContext,
	number: string,
	text: string,
	document?: Buffer
) {
	const response = await request.post(`/api/v1/staff/radicados/${number}/responses`, {
		headers: { origin: ORIGIN },
		multipart: {
			text,
			...(document
				? { document: { name: 'respuesta.pdf', mimeType: 'application/pdf', buffer: document } }
				: {})
		}
	});
	expect(response.status(), await response.text()).toBe(201);
	return response.json();
}

test('a citizen files with a file; an official assigns, opens it and answers with a signed PDF; the citizen is emailed and downloads the same PDF', async ({
	page,
	browser,
	request
}) => {
	test.slow();
	await setClock(request, FILED);
	await page.goto('/es/pqrsd');
	await page.getByRole('radio', { name: 'Reclamo', exact: true }).check();
	await page.getByLabel('Asunto').fill('Cobro doble del gas');
	await page
		.getByLabel('Descripción', { exact: true })
		.fill('Me cobraron dos veces el cilindro de gas en diciembre.');
	await page.getByLabel('Documentos de apoyo (opcional)').setInputFiles({
		name: 'factura.pdf',
		mimeType: 'application/pdf',
		buffer: EVIDENCE
	});
	await page.getByRole('radio', { name: 'Con mi nombre' }).check();
	await page.getByLabel('Nombre completo').fill('Carmen Uriana');
	await page.getByRole('textbox', { name: 'Correo electrónico' }).fill('carmen.desk@example.com');
	await page.getByRole('radio', { name: 'Por correo electrónico' }).check();
	await page.getByRole('checkbox', { name: /Autorizo el tratamiento/ }).check();
	await page.getByRole('button', { name: 'Enviar petición' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recibimos su petición');
	const number = (await page.getByTestId('radicado-number').textContent())!.trim();
	const code = (await page.getByTestId('security-code').textContent())!.trim();

	// The entity hears of it at once, without who filed it.
	const announced = await mailbox.waitFor(
		'notificaciones@',
		new RegExp(`Nueva petición ${number}`)
	);
	expect(announced.text).not.toContain('Carmen');

	const desk = await officialPage(browser);
	await desk.goto('/staff/peticiones');
	const first = desk.locator('tbody tr').first();
	await expect(first.getByRole('rowheader')).toHaveText(number);
	await expect(first).toContainText('Bajo: hay tiempo suficiente');
	await expect(first).toContainText('Formulario web');
	await first.getByRole('link', { name: number }).click();
	await expect(desk.getByRole('heading', { level: 1 })).toHaveText(`Petición ${number}`);

	await desk.getByLabel('Dependencia').selectOption({ label: 'Subdirección de Gas' });
	await desk.getByLabel('Responsable').selectOption('agent@example.org');
	await desk.getByRole('button', { name: 'Guardar la asignación' }).click();
	await expect(desk.locator('.panel[role="status"]')).toHaveText('Guardamos la asignación.');

	const [evidence] = await Promise.all([
		desk.waitForEvent('download'),
		desk.getByRole('link', { name: /Descargar factura\.pdf/ }).click()
	]);
	expect((await bytesOf(evidence)).equals(EVIDENCE)).toBe(true);

	await desk
		.getByLabel('Texto de la respuesta')
		.fill('Revisamos su reclamo. El distribuidor le devolverá el segundo cobro este mes.');
	await desk.getByLabel('Documento de respuesta firmado (PDF, opcional)').setInputFiles({
		name: 'oficio.pdf',
		mimeType: 'application/pdf',
		buffer: SIGNED
	});
	await desk.getByRole('button', { name: 'Guardar y enviar la respuesta' }).click();
	await expect(desk.locator('.panel[role="status"]')).toContainText(
		'Guardamos la respuesta 2-2027-000001.'
	);
	// The trail says who did what, opening the file included.
	const trail = desk.getByRole('region', { name: /Quién hizo qué/ });
	await expect(trail).toContainText('Abrió un archivo del ciudadano');
	await expect(trail).toContainText('Asignó la petición');
	await expect(trail).toContainText('Respondió la petición');
	expect(await axeViolations(desk)).toEqual([]);

	const email = await mailbox.waitFor('carmen.desk@example.com', /Respondimos su petición/);
	expect(email.text).toContain(number);
	expect(email.text).toContain('2-2027-000001');
	expect(email.text).toContain(`/es/radicado?numero=${number}`);
	expect(email.text).not.toContain(code);
	expect(email.text).not.toContain(code.replace('-', ''));

	await lookUp(page, number, code);
	await expect(page.getByTestId('status-state')).toHaveText('Respondida');
	await expect(
		page.getByText('Respuesta 2-2027-000001 del jueves 14 de enero de 2027')
	).toBeVisible();
	await expect(page.getByText('El distribuidor le devolverá el segundo cobro')).toBeVisible();
	const [answer] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /Descargar el documento de respuesta/ }).click()
	]);
	expect((await bytesOf(answer)).equals(SIGNED)).toBe(true);
	// The survey after the answer.
	await expect(page.getByRole('heading', { name: '¿Le sirvió?' })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test('the document link of a look-up is a download, and works only for a few minutes', async ({
	page,
	request
}) => {
	test.slow();
	await setClock(request, FILED);
	const filed = await filePetition(request);
	await signInAsStaff(page);
	await answerThroughApi(
		page.request,
		filed.number,
		'Revisamos su caso y esta es la respuesta.',
		SIGNED
	);
	const lookup = await request.post('/api/v1/radicados/lookup', {
		data: { number: filed.number, securityCode: filed.securityCode }
	});
	expect(lookup.status()).toBe(200);
	const [response] = (await lookup.json()).responses;
	const document = await request.get(response.documentUrl);
	expect(document.status()).toBe(200);
	expect(document.headers()['content-disposition']).toMatch(/^attachment; filename="respuesta-/);
	expect(document.headers()['x-content-type-options']).toBe('nosniff');
	expect(document.headers()['content-type']).toBe('application/pdf');
	expect(Buffer.from(await document.body()).equals(SIGNED)).toBe(true);

	await setClock(request, '2027-01-14T10:11:00-05:00');
	const expired = await request.get(response.documentUrl);
	expect(expired.status()).toBe(404);
	expect(expired.headers()['content-type']).toContain('application/problem+json');
});

test('the queue by band, filters and pages, with the keyboard and without JavaScript', async ({
	browser,
	request
}) => {
	test.slow();
	// On 25 January, the seventh business day, a request for information (10 days) is alta; a
	// consulta (30 days) still baja.
	await setClock(request, FILED);
	const alta = await filePetition(request, { type: 'informacion', subject: 'Copia de mi trámite' });
	const consulta = await filePetition(request, { type: 'consulta', subject: 'Norma de cilindros' });
	for (let i = 0; i < 25; i += 1) {
		await filePetition(request, { type: 'consulta', subject: `Consulta número ${i}` });
	}
	await setClock(request, '2027-01-25T09:00:00-05:00');

	const desk = await officialPage(browser, 'agent', { javaScriptEnabled: false });
	await desk.goto('/staff/peticiones');
	await expect(desk.getByRole('heading', { level: 2, name: /27 peticiones/ })).toContainText(
		'Página 1 de 2'
	);
	const bands = desk.getByRole('list', { name: 'Por semáforo' });
	await expect(bands).toContainText('Alto: el plazo está por vencer 1 petición');
	await expect(bands).toContainText('Bajo: hay tiempo suficiente 26 peticiones');
	// The soonest due first.
	await expect(desk.locator('tbody tr').first().getByRole('rowheader')).toHaveText(alta.number);
	await bands.getByRole('link', { name: /Alto/ }).click();
	await expect(desk.locator('tbody tr')).toHaveCount(1);
	await expect(desk.locator('tbody tr')).toContainText(alta.number);

	await desk.getByRole('link', { name: 'Quitar los filtros' }).click();
	await desk.getByRole('link', { name: 'Página siguiente' }).click();
	await expect(desk.locator('tbody tr')).toHaveCount(2);
	await desk.getByLabel('Tipo').selectOption({ label: 'Consulta' });
	await desk.getByLabel('Número de radicado o palabras del asunto').fill('cilindros');
	await desk.getByRole('button', { name: 'Filtrar' }).click();
	await expect(desk.locator('tbody tr')).toHaveCount(1);
	await expect(desk.locator('tbody tr')).toContainText(consulta.number);

	// The same with the keyboard alone, scripts on.
	const keyboard = await officialPage(browser);
	await keyboard.goto('/staff/peticiones?page=2');
	expect(await axeViolations(keyboard)).toEqual([]);
	await keyboard.goto('/staff/peticiones');
	await tabTo(keyboard, keyboard.getByLabel('Número de radicado o palabras del asunto'));
	await keyboard.keyboard.type(alta.number);
	await keyboard.keyboard.press('Enter');
	await tabTo(keyboard, keyboard.getByRole('link', { name: alta.number }), 120);
	await keyboard.keyboard.press('Enter');
	await expect(keyboard.getByRole('heading', { level: 1 })).toHaveText(`Petición ${alta.number}`);

	// The API answers the same queue.
	const api = await keyboard.request.get('/api/v1/staff/radicados?band=alta');
	expect(api.status()).toBe(200);
	expect(await api.json()).toMatchObject({
		total: 1,
		counts: { baja: 26, media: 0, alta: 1, critica: 0 },
		items: [{ number: alta.number, band: 'alta', channel: 'web' }]
	});
});

test('an agent never receives a reserved petitioner’s name, email, document or phone, in any page or API answer', async ({
	browser,
	request
}) => {
	test.slow();
	await setClock(request, FILED);
	const secret = {
		name: 'Yolanda Reservada Epinayú',
		document: '40999888',
		email: 'yolanda.reservada@example.com',
		phone: '3001239876'
	};
	const filed = await filePetition(request, {
		type: 'denuncia',
		subject: 'Cobro por un trámite gratuito',
		identity: 'reserved',
		contactPreference: 'email',
		...secret
	});
	const leaks = (text: string) =>
		[secret.name, 'Yolanda', secret.document, secret.email, secret.phone, '300 123 9876'].filter(
			(value) => text.includes(value)
		);

	for (const roles of [['agent'], ['admin']] as const) {
		const desk = await officialPage(browser, [...roles]);
		const seen: string[] = [];
		const page = async (path: string) => {
			const response = await desk.goto(path);
			expect(response?.status(), path).toBe(200);
			seen.push(`${path}: ${await desk.content()}`);
		};
		const api = async (method: string, path: string, options: Record<string, unknown> = {}) => {
			const response = await desk.request.fetch(path, { method, ...options });
			seen.push(`${method} ${path} ${response.status()}: ${await response.text()}`);
			return response;
		};
		await page('/staff/peticiones');
		await page(`/staff/peticiones?q=${filed.number}`);
		// Searching by the name finds nothing (the box shows what was typed, so it is not counted).
		await desk.goto('/staff/peticiones?q=Yolanda');
		await expect(desk.getByText('No hay peticiones con estos filtros.')).toBeVisible();
		await page(`/staff/peticiones/${filed.number}`);
		await expect(desk.getByTestId('petitioner')).toContainText('Identidad reservada');
		// No way to open it without the role.
		await expect(desk.getByRole('button', { name: 'Ver los datos' })).toHaveCount(0);
		await desk.getByLabel('Dependencia').selectOption({ label: 'Oficina Asesora Jurídica' });
		await desk.getByRole('button', { name: 'Guardar la asignación' }).click();
		await expect(desk.locator('.panel[role="status"]')).toBeVisible();
		seen.push(await desk.content());
		await desk.getByRole('radio', { name: 'En trámite' }).check();
		await desk.getByRole('button', { name: 'Guardar el evento' }).click();
		seen.push(await desk.content());

		await api('GET', '/api/v1/staff/radicados');
		await api('GET', `/api/v1/staff/radicados?q=${filed.number}`);
		await api('GET', `/api/v1/staff/radicados/${filed.number}`);
		await api('PATCH', `/api/v1/staff/radicados/${filed.number}`, {
			data: { dependency: 'oficina-juridica', assignee: null }
		});
		const forbidden = await api('POST', `/api/v1/staff/radicados/${filed.number}/identity`, {
			data: { reason: 'Quiero saber quién es la persona.' }
		});
		expect(forbidden.status()).toBe(403);
		expect(leaks(seen.join('\n')), roles.join()).toEqual([]);
	}

	// An answer sent by an agent: the page and the API answer still hide the person.
	const agent = await officialPage(browser);
	const answered = await answerThroughApi(
		agent.request,
		filed.number,
		'Recibimos su denuncia y abrimos una investigación disciplinaria.'
	);
	expect(leaks(JSON.stringify(answered))).toEqual([]);
	await agent.goto(`/staff/peticiones/${filed.number}`);
	expect(leaks(await agent.content())).toEqual([]);

	// Only an account with the reserved role opens it, after saying why; the trail keeps it.
	const keeper = await officialPage(browser, ['agent', 'reserved']);
	await keeper.goto(`/staff/peticiones/${filed.number}`);
	await keeper
		.getByLabel('¿Por qué necesita ver estos datos?')
		.fill('Hay que citar a la persona a rendir declaración.');
	await keeper.getByRole('button', { name: 'Ver los datos' }).click();
	await expect(keeper.getByTestId('petitioner')).toContainText(secret.name);
	await expect(keeper.getByTestId('petitioner')).toContainText(secret.email);
	await expect(keeper.getByRole('region', { name: /Quién hizo qué/ })).toContainText(
		'Vio la identidad reservada'
	);
	// Seen once: the page shows it no more without a new reason.
	await keeper.goto(`/staff/peticiones/${filed.number}`);
	expect(leaks(await keeper.content())).toEqual([]);
	// The citizen is still emailed: the service knows the address, the officials do not.
	await mailbox.waitFor(secret.email, /Respondimos su petición/);
});

test('an official files a petition received by phone, with the same numbers and a code to read out', async ({
	browser,
	request
}) => {
	test.slow();
	await setClock(request, FILED);
	const web = await filePetition(request);
	const desk = await officialPage(browser);
	await desk.goto('/staff/peticiones');
	await desk.getByRole('link', { name: 'Radicar una petición que llegó por otro canal' }).click();
	await desk.getByRole('radio', { name: 'Teléfono', exact: true }).check();
	await desk.getByRole('radio', { name: 'Petición', exact: true }).check();
	await desk.getByLabel('Asunto').fill('Estado de mi subsidio');
	await desk.getByLabel('Lo que pide la persona').fill('Llamó a preguntar por el subsidio de gas.');
	await desk.getByRole('radio', { name: 'Con mi nombre' }).check();
	await desk.getByLabel('Nombre completo').fill('Luis Pushaina');
	await desk.getByRole('textbox', { name: 'Teléfono' }).fill('300 765 4321');
	await desk.getByRole('radio', { name: 'Quiere la respuesta por teléfono' }).check();
	await desk.getByRole('checkbox', { name: /autorizó el tratamiento/ }).check();
	await desk.getByRole('button', { name: 'Radicar la petición' }).click();
	await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Petición radicada');
	const number = (await desk.getByTestId('radicado-number').textContent())!.trim();
	const code = (await desk.getByTestId('security-code').textContent())!.trim();
	expect(number).toBe(web.number.replace(/\d{6}$/, '000002'));
	expect(await axeViolations(desk)).toEqual([]);

	const lookup = await request.post('/api/v1/radicados/lookup', {
		data: { number, securityCode: code }
	});
	expect(lookup.status()).toBe(200);
	await desk.goto('/staff/peticiones?channel=phone');
	await expect(desk.locator('tbody tr')).toHaveCount(1);
	await expect(desk.locator('tbody tr')).toContainText('Teléfono');

	// The API files the same way, and says the channel.
	const byPost = await desk.request.post('/api/v1/staff/radicados', {
		data: {
			channel: 'post',
			type: 'queja',
			subject: 'Carta sobre el servicio',
			description: 'Llegó una carta que se queja de la atención.',
			identity: 'anonymous',
			contactPreference: 'online'
		}
	});
	expect(byPost.status(), await byPost.text()).toBe(201);
	expect((await byPost.json()).number).toBe(web.number.replace(/\d{6}$/, '000003'));
});

test('an admin edits an answer template, an editor approves it; an official answers with it; the indicators count a first-level answer', async ({
	browser,
	request
}) => {
	test.slow();
	await setClock(request, FILED);
	const filed = await filePetition(request, { subject: 'Estado de mi radicado anterior' });
	const admin = await officialPage(browser, 'admin');
	await admin.goto('/staff/plantillas');
	await admin.getByRole('link', { name: 'Editar «Estado de un radicado»' }).click();
	await admin
		.getByLabel('Texto')
		.fill('Señor o señora:\nSu radicado está en trámite en la Subdirección de Gas.\nCordialmente,');
	await admin.getByRole('button', { name: 'Guardar la plantilla' }).click();
	await expect(admin.locator('.panel[role="status"]')).toContainText(
		'Guardamos el borrador de la plantilla «Estado de un radicado».'
	);
	expect(await axeViolations(admin)).toEqual([]);
	// Its author cannot approve it: the page offers no review to them.
	await admin.goto('/staff/plantillas?plantilla=estado-radicado');
	await expect(admin.getByText('Este es el borrador de admin@example.org.')).toBeVisible();
	await expect(admin.getByRole('button', { name: 'Aprobar y publicar' })).toHaveCount(0);

	const editor = await officialPage(browser, 'editor');
	await editor.goto('/staff/plantillas');
	await expect(
		editor
			.getByRole('row', { name: /Estado de un radicado/ })
			.getByText(/Borrador de admin@example.org/)
	).toBeVisible();
	await editor.getByRole('link', { name: 'Editar «Estado de un radicado»' }).click();
	expect(await axeViolations(editor)).toEqual([]);
	await editor.getByRole('button', { name: 'Aprobar y publicar' }).click();
	await expect(editor.locator('.panel[role="status"]')).toHaveText(
		'Publicamos la plantilla. Los funcionarios ya pueden usarla.'
	);

	const desk = await officialPage(browser);
	await desk.goto(`/staff/peticiones/${filed.number}`);
	await desk.getByLabel('Plantilla de respuesta').selectOption({ label: 'Estado de un radicado' });
	await desk.getByRole('button', { name: 'Usar la plantilla' }).click();
	await expect(desk.getByLabel('Texto de la respuesta')).toHaveValue(
		/Su radicado está en trámite en la Subdirección de Gas/
	);
	await desk.getByRole('button', { name: 'Guardar y enviar la respuesta' }).click();
	await expect(desk.locator('.panel[role="status"]')).toContainText('Guardamos la respuesta');
	await expect(desk.getByText('Respuesta de primer nivel (con plantilla).')).toBeVisible();

	const indicators = await desk.goto('/es/indicadores');
	expect(indicators?.status()).toBe(200);
	await expect(desk.getByTestId('first-level')).toContainText(
		'1 de 1 respuestas fue de primer nivel (100 %)'
	);
});

test('the answer to an anonymous complaint is published on the notices page for 5 business days', async ({
	page,
	request
}) => {
	test.slow();
	await setClock(request, FILED);
	const filed = await filePetition(request, {
		type: 'queja',
		identity: 'anonymous',
		name: undefined,
		email: undefined,
		consent: undefined,
		contactPreference: 'online',
		subject: 'Mal trato en la oficina de Maicao'
	});
	const desk = await page.context().browser()!.newContext();
	const official = await desk.newPage();
	await signInAsStaff(official);
	await answerThroughApi(
		official.request,
		filed.number,
		'Revisamos su queja. Hablamos con el equipo de la oficina y reforzamos la formación.'
	);
	for (const lang of LOCALES) {
		await page.goto(`/${lang}/avisos`);
		await expect(page.locator('main').getByRole('heading', { level: 2 })).toContainText(
			filed.number
		);
		await expect(page.getByText('reforzamos la formación')).toBeVisible();
		await expect(page.locator('main')).not.toContainText('Maicao');
		expect(await axeViolations(page)).toEqual([]);
	}
	const api = await request.get('/api/v1/notices');
	expect(api.status()).toBe(200);
	expect((await api.json()).notices).toHaveLength(1);
	// Five business days after Thursday 14 January 2027: Thursday the 21st, then it goes.
	await setClock(request, '2027-01-21T18:00:00-05:00');
	await page.goto('/es/avisos');
	await expect(page.getByText('reforzamos la formación')).toBeVisible();
	await setClock(request, '2027-01-22T08:00:00-05:00');
	await page.goto('/es/avisos');
	await expect(page.getByText('Hoy no hay avisos publicados.')).toBeVisible();
});

test('a forwarding after 5 business days warns the official; the citizen reads where it went and the band stops', async ({
	page,
	browser,
	request
}) => {
	test.slow();
	await setClock(request, FILED);
	const filed = await filePetition(request, { email: 'rosa.desk@example.com' });
	// Friday 22 January 2027: the sixth business day after the filing.
	await setClock(request, '2027-01-22T10:00:00-05:00');
	const desk = await officialPage(browser);
	await desk.goto(`/staff/peticiones/${filed.number}`);
	await expect(desk.getByText('Ya pasaron los 5 días hábiles para trasladar.')).toBeVisible();
	await desk.getByRole('radio', { name: 'Traslado a la entidad competente' }).check();
	await desk
		.getByRole('textbox', { name: 'Entidad competente' })
		.fill('Superintendencia de Servicios Públicos');
	await desk.getByRole('button', { name: 'Guardar el evento' }).click();
	await expect(desk.locator('.panel[role="status"]')).toContainText(
		'después de los 5 días hábiles que da la ley'
	);
	await mailbox.waitFor('rosa.desk@example.com', /Enviamos su petición/);

	await setClock(request, '2027-03-01T10:00:00-05:00');
	await lookUp(page, filed.number, filed.securityCode);
	await expect(page.getByTestId('status-forwarded')).toContainText(
		'Trasladada a Superintendencia de Servicios Públicos el viernes 22 de enero de 2027.'
	);
	await expect(page.getByTestId('status-band')).toHaveText(/Enviada a otra entidad/);
});

test('a request to complete pauses the term in the look-up', async ({ page, browser, request }) => {
	test.slow();
	await setClock(request, FILED);
	const filed = await filePetition(request);
	await setClock(request, '2027-01-19T10:00:00-05:00');
	const desk = await officialPage(browser);
	await desk.goto(`/staff/peticiones/${filed.number}`);
	await desk.getByRole('radio', { name: 'Pedir que complete la petición' }).check();
	await desk
		.getByLabel('Motivo o lo que falta')
		.fill('Falta la copia de la última factura del gas.');
	await desk.getByRole('button', { name: 'Guardar el evento' }).click();
	await expect(desk.locator('.panel[role="status"]')).toContainText('Pedir que complete');
	expect(await axeViolations(desk)).toEqual([]);

	await setClock(request, '2027-02-10T10:00:00-05:00');
	await lookUp(page, filed.number, filed.securityCode);
	await expect(page.getByTestId('status-state')).toHaveText(
		'Esperando que usted complete la petición'
	);
	await expect(page.getByTestId('status-pause')).toContainText(
		'Falta la copia de la última factura del gas.'
	);
	await expect(page.getByTestId('status-pause')).toContainText('viernes 19 de febrero de 2027');
	await expect(page.getByTestId('status-band')).toHaveText(/Bajo/);
	expect(await axeViolations(page)).toEqual([]);
});
