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

	it('marks a booking made with a phone only for a confirmation call, its phone in the audited data', async () => {
		await bookAt(db(), '2030-02-05T10:00:00-05:00', { email: undefined, phone: '+573001234567' });
		const day = await appointments.agenda(db(), '2030-02-05');
		expect(day.map((a) => a.confirmationCall)).toEqual([false, true]);
		expect(day[1]).not.toHaveProperty('phone');
		const opened = await appointments.agenda(db(), '2030-02-05', {
			openedBy: { email: 'agente@example.org' },
			via: 'agenda'
		});
		expect(opened[1]?.person?.phone).toBe('+573001234567');
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

describe("the person's data in the agenda", () => {
	const opened = () =>
		db().select().from(auditLog).where(eq(auditLog.action, 'appointment.person_opened'));

	beforeEach(async () => {
		await db()
			.update(table)
			.set({
				phone: '+573001234567',
				documentType: 'CC',
				documentNumber: '40123456',
				description: 'Mi subsidio no llegó en octubre.'
			})
			.where(eq(table.reference, reference));
		clock.set(at('08:40'));
	});

	it('keeps phone, document and description out of the plain agenda, and audits nothing', async () => {
		const [item] = await appointments.agenda(db(), '2030-02-05');
		expect(item).not.toHaveProperty('person');
		expect(JSON.stringify(item)).not.toContain('40123456');
		expect(await opened()).toHaveLength(0);
	});

	it('opens one appointment for the official with an audit row of who, when and how', async () => {
		const person = await appointments.openPerson(db(), reference, agent, 'agenda');
		expect(person).toEqual({
			phone: '+573001234567',
			document: { type: 'CC', number: '40123456' },
			description: 'Mi subsidio no llegó en octubre.'
		});
		expect(await opened()).toMatchObject([
			{
				actor: 'agente@example.org',
				subject: reference,
				at: at('08:40'),
				data: { via: 'agenda', fields: ['phone', 'document', 'description'] }
			}
		]);
	});

	it('gives the API the data of every appointment of the day, one audit row each', async () => {
		clock.set(BOOKED_AT);
		const other = await bookAt(db(), '2030-02-05T10:00:00-05:00');
		clock.set(at('08:40'));
		const day = await appointments.agenda(db(), '2030-02-05', { openedBy: agent, via: 'api' });
		expect(day.map((item) => item.person?.document.number)).toEqual([
			'40123456',
			expect.any(String)
		]);
		const rows = await opened();
		expect(rows.map((row) => row.subject).sort()).toEqual([reference, other.reference].sort());
		expect(rows.every((row) => (row.data as { via: string }).via === 'api')).toBe(true);
	});

	it('opens nothing, and audits nothing, for an unknown reference', async () => {
		expect((await refusalOf(appointments.openPerson(db(), 'CITA-NO', agent, 'agenda'))).code).toBe(
			'APPOINTMENT_NOT_FOUND'
		);
		expect(await opened()).toHaveLength(0);
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
