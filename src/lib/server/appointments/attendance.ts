import { and, asc, eq, gte, lt, notInArray } from 'drizzle-orm';
import { formatInstant, instantAt, type LocalDate } from '$lib/domain/calendar';
import { timeInWords } from '$lib/domain/dates-in-words';
import { audit } from '../audit';
import { officialVideoLink } from '../calls/links';
import { citizenJoined, evidence, joinLog } from '../calls/join-log';
import { clock } from '../clock';
import type { Database } from '../db';
import { appointments as table } from '../db/schema';
import { enqueue } from '../email/outbox';
import { DomainError } from '../errors';
import type { Transaction } from '../idempotency';
import { rescheduleEmail } from './emails';
import { expiredHolds } from './holds';
import { find, type Appointment } from './model';
import { issueToken } from './tokens';

export const OUTCOMES = ['attended', 'no_show', 'connection_failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const MINUTE = 60_000;
/** The citizen is asked to connect 5 minutes early; the link opens then. */
export const EARLY_MINUTES = 5;
/** The official waits at most 5 minutes after the start before a no-show. */
export const WAIT_MINUTES = 5;

/** When each outcome becomes possible for an appointment. */
export function outcomeTimes(start: Date): Record<Outcome, Date> {
	return {
		attended: new Date(start.getTime() - EARLY_MINUTES * MINUTE),
		connection_failed: new Date(start.getTime() - EARLY_MINUTES * MINUTE),
		no_show: new Date(start.getTime() + WAIT_MINUTES * MINUTE)
	};
}

/**
 * What the agenda shows of an appointment without opening the person's data: what the official
 * needs to plan the day, no phone, no document, no account of the case.
 */
export function agendaItem(row: Appointment, now: Date) {
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
		/** The official's way into the call: the app's room, or the entity's platform. */
		videoUrl: officialVideoLink(row),
		/** Booked with a phone only: call the citizen to confirm (the phone is behind the audited person data). */
		confirmationCall: row.confirmationCall,
		/** While the booking waits for its emailed confirmation. */
		holdExpiresAt:
			row.status === 'held' && row.holdExpiresAt ? formatInstant(row.holdExpiresAt) : null,
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

/**
 * The person's data an official may open to attend the appointment: the phone to call when the
 * connection fails, the document to confirm who is on the call, what they wrote about the case.
 */
export interface Person {
	phone: string | null;
	document: { type: string; number: string };
	description: string;
}

/** Where an official opened a person's data: a card of the agenda, or the staff API. */
export type OpenedVia = 'agenda' | 'api';

const PERSON_FIELDS = ['phone', 'document', 'description'];

function personOf(row: Appointment): Person {
	return {
		phone: row.phone,
		document: { type: row.documentType, number: row.documentNumber },
		description: row.description
	};
}

/**
 * Every opening of a person's data leaves a row (who, when, which appointment, how), written in
 * the transaction that reads the data: nobody sees it without the trail the entity answers for.
 */
async function auditOpened(
	tx: Transaction,
	rows: Appointment[],
	actor: { email: string },
	via: OpenedVia
): Promise<void> {
	for (const row of rows) {
		await audit(tx, {
			actor: actor.email,
			action: 'appointment.person_opened',
			subject: row.reference,
			data: { via, fields: PERSON_FIELDS }
		});
	}
}

function dayRows(db: Database | Transaction, date: LocalDate) {
	const from = instantAt(date, '00:00');
	const to = new Date(from.getTime() + 24 * 60 * MINUTE);
	return db
		.select()
		.from(table)
		.where(
			and(
				gte(table.start, from),
				lt(table.start, to),
				notInArray(table.status, ['cancelled', 'expired'])
			)
		)
		.orderBy(asc(table.start), asc(table.reference));
}

/**
 * A day's appointments (Bogotá date), in time order; cancelled ones and expired holds are left out. With
 * `openedBy`, each item carries the person's data and its opening is audited, one row per
 * appointment (data already erased after the retention period is neither shown nor audited).
 */
export async function agenda(db: Database, date: LocalDate): Promise<AgendaItem[]>;
export async function agenda(
	db: Database,
	date: LocalDate,
	open: { openedBy: { email: string }; via: OpenedVia }
): Promise<(AgendaItem & { person?: Person })[]>;
export async function agenda(
	db: Database,
	date: LocalDate,
	open?: { openedBy: { email: string }; via: OpenedVia }
): Promise<(AgendaItem & { person?: Person })[]> {
	const now = clock.now();
	if (!open) return (await dayRows(db, date)).map((row) => agendaItem(row, now));
	return db.transaction(async (tx) => {
		const rows = await dayRows(tx, date);
		const kept = rows.filter((row) => !row.anonymisedAt);
		await auditOpened(tx, kept, open.openedBy, open.via);
		return rows.map((row) => ({
			...agendaItem(row, now),
			...(row.anonymisedAt ? {} : { person: personOf(row) })
		}));
	});
}

/** One appointment's person data, opened by an official from the agenda, with its audit row. */
export async function openPerson(
	db: Database,
	reference: string,
	actor: { email: string },
	via: OpenedVia
): Promise<Person> {
	return db.transaction(async (tx) => {
		const [row] = await tx.select().from(table).where(eq(table.reference, reference));
		if (!row || row.anonymisedAt) throw new DomainError('APPOINTMENT_NOT_FOUND');
		await auditOpened(tx, [row], actor, via);
		return personOf(row);
	});
}

/**
 * Gives the citizen a fresh manage link (the old token stops working) and emails it: they choose
 * a new time for the same reference.
 */
export async function askToReschedule(tx: Transaction, row: Appointment): Promise<void> {
	const { token, ...kept } = issueToken();
	await tx.update(table).set(kept).where(eq(table.id, row.id));
	// A booking with a phone only has no address: the official calls instead.
	if (row.email) {
		await enqueue(tx, await rescheduleEmail({ ...row, ...kept, email: row.email }, token));
	}
}

/**
 * Records what happened to an appointment, under the 5-minute rule: `attended` from 5 minutes
 * before the start, `no_show` only from 5 minutes after it, `connection_failed` from 5 minutes
 * before (the citizen is emailed a link to choose a new time). The outcome and its audit row are
 * written in one transaction, with the call room's join log as evidence; `details` join the audit
 * row (the room's automatic `attended`).
 */
export async function recordOutcome(
	db: Database,
	reference: string,
	outcome: Outcome,
	actor: { email: string },
	details: Record<string, unknown> = {}
): Promise<AgendaItem> {
	return db.transaction(async (tx) => {
		const row = await find(tx, reference, true);
		if (!row) throw new DomainError('APPOINTMENT_NOT_FOUND');
		if (row.status !== 'booked') {
			throw new DomainError('OUTCOME_ALREADY_RECORDED', { extra: { status: row.status } });
		}
		const now = clock.now();
		const from = outcomeTimes(row.start)[outcome];
		if (now < from) {
			throw new DomainError(outcome === 'no_show' ? 'WAIT_NOT_ELAPSED' : 'TOO_EARLY', {
				values: { time: timeInWords(from) },
				extra: { availableAt: formatInstant(from) }
			});
		}
		// The call room's join log is the evidence: no "no-show" for a citizen who entered it.
		const log = await joinLog(tx, row.id);
		if (outcome === 'no_show' && citizenJoined(log)) throw new DomainError('CITIZEN_JOINED');
		const status = outcome === 'connection_failed' ? 'reschedule_needed' : outcome;
		const [updated] = await tx
			.update(table)
			.set({ status, updatedAt: now })
			.where(eq(table.id, row.id))
			.returning();
		if (outcome === 'connection_failed') await askToReschedule(tx, row);
		await audit(tx, {
			actor: actor.email,
			action: `appointment.${outcome}`,
			subject: row.reference,
			data: {
				start: formatInstant(row.start),
				status,
				...(log.length > 0 || outcome === 'no_show' ? { joinLog: evidence(log, now) } : {}),
				...details
			}
		});
		return agendaItem(updated!, now);
	});
}

/** How many bookings of a day (Bogotá date) were held and never confirmed, their places given back. */
export async function expiredOn(db: Database, date: LocalDate): Promise<number> {
	const from = instantAt(date, '00:00');
	return expiredHolds(db, from, new Date(from.getTime() + 24 * 60 * MINUTE));
}
