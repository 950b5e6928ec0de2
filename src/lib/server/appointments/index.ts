import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, gte, lt, sql } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { POLICY_VERSION, type BookingInput } from '$lib/domain/appointments';
import { formatInstant, localDate, type LocalDate } from '$lib/domain/calendar';
import {
	bookableStarts,
	isBookable,
	nearest,
	referenceFrom,
	slotEnd,
	type SlotRules
} from '$lib/domain/slots';
import { clock } from '../clock';
import type { Database } from '../db';
import { generation } from '../db/generation';
import { appointmentSlots, appointments as table } from '../db/schema';
import { Problem } from '../http/problem';
import { once, type Transaction } from '../idempotency';
import { videoLink } from '../calls/links';
import { calendarFile } from './calendar';
import { enqueue } from '../email/outbox';
import { composeEmail, queueEmail } from './emails';
import { newToken, seal, tokenHash, tokenMatches, unseal } from './secrets';

export type Appointment = typeof table.$inferSelect;

export const rules: SlotRules = {
	officeHours: entity.officeHours,
	slotMinutes: entity.appointments.slotMinutes,
	minimumNoticeHours: entity.appointments.minimumNoticeHours,
	bookingWindowDays: entity.appointments.bookingWindowDays
};

const NS = { ns: 'booking' } as const;

export interface Slot {
	start: string;
	end: string;
	available: number;
}
export interface SlotDay {
	date: LocalDate;
	slots: Slot[];
}

export interface Booked {
	reference: string;
	start: string;
	end: string;
	status: string;
	manageToken: string;
}

/** What the API and the pages may show of an appointment: no document number. */
export function view(appointment: Appointment) {
	return {
		reference: appointment.reference,
		status: appointment.status,
		topic: appointment.topic,
		start: formatInstant(appointment.start),
		end: formatInstant(appointment.end),
		name: appointment.name,
		email: appointment.email,
		callLanguage: appointment.callLanguage,
		interpreter: appointment.interpreter,
		/** The citizen's link to the call room (or to the entity's platform, when external). */
		videoUrl: videoLink(appointment)
	};
}

async function bookedCounts(db: Database | Transaction, from: Date, to: Date) {
	const rows = await db
		.select()
		.from(appointmentSlots)
		.where(and(gte(appointmentSlots.start, from), lt(appointmentSlots.start, to)));
	return new Map(rows.map((row) => [row.start.getTime(), row]));
}

// The places taken, as last read, kept for one second: under load the slot list is read far more
// often than it changes. Every change made by this process drops it at once; another instance's
// change shows within the second. Bookings never rely on it: takePlace checks capacity itself.
const COUNTS_TTL_MS = 1000;
let countsCache:
	{ key: string; until: number; counts: ReturnType<typeof bookedCounts> } | undefined;

function cachedCounts(db: Database | Transaction, from: Date, to: Date) {
	const key = `${generation.current()}|${from.getTime()}|${to.getTime()}`;
	const now = Date.now();
	if (countsCache?.key !== key || countsCache.until < now) {
		const counts = bookedCounts(db, from, to);
		countsCache = { key, until: now + COUNTS_TTL_MS, counts };
		counts.catch(() => (countsCache = undefined));
	}
	return countsCache.counts;
}

function forgetCounts(): void {
	countsCache = undefined;
}

/** Bookable slots between two dates with the places left; full slots are listed with 0. */
async function slots(
	db: Database | Transaction,
	from: LocalDate,
	to: LocalDate,
	options: { onlyFree?: boolean } = {}
): Promise<SlotDay[]> {
	const days = bookableStarts(from, to, clock.now(), rules);
	if (days.length === 0) return [];
	const first = days[0]!.starts[0]!;
	const last = days.at(-1)!.starts.at(-1)!;
	const counts = await cachedCounts(db, first, slotEnd(last, rules));
	return days
		.map((day) => ({
			date: day.date,
			slots: day.starts
				.map((start) => {
					const row = counts.get(start.getTime());
					const capacity = row?.capacity ?? entity.appointments.slotCapacity;
					return {
						start: formatInstant(start),
						end: formatInstant(slotEnd(start, rules)),
						available: Math.max(0, capacity - (row?.booked ?? 0))
					};
				})
				.filter((slot) => !options.onlyFree || slot.available > 0)
		}))
		.filter((day) => day.slots.length > 0);
}

