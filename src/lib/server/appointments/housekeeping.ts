import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { addDays, formatInstant, instantAt, localDate } from '$lib/domain/calendar';
import { audit } from '../audit';
import { clock } from '../clock';
import type { Database } from '../db';
import { appointments as table } from '../db/schema';
import { citizenJoined, evidence, joinLog } from '../calls/join-log';
import { askToReschedule, MINUTE } from './attendance';
import { queueEmail } from './emails';

/** Appointments still open this long after the start are closed as no-shows by the worker. */
export const CLOSE_AFTER_MINUTES = 30;

/**
 * Queues the reminder of every appointment that starts tomorrow (local date) and has not had one.
 * Rows are claimed with SKIP LOCKED and marked, so many instances send each reminder once.
 */
export async function remind(db: Database): Promise<number> {
	const now = clock.now();
	const from = instantAt(addDays(localDate(now), 1), '00:00');
	const to = instantAt(addDays(localDate(now), 2), '00:00');
	return db.transaction(async (tx) => {
		const due = await tx
			.select()
			.from(table)
			.where(
				and(
					eq(table.status, 'booked'),
					gte(table.start, from),
					lt(table.start, to),
					sql`${table.reminderSentAt} is null`
				)
			)
			.limit(50)
			.for('update', { skipLocked: true });
		for (const appointment of due) {
			await queueEmail(tx, 'reminder', appointment);
			await tx.update(table).set({ reminderSentAt: now }).where(eq(table.id, appointment.id));
		}
		return due.length;
	});
}

/**
 * Erases the personal data of appointments that ended more than the retention period ago
 * (Ley 1581 de 2012): the reference, time, topic and outcome stay for the indicators.
 */
export async function anonymise(db: Database): Promise<number> {
	const before = new Date(clock.now().getTime() - entity.privacy.retentionDays * 24 * 60 * MINUTE);
	const erased = await db
		.update(table)
		.set({
			name: '',
			documentNumber: '',
			email: '',
			manageTokenSealed: null,
			phone: null,
			description: '',
			accessibilityNeeds: '',
			preferential: [],
			anonymisedAt: clock.now()
		})
		.where(and(lt(table.end, before), sql`${table.anonymisedAt} is null`))
		.returning({ id: table.id });
	return erased.length;
}

/**
 * Closes as no-shows the appointments still open 30 minutes after their start. Rows are claimed
 * with FOR UPDATE SKIP LOCKED, so several worker instances never close one twice. A citizen who
 * entered the call room and was never attended is not a no-show: they choose a new time.
 */
export async function closeStale(db: Database): Promise<number> {
	const now = clock.now();
	const before = new Date(now.getTime() - CLOSE_AFTER_MINUTES * MINUTE);
	return db.transaction(async (tx) => {
		const stale = await tx
			.select()
			.from(table)
			.where(and(eq(table.status, 'booked'), lte(table.start, before)))
			.orderBy(asc(table.start))
			.limit(100)
			.for('update', { skipLocked: true });
		for (const row of stale) {
			const log = await joinLog(tx, row.id);
			const waited = citizenJoined(log);
			const status = waited ? 'reschedule_needed' : 'no_show';
			await tx.update(table).set({ status, updatedAt: now }).where(eq(table.id, row.id));
			if (waited) await askToReschedule(tx, row);
			await audit(tx, {
				actor: 'worker',
				action: `appointment.${waited ? 'connection_failed' : 'no_show'}`,
				subject: row.reference,
				data: { start: formatInstant(row.start), automatic: true, joinLog: evidence(log, now) }
			});
		}
		return stale.length;
	});
}
