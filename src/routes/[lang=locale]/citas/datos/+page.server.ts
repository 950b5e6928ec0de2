import { fail, redirect } from '@sveltejs/kit';
import { DOCUMENT_TYPES, detailsSchema } from '$lib/domain/appointments';
import { formatPhone } from '$lib/domain/phone-format';
import { translator } from '$lib/i18n/translator';
import { answers } from '$lib/server/web/booking-journey';
import { requireAnswers, stepPath, locale } from '$lib/server/web/booking-journey';
import { parseForm, refusal } from '$lib/server/web/forms';
import { appointments } from '$lib/server/appointments';
import { database } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, params }) => {
	const current = requireAnswers(cookies, locale(params.lang), 'datos');
	return {
		documentTypes: DOCUMENT_TYPES,
		values: {
			name: current.name ?? '',
			documentType: current.documentType ?? '',
			documentNumber: current.documentNumber ?? '',
			email: current.email ?? '',
			phone: current.phone ? formatPhone(current.phone) : '',
			description: current.description ?? ''
		}
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, params }) => {
		const current = requireAnswers(cookies, locale(params.lang), 'datos');
		const { t } = await translator(locale(params.lang));
		const result = await parseForm(request, detailsSchema, t);
		if (!('values' in result)) return result;
		// The limit of pending appointments is said here, where the document is typed.
		try {
			await appointments.checkLimit(await database(), result.data);
		} catch (error) {
			const refused = refusal(error, t, 'documentNumber');
			const mine = isDomainError(error)
				? ((error.details.extra?.mine ?? []) as { reference: string; start: string }[])
				: [];
			return fail(refused.status, {
				values: result.values,
				errors: { [refused.field]: refused.message },
				pending: mine.map(({ reference, start }) => ({
					reference,
					date: dateInWords(new Date(start)),
					time: timeInWords(new Date(start))
				}))
			});
		}
		if (!answers.save(cookies, { ...current, ...result.data })) {
			const tooLong = t('booking:errors.tooLong');
			return fail(400, { values: result.values, errors: { description: tooLong } });
		}
		redirect(303, stepPath(locale(params.lang), current.callLanguage ? 'revisar' : 'ajustes'));
	}
};
