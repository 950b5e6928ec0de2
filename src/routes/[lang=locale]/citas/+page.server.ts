import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { TOPICS, topicSchema } from '$lib/domain/appointments';
import { answers } from '$lib/server/web/booking-journey';
import { stepPath, locale } from '$lib/server/web/booking-journey';
import { parseForm } from '$lib/server/web/forms';
import { translator } from '$lib/i18n/translator';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, url }) => {
	const asked = url.searchParams.get('tema');
	const preselected = (TOPICS as readonly string[]).includes(asked ?? '') ? asked : undefined;
	return { topics: TOPICS, topic: preselected ?? answers.read(cookies).topic ?? '' };
};

export const actions: Actions = {
	default: async ({ request, cookies, params }) => {
		const { t } = await translator(locale(params.lang));
		const result = await parseForm(request, z.object({ topic: topicSchema }), t);
		if (!('values' in result)) return result;
		answers.save(cookies, { ...answers.read(cookies), topic: result.data.topic });
		redirect(303, stepPath(locale(params.lang), 'dia'));
	}
};
