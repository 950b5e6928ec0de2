import type { OfficeHours } from '$lib/config/entity';
import {
	addDays,
	isBusinessDay,
	isoWeekday,
	localDate,
	localTime,
	NO_DAYS_OFF,
	type DaysOff,
	type LocalDate
} from './calendar';

export interface TimeWindow {
	/** "HH:MM" in Bogotá. */
	start: string;
	end: string;
}

function minutes(hhmm: string): number {
	const [h = 0, m = 0] = hhmm.split(':').map(Number);
	return h * 60 + m;
}

function clock(total: number): string {
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Office hours cut into two-hour windows for a call back; the last one may be shorter. */
export function callbackWindows(hours: OfficeHours, sizeMinutes = 120): TimeWindow[] {
	const windows: TimeWindow[] = [];
	for (let from = minutes(hours.opens); from < minutes(hours.closes); from += sizeMinutes) {
		windows.push({
			start: clock(from),
			end: clock(Math.min(from + sizeMinutes, minutes(hours.closes)))
		});
	}
	return windows;
}

/**
 * The next `count` office days on which a call back can still happen: today counts only while a
 * window is still ahead; weekends, holidays, closed weekdays and the entity's closures (`closed`)
 * are skipped.
 */
export function callbackDays(
	hours: OfficeHours,
	now: Date,
	count = 5,
	closed: DaysOff = NO_DAYS_OFF
): LocalDate[] {
	const days: LocalDate[] = [];
	const today = localDate(now);
	const lastStart = callbackWindows(hours).at(-1)?.start ?? hours.closes;
	let day = localTime(now) < lastStart ? today : addDays(today, 1);
	while (days.length < count) {
		if (isBusinessDay(day, closed) && hours.days.includes(isoWeekday(day))) days.push(day);
		day = addDays(day, 1);
	}
	return days;
}

/** A window chosen for a given day is still useful only if it has not ended yet. */
export function windowIsOpen(day: LocalDate, window: TimeWindow, now: Date): boolean {
	const today = localDate(now);
	return day > today || (day === today && localTime(now) < window.end);
}
