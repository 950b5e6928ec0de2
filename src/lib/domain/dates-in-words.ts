import { INTL_LOCALE } from '$lib/i18n/locales';
import type { LocalDate } from './calendar';
import { formatClock } from './office-hours';

/** "martes 25 de noviembre de 2026": a Bogotá date in words, Colombian Spanish on every page. */
export function dateInWords(date: LocalDate): string {
	return new Intl.DateTimeFormat(INTL_LOCALE, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${date}T12:00:00Z`));
}

/** "de 8:00 a. m. a 10:00 a. m." parts for a window given as "HH:MM" strings. */
export function windowInWords(window: { start: string; end: string }): {
	from: string;
	to: string;
} {
	return { from: formatClock(window.start), to: formatClock(window.end) };
}