/** Up to `count` free starts closest to the one that was taken. */
async function nearestFree(db: Database, target: Date, count = 3): Promise<string[]> {
	const days = await slots(db, localDate(clock.now()), '9999-12-31', { onlyFree: true });
	const candidates = days.flatMap((day) => day.slots.map((slot) => new Date(slot.start)));
	return nearest(target, candidates, count).map(formatInstant);
}

/**
 * Takes one place in a slot. The conditional upsert runs under the row's lock, so concurrent
 * bookings of the same slot (on one instance or many) never exceed its capacity.
 */
async function takePlace(tx: Transaction, start: Date): Promise<boolean> {
	forgetCounts();
	const taken = await tx
		.insert(appointmentSlots)
		.values({ start, capacity: entity.appointments.slotCapacity, booked: 1 })
		.onConflictDoUpdate({
			target: appointmentSlots.start,
			set: { booked: sql`${appointmentSlots.booked} + 1` },
			setWhere: sql`${appointmentSlots.booked} < ${appointmentSlots.capacity}`
		})
		.returning({ booked: appointmentSlots.booked });
	return taken.length === 1;
}

async function freePlace(tx: Transaction, start: Date): Promise<void> {
	forgetCounts();
	await tx
		.update(appointmentSlots)
		.set({ booked: sql`greatest(${appointmentSlots.booked} - 1, 0)` })
		.where(eq(appointmentSlots.start, start));
}

async function slotUnavailable(db: Database, start: Date): Promise<Problem> {
	return new Problem(409, 'SLOT_UNAVAILABLE', {
		...NS,
		extra: { nearest: await nearestFree(db, start) }
	});
}

function parseStart(start: string): Date {
	const instant = new Date(start);
	if (!isBookable(instant, clock.now(), rules)) {
		throw new Problem(422, 'SLOT_NOT_OFFERED', NS);
	}
	return instant;
}

/** Whether an error is PostgreSQL's unique violation on the reference (a one-in-a-billion clash). */
function referenceClash(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string } })?.cause ?? error;
	return (cause as { code?: string })?.code === '23505';
}

/** Books a place; throws 409 SLOT_UNAVAILABLE, 422 TOO_MANY_APPOINTMENTS or 422 SLOT_NOT_OFFERED. */
async function book(
	db: Database,
	input: BookingInput,
	options: { locale: string; idempotencyKey?: string | null }
): Promise<Booked & { replayed: boolean }> {
	for (let attempt = 1; ; attempt += 1) {
		try {
			return await bookOnce(db, input, options);
		} catch (error) {
			if (attempt >= 3 || !referenceClash(error)) throw error;
		}
	}
}

