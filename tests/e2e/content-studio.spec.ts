import type { Browser, Page } from '@playwright/test';
import { axeViolations, expect, setClock, signInAsStaff, tabTo, test } from './fixtures';
import { openControlled } from './offline-support';

// The entity keeps its own content: an editor changes a channel's hours and a service's
// requirement from the console, another editor approves, and the public pages show it at once.
// Each test starts from a fresh database, seeded with the shipped demo content.

const ANA = 'ana.editora@example.org';
const LUIS = 'luis.editor@example.org';
const SERVICE = 'subsidio-de-gas-en-cilindro';
const REQUIREMENT = 'Una copia del certificado catastral de su casa.';
// A Tuesday at 1 p. m. in Bogotá: open under the shipped hours (8:30 to 4:30), closed at lunch
// under the split ones (8 to 12 and 2 to 5).
const TUESDAY_LUNCH = '2026-11-24T13:00:00-05:00';

/** A browser of its own, without JavaScript: the studio works with plain forms. */
async function browserWithoutScripts(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	return context.newPage();
}

async function editor(
	browser: Browser,
	baseURL: string | undefined,
	email: string,
	{ scripts = false } = {}
): Promise<Page> {
	const page = scripts
		? await (await browser.newContext({ baseURL })).newPage()
		: await browserWithoutScripts(browser, baseURL);
	await signInAsStaff(page, 'editor', { email, roles: ['editor'] });
	return page;
}

/** The "open now" line and the hours of the in-person channel, as the server wrote them. */
async function presencial(page: Page) {
	await page.goto('/es/contacto');
	const section = page.locator('section#presencial');
	return {
		status: (await section.locator('.status [data-said]').textContent())?.trim(),
		hours: (await section.locator('dd').first().textContent())?.trim()
	};
}

