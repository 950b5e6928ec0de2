import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookingInput } from '$lib/domain/appointments';
import { clock } from '../clock';
import { open } from '../db';
import { appSecret } from '../config';
import { appointmentSlots, appointments as table, idempotencyKeys, outbox } from '../db/schema';
import { sendDue } from '../email/outbox';
import { DomainError } from '../errors';
import { fingerprint } from '../idempotency';
import { useTestDatabase } from '../testing/database';
import { refusalCode } from '../testing/refusals';
import { bookingInput } from '../testing/factories';
import { startMailbox, type Mailbox } from '../testing/smtp';
import { appointments } from '.';

const db = useTestDatabase();
// Monday 4 February 2030 (a future date, so the outbox finds its messages due), 07:00 in Bogotá: not a holiday, so the day offers every slot from 09:00.
const NOW = new Date('2030-02-04T07:00:00-05:00');
const SLOT = '2030-02-05T09:00:00-05:00';

function booking(overrides: Partial<BookingInput> = {}): BookingInput {
	return bookingInput({ start: SLOT, ...overrides });
}

beforeEach(() => clock.set(NOW));
afterEach(() => clock.set(undefined));

describe('slots', () => {
	it('lists 18 slots a day with the places left, offset -05:00', async () => {
		await appointments.book(db(), booking(), { locale: 'es' });
		const days = await appointments.slots(db(), '2030-02-05', '2030-02-05');
		expect(days[0]!.slots).toHaveLength(18);
		expect(days[0]!.slots[2]).toEqual({
			start: SLOT,
			end: '2030-02-05T09:30:00-05:00',
			available: 1
		});
	});
});

describe('booking', () => {
	it('gives exactly `capacity` winners when many book one slot at once', async () => {
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				refusalCode(appointments.book(db(), booking(), { locale: 'es' }))
			)
		);
		expect(results.filter((r) => r === 'ok')).toHaveLength(2);
		expect(results.filter((r) => r === 'SLOT_UNAVAILABLE')).toHaveLength(18);
		const [slot] = await db().select().from(appointmentSlots);
		expect(slot).toMatchObject({ booked: 2, capacity: 2 });
		expect(await db().select().from(table)).toHaveLength(2);
	});

	it.runIf(!!process.env.DATABASE_URL)(
		'gives exactly `capacity` winners across several app instances on PostgreSQL',
		async () => {
			// Each handle is its own connection pool, as separate app processes would have.
			const instances = await Promise.all(
				[1, 2, 3].map(() => open({ url: process.env.DATABASE_URL }))
			);
			try {
				const results = await Promise.all(
					Array.from({ length: 30 }, (_, i) =>
						refusalCode(appointments.book(instances[i % 3]!.db, booking(), { locale: 'es' }))
					)
				);
				expect(results.filter((r) => r === 'ok')).toHaveLength(2);
				expect(results.filter((r) => r === 'SLOT_UNAVAILABLE')).toHaveLength(28);
			} finally {
				await Promise.all(instances.map((instance) => instance.close()));
			}
		}
	);

	it('offers the nearest free times to the loser of a race', async () => {
		await appointments.book(db(), booking(), { locale: 'es' });
		await appointments.book(db(), booking(), { locale: 'es' });
		try {
			await appointments.book(db(), booking(), { locale: 'es' });
			expect.unreachable();
		} catch (error) {
			expect((error as DomainError).details.extra?.nearest).toEqual(
				[
					'2030-02-05T08:30:00-05:00',
					'2030-02-05T09:30:00-05:00',
					'2030-02-05T08:00:00-05:00'
				].sort()
			);
		}
	});

	it('returns the first answer to a replayed Idempotency-Key', async () => {
		const input = booking();
		const first = await appointments.book(db(), input, {
			locale: 'es',
			idempotencyKey: 'key-12345678'
		});
		const again = await appointments.book(db(), input, {
			locale: 'es',
			idempotencyKey: 'key-12345678'
		});
		expect(again).toEqual({ ...first, replayed: true });
		expect(await db().select().from(table)).toHaveLength(1);
	});

	it('replays a booking recorded by an earlier version, with its sealed token', async () => {
		const input = booking();
		const key = createHash('sha256').update(`appointment-seal:${appSecret()}`).digest();
		const iv = randomBytes(12);
		const cipher = createCipheriv('aes-256-gcm', key, iv);
		const data = Buffer.concat([cipher.update('old-token', 'utf8'), cipher.final()]);
		const sealedToken = [iv, cipher.getAuthTag(), data].map((p) => p.toString('base64url'));
		const first = { reference: 'CITA-7K3M-Q9', start: SLOT, end: SLOT, status: 'booked' };
		await db()
			.insert(idempotencyKeys)
			.values({
				scope: 'appointments.book',
				key: 'key-earlier-version',
				requestHash: fingerprint({ ...input, locale: 'es' }),
				status: 201,
				body: { ...first, sealedToken: sealedToken.join('.') }
			});
		const again = await appointments.book(db(), input, {
			locale: 'es',
			idempotencyKey: 'key-earlier-version'
		});
		expect(again).toEqual({ ...first, manageToken: 'old-token', replayed: true });
	});

	it('refuses a third future appointment for the same document', async () => {
		const person = { documentNumber: '52123456' };
		await appointments.book(db(), booking(person), { locale: 'es' });
		await appointments.book(db(), booking({ ...person, start: '2030-02-05T10:00:00-05:00' }), {
			locale: 'es'
		});
		expect(
			await refusalCode(
				appointments.book(db(), booking({ ...person, start: '2030-02-05T11:00:00-05:00' }), {
					locale: 'es'
				})
			)
		).toBe('TOO_MANY_APPOINTMENTS');
	});

	it('refuses a start inside the minimum notice', async () => {
		expect(
			await refusalCode(
				appointments.book(db(), booking({ start: '2030-02-04T08:30:00-05:00' }), { locale: 'es' })
			)
		).toBe('SLOT_NOT_OFFERED');
	});

	it('keeps only a keyed hash of the manage token', async () => {
		const booked = await appointments.book(db(), booking(), { locale: 'es' });
		const [row] = await db().select().from(table);
		expect(JSON.stringify(row)).not.toContain(booked.manageToken);
		expect((await appointments.open(db(), booked.reference, booked.manageToken)).id).toBe(row!.id);
		expect(await refusalCode(appointments.open(db(), booked.reference, 'wrong'))).toBe(
			'APPOINTMENT_NOT_FOUND'
		);
	});
});

