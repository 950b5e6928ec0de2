import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { serviceView } from '$lib/server/content';

export const load: PageServerLoad = async ({ params }) => {
	const lang = params.lang as Locale;
	const service = serviceView(lang, params.slug, await translator(lang));
	if (!service) error(404, 'Not found');
	return { service };
};