test('an editor changes split hours and a requirement, a second editor approves, and the pages show it at once', async ({
	browser,
	baseURL,
	request
}) => {
	test.slow();
	await setClock(request, TUESDAY_LUNCH);
	const citizen = await browserWithoutScripts(browser, baseURL);
	expect(await presencial(citizen)).toMatchObject({ status: 'Abierto ahora' });

	// The first editor changes the in-person channel to split hours, without JavaScript.
	const ana = await editor(browser, baseURL, ANA);
	await ana.goto('/staff/contenido?tipo=channel');
	await expect(ana.getByRole('heading', { level: 1 })).toHaveText('Contenido de la entidad');
	await ana.getByRole('link', { name: 'Abrir En persona' }).click();
	await expect(ana.getByRole('heading', { name: 'En persona', level: 2 })).toBeVisible();
	await ana.getByLabel('Abre a las').fill('08:00');
	await ana.getByLabel('Cierra a las', { exact: true }).fill('17:00');
	await ana.getByLabel('Cierra al mediodía a las').fill('12:00');
	await ana.getByLabel('Abre de nuevo a las').fill('14:00');
	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	await expect(ana.getByRole('status')).toHaveText(
		'Guardamos el borrador. Otra persona con el rol de edición debe aprobarlo.'
	);
	await expect(
		ana.getByText('Borrador de ana.editora@example.org: espera aprobación').first()
	).toBeVisible();

	// The author cannot approve their own change: no button, and the API refuses it.
	await expect(ana.getByRole('button', { name: 'Aprobar y publicar' })).toHaveCount(0);
	await expect(ana.getByText('Usted escribió este cambio.')).toBeVisible();
	const own = await ana.request.post('/api/v1/staff/content/channel:presencial/review', {
		data: { decision: 'approve' }
	});
	expect(own.status()).toBe(409);
	expect((await own.json()).code).toBe('OWN_CHANGE');

	// And a requirement of a service.
	await ana.goto(`/staff/contenido?tipo=service&id=service:${SERVICE}`);
	const requirements = ana.getByLabel('Requisitos, uno por línea');
	await requirements.fill(`${await requirements.inputValue()}\n${REQUIREMENT}`);
	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	await expect(ana.getByRole('status')).toHaveText(/Guardamos el borrador/);

	// Citizens still see what is published.
	expect(await presencial(citizen)).toMatchObject({ status: 'Abierto ahora' });
	await citizen.goto(`/es/servicios/${SERVICE}`);
	await expect(citizen.getByText(REQUIREMENT)).toHaveCount(0);

	// The second editor approves both, by keyboard.
	const luis = await editor(browser, baseURL, LUIS, { scripts: true });
	await luis.goto('/staff/contenido');
	await expect(luis.getByText('2 cambios esperan aprobación.')).toBeVisible();
	expect(await axeViolations(luis)).toEqual([]);
	await luis.getByRole('link', { name: 'Abrir En persona' }).click();
	const approve = luis.getByRole('button', { name: 'Aprobar y publicar' });
	await tabTo(luis, approve);
	await luis.keyboard.press('Enter');
	await expect(luis.getByRole('status')).toHaveText('Aprobado. Ya se ve en todas las páginas.');
	await expect(luis.getByText('Publicado, versión 2').first()).toBeVisible();
	expect(await axeViolations(luis)).toEqual([]);
	await luis.goto(`/staff/contenido?id=service:${SERVICE}`);
	await luis.getByRole('button', { name: 'Aprobar y publicar' }).click();
	await expect(luis.getByRole('status')).toHaveText('Aprobado. Ya se ve en todas las páginas.');

	// At once: the contact page says closed at lunch, with the split hours; the service page and
	// the API show the new requirement.
	expect(await presencial(citizen)).toEqual({
		status: 'Cerrado ahora',
		hours:
			'De lunes a viernes, de 8:00 a. m. a 12:00 p. m. y de 2:00 p. m. a 5:00 p. m. Cerrado los días festivos.'
	});
	await citizen.goto(`/es/servicios/${SERVICE}`);
	await expect(citizen.getByRole('listitem').filter({ hasText: REQUIREMENT })).toHaveCount(1);
	const api = await request.get(`/api/v1/services/${SERVICE}`);
	expect(api.status()).toBe(200);
	expect((await api.json()).requirements).toContain(REQUIREMENT);
	const channels = await request.get('/api/v1/channels?lang=es');
	expect(channels.status()).toBe(200);
	const inPerson = (await channels.json()).channels.find(
		(channel: { id: string }) => channel.id === 'presencial'
	);
	expect(inPerson).toMatchObject({ openNow: false });
	await setClock(request, null);
});

test('a wrong hour comes back with its message, focused, and nothing typed is lost', async ({
	browser,
	baseURL
}) => {
	const ana = await editor(browser, baseURL, ANA, { scripts: true });
	await ana.goto('/staff/contenido?id=channel:presencial');
	expect(await axeViolations(ana)).toEqual([]);
	await ana.getByLabel('Para qué sirve').fill('Sirve para hablar cara a cara. Traiga sus papeles.');
	await ana.getByLabel('Cierra al mediodía a las').fill('18:00');
	await ana.getByLabel('Abre de nuevo a las').fill('19:00');
	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	const summary = ana.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'La pausa debe empezar después de abrir y terminar antes de cerrar.'
	]);
	await expect(ana.getByLabel('Para qué sirve')).toHaveValue(
		'Sirve para hablar cara a cara. Traiga sus papeles.'
	);
	await expect(ana.getByLabel('Cierra al mediodía a las')).toHaveValue('18:00');
	expect(await axeViolations(ana)).toEqual([]);
	const item = await ana.request.get('/api/v1/staff/content/channel:presencial');
	expect(item.status()).toBe(200);
	expect((await item.json()).state).toBe('published');
});

