import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { instantAt } from '$lib/domain/calendar';
import { clock } from '../clock';
import {
	appointments as appointmentTable,
	callbacks as callbackTable,
	radicadoEvents,
	radicados as radicadoTable,
	surveys as surveyTable
} from '../db/schema';
import { useTestDatabase } from '../testing/database';
import { callbackForm, petitionInput } from '../testing/factories';
import { callbackSchema, callbacks } from './callbacks';
import { radicados } from '../radicados';
import { CSV_COLUMNS, current, indicators, lastMonths, monthly } from './indicators';
import { surveys } from './surveys';

const db = useTestDatabase();
const now = instantAt('2026-11-24', '09:00');

afterEach(() => clock.set(undefined));

describe('call-back requests', () => {
	it('stores the phone in E.164 with the chosen window', async () => {
		clock.set(now);
		const input = callbackSchema(() => now).parse(callbackForm());
		const receipt = await callbacks.request(db(), input, 'form-key-000001');
		expect(receipt).toMatchObject({
			phone: '+573001234567',
			language: 'guc',
			day: '2026-11-25',
			window: { start: '08:00', end: '10:00' }
		});
	});

	it('does not create a second request when the same form is sent twice', async () => {
		const input = callbackSchema(() => now).parse(callbackForm());
		const first = await callbacks.request(db(), input, 'form-key-000002');
		const second = await callbacks.request(db(), input, 'form-key-000002');
		expect(second.id).toBe(first.id);
		expect(await db().select().from(callbackTable)).toHaveLength(1);
	});

	it('refuses a window that has already ended today', () => {
		const late = instantAt('2026-11-24', '10:30');
		const result = callbackSchema(() => late).safeParse(
			callbackForm({ day: '2026-11-24', window: '08:00-10:00' })
		);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.message).toBe('callbacks:errors.windowPast');
	});

	it('refuses a day that is not offered, like a Sunday', () => {
		const result = callbackSchema(() => now).safeParse(callbackForm({ day: '2026-11-29' }));
		expect(result.error?.issues[0]?.path).toEqual(['day']);
	});

	it('requires consent', () => {
		const result = callbackSchema(() => now).safeParse(callbackForm({ consent: undefined }));
		expect(result.error?.issues[0]?.message).toBe('callbacks:errors.consent');
	});

	it('lists the queue by preferred day and window', async () => {
		const schema = callbackSchema(() => now);
		await callbacks.request(db(), schema.parse(callbackForm({ day: '2026-11-26' })), null);
		await callbacks.request(db(), schema.parse(callbackForm({ window: '14:00-16:00' })), null);
		await callbacks.request(db(), schema.parse(callbackForm()), null);
		const queue = await callbacks.queue(db());
		expect(queue.map((c) => `${c.windowDate} ${c.windowStart}`)).toEqual([
			'2026-11-25 08:00',
			'2026-11-25 14:00',
			'2026-11-26 08:00'
		]);
	});
});

describe('survey answers', () => {
	it('keeps one answer per journey', async () => {
		const answer = {
			journey: 'booking' as const,
			journeyRef: 'CITA-7K3M-Q9',
			rating: 5,
			comment: undefined
		};
		await surveys.answer(db(), answer, 'es');
		await expect(surveys.answer(db(), { ...answer, rating: 1 }, 'es')).rejects.toMatchObject({
			code: 'ALREADY_ANSWERED'
		});
		expect(await db().select().from(surveyTable)).toHaveLength(1);
	});
});

