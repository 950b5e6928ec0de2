import { getHolidaysForYear } from 'colombian-holidays';
import {
	isoWeekday,
	localDate,
	localTime,
	OFFSET_MS,
	TIME_ZONE,
	UTC_OFFSET,
	type LocalDate
} from './local-time';

export { isoWeekday, localDate, localTime, TIME_ZONE, UTC_OFFSET, type LocalDate };

const DAY_MS = 24 * 60 * 60 * 1000;

const holidayCache = new Map<number, Set<LocalDate>>();

function holidays(year: number): Set<LocalDate> {
	let found = holidayCache.get(year);
	if (!found) {
		found = new Set(getHolidaysForYear(year).map((holiday) => holiday.celebrationDate));
		holidayCache.set(year, found);
	}
	return found;
}

/** The instant of a Bogotá date and wall-clock time ("HH:MM"). */
export function instantAt(date: LocalDate, time: string): Date {
	return new Date(`${date}T${time}:00${UTC_OFFSET}`);
}

/** "2026-02-05T08:30:00-05:00": an instant written with Bogotá's offset, as the API promises. */
export function formatInstant(instant: Date): string {
	const local = new Date(instant.getTime() + OFFSET_MS).toISOString();
	return `${local.slice(0, 19)}${UTC_OFFSET}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The public holidays of a year, in order. */
export function holidaysOf(year: number): LocalDate[] {
	return [...holidays(year)].sort();
}

/**
 * The same day `months` calendar months later; the last day of the month when that month is
 * shorter (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	const index = year * 12 + (month - 1) + months;
	const targetYear = Math.floor(index / 12);
	const targetMonth = (index % 12) + 1;
	const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
	return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export function isHoliday(date: LocalDate): boolean {
	return holidays(Number(date.slice(0, 4))).has(date);
}

/**
 * The entity's own days that are not business days on top of weekends and public holidays (its
 * closures, and for legal terms its declared suspensions): data the caller passes in.
 */
export type DaysOff = ReadonlySet<LocalDate>;
export const NO_DAYS_OFF: DaysOff = new Set();

/** Monday to Friday, not a Colombian public holiday and not one of the entity's days off. */
export function isBusinessDay(date: LocalDate, off: DaysOff = NO_DAYS_OFF): boolean {
	return isoWeekday(date) <= 5 && !isHoliday(date) && !off.has(date);
}

// Business-day arithmetic on whole days since 1970-01-01 (a Thursday): the queue counts days for
// every petition it shows, so no string or Date is made per day.
const dayNumber = (date: LocalDate) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number): LocalDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

// A year's public holidays as day numbers, with the bounds of the year: the year of a day is found
// by comparing it with the last year's bounds, not by making a Date for it.
interface HolidayYear {
	first: number;
	next: number;
	days: Set<number>;
}
const holidayYears = new Map<number, HolidayYear>();
let lastYear: HolidayYear | undefined;
function holidayYearOf(day: number): HolidayYear {
	if (lastYear && day >= lastYear.first && day < lastYear.next) return lastYear;
	const year = new Date(day * DAY_MS).getUTCFullYear();
	let found = holidayYears.get(year);
	if (!found) {
		found = {
			first: Date.UTC(year, 0, 1) / DAY_MS,
			next: Date.UTC(year + 1, 0, 1) / DAY_MS,
			days: new Set([...holidays(year)].map(dayNumber))
		};
		holidayYears.set(year, found);
	}
	lastYear = found;
	return found;
}
// The days off as day numbers, worked out once per set.
const offNumbers = new WeakMap<DaysOff, Set<number>>();
function offNumbersOf(off: DaysOff): Set<number> {
	let found = offNumbers.get(off);
	if (!found) {
		found = new Set([...off].map(dayNumber));
		offNumbers.set(off, found);
	}
	return found;
}

function isBusinessDayNumber(day: number, off: Set<number>): boolean {
	// As getUTCDay counts: 0 = Sunday … 6 = Saturday (day 0 was a Thursday, 4).
	const weekday = ((((day % 7) + 7) % 7) + 4) % 7;
	if (weekday === 0 || weekday === 6) return false;
	return !holidayYearOf(day).days.has(day) && !off.has(day);
}

/** The business day that comes `count` business days after `date` (counting starts the day after). */
export function addBusinessDays(
	date: LocalDate,
	count: number,
	off: DaysOff = NO_DAYS_OFF
): LocalDate {
	const offDays = offNumbersOf(off);
	let day = dayNumber(date);
	let left = count;
	while (left > 0) {
		day += 1;
		if (isBusinessDayNumber(day, offDays)) left -= 1;
	}
	return dateOf(day);
}

/** Business days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function businessDaysBetween(
	from: LocalDate,
	to: LocalDate,
	off: DaysOff = NO_DAYS_OFF
): number {
	const offDays = offNumbersOf(off);
	const last = dayNumber(to);
	let count = 0;
	for (let day = dayNumber(from) + 1; day <= last; day += 1) {
		if (isBusinessDayNumber(day, offDays)) count += 1;
	}
	return count;
}

/** Every Bogotá date from `from` to `to`, both included. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
	const dates: LocalDate[] = [];
	for (let day = from; day <= to; day = addDays(day, 1)) dates.push(day);
	return dates;
}
