import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { addDays, instantAt, localDate, type DaysOff, type LocalDate } from '$lib/domain/calendar';
import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import {
	changedDates,
	newClosures,
	termDaysOff,
	type NonWorkingDay
} from '$lib/domain/non-working-days';
import { bandDates, movedDueDate } from '$lib/domain/terms';
import { dayClosed, freePlace } from '../appointments/slots';
import { audit } from '../audit';
import { clock } from '../clock';
import { config } from '../config';
import type { Database } from '../db';
import { appointments, contentItems, radicados } from '../db/schema';
import { composeEmail } from '../email/compose';
import { enqueue } from '../email/outbox';
import type { Transaction } from '../idempotency';

/** The content item holding the list (see content-items/values.ts). */
const CALENDAR = 'calendar:dias-no-habiles';

const OPEN = ['radicada', 'en_tramite', 'por_completar'] as const;
/** Appointments that still take place: a closure cancels them. */
const TAKING_PLACE = ['held', 'booked'] as const;

type Db = Database | Transaction;

function daysOf(value: unknown): NonWorkingDay[] {
	const days = (value as { days?: NonWorkingDay[] } | null)?.days;
	return Array.isArray(days) ? days : [];
}

/**
 * The calendar's lock (a transaction-level advisory lock): petitions filed, bookings and moved
 * appointments read the list holding it shared, and the approval of a change of the list holds
 * it alone, so each either sees the change or is corrected by it. vt_book takes the same lock
 * (drizzle/0013_calendar_shared_lock.sql). A share lock on the list's row did the same, but
 * made PostgreSQL write the row and record its lockers for every booking, which cost about as
 * much as the rest of the booking.
 */
const calendarLock = sql`hashtext(${CALENDAR})`;

/** The published list, read holding the calendar's lock shared (see termsOffFor). */
async function publishedFor(tx: Transaction): Promise<NonWorkingDay[]> {
	// Two statements, not one: the read must take its snapshot once the lock is held, or after
	// waiting for an approval it would still see the list of before.
	await tx.execute(sql`select pg_advisory_xact_lock_shared(${calendarLock})`);
	const [row] = await tx
		.select({ published: contentItems.published })
		.from(contentItems)
		.where(eq(contentItems.id, CALENDAR));
	return daysOf(row?.published);
}

/** The open petitions whose term runs across a changed day, with their new dates. */
async function movedPetitions(db: Db, before: DaysOff, after: DaysOff) {
	const changed = changedDates(before, after);
	if (changed.length === 0) return [];
	// Filed before the last changed day, and not due before the first: the only ones that can move.
	const rows = await db
		.select({
			id: radicados.id,
			number: radicados.number,
			filedAt: radicados.filedAt,
			dueDate: radicados.dueDate,
			pausedDays: radicados.pausedDays,
			mediaFrom: radicados.mediaFrom,
			altaFrom: radicados.altaFrom
		})
		.from(radicados)
		.where(
			and(
				inArray(radicados.state, [...OPEN]),
				lt(radicados.filedAt, instantAt(changed.at(-1)!, '00:00')),
				gte(radicados.dueDate, changed[0]!)
			)
		);
	return rows.flatMap((row) => {
		const dueDate = movedDueDate(row.filedAt, row.dueDate, before, after);
		const bands = bandDates(row.filedAt, dueDate, row.pausedDays, after);
		const same =
			dueDate === row.dueDate &&
			bands.mediaFrom === row.mediaFrom &&
			bands.altaFrom === row.altaFrom;
		return same ? [] : [{ ...row, from: row.dueDate, dueDate, ...bands }];
	});
}

/** The appointments still to take place on the given dates, earliest first. */
async function appointmentsOn(db: Db, dates: readonly LocalDate[], lock = false) {
	if (dates.length === 0) return [];
	const query = db
		.select()
		.from(appointments)
		.where(
			and(
				inArray(appointments.status, [...TAKING_PLACE]),
				or(
					...dates.map((date) =>
						and(
							gte(appointments.start, instantAt(date, '00:00')),
							lt(appointments.start, instantAt(addDays(date, 1), '00:00'))
						)
					)
				)
			)
		)
		.orderBy(appointments.start);
	return lock ? query.for('update') : query;
}

