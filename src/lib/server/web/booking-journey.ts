import { redirect, type Cookies } from '@sveltejs/kit';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { TOPICS } from '$lib/domain/appointments';
import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import { timesByDay } from '$lib/domain/slots';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { seal, sign, unsealBytes, verify } from '../crypto';

/**
 * The answers of the booking journey travel in a sealed (encrypted and authenticated) HttpOnly
 * cookie: the pages work without JavaScript and without server-side drafts, the browser cannot
 * alter what it carries, and nobody who gets hold of the cookie can read the name, document,
 * email, phone or description in it.
 */
export interface Answers {
	topic?: string;
	day?: string;
	start?: string;
	name?: string;
	documentType?: string;
	documentNumber?: string;
	email?: string;
	phone?: string;
	description?: string;
	callLanguage?: string;
	accessibilityNeeds?: string;
	preferential?: string[];
	/** The free starts nearest to one that was taken while the person was booking it. */
	nearest?: string[];
}

const ANSWERS = 'citas_respuestas';
const ACCESS = 'citas_acceso';
/** What outlives the answers for a day: topic, day and time, nothing personal (see `kept`). */
const KEPT = 'citas_recorrido';
const HOUR = 60 * 60;

// Browsers keep cookies up to 4 KB; leave room for the name and attributes.
const MAX_COOKIE = 3800;

// SvelteKit marks cookies Secure except on http://localhost.
function options(maxAge: number) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, maxAge };
}

export const answers = {
	read(cookies: Cookies): Answers {
		const sealed = cookies.get(ANSWERS);
		if (!sealed) return {};
		try {
			return JSON.parse(inflateRawSync(unsealBytes(ANSWERS, sealed)).toString('utf8'));
		} catch {
			// Altered, sealed under another secret, or the signed cookie of an earlier version.
			return {};
		}
	},
	/** Keeps the answers; false when they are too long for a cookie, so the page can say so. */
	save(cookies: Cookies, next: Answers): boolean {
		const value = seal(ANSWERS, deflateRawSync(JSON.stringify(next)));
		if (value.length > MAX_COOKIE) return false;
		cookies.set(ANSWERS, value, options(2 * HOUR));
		const { topic, day, start } = next;
		cookies.set(KEPT, sign({ topic, day, start }), options(24 * HOUR));
		return true;
	},
	clear(cookies: Cookies): void {
		cookies.delete(ANSWERS, { path: '/' });
		cookies.delete(KEPT, { path: '/' });
	}
};

/**
 * When the answers lapse (their cookie lasts 2 hours, for the personal data in it), the topic,
 * day and time are kept a day longer, so a person who comes back has only their details to type.
 */
function kept(cookies: Cookies): Answers {
	const value = verify<Answers>(cookies.get(KEPT));
	return value?.topic ? { topic: value.topic, day: value.day, start: value.start } : {};
}

/** The query a step is sent to after the answers lapsed: the page says what happened. */
export const LAPSED = 'sesion=vencida';

/**
 * After the manage link or the reference and document form, this browser may manage that
 * appointment for a while without carrying the token in every address.
 */
export const accessCookie = {
	grant(cookies: Cookies, reference: string): void {
		cookies.set(
			ACCESS,
			sign({ reference, until: Date.now() + 2 * HOUR * 1000 }),
			options(2 * HOUR)
		);
	},
	allows(cookies: Cookies, reference: string): boolean {
		const value = verify<{ reference: string; until: number }>(cookies.get(ACCESS));
		return !!value && value.reference === reference && value.until > Date.now();
	}
};

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
	['datos', (a) => !!a.name && !!a.documentNumber && (!!a.email || !!a.phone)],
	['ajustes', (a) => !!a.callLanguage]
];

/**
 * The answers a step needs; a missing one sends the person back to its step. When the answers
 * lapsed, what was kept is restored and the person is sent, with LAPSED, to the first step
 * still to answer (the start when nothing was kept), so the page says what happened.
 */
export function requireAnswers(cookies: Cookies, lang: Locale, step: Step): Answers {
	let current = answers.read(cookies);
	const lapsed = !current.topic;
	if (lapsed) {
		current = kept(cookies);
		if (current.topic) answers.save(cookies, current);
	}
	for (const [earlier, done] of NEEDS) {
		if (earlier === step) break;
		if (!done(current)) redirect(303, `${stepPath(lang, earlier)}${lapsed ? `?${LAPSED}` : ''}`);
	}
	if (lapsed) redirect(303, `${stepPath(lang, step)}?${LAPSED}`);
	return current;
}

/**
 * Free times as the time question shows them: by day, then morning and afternoon, each choice
 * only "9:00 a. m. — quedan 2 cupos" (the day is said once, in its group).
 */
export async function timeChoices(lang: Locale, slots: { start: string; available: number }[]) {
	const { t } = await translator(lang);
	return timesByDay(slots).map((day) => ({
		day: dateInWords(day.date),
		parts: day.parts.map((group) => ({
			label: t(`booking:time.parts.${group.part}`),
			options: group.times.map((slot) => ({
				value: slot.start,
				label: t('booking:time.choice', {
					time: timeInWords(new Date(slot.start)),
					count: slot.available
				})
			}))
		}))
	}));
}

/** The page's locale; the route's matcher already refused anything else. */
export function locale(lang: string): Locale {
	return isLocale(lang) ? lang : 'es';
}
