import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entity } from '$lib/config/entity';
import { bookingSchema, type BookingInput } from '$lib/domain/appointments';
import { clock } from '../clock';
import { open } from '../db';
import { appSecret } from '../config';
import { appointmentSlots, appointments as table, idempotencyKeys, outbox } from '../db/schema';
import { sendDue } from '../email/outbox';
import { DomainError } from '../errors';
import { fingerprint } from '../idempotency';
import { useTestDatabase } from '../testing/database';
import { refusalCode } from '../testing/refusals';
import { bookingInput, bookingOptions, confirmBooking } from '../testing/factories';
import { startMailbox, type Mailbox } from '../testing/smtp';
import { appointments } from '.';

const db = useTestDatabase();
// Monday 4 February 2030 (a future date, so the outbox finds its messages due), 07:00 in Bogotá: not a holiday, so the day offers every slot from 09:00.
const NOW = new Date('2030-02-04T07:00:00-05:00');
const SLOT = '2030-02-05T09:00:00-05:00';
/** Free starts of Tuesday 5 and Wednesday 6 February 2030, one place each is enough. */
const SLOTS = ['2030-02-05', '2030-02-06'].flatMap((day) =>
	Array.from({ length: 16 }, (_, i) => {
		const minutes = 9 * 60 + i * 30;
		return `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00-05:00`;
	})
);

function booking(overrides: Partial<BookingInput> = {}): BookingInput {
	return bookingInput({ start: SLOT, ...overrides });
}

/** Books and confirms through the emailed link, as a citizen with an email does. */
async function bookConfirmed(input: BookingInput = booking()) {
	const booked = await appointments.book(db(), input, bookingOptions());
	await confirmBooking(db(), booked.reference);
	return booked;
}

beforeEach(() => clock.set(NOW));
afterEach(() => clock.set(undefined));

