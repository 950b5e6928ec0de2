import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import { answers, LAPSED } from '$lib/server/web/booking-journey';
import type { LayoutServerLoad } from './$types';

/** After the answers lapsed, the step says so and what was kept (see requireAnswers). */
export const load: LayoutServerLoad = ({ cookies, url }) => {
	if (url.search !== `?${LAPSED}`) return { lapsed: null };
	const { start } = answers.read(cookies);
	const at = start ? new Date(start) : null;
	return { lapsed: { when: at ? `${dateInWords(at)}, ${timeInWords(at)}` : null } };
};