/** The email of an appointment cancelled by a closure: the day, the reason, where to book again. */
function closureEmail(
	appointment: typeof appointments.$inferSelect & { email: string },
	reason: string
) {
	return composeEmail(
		{ kind: 'appointment.closure', to: appointment.email, locale: appointment.locale },
		(t, lang) => {
			const values = {
				reference: appointment.reference,
				name: appointment.name,
				date: dateInWords(appointment.start),
				time: timeInWords(appointment.start),
				reason,
				url: `${config.origin}/${lang}/citas`
			};
			return {
				subject: t('booking:email.closure.subject', values),
				lines: [
					t('booking:email.greeting', values),
					'',
					t('booking:email.closure.body', values),
					'',
					t('booking:email.signature')
				]
			};
		}
	);
}

export interface CalendarImpact {
	/** Open petitions whose due date moves. */
	petitions: number;
	/** For each closure the change adds: the appointments booked that day. */
	closures: { date: LocalDate; appointments: number }[];
}

export const nonWorkingDays = {
	/**
	 * The days off of legal terms as published, read in the caller's transaction holding the
	 * calendar's lock shared: a petition filed while an editor's change is approved waits for it
	 * (or it for the petition), so its due date is moved or counted on the new list, never missed.
	 */
	async termsOffFor(tx: Transaction): Promise<DaysOff> {
		return termDaysOff(await publishedFor(tx));
	},

	/**
	 * Refuses a booking on a closure (DAY_CLOSED), read in the booking's transaction under the same
	 * shared lock: a closure approved on another instance a moment ago, before this one reloaded
	 * it, either cancels this booking or is seen here.
	 */
	async refuseClosed(tx: Transaction, start: Date): Promise<void> {
		const date = localDate(start);
		const closure = (await publishedFor(tx)).find(
			(day) => day.kind === 'closure' && day.date === date
		);
		if (closure) throw dayClosed(start, closure);
	},

	/** What approving a change of the list would do: shown to the editor before approving. */
	async impact(db: Db, before: unknown, after: unknown): Promise<CalendarImpact> {
		const was = daysOf(before);
		const will = daysOf(after);
		const moved = await movedPetitions(db, termDaysOff(was), termDaysOff(will));
		const closures = newClosures(was, will).filter((day) => day.date >= localDate(clock.now()));
		const booked = await appointmentsOn(
			db,
			closures.map((day) => day.date)
		);
		return {
			petitions: moved.length,
			closures: closures.map((day) => ({
				date: day.date,
				appointments: booked.filter((one) => localDate(one.start) === day.date).length
			}))
		};
	},

	/**
	 * Applies a published change of the list, in the approval's transaction: the open petitions
	 * whose term runs across a changed day get their due date and band dates counted again (each
	 * audited), and the appointments on a new closure are cancelled, their places freed, with an
	 * email that says why and links to book again.
	 */
	async apply(
		tx: Transaction,
		before: unknown,
		after: unknown,
		actor: string
	): Promise<{ petitions: number; appointments: number }> {
		// Alone: the petitions and bookings that read the list before it changed have committed,
		// and are found below; those that read it from now on wait, and see the new list.
		await tx.execute(sql`select pg_advisory_xact_lock(${calendarLock})`);
		const was = daysOf(before);
		const will = daysOf(after);
		const moved = await movedPetitions(tx, termDaysOff(was), termDaysOff(will));
		for (const petition of moved) {
			await tx
				.update(radicados)
				.set({
					dueDate: petition.dueDate,
					mediaFrom: petition.mediaFrom,
					altaFrom: petition.altaFrom
				})
				.where(eq(radicados.id, petition.id));
			if (petition.from !== petition.dueDate) {
				await audit(tx, {
					actor,
					action: 'radicado.due_date_recounted',
					subject: petition.number,
					data: { from: petition.from, to: petition.dueDate, cause: CALENDAR }
				});
			}
		}
		const closures = newClosures(was, will).filter((day) => day.date >= localDate(clock.now()));
		const reasons = new Map(closures.map((day) => [day.date, day.reason]));
		const cancelled = await appointmentsOn(tx, [...reasons.keys()], true);
		for (const appointment of cancelled) {
			await freePlace(tx, appointment.start);
			await tx
				.update(appointments)
				.set({
					status: 'cancelled',
					cancelledAt: clock.now(),
					sequence: appointment.sequence + 1,
					updatedAt: clock.now()
				})
				.where(eq(appointments.id, appointment.id));
			const reason = reasons.get(localDate(appointment.start))!;
			if (appointment.email && appointment.status === 'booked') {
				await enqueue(tx, await closureEmail({ ...appointment, email: appointment.email }, reason));
			}
			await audit(tx, {
				actor,
				action: 'appointment.cancelled_by_closure',
				subject: appointment.reference,
				data: { date: localDate(appointment.start) }
			});
		}
		return { petitions: moved.length, appointments: cancelled.length };
	}
};
