import type { DaysOff, LocalDate } from './calendar';

/**
 * The entity's own non-working days. A closure: the office is closed (no appointments, no call
 * backs) and the day is not a business day. A suspension of terms: the office may attend, but the
 * legal terms of petitions do not run that day.
 */
export const NON_WORKING_KINDS = ['closure', 'suspension'] as const;
export type NonWorkingKind = (typeof NON_WORKING_KINDS)[number];

export interface NonWorkingDay {
	date: LocalDate;
	kind: NonWorkingKind;
	/** Why, in plain Spanish, as citizens read it. */
	reason: string;
}

/** The days the legal terms of petitions do not run: closures and suspensions alike. */
export function termDaysOff(days: readonly NonWorkingDay[]): DaysOff {
	return new Set(days.map((day) => day.date));
}

/** The days the office is closed: no appointment slots, no call-back windows. */
export function closedDays(days: readonly NonWorkingDay[]): DaysOff {
	return new Set(days.filter((day) => day.kind === 'closure').map((day) => day.date));
}

/** The days from `today` on, in date order: what the contact page announces. */
export function upcoming(days: readonly NonWorkingDay[], today: LocalDate): NonWorkingDay[] {
	return days.filter((day) => day.date >= today).sort((a, b) => a.date.localeCompare(b.date));
}

/** The dates that are days off in one list and not in the other, in date order. */
export function changedDates(before: DaysOff, after: DaysOff): LocalDate[] {
	return [
		...[...before].filter((date) => !after.has(date)),
		...[...after].filter((date) => !before.has(date))
	].sort();
}

/** The closures `after` adds to `before`: their booked appointments are cancelled. */
export function newClosures(
	before: readonly NonWorkingDay[],
	after: readonly NonWorkingDay[]
): NonWorkingDay[] {
	const closed = closedDays(before);
	return after.filter((day) => day.kind === 'closure' && !closed.has(day.date));
}
