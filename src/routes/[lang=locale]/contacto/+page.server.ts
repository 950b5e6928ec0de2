import type { PageServerLoad } from './$types';
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { clock } from '$lib/server/clock';
import { channelsView } from '$lib/server/content';

export const load: PageServerLoad = async ({ params }) => {
	const lang = params.lang as Locale;
	return { channels: channelsView(lang, clock.now(), await translator(lang)) };
};
