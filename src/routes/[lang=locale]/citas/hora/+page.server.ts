import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { translator } from '$lib/i18n/translator';
import { appointments } from '$lib/server/appointments';
import { database } from '$lib/server/db';
import { answers, type Answers } from '$lib/server/web/booking-journey';
import { requireAnswers, timeChoices, stepPath, locale } from '$lib/server/web/booking-journey';
import { parseForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

/** The day's free times, or the nearest free times after the chosen one was taken. */
async function offered(current: Answers): Promise<{ start: string; available: number }[]> {
	const days = await appointments.freeDays(await database());
	const free = new Map(
		days.flatMap((day) => day.slots.map((slot) => [slot.start, slot.available]))
	);
	const starts = current.nearest?.length
		? current.nearest.filter((start) => free.has(start))
		: (days.find((day) => day.date === current.day)?.slots.map((slot) => slot.start) ?? []);
	return starts.map((start) => ({ start, available: free.get(start) ?? 0 }));
}

export const load: PageServerLoad = async ({ cookies, params }) => {
	const current = requireAnswers(cookies, locale(params.lang), 'hora');
	return {
		start: current.start ?? '',
		taken: !!current.nearest?.length,
		days: await timeChoices(locale(params.lang), await offered(current))
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, params }) => {
		const current = requireAnswers(cookies, locale(params.lang), 'hora');
		const { t } = await translator(locale(params.lang));
		const starts = (await offered(current)).map((slot) => slot.start);
		const schema = z.object({
			start: z.string({ error: 'booking:errors.start' }).refine((start) => starts.includes(start), {
				error: 'booking:errors.start'
			})
		});
		const result = await parseForm(request, schema, t);
		if (!('values' in result)) return result;
		const rest = { ...current, nearest: undefined };
		answers.save(cookies, {
			...rest,
			start: result.data.start,
			day: result.data.start.slice(0, 10)
		});
		redirect(303, stepPath(locale(params.lang), current.name ? 'revisar' : 'datos'));
	}
};
