import type { LayoutLoad } from './$types';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';

export const load: LayoutLoad = async ({ params }) => {
	const lang = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
	return { lang, i18n: await translator(lang) };
};
