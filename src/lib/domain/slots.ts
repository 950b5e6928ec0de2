import {
	addDays,
	datesBetween,
	instantAt,
	isHoliday,
	isoWeekday,
	localDate,
	localTime,
	NO_DAYS_OFF,
	type DaysOff,
	type LocalDate
} from './calendar';

/**
 * Appointment slots: pure rules, no database. A slot is a 30-minute window inside the office
 * hours of a business day, bookable from the minimum notice up to the end of the booking window.
 */
export interface SlotRules {
	officeHours: { days: number[]; opens: string; closes: string };
	slotMinutes: number;
	minimumNoticeHours: number;
	bookingWindowDays: number;
}

const MINUTE_MS = 60_000;

function minutes(clockTime: string): number {
	const [hours = 0, mins = 0] = clockTime.split(':').map(Number);
	return hours * 60 + mins;
}

function clockOf(total: number): string {
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * Whether the office opens on a Bogotá date: an office weekday that is neither a public holiday
 * nor one of the entity's closures (`closed`).
 */
export function isOfficeDay(
	date: LocalDate,
	rules: SlotRules,
	closed: DaysOff = NO_DAYS_OFF
): boolean {
	return rules.officeHours.days.includes(isoWeekday(date)) && !isHoliday(date) && !closed.has(date);
}

// A date's starts depend only on the date and the rules: worked out once, not on every request.
const startsCache = new Map<string, number[]>();

/** Every slot start of a date, ignoring notice and window; none on weekends, holidays or closures. */
export function dayStarts(
	date: LocalDate,
	rules: SlotRules,
	closed: DaysOff = NO_DAYS_OFF
): Date[] {
	// Closures change while the server runs: they are checked outside the cache.
	if (closed.has(date)) return [];
	const { days, opens, closes } = rules.officeHours;
	const key = `${date}|${days.join()}|${opens}|${closes}|${rules.slotMinutes}`;
	let times = startsCache.get(key);
	if (!times) {
		times = [];
		if (isOfficeDay(date, rules)) {
			const last = minutes(closes);
			for (let at = minutes(opens); at + rules.slotMinutes <= last; at += rules.slotMinutes) {
				times.push(instantAt(date, clockOf(at)).getTime());
			}
		}
		if (startsCache.size > 4000) startsCache.clear();
		startsCache.set(key, times);
	}
	return times.map((time) => new Date(time));
}

/** The last Bogotá date a slot may fall on. */
export function lastBookableDate(now: Date, rules: SlotRules): LocalDate {
	return addDays(localDate(now), rules.bookingWindowDays);
}

/** Whether a start is a real slot that may be booked at `now`. */
export function isBookable(
	start: Date,
	now: Date,
	rules: SlotRules,
	closed: DaysOff = NO_DAYS_OFF
): boolean {
	if (Number.isNaN(start.getTime())) return false;
	if (start.getTime() < now.getTime() + rules.minimumNoticeHours * 60 * MINUTE_MS) return false;
	const date = localDate(start);
	if (date > lastBookableDate(now, rules)) return false;
	return dayStarts(date, rules, closed).some((slot) => slot.getTime() === start.getTime());
}

export interface DaySlots {
	date: LocalDate;
	starts: Date[];
}

/** Bookable starts between two Bogotá dates (both included), clipped to notice and window. */
export function bookableStarts(
	from: LocalDate,
	to: LocalDate,
	now: Date,
	rules: SlotRules,
	closed: DaysOff = NO_DAYS_OFF
): DaySlots[] {
	const first = from < localDate(now) ? localDate(now) : from;
	const last = to > lastBookableDate(now, rules) ? lastBookableDate(now, rules) : to;
	const days: DaySlots[] = [];
	for (const date of datesBetween(first, last)) {
		// Every start here is a real slot of a date inside the window: only the notice is left to check.
		const earliest = now.getTime() + rules.minimumNoticeHours * 60 * MINUTE_MS;
		const starts = dayStarts(date, rules, closed).filter((start) => start.getTime() >= earliest);
		if (starts.length > 0) days.push({ date, starts });
	}
	return days;
}

export function slotEnd(start: Date, rules: Pick<SlotRules, 'slotMinutes'>): Date {
	return new Date(start.getTime() + rules.slotMinutes * MINUTE_MS);
}

/** The `count` candidates closest in time to `target` (earlier first on a tie), in time order. */
export function nearest(target: Date, candidates: Date[], count: number): Date[] {
	return [...candidates]
		.sort(
			(a, b) =>
				Math.abs(a.getTime() - target.getTime()) - Math.abs(b.getTime() - target.getTime()) ||
				a.getTime() - b.getTime()
		)
		.slice(0, count)
		.sort((a, b) => a.getTime() - b.getTime());
}

// No 0/O, 1/I/L, U: references are read aloud on the phone and typed from paper.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A booking reference such as CITA-7K3M-Q9, from random bytes (one byte per character). */
export function referenceFrom(bytes: Uint8Array): string {
	const chars = [...bytes.slice(0, 6)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
	return `CITA-${chars.slice(0, 4)}-${chars.slice(4, 6)}`;
}

const REFERENCE = new RegExp(`^CITA-[${ALPHABET}]{4}-[${ALPHABET}]{2}$`);

/** Tidies a typed reference (spaces, lower case, a missing prefix) before it is compared. */
export function normaliseReference(typed: string): string {
	const clean = typed.toUpperCase().replace(/[\s-]+/g, '');
	const body = clean.startsWith('CITA') ? clean.slice(4) : clean;
	return `CITA-${body.slice(0, 4)}-${body.slice(4)}`;
}

export function isReference(value: string): boolean {
	return REFERENCE.test(value);
}

export type PartOfDay = 'morning' | 'afternoon';

export interface TimesOfDay<T> {
	date: LocalDate;
	parts: { part: PartOfDay; times: T[] }[];
}

/**
 * Times grouped by their local day, then into morning (before noon) and afternoon, in the order
 * given: a page says each day and each part once, and every choice is just its time.
 */
export function timesByDay<T extends { start: string }>(times: T[]): TimesOfDay<T>[] {
	const days: TimesOfDay<T>[] = [];
	for (const time of times) {
		const instant = new Date(time.start);
		const date = localDate(instant);
		const part: PartOfDay = localTime(instant) < '12:00' ? 'morning' : 'afternoon';
		let day = days.find((found) => found.date === date);
		if (!day) days.push((day = { date, parts: [] }));
		let group = day.parts.find((found) => found.part === part);
		if (!group) day.parts.push((group = { part, times: [] }));
		group.times.push(time);
	}
	return days;
}