describe('change and cancel', () => {
	it('keeps the reference and frees the old place when rescheduled', async () => {
		const booked = await appointments.book(db(), booking(), { locale: 'es' });
		const moved = await appointments.reschedule(
			db(),
			booked.reference,
			'2030-02-06T15:00:00-05:00'
		);
		expect(moved.reference).toBe(booked.reference);
		const days = await appointments.slots(db(), '2030-02-05', '2030-02-06');
		expect(days[0]!.slots.find((s) => s.start === SLOT)!.available).toBe(2);
		expect(days[1]!.slots.find((s) => s.start === '2030-02-06T15:00:00-05:00')!.available).toBe(1);
	});

	it('frees the place at once when cancelled', async () => {
		const booked = await appointments.book(db(), booking(), { locale: 'es' });
		await appointments.cancel(db(), booked.reference);
		const [slot] = await db().select().from(appointmentSlots);
		expect(slot!.booked).toBe(0);
		expect(await refusalCode(appointments.cancel(db(), booked.reference))).toBe(
			'APPOINTMENT_NOT_CHANGEABLE'
		);
	});
});

describe('retention', () => {
	it('erases personal data once the retention period has passed', async () => {
		const booked = await appointments.book(db(), booking({ email: 'borrar@example.com' }), {
			locale: 'es'
		});
		expect(await appointments.anonymise(db())).toBe(0);
		clock.set(new Date(NOW.getTime() + 200 * 24 * 3600_000));
		expect(await appointments.anonymise(db())).toBe(1);
		const row = await appointments.byReference(db(), booked.reference);
		expect(row).toMatchObject({ name: '', email: '', documentNumber: '', status: 'booked' });
		expect(row.anonymisedAt).not.toBeNull();
	});
});

describe('emails', () => {
	let mailbox: Mailbox;
	beforeAll(async () => {
		mailbox = await startMailbox();
	});
	afterAll(async () => {
		await mailbox.close();
	});

	it('sends confirmation, change and cancellation, each with the calendar file', async () => {
		mailbox.messages.length = 0;
		const booked = await appointments.book(db(), booking({ email: 'ana@example.com' }), {
			locale: 'es'
		});
		await appointments.reschedule(db(), booked.reference, '2030-02-06T15:00:00-05:00');
		await appointments.cancel(db(), booked.reference);
		await sendDue(db(), mailbox.transport);
		expect(mailbox.messages.map((m) => m.subject)).toEqual([
			expect.stringMatching(/^Cita confirmada CITA-/),
			expect.stringMatching(/^Cita cambiada CITA-.*miércoles 6 de febrero de 2030, 3:00/),
			expect.stringMatching(/^Cita cancelada CITA-/)
		]);
		const [confirmed] = mailbox.messages;
		expect(confirmed!.text).toContain(`token=${booked.manageToken}`);
		expect(confirmed!.text).toContain('5 minutos');
		for (const message of mailbox.messages) {
			expect(message.attachments[0]!.filename).toBe(`${booked.reference}.ics`);
		}
	});

	it('sends the reminder the day before, once', async () => {
		mailbox.messages.length = 0;
		await appointments.book(db(), booking({ email: 'luis@example.com' }), { locale: 'es' });
		await db().delete(outbox);
		expect(await appointments.remind(db())).toBe(1);
		expect(await appointments.remind(db())).toBe(0);
		await sendDue(db(), mailbox.transport);
		expect(mailbox.messages).toHaveLength(1);
		expect(mailbox.messages[0]!.subject).toMatch(/^Recordatorio: su cita CITA-.* es mañana/);
		const [row] = await db().select().from(table).where(eq(table.email, 'luis@example.com'));
		expect(row!.reminderSentAt).not.toBeNull();
	});
});