describe('slots', () => {
	it('lists 18 slots a day with the places left, offset -05:00', async () => {
		await appointments.book(db(), booking(), bookingOptions());
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
				refusalCode(appointments.book(db(), booking(), bookingOptions()))
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
						refusalCode(appointments.book(instances[i % 3]!.db, booking(), bookingOptions()))
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
		await appointments.book(db(), booking(), bookingOptions());
		await appointments.book(db(), booking(), bookingOptions());
		try {
			await appointments.book(db(), booking(), bookingOptions());
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
		const first = await appointments.book(
			db(),
			input,
			bookingOptions({ idempotencyKey: 'key-12345678' })
		);
		const again = await appointments.book(
			db(),
			input,
			bookingOptions({ idempotencyKey: 'key-12345678' })
		);
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
		const again = await appointments.book(
			db(),
			input,
			bookingOptions({ idempotencyKey: 'key-earlier-version' })
		);
		expect(again).toEqual({ ...first, manageToken: 'old-token', replayed: true });
	});

	it('refuses a third future appointment for the same document', async () => {
		const person = { documentNumber: '52123456' };
		await appointments.book(db(), booking(person), bookingOptions());
		await appointments.book(
			db(),
			booking({ ...person, start: '2030-02-05T10:00:00-05:00' }),
			bookingOptions()
		);
		expect(
			await refusalCode(
				appointments.book(
					db(),
					booking({ ...person, start: '2030-02-05T11:00:00-05:00' }),
					bookingOptions()
				)
			)
		).toBe('TOO_MANY_APPOINTMENTS');
	});

	it('refuses a start inside the minimum notice', async () => {
		expect(
			await refusalCode(
				appointments.book(db(), booking({ start: '2030-02-04T08:30:00-05:00' }), bookingOptions())
			)
		).toBe('SLOT_NOT_OFFERED');
	});

	it('keeps only a keyed hash of the manage token', async () => {
		const booked = await appointments.book(db(), booking(), bookingOptions());
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
		const booked = await bookConfirmed();
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
		const booked = await bookConfirmed();
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
		const booked = await bookConfirmed(booking({ email: 'borrar@example.com' }));
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

	it('sends the link to confirm, then change and cancellation, each with the calendar file', async () => {
		mailbox.messages.length = 0;
		const booked = await bookConfirmed(booking({ email: 'ana@example.com' }));
		await appointments.reschedule(db(), booked.reference, '2030-02-06T15:00:00-05:00');
		await appointments.cancel(db(), booked.reference);
		await sendDue(db(), mailbox.transport);
		expect(mailbox.messages.map((m) => m.subject)).toEqual([
			'Confirme su cita ' + booked.reference + ' antes de las 7:15 a. m.',
			expect.stringMatching(/^Cita cambiada CITA-.*miércoles 6 de febrero de 2030, 3:00/),
			expect.stringMatching(/^Cita cancelada CITA-/)
		]);
		const [held] = mailbox.messages;
		expect(held!.text).toContain(`token=${booked.manageToken}`);
		expect(held!.text).toContain(`/es/citas/confirmar/${booked.reference}?clave=`);
		expect(held!.text).toContain('en los próximos 15 minutos');
		expect(held!.text).toContain('5 minutos');
		for (const message of mailbox.messages) {
			expect(message.attachments[0]!.filename).toBe(`${booked.reference}.ics`);
		}
		// Each file is made when its email goes out, from the appointment as it was when written.
		const files = mailbox.messages.map((m) => m.attachments[0]!.content.toString('utf8'));
		expect(files.map((file) => /DTSTART:(\S+)/.exec(file)?.[1])).toEqual([
			'20300205T140000Z',
			'20300206T200000Z',
			'20300206T200000Z'
		]);
		expect(files.map((file) => /SEQUENCE:(\d+)/.exec(file)?.[1])).toEqual(['0', '1', '2']);
		expect(files[2]).toContain('METHOD:CANCEL');
	});

	it('writes the email of a booking when it is sent, not while the person waits', async () => {
		mailbox.messages.length = 0;
		const booked = await appointments.book(
			db(),
			booking({ email: 'eva@example.com' }),
			bookingOptions()
		);
		const [queued] = await db()
			.select()
			.from(outbox)
			.where(eq(outbox.recipient, 'eva@example.com'));
		expect(queued).toMatchObject({ kind: 'appointment.held', subject: '', text: '' });
		expect(queued!.recipe).toMatchObject({ kind: 'held', token: booked.manageToken });
		await sendDue(db(), mailbox.transport);
		expect(mailbox.messages).toHaveLength(1);
		expect(mailbox.messages[0]!.subject).toBe(
			`Confirme su cita ${booked.reference} antes de las 7:15 a. m.`
		);
		expect(mailbox.messages[0]!.text).toContain(`/es/citas/confirmar/${booked.reference}?clave=`);
	});

	it('sends the reminder the day before, once', async () => {
		mailbox.messages.length = 0;
		await bookConfirmed(booking({ email: 'luis@example.com' }));
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

describe('holds', () => {
	const HOUR = 3600_000;
	const later = (ms: number) => clock.set(new Date(NOW.getTime() + ms));

	it('holds a booking made with an email until it is confirmed through the emailed link', async () => {
		const booked = await appointments.book(db(), booking(), bookingOptions());
		expect(booked).toMatchObject({ status: 'held', holdExpiresAt: '2030-02-04T07:15:00-05:00' });
		// The manage token the booking client got does not confirm: only the emailed link does.
		expect(
			await refusalCode(appointments.confirm(db(), booked.reference, booked.manageToken, 'ip'))
		).toBe('APPOINTMENT_NOT_FOUND');
		const confirmed = await confirmBooking(db(), booked.reference);
		expect(confirmed.status).toBe('booked');
		// A second press on the link answers the booking as it is.
		expect((await confirmBooking(db(), booked.reference)).status).toBe('booked');
	});

	it('gives an unconfirmed place back in time: to the next booking at once, and by the worker', async () => {
		const first = await appointments.book(db(), booking(), bookingOptions());
		await appointments.book(db(), booking(), bookingOptions());
		const elsewhere = await appointments.book(
			db(),
			booking({ start: SLOTS[5]! }),
			bookingOptions()
		);
		expect(await refusalCode(appointments.book(db(), booking(), bookingOptions()))).toBe(
			'SLOT_UNAVAILABLE'
		);
		later(14 * 60_000);
		expect(await appointments.expireHolds(db())).toBe(0);
		later(15 * 60_000);
		// No worker ran: the booking itself gives back the places whose holds ran out.
		expect((await appointments.book(db(), booking(), bookingOptions())).status).toBe('held');
		const days = await appointments.slots(db(), '2030-02-05', '2030-02-05');
		expect(days[0]!.slots.find((s) => s.start === SLOT)!.available).toBe(1);
		expect((await appointments.byReference(db(), first.reference)).status).toBe('expired');
		expect(await refusalCode(confirmBooking(db(), first.reference))).toBe('HOLD_EXPIRED');
		// The worker gives back the rest, on any instance.
		expect(await appointments.expireHolds(db())).toBe(1);
		expect((await appointments.byReference(db(), elsewhere.reference)).status).toBe('expired');
		const [slot] = await db()
			.select()
			.from(appointmentSlots)
			.where(eq(appointmentSlots.start, new Date(SLOTS[5]!)));
		expect(slot!.booked).toBe(0);
	});

	it('keeps a booking with a phone only, marked for a confirmation call, under a stricter limit', async () => {
		const phoneOnly = (i: number) =>
			booking({ email: undefined, phone: `+57300123456${i}`, start: SLOTS[i]! });
		const client = bookingOptions().client;
		const booked = await appointments.book(db(), phoneOnly(0), bookingOptions({ client }));
		expect(booked.status).toBe('booked');
		const row = await appointments.byReference(db(), booked.reference);
		expect(row).toMatchObject({ email: null, confirmationCall: true });
		await appointments.book(db(), phoneOnly(1), bookingOptions({ client }));
		expect(
			await refusalCode(appointments.book(db(), phoneOnly(2), bookingOptions({ client })))
		).toBe('PHONE_BOOKING_LIMITED');
		expect(await db().select().from(outbox)).toHaveLength(0);
	});

	it('refuses a booking with neither an email nor a phone', () => {
		const parsed = bookingSchema.safeParse({ ...booking(), email: '', phone: '' });
		expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['email', 'booking:errors.contact']
		]);
	});

	it('lets one client address book only a few places an hour, even all at once', async () => {
		const client = bookingOptions().client;
		const results = await Promise.all(
			SLOTS.slice(0, 12).map((start) =>
				refusalCode(appointments.book(db(), booking({ start }), bookingOptions({ client })))
			)
		);
		const { max } = entity.limits.booking.perClient[0]!;
		expect(results.filter((r) => r === 'ok')).toHaveLength(max);
		expect(results.filter((r) => r === 'BOOKING_LIMITED')).toHaveLength(12 - max);
		// Another client is not limited by it; the first one is again an hour later.
		expect(await refusalCode(appointments.book(db(), booking(), bookingOptions()))).toBe('ok');
		later(HOUR + 1000);
		const next = booking({ start: SLOTS[12]! });
		expect(await refusalCode(appointments.book(db(), next, bookingOptions({ client })))).toBe('ok');
	});

	it('lets one client address confirm only a few bookings an hour', async () => {
		const { max } = entity.limits.booking.confirmationsPerClient[0]!;
		const held = [];
		for (const start of SLOTS.slice(0, max + 1)) {
			held.push(await appointments.book(db(), booking({ start }), bookingOptions()));
		}
		const results = [];
		for (const { reference } of held) {
			results.push(await refusalCode(confirmBooking(db(), reference, '198.51.100.7')));
		}
		expect(results).toEqual([...Array(max).fill('ok'), 'CONFIRMATION_LIMITED']);
		expect(await refusalCode(confirmBooking(db(), held.at(-1)!.reference, '192.0.2.8'))).toBe('ok');
	});

	it('refuses a booking whose address already got its few unconfirmed emails today', async () => {
		const { max } = entity.limits.unconfirmedEmailsPerRecipient;
		const results = [];
		for (const start of SLOTS.slice(0, max + 1)) {
			const input = booking({ start, email: 'mucho@example.com' });
			results.push(await refusalCode(appointments.book(db(), input, bookingOptions())));
		}
		expect(results).toEqual([...Array(max).fill('ok'), 'EMAIL_LIMITED']);
		// Refused whole: no place was kept for it.
		expect(await db().select().from(table)).toHaveLength(max);
	});

	it('cancels a hold without emailing an address nobody confirmed', async () => {
		const booked = await appointments.book(db(), booking(), bookingOptions());
		await db().delete(outbox);
		await appointments.cancel(db(), booked.reference);
		expect(await db().select().from(outbox)).toHaveLength(0);
		const [slot] = await db().select().from(appointmentSlots);
		expect(slot!.booked).toBe(0);
	});
});
