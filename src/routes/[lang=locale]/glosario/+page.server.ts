import type { PageServerLoad } from './$types';
import type { Locale } from '$lib/i18n/locales';
import { glossaryView } from '$lib/server/content';

export const load: PageServerLoad = async ({ params }) => ({
	glossary: glossaryView(params.lang as Locale)
});
