import { locale } from '$lib/server/web/booking-journey';
import { redirect } from '@sveltejs/kit';
import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import { appointments } from '$lib/server/appointments';
import { managed } from '$lib/server/web/appointment-access';
import { database } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, params }) => {
	const found = await managed(cookies, locale(params.lang), params.reference, null);
	return {
		reference: found.reference,
		date: dateInWords(found.start),
		time: timeInWords(found.start)
	};
};

export const actions: Actions = {
	default: async ({ cookies, params }) => {
		const found = await managed(cookies, locale(params.lang), params.reference, null);
		const page = `/${locale(params.lang)}/citas/cita/${found.reference}`;
		try {
			await appointments.cancel(await database(), found.reference);
		} catch (error) {
			// Already cancelled or already past: the appointment's page says which.
			if (isDomainError(error)) redirect(303, page);
			throw error;
		}
		redirect(303, `${page}?cancelada=1`);
	}
};
