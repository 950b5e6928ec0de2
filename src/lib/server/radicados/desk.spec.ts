import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entity } from '$lib/config/entity';
import { clock } from '../clock';
import { config } from '../config';
import { auditLog, outbox, radicados as radicadosTable } from '../db/schema';
import { DomainError } from '../errors';
import { staff, type StaffUser } from '../staff';
import { useTestDatabase } from '../testing/database';
import { petitionInput } from '../testing/factories';
import { radicados } from '.';
import { staffFilingSchema, type FilingInput } from './schema';
import { pdfFile } from '../testing/files';

const db = useTestDatabase();
const es = { lang: 'es' as const };

/** Thursday 15 January 2026: a peticion (15 days) is due on Thursday 5 February. */
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00-05:00`);
const FILED = at('2026-01-15');
const PDF = new Uint8Array(pdfFile('firmado digitalmente'));

let unique = 0;
/** A petition by a new person each time (name and email of their own). */
function petition(overrides: Partial<Record<keyof FilingInput, unknown>> = {}): FilingInput {
	unique += 1;
	return petitionInput({
		name: `Ana Pérez ${unique}`,
		email: `ana${unique}@example.com`,
		...overrides
	});
}

async function fileAt(when: Date, overrides: Partial<Record<keyof FilingInput, unknown>> = {}) {
	clock.set(when);
	return radicados.file(db(), petition(overrides), es);
}

const lookUp = (filed: { number: string; securityCode: string }, client = '10.1.0.1') =>
	radicados.lookup(db(), { number: filed.number, securityCode: filed.securityCode }, client);

const emailsTo = (to: string) => db().select().from(outbox).where(eq(outbox.recipient, to));

const auditOf = (number: string, action: string) =>
	db()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.subject, number), eq(auditLog.action, action)));

async function official(email: string, roles: StaffUser['roles']): Promise<StaffUser> {
	return (await staff.add(db(), { email, roles, password: 'una frase larga de prueba' }, 'test'))
		.user;
}

beforeAll(() => {
	config.dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-desk-'));
	config.origin = 'https://ventanilla.test';
});
afterEach(() => clock.set(undefined));

describe('the queue', () => {
	it('lists open petitions, the first due first, with the band the citizen sees and counts per band', async () => {
		const informacion = await fileAt(FILED, { type: 'informacion' });
		const peticion = await fileAt(FILED);
		const consulta = await fileAt(FILED, { type: 'consulta' });
		const answered = await fileAt(FILED, { type: 'queja' });
		await radicados.answer(
			db(),
			answered.number,
			{ text: 'Revisamos su queja y corregimos el cobro.' },
			undefined,
			'ana@entidad.gov.co'
		);
		clock.set(at('2026-01-28'));
		const queue = await radicados.queue(db(), {});
		expect(queue.items.map((i) => [i.number, i.band, i.elapsedBusinessDays, i.termDays])).toEqual([
			[informacion.number, 'alta', 9, 10],
			[peticion.number, 'media', 9, 15],
			[consulta.number, 'baja', 9, 30]
		]);
		expect(queue.counts).toEqual({ baja: 1, media: 1, alta: 1, critica: 0 });
		expect(queue).toMatchObject({ total: 3, page: 1, pages: 1 });
		expect(queue.items[0]).toMatchObject({ channel: 'web', state: 'radicada', dependency: null });
		// The look-up tells the same band as the queue.
		expect((await lookUp(informacion)).band).toBe('alta');
	});

	it('filters by band, type, channel, dependency, official, state, number and subject', async () => {
		const gas = await fileAt(FILED, { subject: 'Conversión de mi taxi a gas' });
		const info = await fileAt(FILED, { type: 'informacion', subject: 'Horario de atención' });
		clock.set(at('2026-01-15', '11:00'));
		const phone = await radicados.file(
			db(),
			staffFilingSchema.parse({
				...petition({ subject: 'Llamada sobre facturas' }),
				channel: 'phone'
			}),
			{ ...es, channel: 'phone', actor: 'ana@entidad.gov.co' }
		);
		await official('luis@entidad.gov.co', ['agent']);
		await radicados.assign(
			db(),
			gas.number,
			{ dependency: 'subdireccion-gas', assignee: 'luis@entidad.gov.co' },
			'jefe@entidad.gov.co'
		);
		clock.set(at('2026-01-28'));
		const numbers = async (filters: Parameters<typeof radicados.queue>[1]) =>
			(await radicados.queue(db(), filters)).items.map((i) => i.number);
		expect(await numbers({ band: 'alta' })).toEqual([info.number]);
		expect(await numbers({ type: 'informacion' })).toEqual([info.number]);
		expect(await numbers({ channel: 'phone' })).toEqual([phone.number]);
		expect(await numbers({ dependency: 'subdireccion-gas' })).toEqual([gas.number]);
		expect(await numbers({ dependency: 'none' })).toEqual([info.number, phone.number]);
		expect(await numbers({ assignee: 'luis@entidad.gov.co' })).toEqual([gas.number]);
		expect(await numbers({ assignee: 'none' })).toHaveLength(2);
		expect(await numbers({ q: phone.number.replaceAll('-', ' – ') })).toEqual([phone.number]);
		expect(await numbers({ q: 'TAXI' })).toEqual([gas.number]);
		expect(await numbers({ q: '100%_' })).toEqual([]);
		expect(await numbers({ state: 'respondida' })).toEqual([]);
		// The counts follow every filter but the band.
		expect((await radicados.queue(db(), { type: 'peticion', band: 'alta' })).counts).toEqual({
			baja: 0,
			media: 2,
			alta: 0,
			critica: 0
		});
	});

	it('pages by 25, and a page past the end shows the last one', async () => {
		clock.set(FILED);
		for (let i = 0; i < 27; i += 1) await radicados.file(db(), petition(), es);
		const second = await radicados.queue(db(), { page: 2 });
		expect(second).toMatchObject({ total: 27, page: 2, pages: 2 });
		expect(second.items).toHaveLength(2);
		expect((await radicados.queue(db(), { page: 9 })).page).toBe(2);
	});
});

describe('assignment', () => {
	it('assigns a dependency and an official, with an audit row of before and after', async () => {
		const filed = await fileAt(FILED);
		await official('luis@entidad.gov.co', ['agent']);
		await radicados.assign(
			db(),
			filed.number,
			{ dependency: 'subdireccion-gas', assignee: 'luis@entidad.gov.co' },
			'jefe@entidad.gov.co'
		);
		const petition = await radicados.forStaff(db(), filed.number);
		expect(petition).toMatchObject({
			dependency: { id: 'subdireccion-gas', name: 'Subdirección de Gas' },
			assignee: 'luis@entidad.gov.co'
		});
		const [row] = await auditOf(filed.number, 'radicado.assigned');
		expect(row).toMatchObject({
			actor: 'jefe@entidad.gov.co',
			data: {
				dependency: 'subdireccion-gas',
				assignee: 'luis@entidad.gov.co',
				before: { dependency: null, assignee: null }
			}
		});
	});

	it('refuses an official who does not work petitions, and a closed petition', async () => {
		const filed = await fileAt(FILED);
		await official('traductora@entidad.gov.co', ['translator']);
		await expect(
			radicados.assign(
				db(),
				filed.number,
				{ dependency: 'subdireccion-gas', assignee: 'traductora@entidad.gov.co' },
				'jefe@entidad.gov.co'
			)
		).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
		await radicados.addEvent(
			db(),
			filed.number,
			{ kind: 'trasladada', forwardedTo: 'Superintendencia de Servicios Públicos' },
			'jefe@entidad.gov.co'
		);
		await expect(
			radicados.assign(
				db(),
				filed.number,
				{ dependency: 'subdireccion-gas' },
				'jefe@entidad.gov.co'
			)
		).rejects.toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
	});
});

describe('alerts', () => {
	it('announces every new petition to the entity, without the petitioner', async () => {
		const filed = await fileAt(FILED, { name: 'Carmen Uriana', email: 'carmen@example.com' });
		const [message] = await emailsTo(entity.contact.notificationsEmail);
		expect(message!.subject).toContain(filed.number);
		expect(message!.text).toContain(`https://ventanilla.test/staff/peticiones/${filed.number}`);
		expect(message!.text).toContain('jueves 5 de febrero de 2026');
		expect(message!.text).not.toMatch(/Carmen|carmen@example/);
	});

	async function urgentPetitions() {
		// Alta on Friday 30 January (day 11 of 15); due within 2 business days; critica; baja.
		const alta = await fileAt(FILED);
		const soon = await fileAt(at('2026-01-16'), { type: 'informacion' });
		const critica = await fileAt(at('2026-01-02'));
		const baja = await fileAt(at('2026-01-29'));
		for (const [filed, dependency] of [
			[alta, 'subdireccion-gas'],
			[soon, 'subdireccion-gas'],
			[baja, 'subdireccion-energia']
		] as const) {
			await radicados.assign(db(), filed.number, { dependency }, 'jefe@entidad.gov.co');
		}
		return { alta, soon, critica, baja };
	}

	const morning = () => db().select().from(outbox).where(eq(outbox.kind, 'radicado.morning'));

	it('emails each dependency its urgent petitions once a business morning, with two workers at once', async () => {
		const { alta, soon, critica, baja } = await urgentPetitions();
		clock.set(at('2026-01-30', '07:05'));
		const sent = await Promise.all([
			radicados.sendMorningAlerts(db()),
			radicados.sendMorningAlerts(db())
		]);
		expect(sent[0]! + sent[1]!).toBe(2);
		const messages = await morning();
		const gas = messages.find((m) => m.recipient === 'gas@demo.ventanilla.gov.co')!;
		expect(gas.subject).toBe('Subdirección de Gas: 2 peticiones por vencer');
		expect(gas.text).toContain(alta.number);
		expect(gas.text).toContain(soon.number);
		expect(gas.text).toContain('Alto: el plazo está por vencer');
		const unassigned = messages.find((m) => m.recipient === entity.contact.notificationsEmail)!;
		expect(unassigned.text).toContain(critica.number);
		expect(messages.map((m) => m.text).join()).not.toContain(baja.number);
		expect(messages).toHaveLength(2);

		// Later rounds the same day send nothing more; the next business morning sends again.
		clock.set(at('2026-01-30', '11:00'));
		expect(await radicados.sendMorningAlerts(db())).toBe(0);
		clock.set(at('2026-02-02', '07:00'));
		expect(await radicados.sendMorningAlerts(db())).toBe(2);
		expect(await morning()).toHaveLength(4);
	});

	it('sends nothing before the morning hour, on a weekend or holiday, or when nothing is urgent', async () => {
		await urgentPetitions();
		clock.set(at('2026-01-30', '06:59'));
		expect(await radicados.sendMorningAlerts(db())).toBe(0);
		clock.set(at('2026-01-31', '08:00'));
		expect(await radicados.sendMorningAlerts(db())).toBe(0);
		expect(await morning()).toHaveLength(0);
	});
});