test('the plain-language hint follows typing, and a hard text is saved only with a reason the reviewer reads', async ({
	browser,
	baseURL
}) => {
	const HARD =
		'La entidad, en cumplimiento de las disposiciones constitucionales, legales y reglamentarias vigentes, procederá a efectuar la verificación administrativa correspondiente de la documentación aportada por el peticionario dentro del término establecido por la ley para estos casos particulares.';
	test.slow();
	const REASON = 'Es el texto exacto de la resolución que nos obliga.';
	const ana = await editor(browser, baseURL, ANA, { scripts: true });
	await ana.goto('/staff/contenido?id=channel:presencial');
	const goodFor = ana.getByLabel('Para qué sirve');
	// The hint changes while the editor types: plain text first, then a hard one.
	await goodFor.fill('Sirve para hablar cara a cara. Traiga sus papeles.');
	await expect(goodFor).toHaveAccessibleDescription(/^Lenguaje claro: legibilidad \d/);
	await goodFor.fill(HARD);
	// It points out the sentence to shorten.
	await expect(goodFor).toHaveAccessibleDescription(
		/^Legibilidad \d+(\.\d+)?: la meta es 70 o más\./
	);
	await expect(goodFor).toHaveAccessibleDescription(/divídala: «La entidad, en cumplimiento/);
	await expect(ana.locator('[data-plain-said]')).toHaveText(/^Legibilidad/);
	expect(await axeViolations(ana)).toEqual([]);

	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	const summary = ana.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'El texto queda bajo la meta de lenguaje claro. Escriba por qué debe publicarse así, o simplifíquelo.'
	]);
	await expect(goodFor).toHaveValue(HARD);
	expect(await axeViolations(ana)).toEqual([]);
	await ana.getByLabel('Motivo para publicar bajo la meta de lenguaje claro').fill(REASON);
	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	await expect(ana.getByRole('status')).toHaveText(
		'Guardamos el borrador. Otra persona con el rol de edición debe aprobarlo.'
	);

	// The API asks for the same reason.
	const item = await ana.request.get('/api/v1/staff/content/channel:presencial');
	expect(item.status()).toBe(200);
	const { draft, draftReason } = await item.json();
	expect(draftReason).toBe(REASON);
	const refused = await ana.request.put('/api/v1/staff/content/channel:presencial', {
		data: { draft }
	});
	expect(refused.status()).toBe(422);
	expect((await refused.json()).errors).toEqual([expect.objectContaining({ path: 'reason' })]);

	const luis = await editor(browser, baseURL, LUIS, { scripts: true });
	await luis.goto('/staff/contenido?id=channel:presencial');
	await expect(
		luis.getByText(`Motivo de ${ANA} para publicar bajo la meta de lenguaje claro: ${REASON}`)
	).toBeVisible();
	expect(await axeViolations(luis)).toEqual([]);
});

test('the content API lists, keeps drafts, refuses bad content and checks roles', async ({
	browser,
	baseURL
}) => {
	const ana = await editor(browser, baseURL, ANA);
	const listing = await ana.request.get('/api/v1/staff/content?kind=glossary');
	expect(listing.status()).toBe(200);
	const items = (await listing.json()).items as { id: string; kind: string; demo: boolean }[];
	expect(items.length).toBeGreaterThan(5);
	expect(items.every((item) => item.kind === 'glossary' && item.demo)).toBe(true);

	const glp = await ana.request.get('/api/v1/staff/content/glossary:glp');
	expect(glp.status()).toBe(200);
	const { published } = await glp.json();
	const bad = await ana.request.put('/api/v1/staff/content/glossary:glp', {
		data: { draft: { ...published, es: { term: '', definition: 'Es el gas de los cilindros.' } } }
	});
	expect(bad.status()).toBe(422);
	expect(bad.headers()['content-type']).toContain('application/problem+json');
	expect((await bad.json()).errors).toEqual([expect.objectContaining({ path: 'es.term' })]);
	const saved = await ana.request.put('/api/v1/staff/content/glossary:glp', {
		data: {
			draft: { ...published, es: { ...published.es, definition: 'Es el gas de los cilindros.' } }
		}
	});
	expect(saved.status()).toBe(200);
	expect(await saved.json()).toMatchObject({ state: 'draft', draftBy: ANA, version: 1 });
	expect((await ana.request.get('/api/v1/staff/content/nada')).status()).toBe(404);

	const agent = await browserWithoutScripts(browser, baseURL);
	await signInAsStaff(agent, 'agent');
	expect((await agent.request.get('/api/v1/staff/content')).status()).toBe(403);
	const page = await agent.goto('/staff/contenido');
	expect(page?.status()).toBe(403);
});