describe('indicators', () => {
	it('writes the CSV so a heading with a comma or a quote stays one column', async () => {
		const [month] = (await monthly(db(), now)).slice(-1);
		const headings: Record<string, string> = {
			month: 'mes, año',
			surveyAnswers: 'respuestas "sí"'
		};
		const csv = indicators.toCsv([month!], (column) => headings[column] ?? column);
		const [header, row] = parse(csv, { record_delimiter: '\r\n' }) as string[][];
		expect(header).toHaveLength(CSV_COLUMNS.length);
		expect(header!.slice(0, 3)).toEqual(['mes, año', 'respuestas "sí"', 'satisfactionAverage']);
		expect(row).toEqual([
			'2026-11',
			...['0', '', '', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', ''],
			...['0', '']
		]);
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	it('lists the last twelve months ending with the current one', () => {
		const months = lastMonths(instantAt('2026-02-10', '12:00'));
		expect(months).toHaveLength(12);
		expect(months[0]).toBe('2025-03');
		expect(months[11]).toBe('2026-02');
	});

	it('matches hand-computed figures on a seeded month', async () => {
		// October 2026: ratings 5, 4, 2 → average 3.7, two of three satisfied (67 %).
		// One answer at 23:30 Bogotá on 31 October is stored as 1 November UTC and must count in October.
		const answers = [
			{ rating: 5, at: '2026-10-05T10:00:00-05:00' },
			{ rating: 4, at: '2026-10-20T10:00:00-05:00' },
			{ rating: 2, at: '2026-10-31T23:30:00-05:00' },
			{ rating: 1, at: '2026-11-02T10:00:00-05:00' }
		];
		for (const [i, a] of answers.entries()) {
			await db()
				.insert(surveyTable)
				.values({
					journey: 'lookup',
					journeyRef: `ref-00000${i}`,
					rating: a.rating,
					locale: 'es',
					createdAt: new Date(a.at)
				});
		}
		const base = {
			name: 'x',
			phone: '+573001234567',
			language: 'es' as const,
			topic: 'otro',
			windowDate: '2026-10-06',
			windowStart: '08:00',
			windowEnd: '10:00',
			consentAt: new Date(),
			policyVersion: 'test',
			createdAt: new Date('2026-10-05T15:00:00Z')
		};
		await db()
			.insert(callbackTable)
			.values([
				{ ...base, status: 'called' },
				{ ...base, status: 'unreachable' },
				{ ...base, status: 'pending' }
			]);
		const figures = await monthly(db(), instantAt('2026-11-24', '09:00'));
		const october = figures.find((f) => f.month === '2026-10');
		const november = figures.find((f) => f.month === '2026-11');
		expect(october).toMatchObject({
			month: '2026-10',
			satisfaction: { answers: 3, average: 3.7, satisfiedPercent: 67 },
			callbacks: { requested: 3, called: 1, unreachable: 1 }
		});
		expect(november?.satisfaction).toEqual({ answers: 1, average: 1, satisfiedPercent: 0 });
		expect(figures.find((f) => f.month === '2026-01')?.satisfaction.average).toBeNull();
	});

	it('counts appointments by the month of their start, leaving out cancelled ones', async () => {
		const appointment = (
			reference: string,
			start: string,
			status: 'booked' | 'attended' | 'no_show' | 'cancelled' | 'held' | 'expired'
		) => ({
			reference,
			status,
			topic: 'subsidio-glp',
			start: new Date(start),
			end: new Date(new Date(start).getTime() + 30 * 60_000),
			locale: 'es',
			name: 'x',
			documentType: 'CC',
			documentNumber: reference,
			email: 'x@example.com',
			consentAt: new Date(),
			policyVersion: 'test',
			manageTokenHash: 'x',
			videoUrl: 'https://example.com'
		});
		await db()
			.insert(appointmentTable)
			.values([
				appointment('CITA-A', '2026-10-05T09:00:00-05:00', 'attended'),
				appointment('CITA-B', '2026-10-06T09:00:00-05:00', 'attended'),
				appointment('CITA-C', '2026-10-07T09:00:00-05:00', 'no_show'),
				appointment('CITA-D', '2026-10-08T09:00:00-05:00', 'cancelled'),
				appointment('CITA-E', '2026-11-02T09:00:00-05:00', 'booked'),
				appointment('CITA-F', '2026-11-03T09:00:00-05:00', 'expired'),
				appointment('CITA-G', '2026-11-03T09:30:00-05:00', 'expired'),
				appointment('CITA-H', '2026-11-04T09:00:00-05:00', 'held')
			]);
		const figures = await monthly(db(), now);
		expect(figures.find((f) => f.month === '2026-10')?.appointments).toEqual({
			booked: 3,
			attended: 2,
			noShow: 1,
			expiredHolds: 0
		});
		// Holds that expired unconfirmed are counted apart, never as booked.
		expect(figures.find((f) => f.month === '2026-11')?.appointments).toEqual({
			booked: 1,
			attended: 0,
			noShow: 0,
			expiredHolds: 2
		});
	});

	it('counts petitions answered within their term, an extension included', async () => {
		// Three petitions filed Monday 5 October 2026 (due dates by hand: 15 business days → 26 October;
		// Monday 12 October is a holiday). One answered on day 10, one late, one late but within its extension.
		const radicado = (n: number, type: string, dueDate: string) => ({
			number: `1-2026-00000${n}`,
			year: 2026,
			sequence: n,
			type,
			subject: 'x',
			description: 'x',
			identity: 'anonymous' as const,
			contactPreference: 'online' as const,
			lang: 'es',
			codeHash: 'x',
			filedAt: new Date('2026-10-05T09:00:00-05:00'),
			termDays: 15,
			dueDate
		});
		const rows = await db()
			.insert(radicadoTable)
			.values([
				radicado(1, 'peticion', '2026-10-26'),
				radicado(2, 'queja', '2026-10-26'),
				radicado(3, 'queja', '2026-10-26'),
				radicado(4, 'reclamo', '2026-10-26')
			])
			.returning({ id: radicadoTable.id });
		const answered = (radicadoId: string, responseDate: string) => ({
			radicadoId,
			kind: 'respondida' as const,
			at: new Date(`${responseDate}T15:00:00-05:00`),
			responseNumber: '2-2026-000001',
			responseDate,
			actor: 'staff'
		});
		await db()
			.insert(radicadoEvents)
			.values([
				answered(rows[0]!.id, '2026-10-20'),
				answered(rows[1]!.id, '2026-10-28'),
				{
					radicadoId: rows[2]!.id,
					kind: 'ampliacion_de_plazo',
					at: new Date('2026-10-22T10:00:00-05:00'),
					reason: 'x',
					newDueDate: '2026-11-13',
					actor: 'staff'
				},
				answered(rows[2]!.id, '2026-11-04')
			]);
		const october = (await monthly(db(), now)).find((f) => f.month === '2026-10')!;
		expect(october.petitions).toMatchObject({ filed: 4, answered: 3, answeredOnTime: 2 });
		expect(october.petitions.byType.queja).toEqual({ filed: 2, answered: 2, answeredOnTime: 1 });
		expect(october.petitions.byType.reclamo).toEqual({ filed: 1, answered: 0, answeredOnTime: 0 });
		// Business days from 5 October: to 20 October 10, to 28 October 16, to 4 November 20 (2 November is a holiday) → 15.3.
		expect(october.petitions.averageBusinessDaysToAnswer).toBe(15.3);
	});

	it('counts answers on time per channel and dependency, first-level answers, and those open past their term now', async () => {
		// Filed Tuesday 3 November 2026: 15 business days (16 November is a holiday) → due the 25th.
		const filing = () => petitionInput({ email: undefined, contactPreference: 'online' });
		clock.set(instantAt('2026-11-03', '09:00'));
		const web = await radicados.file(db(), filing(), { lang: 'es' });
		const phone = await radicados.file(db(), filing(), {
			lang: 'es',
			channel: 'phone',
			actor: 'ana@entidad.gov.co'
		});
		const late = await radicados.file(db(), filing(), { lang: 'es' });
		await radicados.assign(db(), phone.number, { dependency: 'subdireccion-gas' }, 'jefe');
		await radicados.assign(db(), late.number, { dependency: 'subdireccion-gas' }, 'jefe');
		clock.set(instantAt('2026-11-05', '09:00'));
		await radicados.answer(
			db(),
			web.number,
			{ text: 'Respuesta de primer nivel sobre el subsidio.', template: 'subsidio-glp' },
			undefined,
			'ana@entidad.gov.co'
		);
		clock.set(instantAt('2026-11-10', '09:00'));
		await radicados.answer(
			db(),
			phone.number,
			{ text: 'Revisamos su caso con la Subdirección de Gas.' },
			undefined,
			'ana@entidad.gov.co'
		);
		const at = instantAt('2026-11-30', '09:00');
		const november = (await monthly(db(), at)).find((f) => f.month === '2026-11')!;
		expect(november.petitions.byChannel.web).toEqual({ filed: 2, answered: 1, answeredOnTime: 1 });
		expect(november.petitions.byChannel.phone).toEqual({
			filed: 1,
			answered: 1,
			answeredOnTime: 1
		});
		expect(november.petitions.byDependency['subdireccion-gas']).toEqual({
			filed: 2,
			answered: 1,
			answeredOnTime: 1
		});
		expect(november.petitions.byDependency.none).toEqual({
			filed: 1,
			answered: 1,
			answeredOnTime: 1
		});
		// From Tuesday 3 November: 2 business days to the 5th; 5 to the 10th.
		expect(november.petitions.firstLevel).toEqual({ answered: 1, averageBusinessDays: 2 });
		expect(november.petitions.averageBusinessDaysToAnswer).toBe(3.5);
		expect(await current(db(), at)).toMatchObject({
			openPastTerm: 1,
			openPastTermByDependency: { 'subdireccion-gas': 1, none: 0 }
		});
		expect((await current(db(), instantAt('2026-11-24', '09:00'))).openPastTerm).toBe(0);
	});
});
