import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { dateInWords } from '$lib/domain/dates-in-words';
import { translator } from '$lib/i18n/translator';
import { appointments } from '$lib/server/appointments';
import { database } from '$lib/server/db';
import { answers } from '$lib/server/web/booking-journey';
import { requireAnswers, stepPath, locale } from '$lib/server/web/booking-journey';
import { parseForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, params }) => {
	const current = requireAnswers(cookies, locale(params.lang), 'dia');
	const days = await appointments.freeDays(await database());
	return {
		day: current.day ?? '',
		days: days.map((day) => ({
			date: day.date,
			words: dateInWords(day.date),
			free: day.slots.length
		}))
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, params }) => {
		requireAnswers(cookies, locale(params.lang), 'dia');
		const { t } = await translator(locale(params.lang));
		const dates = (await appointments.freeDays(await database())).map((day) => day.date);
		const schema = z.object({
			day: z.string({ error: 'booking:errors.day' }).refine((day) => dates.includes(day), {
				error: 'booking:errors.day'
			})
		});
		const result = await parseForm(request, schema, t);
		if (!('values' in result)) return result;
		answers.save(cookies, {
			...answers.read(cookies),
			day: result.data.day,
			start: undefined,
			nearest: undefined
		});
		redirect(303, stepPath(locale(params.lang), 'hora'));
	}
};
