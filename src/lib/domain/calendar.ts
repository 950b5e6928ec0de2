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

export function isHoliday(date: LocalDate): boolean {
	return holidays(Number(date.slice(0, 4))).has(date);
}

/** Monday to Friday and not a Colombian public holiday. */
export function isBusinessDay(date: LocalDate): boolean {
	return isoWeekday(date) <= 5 && !isHoliday(date);
}

/** The business day that comes `count` business days after `date` (counting starts the day after). */
export function addBusinessDays(date: LocalDate, count: number): LocalDate {
	let current = date;
	let left = count;
	while (left > 0) {
		current = addDays(current, 1);
		if (isBusinessDay(current)) left -= 1;
	}
	return current;
}

/** Business days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function businessDaysBetween(from: LocalDate, to: LocalDate): number {
	let count = 0;
	for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
		if (isBusinessDay(day)) count += 1;
	}
	return count;
}

/** Every Bogotá date from `from` to `to`, both included. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
	const dates: LocalDate[] = [];
	for (let day = from; day <= to; day = addDays(day, 1)) dates.push(day);
	return dates;
}
