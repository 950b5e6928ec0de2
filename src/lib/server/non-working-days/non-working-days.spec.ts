import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityCalendar } from '$lib/content/non-working-days';
import { bandDates, dueDate } from '$lib/domain/terms';
import { appointments } from '../appointments';
import { clock } from '../clock';
import { contentStudio } from '../content-items';
import type { Database } from '../db';
import { rowsOf } from '../db/call';
import { appointments as appointmentsTable, auditLog, outbox, radicados } from '../db/schema';
import { live } from '../live';
import { radicados as petitions } from '../radicados';
import type { StaffUser } from '../staff';
import { useTestDatabase } from '../testing/database';
import { bookingInput, bookingOptions, confirmBooking, petitionInput } from '../testing/factories';
import { refusalCode } from '../testing/refusals';
import { nonWorkingDays } from '.';

const db = useTestDatabase();
const ana: StaffUser = { id: 'e1', email: 'ana.editora@example.org', roles: ['editor'] };
const luis: StaffUser = { id: 'e2', email: 'luis.editor@example.org', roles: ['editor'] };
const CALENDAR = 'calendar:dias-no-habiles';
// Monday 4 February 2030, 07:00 in Bogotá; Wednesday 6 February is an ordinary business day.
const NOW = new Date('2030-02-04T07:00:00-05:00');
const CLOSED = '2030-02-06';
const closure = {
	date: CLOSED,
	kind: 'closure',
	reason: 'Trasladamos la oficina al nuevo edificio.'
};

beforeEach(async () => {
	clock.set(NOW);
	await live.load(db());
});
afterEach(() => clock.set(undefined));
afterAll(async () => {
	await live.load(db());
});

async function publish(days: unknown[]) {
	await contentStudio.save(db(), CALENDAR, { days }, ana);
	await contentStudio.review(db(), CALENDAR, { decision: 'approve' }, luis);
	await live.load(db());
}

async function rowOf(number: string) {
	const [row] = await db().select().from(radicados).where(eq(radicados.number, number));
	return row!;
}

