import type { PageServerLoad } from './$types';
import { SEGMENTS, type Segment } from '$lib/content/services';
import type { Locale } from '$lib/i18n/locales';
import { servicesView } from '$lib/server/content';

const isSegment = (value: string | null): value is Segment =>
	(SEGMENTS as readonly (string | null)[]).includes(value);

export const load: PageServerLoad = async ({ params, url }) => {
	const lang = params.lang as Locale;
	// Whatever a person types is a search, never an error: an unknown segment means "for everyone".
	const q = (url.searchParams.get('q') ?? '').slice(0, 200);
	const segment = url.searchParams.get('segment');
	return {
		searched: url.searchParams.has('q') || url.searchParams.has('segment'),
		services: servicesView(lang, { q, segment: isSegment(segment) ? segment : undefined })
	};
};
