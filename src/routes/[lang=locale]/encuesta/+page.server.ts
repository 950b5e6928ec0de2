import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { surveySchema, surveys } from '$lib/server/engagement/surveys';
import { isFormFailure, parseForm } from '$lib/server/web/forms';
import { isDomainError } from '$lib/server/errors';

export const actions: Actions = {
	default: async ({ request, params }) => {
		const lang = params.lang as Locale;
		const { t } = await translator(lang);
		const form = await parseForm(request, surveySchema, t);
		if (isFormFailure(form)) return form;
		try {
			await surveys.answer(await database(), form.data, lang);
		} catch (error) {
			if (isDomainError(error, 'ALREADY_ANSWERED')) {
				return fail(409, { already: true });
			}
			throw error;
		}
		return { sent: true };
	}
};