describe('declaring a non-working day', () => {
	it('is a draft until another editor approves it; the author cannot', async () => {
		const saved = await contentStudio.save(db(), CALENDAR, { days: [closure] }, ana);
		expect(saved).toMatchObject({ state: 'draft', draftBy: ana.email });
		expect(entityCalendar.days()).toEqual([]);
		expect(
			await refusalCode(contentStudio.review(db(), CALENDAR, { decision: 'approve' }, ana))
		).toBe('OWN_CHANGE');
	});

	it('refuses a date that does not exist, a blank reason and the same day twice', async () => {
		const refused = (days: unknown[]) =>
			contentStudio.save(db(), CALENDAR, { days }, ana).then(
				() => [],
				(error: { details: { fields: { path: string; message: string }[] } }) =>
					error.details.fields
			);
		expect(await refused([{ ...closure, date: '2030-02-30' }])).toEqual([
			{ path: 'days.0.date', message: 'not_a_date' }
		]);
		expect(await refused([{ ...closure, reason: ' ' }])).toEqual([
			{ path: 'days.0.reason', message: 'required' }
		]);
		expect(await refused([closure, { ...closure, kind: 'suspension' }])).toEqual([
			{ path: 'days.1.date', message: 'duplicate_date' }
		]);
	});

	it('on approval moves the open petitions it falls within, cancels that day’s appointments and removes its slots', async () => {
		const filed = await petitions.file(db(), petitionInput({ type: 'peticion' }), { lang: 'es' });
		const before = filed.dueDate;
		const start = `${CLOSED}T09:00:00-05:00`;
		const booked = await appointments.book(
			db(),
			bookingInput({ start, email: 'marta@example.org' }),
			bookingOptions()
		);
		await confirmBooking(db(), booked.reference);
		expect((await appointments.slots(db(), CLOSED, CLOSED)).length).toBe(1);

		await contentStudio.save(db(), CALENDAR, { days: [closure] }, ana);
		const draft = await contentStudio.get(db(), CALENDAR);
		expect(await nonWorkingDays.impact(db(), draft.published, draft.draft)).toEqual({
			petitions: 1,
			closures: [{ date: CLOSED, appointments: 1 }]
		});
		await contentStudio.review(db(), CALENDAR, { decision: 'approve' }, luis);
		await live.load(db());

		const row = await rowOf(filed.number);
		const off = entityCalendar.termsOff();
		expect(row.dueDate).toBe(dueDate(row.filedAt, 15, off));
		expect(row.dueDate > before).toBe(true);
		expect({ mediaFrom: row.mediaFrom, altaFrom: row.altaFrom }).toEqual(
			bandDates(row.filedAt, row.dueDate, 0, off)
		);
		const [cancelled] = await db()
			.select()
			.from(appointmentsTable)
			.where(eq(appointmentsTable.reference, booked.reference));
		expect(cancelled!.status).toBe('cancelled');
		const [email] = await db()
			.select()
			.from(outbox)
			.where(
				and(eq(outbox.kind, 'appointment.closure'), eq(outbox.recipient, 'marta@example.org'))
			);
		expect(email!.text).toContain(closure.reason);
		expect(email!.text).toContain('/es/citas');
		const actions = (await db().select().from(auditLog)).map((entry) => entry.action);
		expect(actions).toEqual(
			expect.arrayContaining([
				'content.approved',
				'radicado.due_date_recounted',
				'appointment.cancelled_by_closure'
			])
		);
		expect(await appointments.slots(db(), CLOSED, CLOSED)).toEqual([]);
		expect(
			await refusalCode(
				appointments.book(
					db(),
					bookingInput({ start: `${CLOSED}T10:00:00-05:00` }),
					bookingOptions()
				)
			)
		).toBe('DAY_CLOSED');

		// A petition filed later counts the closure; removing the day, approved, moves it back.
		const later = await petitions.file(db(), petitionInput({ type: 'peticion' }), { lang: 'es' });
		expect(later.dueDate).toBe(row.dueDate);
		await publish([]);
		expect((await rowOf(filed.number)).dueDate).toBe(before);
		expect((await rowOf(later.number)).dueDate).toBe(before);
	});

	it('a booking on another instance that has not reloaded the list yet is refused too', async () => {
		await contentStudio.save(db(), CALENDAR, { days: [closure] }, ana);
		await contentStudio.review(db(), CALENDAR, { decision: 'approve' }, luis);
		// This process still holds the list of before, as another instance would for a moment.
		entityCalendar.publish([]);
		expect(
			await refusalCode(
				appointments.book(
					db(),
					bookingInput({ start: `${CLOSED}T10:00:00-05:00` }),
					bookingOptions()
				)
			)
		).toBe('DAY_CLOSED');
		await publish([]);
	});

	it('a booking made while the closure is being approved waits for the approval, and is refused', async () => {
		await contentStudio.save(db(), CALENDAR, { days: [closure] }, ana);
		let booking: Promise<string | undefined> | undefined;
		await db().transaction(async (tx) => {
			// The approval done, not yet committed: its transaction goes on a moment longer.
			await contentStudio.review(
				tx as unknown as Database,
				CALENDAR,
				{ decision: 'approve' },
				luis
			);
			// This process still holds the list of before, as another instance would.
			entityCalendar.publish([]);
			booking = refusalCode(
				appointments.book(
					db(),
					bookingInput({ start: `${CLOSED}T10:00:00-05:00` }),
					bookingOptions()
				)
			);
			// On PostgreSQL the booking has its own connection: it waits for the approval's lock.
			// (The embedded database runs one transaction at a time: the booking comes after.)
			if (process.env.DATABASE_URL) {
				await expect
					.poll(async () => {
						const [row] = await rowsOf<{ waiting: number }>(
							tx,
							sql`select count(*)::int as waiting from pg_stat_activity
								where wait_event_type = 'Lock' and datname = current_database()`
						);
						return row!.waiting;
					})
					.toBe(1);
			}
		});
		expect(await booking).toBe('DAY_CLOSED');
		await publish([]);
	});

	it('a suspension of terms moves due dates but keeps the day’s slots', async () => {
		const filed = await petitions.file(db(), petitionInput({ type: 'peticion' }), { lang: 'es' });
		await publish([{ ...closure, kind: 'suspension' }]);
		expect((await rowOf(filed.number)).dueDate > filed.dueDate).toBe(true);
		expect((await appointments.slots(db(), CLOSED, CLOSED)).length).toBe(1);
		await publish([]);
	});
});
