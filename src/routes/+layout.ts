import type { LayoutLoad } from './$types';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';

// Every page renders on the server only: no page loads the framework's client runtime, and the
// translations stay on the server. What a page's script adds comes from $lib/scripts, loaded by
// the components that need it.
export const csr = false;

export const load: LayoutLoad = async ({ params }) => {
	const lang = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
	return { lang, i18n: await translator(lang) };
};
