import { isHoliday, isoWeekday, localDate, localTime, type LocalDate } from './calendar';

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
			/** Closed on Colombian public holidays. */
			closedOnHolidays: boolean;
	  };

function attendsOn(availability: Availability, date: LocalDate): boolean {
	if (availability.always) return true;
	if (!availability.days.includes(isoWeekday(date))) return false;
	return !(availability.closedOnHolidays && isHoliday(date));
}

/** Whether a channel attends at this instant, in Bogotá time, holidays included. */
export function isOpen(availability: Availability, now: Date): boolean {
	if (availability.always) return true;
	const time = localTime(now);
	return (
		attendsOn(availability, localDate(now)) &&
		time >= availability.opens &&
		time < availability.closes
	);
}