async function bookOnce(
	db: Database,
	input: BookingInput,
	options: { locale: string; idempotencyKey?: string | null }
): Promise<Booked & { replayed: boolean }> {
	const start = parseStart(input.start);
	// Everything that needs no database is prepared first, so locks are held for as short as possible.
	const draft = {
		id: randomUUID(),
		reference: referenceFrom(randomBytes(6)),
		start,
		end: slotEnd(start, rules),
		locale: options.locale,
		name: input.name,
		email: input.email,
		videoUrl: `${entity.appointments.videoCallBaseUrl}/${randomBytes(12).toString('base64url')}`,
		sequence: 0,
		status: 'booked' as const
	};
	const token = newToken();
	const manageTokenHash = tokenHash(token);
	const email = await composeEmail('confirmed', { ...draft, manageTokenHash }, token);
	let full = false;
	try {
		const result = await once(
			db,
			'appointments.book',
			options.idempotencyKey ?? null,
			{ ...input, locale: options.locale },
			async (tx) => {
				// One booking at a time per document, so two tabs cannot both pass the limit.
				await tx.execute(
					sql`select pg_advisory_xact_lock(hashtext(${`appointments:${input.documentType}:${input.documentNumber}`}))`
				);
				const now = clock.now();
				const [{ count } = { count: 0 }] = await tx
					.select({ count: sql<number>`count(*)::int` })
					.from(table)
					.where(
						and(
							eq(table.documentType, input.documentType),
							eq(table.documentNumber, input.documentNumber),
							eq(table.status, 'booked'),
							gt(table.start, now)
						)
					);
				if (count >= entity.appointments.maxFutureAppointmentsPerPerson) {
					throw new Problem(422, 'TOO_MANY_APPOINTMENTS', {
						...NS,
						values: { max: entity.appointments.maxFutureAppointmentsPerPerson }
					});
				}
				if (!(await takePlace(tx, start))) {
					full = true;
					throw new Problem(409, 'SLOT_UNAVAILABLE', NS);
				}
				await tx.insert(table).values({
					...draft,
					topic: input.topic,
					documentType: input.documentType,
					documentNumber: input.documentNumber,
					phone: input.phone ?? null,
					description: input.description,
					callLanguage: input.callLanguage,
					interpreter: input.callLanguage === 'guc',
					accessibilityNeeds: input.accessibilityNeeds,
					preferential: input.preferential,
					consentAt: now,
					policyVersion: POLICY_VERSION,
					manageTokenHash
				});
				await enqueue(tx, email);
				return {
					status: 201,
					body: {
						reference: draft.reference,
						start: formatInstant(start),
						end: formatInstant(draft.end),
						status: draft.status,
						sealedToken: seal(token)
					}
				};
			}
		);
		const { sealedToken, ...body } = result.body as Omit<Booked, 'manageToken'> & {
			sealedToken: string;
		};
		return { ...body, manageToken: unseal(sealedToken), replayed: result.replayed };
	} catch (error) {
		if (full) throw await slotUnavailable(db, start);
		throw error;
	}
}

/** The appointment a manage token opens; a wrong reference and a wrong token answer the same. */
async function open(db: Database, reference: string, token: string): Promise<Appointment> {
	const [found] = await db.select().from(table).where(eq(table.reference, reference));
	if (!found || !tokenMatches(token, found.manageTokenHash)) {
		throw new Problem(404, 'APPOINTMENT_NOT_FOUND', NS);
	}
	return found;
}

/** The appointment a reference and a document number open (the manage form without the link). */
async function openByDocument(
	db: Database,
	reference: string,
	documentNumber: string
): Promise<Appointment> {
	const [found] = await db.select().from(table).where(eq(table.reference, reference));
	const number = documentNumber.replace(/[\s.-]/g, '').toUpperCase();
	const given = Buffer.from(tokenHash(`doc:${number}`));
	const stored = Buffer.from(tokenHash(`doc:${found?.documentNumber ?? ''}`));
	if (!found || !timingSafeEqual(given, stored)) {
		throw new Problem(404, 'APPOINTMENT_NOT_FOUND', NS);
	}
	return found;
}

async function byReference(db: Database, reference: string): Promise<Appointment> {
	const [found] = await db.select().from(table).where(eq(table.reference, reference));
	if (!found) throw new Problem(404, 'APPOINTMENT_NOT_FOUND', NS);
	return found;
}

/** A future booking, or one whose call failed and that waits for the citizen to choose a new time. */
function changeable(appointment: Appointment): boolean {
	if (appointment.status === 'reschedule_needed') return true;
	return appointment.status === 'booked' && appointment.start.getTime() > clock.now().getTime();
}

function assertChangeable(appointment: Appointment): void {
	if (!changeable(appointment)) throw new Problem(409, 'APPOINTMENT_NOT_CHANGEABLE', NS);
}

