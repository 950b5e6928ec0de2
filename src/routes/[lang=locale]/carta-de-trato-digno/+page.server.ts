import type { PageServerLoad } from './$types';
import { localDate } from '$lib/domain/local-time';
import { clock } from '$lib/server/clock';
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { charterView } from '$lib/server/content';

export const load: PageServerLoad = async ({ params, url }) => {
	const lang = params.lang as Locale;
	return {
		charter: charterView(lang, await translator(lang), {
			today: localDate(clock.now()),
			version: url.searchParams.get('version') ?? undefined
		})
	};
};