test("next year's charter, prepared in advance, takes effect on its date and lists the one before", async ({
	browser,
	baseURL,
	request
}) => {
	await setClock(request, '2026-12-01T10:00:00-05:00');
	// The first editor prepares it from the studio's form, by keyboard and with scripts on.
	const ana = await editor(browser, baseURL, ANA, { scripts: true });
	await ana.goto('/staff/contenido?tipo=charter');
	await tabTo(ana, ana.getByRole('link', { name: 'Abrir Carta de trato digno 2026.1' }));
	await ana.keyboard.press('Enter');
	await tabTo(ana, ana.getByRole('link', { name: 'Preparar la versión del año siguiente' }));
	await ana.keyboard.press('Enter');
	await expect(ana.getByLabel('Nombre de la versión')).toHaveValue('2027.1');
	await expect(ana.getByLabel('Vigente desde')).toHaveValue('2027-01-15');
	await expect(ana.getByLabel('Vigente hasta')).toHaveValue('2028-01-14');
	expect(await axeViolations(ana)).toEqual([]);
	const summary = ana.getByRole('group', { name: 'En pocas palabras' });
	await summary.getByLabel('Título').fill('En pocas palabras, versión 2027');
	// A date that ends before it starts comes back with its message, focused.
	await ana.getByLabel('Vigente hasta').fill('2026-01-14');
	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	const problems = ana.getByRole('alert');
	await expect(problems).toBeFocused();
	await expect(problems.getByRole('link')).toHaveText([
		'La fecha final debe ser después de la inicial.'
	]);
	await expect(summary.getByLabel('Título')).toHaveValue('En pocas palabras, versión 2027');
	expect(await axeViolations(ana)).toEqual([]);
	await ana.getByLabel('Vigente hasta').fill('2028-01-14');
	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	await expect(ana.getByRole('status')).toHaveText(
		'Guardamos el borrador. Otra persona con el rol de edición debe aprobarlo.'
	);

	// A second editor approves it, without JavaScript.
	const luis = await editor(browser, baseURL, LUIS);
	await luis.goto('/staff/contenido?id=charter:carta');
	await expect(luis.getByLabel('Nombre de la versión')).toHaveValue('2027.1');
	await luis.getByRole('button', { name: 'Aprobar y publicar' }).click();
	await expect(luis.getByRole('status')).toHaveText('Aprobado. Ya se ve en todas las páginas.');

	// Before its date, the public page keeps the charter in force.
	const citizen = await (await browser.newContext({ baseURL, serviceWorkers: 'block' })).newPage();
	await citizen.goto('/es/carta-de-trato-digno');
	await expect(citizen.getByText(/^Versión 2026\.1\./)).toBeVisible();
	await expect(citizen.getByRole('heading', { name: 'Versiones anteriores' })).toHaveCount(0);

	// On its date, the new one, and a link to the one before.
	await setClock(request, '2027-01-15T08:00:00-05:00');
	await citizen.goto('/es/carta-de-trato-digno');
	await expect(
		citizen.getByText(/^Versión 2027\.1\. Vigente desde el 15 de enero de 2027/)
	).toBeVisible();
	await expect(
		citizen.getByRole('heading', { name: 'En pocas palabras, versión 2027' })
	).toBeVisible();
	const api = await request.get('/api/v1/charter?lang=es');
	expect(api.status()).toBe(200);
	expect(await api.json()).toMatchObject({ version: '2027.1', earlier: [{ version: '2026.1' }] });
	expect(await axeViolations(citizen)).toEqual([]);
	await citizen
		.getByRole('link', {
			name: 'Versión 2026.1, vigente desde el 15 de enero de 2026 hasta el 14 de enero de 2027'
		})
		.click();
	await expect(citizen.getByText('Esta versión ya no está vigente.')).toBeVisible();
	await expect(
		citizen.getByRole('heading', { name: 'En pocas palabras', exact: true })
	).toBeVisible();
	expect(await axeViolations(citizen)).toEqual([]);
	await setClock(request, null);
});