/** Moves an appointment to another slot; the reference stays, the old place is freed at once. */
async function reschedule(db: Database, reference: string, newStart: string): Promise<Appointment> {
	const start = parseStart(newStart);
	let full = false;
	try {
		return await db.transaction(async (tx) => {
			const [current] = await tx
				.select()
				.from(table)
				.where(eq(table.reference, reference))
				.for('update');
			if (!current) throw new Problem(404, 'APPOINTMENT_NOT_FOUND', NS);
			assertChangeable(current);
			if (current.start.getTime() === start.getTime() && current.status === 'booked') {
				return current;
			}
			// Slot rows are always locked in time order, so two opposite moves cannot deadlock.
			const steps =
				start < current.start
					? [() => takePlace(tx, start), () => freePlace(tx, current.start).then(() => true)]
					: [() => freePlace(tx, current.start).then(() => true), () => takePlace(tx, start)];
			for (const step of steps) {
				if (!(await step())) {
					full = true;
					throw new Problem(409, 'SLOT_UNAVAILABLE', NS);
				}
			}
			const [moved] = await tx
				.update(table)
				.set({
					start,
					end: slotEnd(start, rules),
					status: 'booked',
					sequence: current.sequence + 1,
					reminderSentAt: null,
					updatedAt: clock.now()
				})
				.where(eq(table.id, current.id))
				.returning();
			await queueEmail(tx, 'changed', moved!);
			return moved!;
		});
	} catch (error) {
		if (full) throw await slotUnavailable(db, start);
		throw error;
	}
}

/** Cancels an appointment and frees its place in the same transaction. */
async function cancel(db: Database, reference: string): Promise<Appointment> {
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select()
			.from(table)
			.where(eq(table.reference, reference))
			.for('update');
		if (!current) throw new Problem(404, 'APPOINTMENT_NOT_FOUND', NS);
		assertChangeable(current);
		await freePlace(tx, current.start);
		const [cancelled] = await tx
			.update(table)
			.set({
				status: 'cancelled',
				cancelledAt: clock.now(),
				sequence: current.sequence + 1,
				updatedAt: clock.now()
			})
			.where(eq(table.id, current.id))
			.returning();
		await queueEmail(tx, 'cancelled', cancelled!);
		return cancelled!;
	});
}

/**
 * Queues the reminder of every appointment that starts tomorrow (Bogotá) and has not had one.
 * Rows are claimed with SKIP LOCKED and marked, so many instances send each reminder once.
 */
async function remind(db: Database): Promise<number> {
	const now = clock.now();
	const tomorrow = localDate(new Date(now.getTime() + 24 * 3600_000));
	const from = new Date(`${tomorrow}T00:00:00-05:00`);
	const to = new Date(from.getTime() + 24 * 3600_000);
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
async function anonymise(db: Database): Promise<number> {
	const before = new Date(clock.now().getTime() - entity.privacy.retentionDays * 24 * 3600_000);
	const erased = await db
		.update(table)
		.set({
			name: '',
			documentNumber: '',
			email: '',
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

export const appointments = {
	slots,
	book,
	open,
	openByDocument,
	byReference,
	reschedule,
	cancel,
	changeable,
	remind,
	anonymise,
	calendar: calendarFile,
	view
};

/** The texts of this journey's problem codes (title and detail under each key). */
export const PROBLEM_TEXTS = {
	SLOT_UNAVAILABLE: 'booking:problems.SLOT_UNAVAILABLE',
	SLOT_NOT_OFFERED: 'booking:problems.SLOT_NOT_OFFERED',
	TOO_MANY_APPOINTMENTS: 'booking:problems.TOO_MANY_APPOINTMENTS',
	APPOINTMENT_NOT_FOUND: 'booking:problems.APPOINTMENT_NOT_FOUND',
	APPOINTMENT_NOT_CHANGEABLE: 'booking:problems.APPOINTMENT_NOT_CHANGEABLE',
	UNAUTHORIZED: 'booking:problems.UNAUTHORIZED'
} as const;
