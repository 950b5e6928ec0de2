import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { entity } from '$lib/config/entity';
import { entityCalendar } from '$lib/content/non-working-days';
import { dateInWords } from '$lib/domain/dates-in-words';
import type { NonWorkingDay } from '$lib/domain/non-working-days';
import { formatInstant, localDate, type LocalDate } from '$lib/domain/calendar';
import { bookableStarts, isBookable, lastBookableDate, nearest, slotEnd } from '$lib/domain/slots';
import { clock } from '../clock';
import type { Database } from '../db';
import { generation } from '../db/generation';
import { appointmentSlots } from '../db/schema';
import { DomainError } from '../errors';
import type { Transaction } from '../idempotency';
import { rules, type SlotDay } from './model';

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

/** Drops the cached counts and lists: this process changed a slot. */
export function forgetCounts(): void {
	countsCache = undefined;
	listed.clear();
}

// The lists made from those counts, by range and second, for as long as the counts are kept: a
// rush asks for the same 30 days hundreds of times a second. A few ranges at most are asked for.
const listed = new Map<string, { until: number; days: Promise<SlotDay[]> }>();
const LISTED_RANGES = 16;

/** Bookable slots between two dates with the places left; full slots are listed with 0. */
export function slots(
	db: Database | Transaction,
	from: LocalDate,
	to: LocalDate,
	options: { onlyFree?: boolean } = {}
): Promise<SlotDay[]> {
	// Which starts are offered changes with the clock's second at most; the places, with the counts.
	const key = `${generation.current()}|${Math.floor(clock.now().getTime() / 1000)}|${from}|${to}|${options.onlyFree ?? false}`;
	const now = Date.now();
	const kept = listed.get(key);
	if (kept && kept.until >= now) return kept.days;
	if (listed.size >= LISTED_RANGES) listed.clear();
	const days = listSlots(db, from, to, options);
	// Kept no longer than the counts it was made from.
	listed.set(key, { until: countsCache?.until ?? now, days });
	days.catch(() => listed.delete(key));
	return days;
}

async function listSlots(
	db: Database | Transaction,
	from: LocalDate,
	to: LocalDate,
	options: { onlyFree?: boolean } = {}
): Promise<SlotDay[]> {
	const days = bookableStarts(from, to, clock.now(), rules, entityCalendar.closed());
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

/** The free slots from today to the end of the booking window. */
export async function freeDays(db: Database): Promise<SlotDay[]> {
	const now = clock.now();
	return slots(db, localDate(now), lastBookableDate(now, rules), { onlyFree: true });
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
export async function takePlace(tx: Transaction, start: Date): Promise<boolean> {
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

export async function freePlace(tx: Transaction, start: Date): Promise<void> {
	forgetCounts();
	await tx
		.update(appointmentSlots)
		.set({ booked: sql`greatest(${appointmentSlots.booked} - 1, 0)` })
		.where(eq(appointmentSlots.start, start));
}

/**
 * Runs a change that may find its slot full. The transaction rolls back first; then the refusal
 * names the nearest free times, read outside it.
 */
export async function orNearest<T>(
	db: Database,
	start: Date,
	change: (full: () => never) => Promise<T>
): Promise<T> {
	let isFull = false;
	try {
		return await change(() => {
			isFull = true;
			throw new DomainError('SLOT_UNAVAILABLE');
		});
	} catch (error) {
		if (!isFull) throw error;
		throw new DomainError('SLOT_UNAVAILABLE', { extra: { nearest: await nearestFree(db, start) } });
	}
}

/**
 * The start a person asked for, when the rules offer it now. A slot of a day the entity closed
 * is refused with DAY_CLOSED, which says why.
 */
export function offeredStart(start: string): Date {
	const instant = new Date(start);
	const now = clock.now();
	if (isBookable(instant, now, rules, entityCalendar.closed())) return instant;
	const closure = isBookable(instant, now, rules)
		? entityCalendar.days().find((day) => day.kind === 'closure' && day.date === localDate(instant))
		: undefined;
	if (closure) throw dayClosed(instant, closure);
	throw new DomainError('SLOT_NOT_OFFERED');
}

/** The refusal of a start on a day the entity closed: the day and the reason, in words. */
export function dayClosed(start: Date, closure: NonWorkingDay): DomainError {
	return new DomainError('DAY_CLOSED', {
		values: { date: dateInWords(start), reason: closure.reason },
		extra: { date: closure.date }
	});
}
