import type { PageServerLoad } from './$types';
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { charterView } from '$lib/server/content';

export const load: PageServerLoad = async ({ params }) => {
	const lang = params.lang as Locale;
	return { charter: charterView(lang, await translator(lang)) };
};
