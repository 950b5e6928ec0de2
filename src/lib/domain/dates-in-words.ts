import { INTL_LOCALE } from '$lib/i18n/locales';
import type { LocalDate } from './calendar';
import { formatClock } from './office-hours';

/** "jueves 5 de febrero de 2026": a local date in words, in Colombian Spanish. */
export function dateInWords(date: LocalDate): string {
	return new Intl.DateTimeFormat(INTL_LOCALE, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	})
		.format(new Date(`${date}T12:00:00Z`))
		.replace(',', '');
}

/** "5 de febrero de 2026, 9:30 a. m." for an instant, in Bogotá time. */
export function instantInWords(instant: Date): string {
	return new Intl.DateTimeFormat(INTL_LOCALE, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		hour12: true,
		timeZone: 'America/Bogota'
	}).format(instant);
}

/** "de 8:00 a. m. a 10:00 a. m." parts for a window given as "HH:MM" strings. */
export function windowInWords(window: { start: string; end: string }): {
	from: string;
	to: string;
} {
	return { from: formatClock(window.start), to: formatClock(window.end) };
}
