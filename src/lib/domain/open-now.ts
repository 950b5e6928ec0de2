// Relative import, without the holiday rules: the contact page's script runs this on the phone.
import { isoWeekday, localDate, localTime, type LocalDate } from './local-time';

/** When a channel attends: always (it receives at any hour) or on some days between two times. */
export type Availability =
	| { always: true }
	| {
			always?: false;
			/** ISO weekdays, 1 = Monday … 7 = Sunday. */
			days: number[];
			/** Bogotá wall-clock times, "HH:MM"; closes is not included. */
			opens: string;
			closes: string;
			/**
			 * Split hours: closed between `from` (included) and `until`, e.g. 8–12 and 14–17 are
			 * opens 08:00, closes 17:00, pause 12:00–14:00.
			 */
			pause?: { from: string; until: string };
			/** Closed on Colombian public holidays. */
			closedOnHolidays: boolean;
	  };

function attendsOn(availability: Availability, date: LocalDate, holiday: Holiday): boolean {
	if (availability.always) return true;
	if (!availability.days.includes(isoWeekday(date))) return false;
	return !(availability.closedOnHolidays && holiday(date));
}

/** Whether a date is a public holiday. */
export type Holiday = (date: LocalDate) => boolean;

/**
 * Whether a channel attends at this instant, in Bogotá time, holidays included: the server gives
 * the calendar's rule, a phone the list of dates the page carries.
 */
export function isOpen(availability: Availability, now: Date, holiday: Holiday): boolean {
	if (availability.always) return true;
	const time = localTime(now);
	const { pause } = availability;
	return (
		attendsOn(availability, localDate(now), holiday) &&
		time >= availability.opens &&
		time < availability.closes &&
		!(pause && time >= pause.from && time < pause.until)
	);
}
