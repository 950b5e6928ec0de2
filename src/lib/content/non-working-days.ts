import type { DaysOff } from '$lib/domain/calendar';
import { closedDays, termDaysOff, type NonWorkingDay } from '$lib/domain/non-working-days';

/**
 * The entity's published non-working days (none as shipped). The content studio replaces them on
 * every instance when an editor's change is approved; the slots, the due dates and the contact
 * page read them from here.
 */
let published: readonly NonWorkingDay[] = [];
let forTerms: DaysOff = termDaysOff(published);
let closed: DaysOff = closedDays(published);

export const entityCalendar = {
	/** Every published non-working day, in date order. */
	days(): readonly NonWorkingDay[] {
		return published;
	},
	/** The days legal terms do not run: closures and suspensions. */
	termsOff(): DaysOff {
		return forTerms;
	},
	/** The days the office is closed. */
	closed(): DaysOff {
		return closed;
	},
	publish(days: readonly NonWorkingDay[]): void {
		published = [...days].sort((a, b) => a.date.localeCompare(b.date));
		forTerms = termDaysOff(published);
		closed = closedDays(published);
	}
};
