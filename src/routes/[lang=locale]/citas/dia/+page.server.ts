import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localDateInWords } from '$lib/domain/appointments';
import { translator } from '$lib/i18n/translator';
import { answers } from '$lib/server/appointments/flow';
import { freeDays, requireAnswers, stepPath, locale } from '$lib/server/appointments/pages';
import { parseForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, params }) => {
	const current = requireAnswers(cookies, locale(params.lang), 'dia');
	const days = await freeDays();
	return {
		day: current.day ?? '',
		days: days.map((day) => ({
			date: day.date,
			words: localDateInWords(day.date),
			free: day.slots.length
		}))
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, params }) => {
		requireAnswers(cookies, locale(params.lang), 'dia');
		const { t } = await translator(locale(params.lang));
		const dates = (await freeDays()).map((day) => day.date);
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
