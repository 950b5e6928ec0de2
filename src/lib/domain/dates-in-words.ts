import { INTL_LOCALE } from '$lib/i18n/locales';
import { instantAt, localDate, TIME_ZONE, type LocalDate } from './calendar';
import { formatClock } from './office-hours';

const dateWords = new Intl.DateTimeFormat(INTL_LOCALE, {
	timeZone: TIME_ZONE,
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});
const timeWords = new Intl.DateTimeFormat(INTL_LOCALE, {
	timeZone: TIME_ZONE,
	hour: 'numeric',
	minute: '2-digit',
	hour12: true
});
const instantWords = new Intl.DateTimeFormat(INTL_LOCALE, {
	timeZone: TIME_ZONE,
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: 'numeric',
	minute: '2-digit',
	hour12: true
});

/**
 * "jueves 5 de febrero de 2026": a local date, or the local date of an instant, in words. No
 * comma after the weekday, as the Spanish spelling rules prefer; every page and email writes
 * dates this way.
 */
export function dateInWords(date: LocalDate | Date): string {
	// A local date is read at noon, so no offset can shift the day.
	const instant = typeof date === 'string' ? instantAt(date, '12:00') : date;
	return dateWords.format(instant).replace(',', '');
}

const nearDayWords = new Intl.DateTimeFormat(INTL_LOCALE, {
	timeZone: TIME_ZONE,
	weekday: 'long',
	day: 'numeric',
	month: 'long'
});

/**
 * "jueves 3 de diciembre", or "jueves 3" when `now` is in the same month: a day near enough to
 * need no year. No comma after the weekday, as in dateInWords.
 */
export function nearDayInWords(instant: Date, now: Date): string {
	const words = nearDayWords.format(instant).replace(',', '');
	return localDate(instant).slice(0, 7) === localDate(now).slice(0, 7)
		? words.replace(/ de \p{L}+$/u, '')
		: words;
}

/** "8:00 a. m.": the local time of an instant. */
export function timeInWords(instant: Date): string {
	return timeWords.format(instant).replace(/\s/g, ' ');
}

/** "5 de febrero de 2026, 9:30 a. m." for an instant, in local time. */
export function instantInWords(instant: Date): string {
	return instantWords.format(instant);
}

/** "de 8:00 a. m. a 10:00 a. m." parts for a window given as "HH:MM" strings. */
export function windowInWords(window: { start: string; end: string }): {
	from: string;
	to: string;
} {
	return { from: formatClock(window.start), to: formatClock(window.end) };
}
