// A relative import, so the journeys in tests/e2e can read the same list.
import { services } from '../content/services';
import { LOCALES, type Locale } from '../i18n/locales';

/** The page shown when a page that needs the network is opened without one. */
export const OFFLINE_PATH = '/sin-conexion';

/**
 * The one list of pages the service worker keeps on the device, per language ('' is the home page).
 * Every path must answer 200: a missing page makes the service worker's installation fail.
 */
export const OFFLINE_PAGES = [
	'',
	'/carta-de-trato-digno',
	'/servicios',
	'/glosario',
	'/mis-tramites',
	// How to reach the entity, with its hours; "open now" is worked out on the phone.
	'/contacto',
	// The petition form: one written without signal is kept as a draft and sent later.
	'/pqrsd',
	OFFLINE_PATH,
	'/manifest.webmanifest'
] as const;

/** The pages of one language, as absolute paths (`/es`, `/es/servicios`…). */
export function precachedPages(lang: Locale): string[] {
	// Every service page too: the portfolio must be readable without signal.
	const servicePages = services.map((service) => `/servicios/${service.slug}`);
	return [...OFFLINE_PAGES, ...servicePages].map((path) => `/${lang}${path}`);
}

/** The pages of every language. */
export function allPrecachedPages(): string[] {
	return LOCALES.flatMap(precachedPages);
}

/** The offline page in the language of a path (`/guc/citas` → `/guc/sin-conexion`). */
export function offlinePageFor(pathname: string): string {
	const first = pathname.split('/')[1];
	const lang = LOCALES.find((locale) => locale === first) ?? LOCALES[0];
	return `/${lang}${OFFLINE_PATH}`;
}
