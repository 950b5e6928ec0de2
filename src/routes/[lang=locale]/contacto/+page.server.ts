import type { PageServerLoad } from './$types';
import type { Locale } from '$lib/i18n/locales';
import { entityCalendar } from '$lib/content/non-working-days';
import { holidaysOf, localDate } from '$lib/domain/calendar';
import { translator } from '$lib/i18n/translator';
import { clock } from '$lib/server/clock';
import { channelsView } from '$lib/server/content';

export const load: PageServerLoad = async ({ params }) => {
	const lang = params.lang as Locale;
	// To the minute, as the page says it: a rendering is kept for the minute it speaks of.
	const now = new Date(Math.floor(clock.now().getTime() / 60_000) * 60_000);
	const year = Number(localDate(now).slice(0, 4));
	return {
		channels: channelsView(lang, now, await translator(lang)),
		// The phone works out "open now" on the kept copy of this page, for a year or more.
		// Its closures count as holidays there: channels closed on holidays are closed then too.
		holidays: [...[year, year + 1].flatMap(holidaysOf), ...entityCalendar.closed()].sort()
	};
};