describe('answers', () => {
	it('answers with a signed PDF: respondida, numbered, the citizen emailed without the code, the document downloaded from the look-up', async () => {
		const filed = await fileAt(FILED, { email: 'luz@example.com' });
		clock.set(at('2026-01-20'));
		const answered = await radicados.answer(
			db(),
			filed.number,
			{ text: 'Revisamos su caso. El subsidio está activo desde enero.' },
			{ filename: 'oficio firmado.pdf', bytes: PDF },
			'ana@entidad.gov.co'
		);
		expect(answered.responseNumber).toBe('2-2026-000001');
		const [email] = (await emailsTo('luz@example.com')).filter(
			(m) => m.kind === 'radicado.answered'
		);
		expect(email!.subject).toContain(filed.number);
		expect(email!.text).toContain('2-2026-000001');
		expect(email!.text).toContain(`https://ventanilla.test/es/radicado?numero=${filed.number}`);
		expect(email!.text).not.toContain(filed.securityCode);

		const status = await lookUp(filed);
		expect(status).toMatchObject({
			state: 'respondida',
			band: 'respondida',
			elapsedBusinessDays: 3
		});
		const [response] = status.responses;
		expect(response).toMatchObject({
			number: '2-2026-000001',
			date: '2026-01-20',
			text: 'Revisamos su caso. El subsidio está activo desde enero.',
			documentSize: PDF.byteLength
		});
		const url = new URL(response!.documentUrl!, 'https://ventanilla.test');
		const token = url.searchParams.get('token');
		const download = await radicados.citizenDocument(db(), filed.number, response!.id!, token);
		expect(download.contentType).toBe('application/pdf');
		expect(Buffer.from(download.bytes).equals(Buffer.from(PDF))).toBe(true);

		// The link names this answer of this petition and works for a few minutes only.
		const other = await fileAt(at('2026-01-20', '10:05'));
		await expect(
			radicados.citizenDocument(db(), other.number, response!.id!, token)
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(
			radicados.citizenDocument(db(), filed.number, response!.id!, `${token}x`)
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		clock.set(at('2026-01-20', '10:16'));
		await expect(
			radicados.citizenDocument(db(), filed.number, response!.id!, token)
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await auditOf(filed.number, 'radicado.respondida')).toHaveLength(1);
	});

	it('refuses a document that is not a PDF by its content, and changes nothing', async () => {
		const filed = await fileAt(FILED);
		const files = readdirSync(join(config.dataDir, 'attachments')).length;
		const error = await radicados
			.answer(
				db(),
				filed.number,
				{ text: 'Revisamos su caso y le respondemos aquí.' },
				{ filename: 'respuesta.pdf', bytes: new TextEncoder().encode('<html>no</html>') },
				'ana@entidad.gov.co'
			)
			.catch((e: DomainError) => e);
		expect(error).toMatchObject({
			code: 'VALIDATION_FAILED',
			details: { fields: [{ path: 'document', message: 'desk:errors.document.notPdf' }] }
		});
		expect((await lookUp(filed)).state).toBe('radicada');
		expect(readdirSync(join(config.dataDir, 'attachments'))).toHaveLength(files);
	});

	it('refuses a response date before the filing or in the future', async () => {
		const filed = await fileAt(FILED);
		clock.set(at('2026-01-20'));
		for (const responseDate of ['2026-01-14', '2026-01-21']) {
			await expect(
				radicados.answer(
					db(),
					filed.number,
					{ text: 'Revisamos su caso y le respondemos aquí.', responseDate },
					undefined,
					'ana@entidad.gov.co'
				)
			).rejects.toMatchObject({
				code: 'VALIDATION_FAILED',
				details: { fields: [{ path: 'responseDate' }] }
			});
		}
		expect((await lookUp(filed)).state).toBe('radicada');
	});

	it('publishes the answer to an anonymous petition for 5 business days, without personal data', async () => {
		const filed = await fileAt(FILED, {
			type: 'queja',
			identity: 'anonymous',
			name: undefined,
			email: undefined,
			contactPreference: 'online',
			consent: undefined,
			subject: 'Cobro indebido en la estación de Maicao'
		});
		clock.set(at('2026-01-20'));
		await radicados.answer(
			db(),
			filed.number,
			{ text: 'Revisamos la queja y sancionamos la estación.' },
			undefined,
			'ana@entidad.gov.co'
		);
		const identified = await fileAt(at('2026-01-20', '11:00'));
		await radicados.answer(
			db(),
			identified.number,
			{ text: 'Esta respuesta es solo para la persona que preguntó.' },
			undefined,
			'ana@entidad.gov.co'
		);
		const published = await radicados.notices(db());
		expect(published).toEqual([
			{
				number: filed.number,
				type: 'queja',
				responseNumber: '2-2026-000001',
				responseDate: '2026-01-20',
				text: 'Revisamos la queja y sancionamos la estación.',
				until: '2026-01-27'
			}
		]);
		expect(JSON.stringify(published)).not.toContain('Maicao');
		clock.set(at('2026-01-27', '23:00'));
		expect(await radicados.notices(db())).toHaveLength(1);
		clock.set(at('2026-01-28', '08:00'));
		expect(await radicados.notices(db())).toHaveLength(0);
	});

	it('keeps first-level answers from a template, and refuses a template no longer in use', async () => {
		const filed = await fileAt(FILED);
		const [template] = await radicados.templates.list(db());
		expect(template).toBeDefined();
		await radicados.answer(
			db(),
			filed.number,
			{ text: template!.body, template: template!.id },
			undefined,
			'ana@entidad.gov.co'
		);
		expect((await radicados.forStaff(db(), filed.number)).responses[0]!.template).toBe(
			template!.id
		);
		await radicados.templates.save(
			db(),
			{ id: template!.id, title: template!.title, body: template!.body, active: false },
			'admin@entidad.gov.co'
		);
		await radicados.templates.review(
			db(),
			template!.id,
			{ decision: 'approve' },
			'editora@entidad.gov.co'
		);
		const second = await fileAt(FILED);
		await expect(
			radicados.answer(
				db(),
				second.number,
				{ text: template!.body, template: template!.id },
				undefined,
				'ana@entidad.gov.co'
			)
		).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
	});
});

describe('legal events', () => {
	it('refuses an extension after the due date, and tells the citizen of one in time', async () => {
		const filed = await fileAt(FILED, { email: 'pedro@example.com' });
		const extension = {
			kind: 'ampliacion_de_plazo' as const,
			reason: 'Necesitamos el concepto técnico de la Subdirección de Gas.',
			newDueDate: '2026-02-19'
		};
		clock.set(at('2026-02-06'));
		const late = await radicados
			.addEvent(db(), filed.number, extension, 'ana@entidad.gov.co')
			.catch((e: DomainError) => e);
		expect(late).toMatchObject({
			code: 'EXTENSION_INVALID',
			details: { fields: [{ message: 'after_due' }] }
		});
		clock.set(at('2026-02-05', '16:00'));
		await radicados.addEvent(db(), filed.number, extension, 'ana@entidad.gov.co');
		const [email] = (await emailsTo('pedro@example.com')).filter(
			(m) => m.kind === 'radicado.extended'
		);
		expect(email!.text).toContain('Necesitamos el concepto técnico de la Subdirección de Gas.');
		expect(email!.text).toContain('jueves 19 de febrero de 2026');
		expect((await lookUp(filed)).dueDate).toBe('2026-02-19');
		expect(await auditOf(filed.number, 'radicado.ampliacion_de_plazo')).toHaveLength(1);
		// The queue's band follows the new date.
		const [item] = (await radicados.queue(db(), {})).items;
		expect(item).toMatchObject({ band: 'media', termDays: 25 });
	});

	it('forwards with a warning after 5 business days; the citizen is told; the band stops', async () => {
		const filed = await fileAt(FILED, { email: 'rosa@example.com' });
		clock.set(at('2026-01-22'));
		const onTime = await fileAt(at('2026-01-22'));
		expect(
			(
				await radicados.addEvent(
					db(),
					onTime.number,
					{ kind: 'trasladada', forwardedTo: 'Ministerio de Transporte' },
					'ana@entidad.gov.co'
				)
			).warnings
		).toEqual([]);
		clock.set(at('2026-01-23'));
		const forwarded = await radicados.addEvent(
			db(),
			filed.number,
			{ kind: 'trasladada', forwardedTo: 'Superintendencia de Servicios Públicos Domiciliarios' },
			'ana@entidad.gov.co'
		);
		expect(forwarded.warnings).toEqual(['forwarding_late']);
		const [row] = await auditOf(filed.number, 'radicado.trasladada');
		expect(row!.data).toMatchObject({ warnings: ['forwarding_late'] });
		const [email] = (await emailsTo('rosa@example.com')).filter(
			(m) => m.kind === 'radicado.forwarded'
		);
		expect(email!.text).toContain('Superintendencia de Servicios Públicos Domiciliarios');
		clock.set(at('2026-03-20'));
		const status = await lookUp(filed);
		expect(status).toMatchObject({
			state: 'trasladada',
			band: 'trasladada',
			elapsedBusinessDays: 6,
			forwarded: {
				to: 'Superintendencia de Servicios Públicos Domiciliarios',
				at: '2026-01-23T10:00:00-05:00'
			}
		});
		expect((await radicados.queue(db(), {})).total).toBe(0);
	});

	it('pauses the term while the petitioner completes the petition (art. 17), then resumes it', async () => {
		const filed = await fileAt(FILED, { email: 'mar@example.com' });
		clock.set(at('2026-01-20'));
		await radicados.addEvent(
			db(),
			filed.number,
			{ kind: 'solicitud_de_completar', reason: 'La dirección de la vivienda y una factura.' },
			'ana@entidad.gov.co'
		);
		const [email] = (await emailsTo('mar@example.com')).filter(
			(m) => m.kind === 'radicado.completion'
		);
		expect(email!.text).toContain('La dirección de la vivienda y una factura.');
		expect(email!.text).toContain('viernes 20 de febrero de 2026');
		clock.set(at('2026-02-10'));
		const paused = await lookUp(filed);
		expect(paused).toMatchObject({
			state: 'por_completar',
			band: 'baja',
			elapsedBusinessDays: 3,
			pause: {
				since: '2026-01-20T10:00:00-05:00',
				reason: 'La dirección de la vivienda y una factura.',
				deadline: '2026-02-20'
			}
		});
		expect((await radicados.queue(db(), {})).items[0]).toMatchObject({
			band: 'baja',
			state: 'por_completar'
		});
		// An extension waits until the petition is complete.
		await expect(
			radicados.addEvent(
				db(),
				filed.number,
				{ kind: 'ampliacion_de_plazo', reason: 'Un concepto técnico.', newDueDate: '2026-03-10' },
				'ana@entidad.gov.co'
			)
		).rejects.toMatchObject({ code: 'EVENT_NOT_ALLOWED' });

		// Completed on Monday 26 January: 4 business days paused (21, 22, 23, 26).
		clock.set(at('2026-01-26'));
		await radicados.addEvent(db(), filed.number, { kind: 'completada' }, 'ana@entidad.gov.co');
		clock.set(at('2026-01-27'));
		expect(await lookUp(filed, '10.1.0.2')).toMatchObject({
			state: 'en_tramite',
			dueDate: '2026-02-11',
			termDays: 15,
			elapsedBusinessDays: 4,
			band: 'baja',
			pause: null
		});
		expect((await radicados.queue(db(), {})).items[0]).toMatchObject({ band: 'baja' });
	});

	it('closes a petition not completed within a month as withdrawn, tells the citizen, once', async () => {
		const filed = await fileAt(FILED, { email: 'leo@example.com' });
		clock.set(at('2026-01-20'));
		await radicados.addEvent(
			db(),
			filed.number,
			{ kind: 'solicitud_de_completar', reason: 'Falta la copia de la factura del gas.' },
			'ana@entidad.gov.co'
		);
		clock.set(at('2026-02-20', '23:00'));
		expect(await radicados.closeWithdrawn(db())).toBe(0);
		clock.set(at('2026-02-21', '00:30'));
		const closed = await Promise.all([
			radicados.closeWithdrawn(db()),
			radicados.closeWithdrawn(db())
		]);
		expect(closed[0]! + closed[1]!).toBe(1);
		expect(await lookUp(filed)).toMatchObject({ state: 'desistida', band: 'desistida' });
		const [email] = (await emailsTo('leo@example.com')).filter(
			(m) => m.kind === 'radicado.withdrawn'
		);
		expect(email!.text).toContain('martes 20 de enero de 2026');
		expect(await auditOf(filed.number, 'radicado.desistida')).toMatchObject([{ actor: 'worker' }]);
		expect((await radicados.queue(db(), {})).total).toBe(0);
	});

	it('records nothing more on a closed petition', async () => {
		const filed = await fileAt(FILED);
		await radicados.answer(
			db(),
			filed.number,
			{ text: 'Revisamos su caso y le respondemos aquí.' },
			undefined,
			'ana@entidad.gov.co'
		);
		await expect(
			radicados.addEvent(db(), filed.number, { kind: 'en_tramite' }, 'ana@entidad.gov.co')
		).rejects.toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
		// A complement to the answer is still possible.
		await radicados.answer(
			db(),
			filed.number,
			{ text: 'Le enviamos además la copia del acta de la visita.' },
			undefined,
			'ana@entidad.gov.co'
		);
		expect((await lookUp(filed)).responses).toHaveLength(2);
	});
});

describe('reserved identity', () => {
	const reserved = {
		identity: 'reserved',
		name: 'Yolanda Reservada Epinayú',
		document: '40999888',
		email: 'yolanda.reservada@example.com',
		phone: '3001239876'
	};

	it('never shows the petitioner to the console; only the reserved role opens it, with a reason, audited', async () => {
		const filed = await fileAt(FILED, { type: 'denuncia', ...reserved });
		const shown = await radicados.forStaff(db(), filed.number);
		expect(shown.petitioner).toBeNull();
		expect(shown.identity).toBe('reserved');
		expect(JSON.stringify(shown)).not.toMatch(/Yolanda|40999888|yolanda\.reservada|3001239876/);

		const agent = await official('agente@entidad.gov.co', ['agent']);
		const admin = await official('admin@entidad.gov.co', ['admin']);
		const keeper = await official('reserva@entidad.gov.co', ['agent', 'reserved']);
		for (const viewer of [agent, admin]) {
			await expect(
				radicados.revealIdentity(db(), filed.number, 'Para citar a declarar.', viewer)
			).rejects.toMatchObject({ code: 'FORBIDDEN' });
		}
		const opened = await radicados.revealIdentity(
			db(),
			filed.number,
			'Hay que citarla a rendir declaración.',
			keeper
		);
		expect(opened.petitioner).toMatchObject({ name: reserved.name, document: '40999888' });
		expect(await auditOf(filed.number, 'radicado.identity_opened')).toMatchObject([
			{ actor: 'reserva@entidad.gov.co', data: { reason: 'Hay que citarla a rendir declaración.' } }
		]);
	});
});

describe('attachments for officials', () => {
	it('serves a citizen file of that petition, and audits who opened it', async () => {
		clock.set(FILED);
		const filed = await radicados.file(db(), petition(), {
			...es,
			attachments: [{ filename: 'evidencia.pdf', bytes: PDF }]
		});
		const other = await fileAt(FILED);
		const [attachment] = (await radicados.forStaff(db(), filed.number)).attachments;
		const opened = await radicados.openAttachment(
			db(),
			filed.number,
			attachment!.id,
			'ana@entidad.gov.co'
		);
		expect(opened).toMatchObject({ filename: 'evidencia.pdf', contentType: 'application/pdf' });
		expect(Buffer.from(opened.bytes).equals(Buffer.from(PDF))).toBe(true);
		expect(await auditOf(filed.number, 'radicado.attachment_opened')).toMatchObject([
			{ actor: 'ana@entidad.gov.co', data: { attachment: attachment!.id } }
		]);
		for (const [number, id] of [
			[other.number, attachment!.id],
			[filed.number, 'not-an-id'],
			[filed.number, '6f1f8a64-0d0e-4c59-9b7a-2f6f0c1e0009']
		]) {
			await expect(
				radicados.openAttachment(db(), number!, id!, 'ana@entidad.gov.co')
			).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
	});
});

describe('other channels', () => {
	it('files a petition received by phone into the same number sequence, with its code and channel', async () => {
		const web = await fileAt(FILED);
		clock.set(at('2026-01-15', '10:30'));
		const byPhone = await radicados.file(
			db(),
			staffFilingSchema.parse({
				...petition(),
				channel: 'phone',
				contactPreference: 'phone',
				phone: '300 123 4567'
			}),
			{ ...es, channel: 'phone', actor: 'ana@entidad.gov.co' }
		);
		expect(byPhone.number).toBe('1-2026-000002');
		expect(web.number).toBe('1-2026-000001');
		expect(byPhone.securityCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
		const [row] = await db()
			.select({ channel: radicadosTable.channel })
			.from(radicadosTable)
			.where(eq(radicadosTable.number, byPhone.number));
		expect(row!.channel).toBe('phone');
		expect(await auditOf(byPhone.number, 'radicado.filed_for_citizen')).toMatchObject([
			{ actor: 'ana@entidad.gov.co', data: { channel: 'phone' } }
		]);
		expect((await lookUp(byPhone)).state).toBe('radicada');
	});

	it('refuses the web channel from an official', () => {
		expect(staffFilingSchema.safeParse({ ...petition(), channel: 'web' }).success).toBe(false);
	});
});

describe('answer templates', () => {
	it('starts with the first-level answers; a new one waits for another editor, audited', async () => {
		const ids = async () => (await radicados.templates.list(db())).map((t) => t.id).sort();
		expect(await ids()).toEqual([
			'correccion-datos-gnv',
			'estado-radicado',
			'informacion-general',
			'subsidio-glp'
		]);
		const input = {
			id: 'cita-virtual',
			title: 'Cómo pedir una cita virtual',
			body: 'Señor o señora: puede pedir su cita en la página Citas.',
			active: true
		};
		await radicados.templates.save(db(), { ...input, creating: true }, 'admin@entidad.gov.co');
		// A draft: the desk does not offer it yet, and its author cannot approve it.
		expect(await ids()).not.toContain('cita-virtual');
		await expect(
			radicados.templates.review(
				db(),
				'cita-virtual',
				{ decision: 'approve' },
				'admin@entidad.gov.co'
			)
		).rejects.toMatchObject({ code: 'OWN_CHANGE' });
		await radicados.templates.review(
			db(),
			'cita-virtual',
			{ decision: 'approve' },
			'editora@entidad.gov.co'
		);
		expect(await ids()).toContain('cita-virtual');
		const published = await radicados.templates.get(db(), 'cita-virtual');
		expect([published.updatedBy, published.version, published.draftBy]).toEqual([
			'admin@entidad.gov.co',
			1,
			null
		]);
		await expect(
			radicados.templates.review(
				db(),
				'cita-virtual',
				{ decision: 'approve' },
				'editora@entidad.gov.co'
			)
		).rejects.toMatchObject({ code: 'NOTHING_TO_REVIEW' });
		const actions = await db()
			.select({ action: auditLog.action, actor: auditLog.actor })
			.from(auditLog)
			.where(like(auditLog.subject, 'cita%'))
			.orderBy(asc(auditLog.id));
		expect(actions).toEqual([
			{ action: 'answer_template.draft_saved', actor: 'admin@entidad.gov.co' },
			{ action: 'answer_template.approved', actor: 'editora@entidad.gov.co' }
		]);
	});

	it('keeps the published text while a change waits, and after it is sent back', async () => {
		const before = await radicados.templates.get(db(), 'subsidio-glp');
		await radicados.templates.save(
			db(),
			{ id: before.id, title: before.title, body: `${before.body} Texto cambiado.`, active: true },
			'admin@entidad.gov.co'
		);
		expect((await radicados.templates.get(db(), 'subsidio-glp')).body).toBe(before.body);
		await radicados.templates.review(
			db(),
			'subsidio-glp',
			{ decision: 'return', note: 'Falta la fecha.' },
			'editora@entidad.gov.co'
		);
		const after = await radicados.templates.get(db(), 'subsidio-glp');
		expect([after.body, after.draftBody, after.version]).toEqual([
			before.body,
			null,
			before.version
		]);
	});
});

beforeEach(() => {
	unique = 0;
});
