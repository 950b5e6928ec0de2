import { fail, redirect } from '@sveltejs/kit';
import { adjustmentsSchema, CALL_LANGUAGES, PREFERENTIAL } from '$lib/domain/appointments';
import { translator } from '$lib/i18n/translator';
import { answers } from '$lib/server/web/booking-journey';
import { requireAnswers, stepPath, locale } from '$lib/server/web/booking-journey';
import { asList, parseForm } from '$lib/server/web/forms';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const formSchema = z.preprocess(
	(values) => ({
		...(values as object),
		preferential: asList((values as Record<string, unknown>).preferential)
	}),
	adjustmentsSchema
);

export const load: PageServerLoad = async ({ cookies, params }) => {
	const current = requireAnswers(cookies, locale(params.lang), 'ajustes');
	return {
		languages: CALL_LANGUAGES,
		categories: PREFERENTIAL,
		values: {
			callLanguage: current.callLanguage ?? locale(params.lang),
			accessibilityNeeds: current.accessibilityNeeds ?? '',
			preferential: current.preferential ?? []
		}
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, params }) => {
		const current = requireAnswers(cookies, locale(params.lang), 'ajustes');
		const { t } = await translator(locale(params.lang));
		const result = await parseForm(request, formSchema, t);
		if (!('values' in result)) return result;
		if (!answers.save(cookies, { ...current, ...result.data })) {
			const tooLong = t('booking:errors.tooLong');
			return fail(400, { values: result.values, errors: { accessibilityNeeds: tooLong } });
		}
		redirect(303, stepPath(locale(params.lang), 'revisar'));
	}
};