test('after an approval, the page kept for offline use shows the change once the service worker updates', async ({
	browser,
	baseURL
}) => {
	test.slow();
	// A phone that keeps the pages: its service worker is installed and controls the page.
	const phone = await browser.newContext({ baseURL, serviceWorkers: 'allow' });
	const citizen = await phone.newPage();
	await openControlled(citizen, `/es/servicios/${SERVICE}`);
	const requirement = citizen.getByRole('listitem').filter({ hasText: REQUIREMENT });
	await expect(requirement).toHaveCount(0);

	// An editor adds a requirement; another approves it.
	const ana = await editor(browser, baseURL, ANA);
	const item = await ana.request.get(`/api/v1/staff/content/service:${SERVICE}`);
	expect(item.status()).toBe(200);
	const { published } = await item.json();
	const saved = await ana.request.put(`/api/v1/staff/content/service:${SERVICE}`, {
		data: {
			draft: {
				...published,
				es: { ...published.es, requirements: [...published.es.requirements, REQUIREMENT] }
			}
		}
	});
	expect(saved.status()).toBe(200);
	const luis = await editor(browser, baseURL, LUIS);
	const approved = await luis.request.post(`/api/v1/staff/content/service:${SERVICE}/review`, {
		data: { decision: 'approve' }
	});
	expect(approved.status()).toBe(200);

	// Offline, the phone still has the page as it kept it.
	await phone.setOffline(true);
	await citizen.goto(`/es/servicios/${SERVICE}`);
	await expect(citizen.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(requirement).toHaveCount(0);

	// Back online, the next visit finds a new version of the app, as after a release.
	await phone.setOffline(false);
	await citizen.goto(`/es/servicios/${SERVICE}`);
	const prompt = citizen.locator('[data-app-update-prompt]');
	await expect(prompt.getByRole('button', { name: 'Actualizar' })).toBeVisible({
		timeout: 20_000
	});
	const reloaded = citizen.waitForEvent('load');
	await prompt.getByRole('button', { name: 'Actualizar' }).click();
	await reloaded;

	// Offline again: the kept page shows the new requirement.
	await phone.setOffline(true);
	await citizen.goto(`/es/servicios/${SERVICE}`);
	await expect(requirement).toHaveCount(1);
	expect(await axeViolations(citizen)).toEqual([]);
	await phone.close();
});

test('an editor opens the answer templates from the content studio and changes one; another approves it', async ({
	browser,
	baseURL
}) => {
	const ana = await editor(browser, baseURL, ANA, { scripts: true });
	await ana.goto('/staff/contenido');
	await ana
		.getByRole('navigation', { name: 'Mostrar' })
		.getByRole('link', { name: 'Plantillas de respuesta' })
		.click();
	await expect(ana.getByRole('heading', { level: 1 })).toHaveText('Plantillas de respuesta');
	await ana.getByRole('link', { name: 'Editar «Estado de un radicado»' }).click();
	await ana
		.getByLabel('Texto')
		.fill('Señor o señora:\nSu radicado sigue en trámite.\nCordialmente,');
	await ana.getByRole('button', { name: 'Guardar la plantilla' }).click();
	await expect(ana.locator('.panel[role="status"]')).toContainText(
		'Guardamos el borrador de la plantilla «Estado de un radicado».'
	);
	expect(await axeViolations(ana)).toEqual([]);

	const luis = await editor(browser, baseURL, LUIS);
	await luis.goto('/staff/plantillas?plantilla=estado-radicado');
	await luis.getByRole('button', { name: 'Aprobar y publicar' }).click();
	await expect(luis.locator('.panel[role="status"]')).toHaveText(
		'Publicamos la plantilla. Los funcionarios ya pueden usarla.'
	);
	// Published: the form opens on the new text, with no draft waiting.
	await luis.goto('/staff/plantillas?plantilla=estado-radicado');
	await expect(luis.getByLabel('Texto')).toHaveValue(/Su radicado sigue en trámite\./);
	await expect(luis.getByText(/Este es el borrador/)).toHaveCount(0);
});

test('an editor adds a glossary entry and asks to remove another; a second editor approves both', async ({
	browser,
	baseURL
}) => {
	test.slow();
	const ana = await editor(browser, baseURL, ANA, { scripts: true });
	await ana.goto('/staff/contenido?tipo=glossary');
	await ana.getByRole('link', { name: 'Nueva palabra del glosario' }).click();
	await expect(
		ana.getByRole('heading', { name: 'Nueva palabra del glosario', level: 2 })
	).toBeVisible();
	await ana.getByLabel('Identificador').fill('Zonas NI');
	await ana.getByLabel('Sigla (opcional)').fill('ZNI');
	await ana.getByLabel('Palabra', { exact: true }).fill('zonas no interconectadas');
	await ana.getByLabel('Explicación').fill('Son los lugares a donde no llega la red de energía.');
	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	const summary = ana.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'Use solo letras minúsculas sin tildes, números y guiones, por ejemplo zonas-no-interconectadas.'
	]);
	await expect(ana.getByLabel('Palabra', { exact: true })).toHaveValue('zonas no interconectadas');
	expect(await axeViolations(ana)).toEqual([]);
	await ana.getByLabel('Identificador').fill('zni');
	await ana.getByRole('button', { name: 'Guardar borrador' }).click();
	await expect(ana.getByRole('status')).toHaveText(
		'Guardamos el borrador. Otra persona con el rol de edición debe aprobarlo.'
	);
	await expect(ana.getByText(`Nuevo, de ${ANA}: espera aprobación`).first()).toBeVisible();

	const citizen = await browserWithoutScripts(browser, baseURL);
	await citizen.goto('/es/glosario');
	await expect(citizen.getByText('zonas no interconectadas')).toHaveCount(0);
	await expect(citizen.getByText('gas licuado de petróleo')).not.toHaveCount(0);

	// The second editor approves it and asks to remove another entry, without JavaScript.
	const luis = await editor(browser, baseURL, LUIS);
	await luis.goto('/staff/contenido?id=glossary:zni');
	await luis.getByRole('button', { name: 'Aprobar y publicar' }).click();
	await expect(luis.getByRole('status')).toHaveText('Aprobado. Ya se ve en todas las páginas.');
	await citizen.goto('/es/glosario');
	await expect(citizen.getByText('zonas no interconectadas')).not.toHaveCount(0);

	await luis.goto('/staff/contenido?id=glossary:glp');
	await luis.getByRole('button', { name: 'Pedir que se quite del glosario' }).click();
	await expect(luis.getByRole('status')).toHaveText(
		'Pedimos quitarlo. Otra persona con el rol de edición debe aprobarlo.'
	);
	await citizen.goto('/es/glosario');
	await expect(citizen.getByText('gas licuado de petróleo')).not.toHaveCount(0);

	// The first editor approves the removal: the entry leaves the page.
	await ana.goto('/staff/contenido?id=glossary:glp');
	await expect(ana.getByText(`${LUIS} pidió quitarlo: espera aprobación`).first()).toBeVisible();
	expect(await axeViolations(ana)).toEqual([]);
	await ana.getByRole('button', { name: 'Aprobar y publicar' }).click();
	await expect(ana.getByRole('status')).toHaveText('Aprobado. Ya se ve en todas las páginas.');
	await citizen.goto('/es/glosario');
	await expect(citizen.getByText('gas licuado de petróleo')).toHaveCount(0);
});
