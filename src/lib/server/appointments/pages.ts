import { redirect, type Cookies } from '@sveltejs/kit';
import { localDateInWords, timeInWords, TOPICS } from '$lib/domain/appointments';
import { localDate } from '$lib/domain/calendar';
import { lastBookableDate } from '$lib/domain/slots';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { clock } from '../clock';
import { database } from '../db';
import { appointments, rules, type SlotDay } from '.';
import { answers, type Answers } from './flow';

export type Step = 'tema' | 'dia' | 'hora' | 'datos' | 'ajustes' | 'revisar';

/** Where a step lives; the first one is the journey's start page. */
export function stepPath(lang: Locale, step: Step): string {
	return step === 'tema' ? `/${lang}/citas` : `/${lang}/citas/${step}`;
}

/** What each step needs from the ones before it; a missing answer sends the person back. */
const NEEDS: [Step, (a: Answers) => boolean][] = [
	['tema', (a) => (TOPICS as readonly string[]).includes(a.topic ?? '')],
	['dia', (a) => !!a.day],
	['hora', (a) => !!a.start],
	['datos', (a) => !!a.name && !!a.documentNumber && !!a.email],
	['ajustes', (a) => !!a.callLanguage]
];

export function requireAnswers(cookies: Cookies, lang: Locale, step: Step): Answers {
	const current = answers.read(cookies);
	for (const [earlier, done] of NEEDS) {
		if (earlier === step) break;
		if (!done(current)) redirect(303, stepPath(lang, earlier));
	}
	return current;
}

/** The free slots from today to the end of the booking window. */
export async function freeDays(): Promise<SlotDay[]> {
	const now = clock.now();
	return appointments.slots(await database(), localDate(now), lastBookableDate(now, rules), {
		onlyFree: true
	});
}

/** "martes, 5 de febrero de 2030, 9:00 a. m. Quedan 2 cupos": weekday, date, time and places. */
export async function slotLabel(lang: Locale, start: string, available: number): Promise<string> {
	const { t } = await translator(lang);
	const instant = new Date(start);
	return t('booking:time.option', {
		date: localDateInWords(localDate(instant)),
		time: timeInWords(instant),
		count: available
	});
}

/** The page's locale; the route's matcher already refused anything else. */
export function locale(lang: string): Locale {
	return isLocale(lang) ? lang : 'es';
}
