// Relative import: page scripts use this without the holiday rules of calendar.ts.
import { entity } from '../config/entity';

/**
 * Dates and instants in the entity's time zone (Bogotá). Colombia keeps UTC−5 all year (no
 * daylight saving), so local dates are plain arithmetic. Local dates are "YYYY-MM-DD" strings;
 * instants are Dates (UTC).
 */
export const TIME_ZONE = entity.timeZone;

/** The zone's offset, "-05:00", read once from the zone itself. */
function offsetOf(timeZone: string): string {
	const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
		.formatToParts(Date.UTC(2026, 0, 1))
		.find((part) => part.type === 'timeZoneName')!.value;
	return name === 'GMT' ? '+00:00' : name.slice(3);
}

export const UTC_OFFSET = offsetOf(TIME_ZONE);
export const OFFSET_MS =
	(UTC_OFFSET.startsWith('-') ? -1 : 1) *
	(Number(UTC_OFFSET.slice(1, 3)) * 60 + Number(UTC_OFFSET.slice(4, 6))) *
	60_000;

export type LocalDate = string;

/** The Bogotá calendar date of an instant. */
export function localDate(instant: Date): LocalDate {
	return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Bogotá wall-clock time of an instant, "HH:MM". */
export function localTime(instant: Date): string {
	return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
	const day = new Date(`${date}T00:00:00Z`).getUTCDay();
	return day === 0 ? 7 : day;
}
