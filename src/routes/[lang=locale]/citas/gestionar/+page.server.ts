import { locale } from '$lib/server/web/booking-journey';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { isReference, normaliseReference } from '$lib/domain/slots';
import { translator } from '$lib/i18n/translator';
import { appointments } from '$lib/server/appointments';
import { accessCookie } from '$lib/server/web/booking-journey';
import { database } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { failWith, parseForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	reference: z
		.string({ error: 'booking:errors.reference' })
		.transform(normaliseReference)
		.refine(isReference, { error: 'booking:errors.reference' }),
	documentNumber: z
		.string({ error: 'booking:errors.documentNumber' })
		.trim()
		.min(3, { error: 'booking:errors.documentNumber' })
		.max(30, { error: 'booking:errors.documentNumber' })
});

export const load: PageServerLoad = async ({ url }) => ({
	reference: url.searchParams.get('ref') ?? ''
});

export const actions: Actions = {
	default: async ({ request, cookies, params, getClientAddress }) => {
		const { t } = await translator(locale(params.lang));
		const result = await parseForm(request, schema, t);
		if (!('values' in result)) return result;
		let found;
		try {
			found = await appointments.openByDocument(
				await database(),
				result.data.reference,
				result.data.documentNumber,
				getClientAddress()
			);
		} catch (caught) {
			if (isDomainError(caught, 'APPOINTMENT_NOT_FOUND')) {
				return fail(404, {
					values: result.values,
					errors: { reference: t('booking:errors.notFound') }
				});
			}
			return failWith(caught, t, { field: 'reference', values: result.values });
		}
		accessCookie.grant(cookies, found.reference);
		redirect(303, `/${locale(params.lang)}/citas/cita/${found.reference}`);
	}
};
