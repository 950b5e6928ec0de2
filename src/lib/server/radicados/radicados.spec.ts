import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { clock } from '../clock';
import { config } from '../config';
import { auditLog, outbox, radicadoAttachments, radicados as radicadosTable } from '../db/schema';
import { DomainError } from '../errors';
import { useTestDatabase } from '../testing/database';
import { petitionInput } from '../testing/factories';
import { pdfFile } from '../testing/files';
import { radicados } from '.';
import { filingSchema, type FilingInput } from './schema';

const db = useTestDatabase();
const options = { lang: 'es' as const };

const petition = (overrides: Partial<FilingInput> = {}) => petitionInput(overrides);

beforeAll(() => {
	config.dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-radicados-'));
	config.origin = 'https://ventanilla.test';
});

afterEach(() => clock.set(undefined));

describe('filing', () => {
	it('gives a number, a code shown once, and the due date from the legal term', async () => {
		clock.set(new Date('2026-01-15T10:00:00-05:00'));
		const filed = await radicados.file(db(), petition(), options);
		expect(filed).toMatchObject({
			number: '1-2026-000001',
			filedAt: '2026-01-15T10:00:00-05:00',
			dueDate: '2026-02-05',
			termDays: 15,
			type: 'peticion'
		});
		expect(filed.securityCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
	});

	it('files every petition but emails one address at most its few receipts a day', async () => {
		const { max } = entity.limits.unconfirmedEmailsPerRecipient;
		const filed = [];
		for (let i = 0; i < max + 2; i++) filed.push(await radicados.file(db(), petition(), options));
		expect(filed.map((f) => f.receiptEmailed)).toEqual([...Array(max).fill(true), false, false]);
		const queued = await db().select().from(outbox).where(eq(outbox.recipient, 'ana@example.com'));
		expect(queued).toHaveLength(max);
	});

	it('stores the code only as a keyed hash', async () => {
		const filed = await radicados.file(db(), petition(), options);
		const [row] = await db().select().from(radicadosTable);
		expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(filed.securityCode);
	});

	it('uses the term of the type: 10 days for a request for information', async () => {
		clock.set(new Date('2026-01-15T10:00:00-05:00'));
		const filed = await radicados.file(db(), petition({ type: 'informacion' }), options);
		expect(filed).toMatchObject({ termDays: 10, dueDate: '2026-01-29' });
	});

	it('files thirty petitions at once with unique, gap-free numbers', async () => {
		clock.set(new Date('2026-03-02T09:00:00-05:00'));
		const filed = await Promise.all(
			Array.from({ length: 30 }, () => radicados.file(db(), petition(), options))
		);
		const sequences = filed.map((f) => Number(f.number.split('-')[2])).sort((a, b) => a - b);
		expect(sequences).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
		expect(new Set(filed.map((f) => f.securityCode)).size).toBe(30);
	});

	it('starts the sequence again each year', async () => {
		clock.set(new Date('2026-12-31T23:00:00-05:00'));
		await radicados.file(db(), petition(), options);
		clock.set(new Date('2027-01-01T00:30:00-05:00'));
		expect((await radicados.file(db(), petition(), options)).number).toBe('1-2027-000001');
	});

	it('answers a replayed Idempotency-Key with the first number and code', async () => {
		const first = await radicados.file(db(), petition(), {
			...options,
			idempotencyKey: 'filing-key-1'
		});
		const again = await radicados.file(db(), petition(), {
			...options,
			idempotencyKey: 'filing-key-1'
		});
		expect(again).toEqual(first);
		expect(await db().select().from(radicadosTable)).toHaveLength(1);
	});

	it('emails a receipt with a look-up link and without the code', async () => {
		const filed = await radicados.file(db(), petition(), options);
		const [message] = await db()
			.select()
			.from(outbox)
			.where(eq(outbox.recipient, 'ana@example.com'));
		expect(message!.subject).toContain(filed.number);
		expect(message!.text).toContain(`https://ventanilla.test/es/radicado?numero=${filed.number}`);
		expect(message!.text).not.toContain(filed.securityCode);
	});

	it('keeps no personal data of an anonymous denuncia', async () => {
		await radicados.file(
			db(),
			petition({ type: 'denuncia', identity: 'anonymous', contactPreference: 'online' }),
			options
		);
		const [row] = await db().select().from(radicadosTable);
		expect(row!.petitioner).toBeNull();
		// Only the entity hears of it.
		const messages = await db().select().from(outbox);
		expect(messages.map((m) => m.recipient)).toEqual([entity.contact.notificationsEmail]);
	});

	it('stores attachments outside the web root with their sniffed type', async () => {
		const pdf = pdfFile();
		await radicados.file(db(), petition(), {
			...options,
			attachments: [{ filename: '../../etc/evidencia.pdf', bytes: pdf }]
		});
		const [file] = await db().select().from(radicadoAttachments);
		expect(file).toMatchObject({ filename: 'evidencia.pdf', contentType: 'application/pdf' });
		const dir = join(config.dataDir, 'attachments');
		expect(readdirSync(dir)).toContain(file!.id);
		expect(readFileSync(join(dir, file!.id))).toEqual(pdf);
	});

	/** Files a petition with one attachment, expects it refused, and that nothing was kept. */
	async function expectRefused(filename: string, bytes: Uint8Array) {
		const dir = join(config.dataDir, 'attachments');
		const before = readdirSync(dir).length;
		await expect(
			radicados.file(db(), petition(), { ...options, attachments: [{ filename, bytes }] })
		).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
		expect(await db().select().from(radicadosTable)).toHaveLength(0);
		expect(readdirSync(dir)).toHaveLength(before);
	}

	it('refuses a file that only starts like a PDF, and stores nothing', async () => {
		await expectRefused(
			'factura.pdf',
			Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n')
		);
	});

	it('refuses a file whose content is not PDF, JPEG or PNG, whatever its name', async () => {
		await expectRefused('foto.png', new TextEncoder().encode('<script>alert(1)</script>'));
	});
});

describe('validation', () => {
	it('allows anonymity only for quejas and denuncias', () => {
		const anonymous = (type: string) =>
			filingSchema.safeParse({
				...petition(),
				type,
				identity: 'anonymous',
				contactPreference: 'online'
			});
		expect(anonymous('queja').success).toBe(true);
		expect(anonymous('denuncia').success).toBe(true);
		const result = anonymous('peticion');
		expect(result.success).toBe(false);
		expect(result.error!.issues[0]!.message).toBe('pqrsd:errors.anonymousType');
	});

	it('asks for consent when personal data is given', () => {
		const result = filingSchema.safeParse({ ...petition(), consent: undefined });
		expect(result.error!.issues.map((i) => i.path[0])).toEqual(['consent']);
	});
});

describe('look-up', () => {
	it('shows the status, day count and band, without personal data', async () => {
		clock.set(new Date('2026-01-15T10:00:00-05:00'));
		const filed = await radicados.file(db(), petition({ municipality: 'Riohacha' }), options);
		clock.set(new Date('2026-01-28T10:00:00-05:00'));
		const status = await radicados.lookup(
			db(),
			{ number: filed.number, securityCode: filed.securityCode.toLowerCase() },
			'10.0.0.1'
		);
		expect(status).toMatchObject({
			number: filed.number,
			type: 'peticion',
			subject: 'Subsidio de gas',
			municipality: 'Riohacha',
			state: 'radicada',
			termDays: 15,
			elapsedBusinessDays: 9,
			dueDate: '2026-02-05',
			band: 'media',
			responses: []
		});
		expect(status.events.map((e) => e.kind)).toEqual(['radicada']);
		expect(JSON.stringify(status)).not.toMatch(/Ana|ana@example/);
	});

	it('gives the same answer for a wrong code and an unknown number', async () => {
		const filed = await radicados.file(db(), petition(), options);
		const wrongCode = radicados.lookup(
			db(),
			{ number: filed.number, securityCode: 'ZZZZZZZZ' },
			'10.0.0.2'
		);
		const unknown = radicados.lookup(
			db(),
			{ number: '1-2026-999999', securityCode: filed.securityCode },
			'10.0.0.2'
		);
		const errors = await Promise.allSettled([wrongCode, unknown]);
		const reasons = errors.map((e) => (e as PromiseRejectedResult).reason as DomainError);
		expect(reasons.map((r) => r.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
		expect(reasons[0]!.details).toEqual(reasons[1]!.details);
	});

	it('stops one client after 5 wrong codes for a number, even with the right code', async () => {
		const filed = await radicados.file(db(), petition(), options);
		for (let i = 0; i < entity.limits.lookup.perTargetFromClient.max; i += 1) {
			await expect(
				radicados.lookup(db(), { number: filed.number, securityCode: `AAAAAAA${i}` }, '10.0.1.1')
			).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
		const limited = await radicados
			.lookup(db(), { number: filed.number, securityCode: filed.securityCode }, '10.0.1.1')
			.catch((e: DomainError) => e);
		expect(limited).toMatchObject({ code: 'LOOKUP_LIMITED' });
		expect((limited as DomainError).details.retryAfter).toBeGreaterThan(0);
	});

	it('lets the owner in with the right code while many addresses guess at the number', async () => {
		const filed = await radicados.file(db(), petition(), options);
		const answers = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				radicados
					.lookup(db(), { number: filed.number, securityCode: `AAAAAAA${i}` }, `10.0.4.${i}`)
					.catch((e: DomainError) => e.code)
			)
		);
		// Five misses put the number under attack; then every wrong code is told to pause.
		expect(answers.filter((a) => a === 'NOT_FOUND')).toHaveLength(5);
		expect(answers.filter((a) => a === 'LOOKUP_LIMITED')).toHaveLength(25);
		const status = await radicados.lookup(
			db(),
			{ number: filed.number, securityCode: filed.securityCode },
			'192.0.2.44'
		);
		expect(status.number).toBe(filed.number);
	});

	it('says how many tries remain before a pause', async () => {
		const filed = await radicados.file(db(), petition(), options);
		const remaining = [];
		for (let i = 0; i < 5; i += 1) {
			const refused = await radicados
				.lookup(db(), { number: filed.number, securityCode: 'ZZZZZZZZ' }, '10.0.5.1')
				.catch((e: DomainError) => e);
			remaining.push((refused as DomainError).details.extra?.remaining);
		}
		expect(remaining).toEqual([4, 3, 2, 1, 0]);
	});

	it('stops one address after 30 failures across numbers', async () => {
		for (let i = 0; i < entity.limits.lookup.perClient.max; i += 1) {
			await radicados
				.lookup(
					db(),
					{ number: `1-2026-${String(i + 1).padStart(6, '0')}`, securityCode: 'X' },
					'10.9.9.9'
				)
				.catch(() => {});
		}
		await expect(
			radicados.lookup(db(), { number: '1-2026-000500', securityCode: 'X' }, '10.9.9.9')
		).rejects.toMatchObject({ code: 'LOOKUP_LIMITED' });
		await expect(
			radicados.lookup(db(), { number: '1-2026-000500', securityCode: 'X' }, '10.9.9.8')
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('does not count successful look-ups', async () => {
		const filed = await radicados.file(db(), petition(), options);
		for (let i = 0; i < 8; i += 1) {
			await radicados.lookup(
				db(),
				{ number: filed.number, securityCode: filed.securityCode },
				'10.0.3.1'
			);
		}
	});

	it('leaves every try to a client whose right-code look-ups came all at once', async () => {
		const filed = await radicados.file(db(), petition(), options);
		const right = { number: filed.number, securityCode: filed.securityCode };
		const many = entity.limits.lookup.perClient.max + 10;
		const statuses = await Promise.all(
			Array.from({ length: many }, () => radicados.lookup(db(), right, '10.0.3.2'))
		);
		expect(statuses.map((s) => s.number)).toEqual(Array(many).fill(filed.number));
		const wrong = await radicados
			.lookup(db(), { number: filed.number, securityCode: 'ZZZZZZZZ' }, '10.0.3.2')
			.catch((e: DomainError) => e);
		expect(wrong).toMatchObject({ code: 'NOT_FOUND', details: { extra: { remaining: 4 } } });
	});
});

describe('staff events', () => {
	it('moves the due date with an extension of at most twice the term', async () => {
		clock.set(new Date('2026-01-15T10:00:00-05:00'));
		const filed = await radicados.file(db(), petition(), options);
		await radicados.addEvent(
			db(),
			filed.number,
			{
				kind: 'ampliacion_de_plazo',
				reason: 'Falta un concepto técnico.',
				newDueDate: '2026-02-19'
			},
			'staff:1'
		);
		await expect(
			radicados.addEvent(
				db(),
				filed.number,
				{ kind: 'ampliacion_de_plazo', reason: 'Otra vez.', newDueDate: '2026-03-31' },
				'staff:1'
			)
		).rejects.toMatchObject({ code: 'EXTENSION_INVALID' });
		clock.set(new Date('2026-02-05T10:00:00-05:00'));
		const status = await radicados.lookup(
			db(),
			{ number: filed.number, securityCode: filed.securityCode },
			'10.0.4.1'
		);
		expect(status).toMatchObject({ dueDate: '2026-02-19', termDays: 25, band: 'media' });
		expect(status.events.at(-1)).toMatchObject({
			kind: 'ampliacion_de_plazo',
			newDueDate: '2026-02-19'
		});
	});

	it('audits an event at the app clock, with who did it, however the number was typed', async () => {
		clock.set(new Date('2026-01-15T10:00:00-05:00'));
		const filed = await radicados.file(db(), petition(), options);
		const at = new Date('2026-01-16T11:30:00-05:00');
		clock.set(at);
		const typed = filed.number.replaceAll('-', ' – ');
		expect(
			(await radicados.addEvent(db(), typed, { kind: 'en_tramite' }, 'ana@example.org')).number
		).toBe(filed.number);
		const [row] = await db().select().from(auditLog).where(eq(auditLog.subject, filed.number));
		expect(row).toMatchObject({ actor: 'ana@example.org', action: 'radicado.en_tramite', at });
	});

	it('shows an answered petition as respondida with its response document', async () => {
		clock.set(new Date('2026-01-15T10:00:00-05:00'));
		const filed = await radicados.file(db(), petition(), options);
		clock.set(new Date('2026-01-20T10:00:00-05:00'));
		await radicados.answer(
			db(),
			filed.number,
			{
				text: 'Revisamos su caso y el subsidio está activo desde enero.',
				responseNumber: '2-2026-000045',
				responseDate: '2026-01-20'
			},
			undefined,
			'staff:1'
		);
		clock.set(new Date('2026-03-20T10:00:00-05:00'));
		const status = await radicados.lookup(
			db(),
			{ number: filed.number, securityCode: filed.securityCode },
			'10.0.4.2'
		);
		expect(status).toMatchObject({
			state: 'respondida',
			band: 'respondida',
			elapsedBusinessDays: 3
		});
		expect(status.responses).toEqual([
			{
				id: expect.any(String),
				number: '2-2026-000045',
				date: '2026-01-20',
				text: 'Revisamos su caso y el subsidio está activo desde enero.'
			}
		]);
		const [row] = await db()
			.select({ state: radicadosTable.state })
			.from(radicadosTable)
			.where(eq(radicadosTable.number, filed.number));
		expect(row!.state).toBe('respondida');
	});
});
