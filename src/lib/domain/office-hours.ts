import { INTL_LOCALE } from '$lib/i18n/locales';
import type { OfficeHours } from '$lib/config/entity';

// Made once, as dates-in-words.ts does: every page's footer writes the office hours, and making a
// formatter costs far more than using one (in a rush, making them took a tenth of the server's time).
const clockWords = new Intl.DateTimeFormat(INTL_LOCALE, {
	hour: 'numeric',
	minute: '2-digit',
	hour12: true,
	timeZone: 'UTC'
});
const weekdayWords = new Intl.DateTimeFormat(INTL_LOCALE, { weekday: 'long', timeZone: 'UTC' });

/** "8:00 a. m." from "08:00", in Colombian Spanish whatever the page language. */
export function formatClock(hhmm: string): string {
	const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
	return clockWords.format(Date.UTC(2026, 0, 5, hours, minutes));
}

/** "lunes" for ISO weekday 1. */
export function weekdayName(isoDay: number): string {
	// 2026-01-05 is a Monday.
	return weekdayWords.format(Date.UTC(2026, 0, 4 + isoDay));
}

/** The days as a range when they are consecutive ("lunes a viernes"), else a list. */
export function formatDays(hours: OfficeHours, joiner: { to: string; and: string }): string {
	const days = [...hours.days].sort((a, b) => a - b);
	const first = days[0];
	const last = days[days.length - 1];
	if (first === undefined || last === undefined) return '';
	if (days.length > 2 && last - first === days.length - 1) {
		return `${weekdayName(first)} ${joiner.to} ${weekdayName(last)}`;
	}
	const names = days.map(weekdayName);
	return names.length > 1
		? `${names.slice(0, -1).join(', ')} ${joiner.and} ${names.at(-1)}`
		: names[0]!;
}
