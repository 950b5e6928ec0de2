import type { LayoutServerLoad } from './$types';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n/locales';
import { routeNamespaces } from '$lib/i18n/route-namespaces';
import { bundles } from '$lib/i18n/translator';

// Only the strings the page's script can show travel to the browser, never all of them.
export const load: LayoutServerLoad = async ({ params, route }) => {
	const lang = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
	return { lang, strings: await bundles(lang, routeNamespaces(route.id)) };
};
