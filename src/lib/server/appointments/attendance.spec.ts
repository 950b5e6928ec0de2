import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clock } from '../clock';
import { appointments as table, auditLog, outbox } from '../db/schema';
import { staff, type StaffUser } from '../staff';
import { useTestDatabase } from '../testing/database';
import { refusalOf } from '../testing/refusals';
import { bookAt, bookingInput, bookingOptions } from '../testing/factories';
import { appointments } from '.';

const db = useTestDatabase();
// Booked on Monday 4 February 2030 at 07:00 (Bogotá) for Tuesday 09:00.
const BOOKED_AT = new Date('2030-02-04T07:00:00-05:00');
const START = '2030-02-05T09:00:00-05:00';
const at = (time: string) => new Date(`2030-02-05T${time}:00-05:00`);

let agent: StaffUser;
let reference: string;

beforeEach(async () => {
	clock.set(BOOKED_AT);
	({ user: agent } = await staff.add(db(), {
		email: 'agente@example.org',
		roles: ['agent'],
		password: 'contraseña de prueba'
	}));
	({ reference } = await bookAt(db(), START, { email: 'ana@example.com' }));
});
afterEach(() => clock.set(undefined));

describe('the 5-minute rule', () => {
	it('refuses a no-show before start + 5 minutes and says when it becomes possible', async () => {
		clock.set(at('09:04'));
		const problem = await refusalOf(appointments.recordOutcome(db(), reference, 'no_show', agent));
		expect(problem.code).toBe('WAIT_NOT_ELAPSED');
		expect(problem.details.extra).toEqual({ availableAt: '2030-02-05T09:05:00-05:00' });
	});

	it('records a no-show from start + 5 minutes', async () => {
		clock.set(at('09:05'));
		const item = await appointments.recordOutcome(db(), reference, 'no_show', agent);
		expect(item.status).toBe('no_show');
	});

	it('refuses "attended" before start − 5 minutes', async () => {
		clock.set(at('08:54'));
		const problem = await refusalOf(appointments.recordOutcome(db(), reference, 'attended', agent));
		expect(problem.code).toBe('TOO_EARLY');
		expect(problem.details.extra).toEqual({ availableAt: '2030-02-05T08:55:00-05:00' });
	});

	it('records "attended" from start − 5 minutes', async () => {
		clock.set(at('08:55'));
		expect((await appointments.recordOutcome(db(), reference, 'attended', agent)).status).toBe(
			'attended'
		);
	});

	it('records an outcome only once', async () => {
		clock.set(at('09:10'));
		await appointments.recordOutcome(db(), reference, 'attended', agent);
		const problem = await refusalOf(appointments.recordOutcome(db(), reference, 'no_show', agent));
		expect(problem.code).toBe('OUTCOME_ALREADY_RECORDED');
	});

	it('writes who and when to the audit log with the outcome', async () => {
		clock.set(at('09:06'));
		await appointments.recordOutcome(db(), reference, 'no_show', agent);
		const [row] = await db().select().from(auditLog).where(eq(auditLog.subject, reference));
		expect(row).toMatchObject({
			actor: 'agente@example.org',
			action: 'appointment.no_show',
			at: at('09:06')
		});
	});
});

describe('a failed connection', () => {
	it('asks the citizen to choose a new time for the same reference, by email', async () => {
		clock.set(at('09:02'));
		const item = await appointments.recordOutcome(db(), reference, 'connection_failed', agent);
		expect(item.status).toBe('reschedule_needed');
		const mails = await db()
			.select()
			.from(outbox)
			.where(eq(outbox.kind, 'appointment.reschedule_needed'));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.recipient).toBe('ana@example.com');
		expect(mails[0]!.text).toContain(`/es/citas/cita/${reference}?token=`);
	});

	it('lets the citizen move the appointment to a new time, keeping the reference', async () => {
		clock.set(at('09:02'));
		await appointments.recordOutcome(db(), reference, 'connection_failed', agent);
		const moved = await appointments.reschedule(db(), reference, '2030-02-06T10:00:00-05:00');
		expect(moved).toMatchObject({ reference, status: 'booked' });
	});
});

describe('the agenda', () => {
	it("lists a day's appointments in time order with a countdown and the join link closed", async () => {
		await bookAt(db(), '2030-02-05T08:00:00-05:00');
		clock.set(at('07:30'));
		const day = await appointments.agenda(db(), '2030-02-05');
		expect(day.map((a) => a.start)).toEqual(['2030-02-05T08:00:00-05:00', START]);
		expect(day[1]).toMatchObject({ minutesToStart: 90, joinOpen: false });
	});

	it('marks a booking made with a phone only for a confirmation call, with the phone', async () => {
		await bookAt(db(), '2030-02-05T10:00:00-05:00', { email: undefined, phone: '+573001234567' });
		const day = await appointments.agenda(db(), '2030-02-05');
		expect(day.map((a) => [a.confirmationCall, a.phone])).toEqual([
			[false, null],
			[true, '+573001234567']
		]);
	});

	it('counts the holds that expired unconfirmed apart, and leaves them off the list', async () => {
		const held = await appointments.book(
			db(),
			bookingInput({ start: '2030-02-05T11:00:00-05:00' }),
			bookingOptions()
		);
		expect((await appointments.agenda(db(), '2030-02-05')).map((a) => a.status)).toEqual([
			'booked',
			'held'
		]);
		clock.set(new Date(BOOKED_AT.getTime() + 16 * 60_000));
		await appointments.expireHolds(db());
		const day = await appointments.agenda(db(), '2030-02-05');
		expect(day.map((a) => a.reference)).not.toContain(held.reference);
		expect(await appointments.expiredOn(db(), '2030-02-05')).toBe(1);
		expect(await appointments.expiredOn(db(), '2030-02-06')).toBe(0);
	});

	it('refuses an outcome for a reference that is not one (a NUL) as not found', async () => {
		clock.set(at('09:00'));
		const problem = await refusalOf(appointments.recordOutcome(db(), '\u0000', 'attended', agent));
		expect(problem.code).toBe('APPOINTMENT_NOT_FOUND');
	});

	it('opens the join link 5 minutes before the start', async () => {
		clock.set(at('08:55'));
		const [item] = await appointments.agenda(db(), '2030-02-05');
		expect(item!.joinOpen).toBe(true);
	});
});

describe('closing stale appointments', () => {
	it('leaves an appointment open until start + 30 minutes', async () => {
		clock.set(at('09:29'));
		expect(await appointments.closeStale(db())).toBe(0);
	});

	it('closes it as a no-show at start + 30 minutes, recorded as the worker', async () => {
		clock.set(at('09:30'));
		expect(await appointments.closeStale(db())).toBe(1);
		const [row] = await db().select().from(table).where(eq(table.reference, reference));
		expect(row!.status).toBe('no_show');
		const [entry] = await db().select().from(auditLog).where(eq(auditLog.subject, reference));
		expect(entry).toMatchObject({ actor: 'worker', action: 'appointment.no_show' });
	});

	it('closes each appointment once when two workers run at the same time', async () => {
		clock.set(at('09:31'));
		const closed = await Promise.all([
			appointments.closeStale(db()),
			appointments.closeStale(db())
		]);
		expect(closed[0]! + closed[1]!).toBe(1);
		const entries = await db().select().from(auditLog).where(eq(auditLog.subject, reference));
		expect(entries).toHaveLength(1);
	});
});
