import { and, asc, eq, gte, lt, lte, ne } from 'drizzle-orm';
import { dateInWords, timeInWords } from '$lib/domain/appointments';
import { formatInstant, instantAt, type LocalDate } from '$lib/domain/calendar';
import { isLocale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { manageUrl } from '../appointments/emails';
import { officialVideoLink } from '../calls/links';
import { citizenJoined, evidence, joinLog } from '../calls/join-log';
import { newToken, tokenHash } from '../appointments/secrets';
import { clock } from '../clock';
import type { Database } from '../db';
import { appointments as table, auditLog } from '../db/schema';
import { enqueue } from '../email/outbox';
import { Problem } from '../http/problem';
import type { Transaction } from '../idempotency';
import type { StaffUser } from '.';

export const OUTCOMES = ['attended', 'no_show', 'connection_failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const MINUTE = 60_000;
/** The citizen is asked to connect 5 minutes early; the link opens then. */
export const EARLY_MINUTES = 5;
/** The official waits at most 5 minutes after the start before a no-show. */
export const WAIT_MINUTES = 5;
/** Appointments still open this long after the start are closed as no-shows by the worker. */
export const CLOSE_AFTER_MINUTES = 30;

type Row = typeof table.$inferSelect;

/** When each outcome becomes possible for an appointment. */
export function outcomeTimes(start: Date): Record<Outcome, Date> {
	return {
		attended: new Date(start.getTime() - EARLY_MINUTES * MINUTE),
		connection_failed: new Date(start.getTime() - EARLY_MINUTES * MINUTE),
		no_show: new Date(start.getTime() + WAIT_MINUTES * MINUTE)
	};
}

/** What the agenda shows of an appointment: what the official needs for the call, no document. */
export function agendaItem(row: Row, now: Date) {
	const times = outcomeTimes(row.start);
	return {
		reference: row.reference,
		status: row.status,
		topic: row.topic,
		start: formatInstant(row.start),
		end: formatInstant(row.end),
		name: row.name,
		callLanguage: row.callLanguage,
		interpreter: row.interpreter,
		accessibilityNeeds: row.accessibilityNeeds,
		preferential: row.preferential,
		videoUrl: officialVideoLink(row),
		/** Minutes until the start (negative once started). */
		minutesToStart: Math.ceil((row.start.getTime() - now.getTime()) / MINUTE),
		joinOpen: row.status === 'booked' && now >= times.attended && now < row.end,
		outcomesFrom: {
			attended: formatInstant(times.attended),
			no_show: formatInstant(times.no_show),
			connection_failed: formatInstant(times.connection_failed)
		}
	};
}
export type AgendaItem = ReturnType<typeof agendaItem>;

async function audit(
	tx: Transaction,
	actor: string,
	action: string,
	subject: string,
	data: Record<string, unknown>
) {
	await tx.insert(auditLog).values({ actor, action, subject, data, at: clock.now() });
}

/**
 * Gives the citizen a fresh manage link (the old token stops working) and emails it: they choose
 * a new time for the same reference.
 */
async function askToReschedule(tx: Transaction, row: Row): Promise<void> {
	const token = newToken();
	await tx
		.update(table)
		.set({ manageTokenHash: tokenHash(token) })
		.where(eq(table.id, row.id));
	const locale = isLocale(row.locale) ? row.locale : 'es';
	const { t } = await translator(locale);
	const values = {
		name: row.name,
		reference: row.reference,
		date: dateInWords(row.start),
		time: timeInWords(row.start),
		url: manageUrl(locale, row.reference, token)
	};
	await enqueue(tx, {
		kind: 'appointment.reschedule_needed',
		to: row.email,
		subject: t('staff:email.reschedule.subject', values),
		text: t('staff:email.reschedule.text', values)
	});
}

export const agenda = {
	/** A day's appointments (Bogotá date), in time order; cancelled ones are left out. */
	async day(db: Database, date: LocalDate): Promise<AgendaItem[]> {
		const from = instantAt(date, '00:00');
		const to = new Date(from.getTime() + 24 * 60 * MINUTE);
		const rows = await db
			.select()
			.from(table)
			.where(and(gte(table.start, from), lt(table.start, to), ne(table.status, 'cancelled')))
			.orderBy(asc(table.start), asc(table.reference));
		const now = clock.now();
		return rows.map((row) => agendaItem(row, now));
	},

	/**
	 * Records what happened to an appointment, under the 5-minute rule: `attended` from 5 minutes
	 * before the start, `no_show` only from 5 minutes after it, `connection_failed` from 5 minutes
	 * before (the citizen is emailed a link to choose a new time). The outcome and its audit row are
	 * written in one transaction. `details` join the audit row (the call room's join log).
	 */
	async record(
		db: Database,
		reference: string,
		outcome: Outcome,
		actor: StaffUser,
		details: Record<string, unknown> = {}
	): Promise<AgendaItem> {
		return db.transaction(async (tx) => {
			const [row] = await tx
				.select()
				.from(table)
				.where(eq(table.reference, reference))
				.for('update');
			if (!row) throw new Problem(404, 'APPOINTMENT_NOT_FOUND', { ns: 'booking' });
			if (row.status !== 'booked') {
				throw new Problem(409, 'OUTCOME_ALREADY_RECORDED', {
					ns: 'staff',
					extra: { status: row.status }
				});
			}
			const now = clock.now();
			const from = outcomeTimes(row.start)[outcome];
			if (now < from) {
				const availableAt = formatInstant(from);
				throw new Problem(409, outcome === 'no_show' ? 'WAIT_NOT_ELAPSED' : 'TOO_EARLY', {
					ns: 'staff',
					values: { time: timeInWords(from) },
					extra: { availableAt }
				});
			}
			// The call room's join log is the evidence: no "no-show" for a citizen who entered it.
			const log = await joinLog(tx, row.id);
			if (outcome === 'no_show' && citizenJoined(log)) {
				throw new Problem(409, 'CITIZEN_JOINED', { ns: 'calls' });
			}
			const status = outcome === 'connection_failed' ? 'reschedule_needed' : outcome;
			const [updated] = await tx
				.update(table)
				.set({ status, updatedAt: now })
				.where(eq(table.id, row.id))
				.returning();
			if (outcome === 'connection_failed') await askToReschedule(tx, row);
			await audit(tx, actor.email, `appointment.${outcome}`, row.reference, {
				start: formatInstant(row.start),
				status,
				...(log.length > 0 || outcome === 'no_show' ? { joinLog: evidence(log, now) } : {}),
				...details
			});
			return agendaItem(updated!, now);
		});
	},

	/**
	 * Closes as no-shows the appointments still open 30 minutes after their start. Rows are claimed
	 * with FOR UPDATE SKIP LOCKED, so several worker instances never close one twice. A citizen who
	 * entered the call room and was never attended is not a no-show: they choose a new time.
	 */
	async closeStale(db: Database): Promise<number> {
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
				await audit(
					tx,
					'worker',
					`appointment.${waited ? 'connection_failed' : 'no_show'}`,
					row.reference,
					{
						start: formatInstant(row.start),
						automatic: true,
						joinLog: evidence(log, now)
					}
				);
			}
			return stale.length;
		});
	}
};
