import { locale } from '$lib/server/web/booking-journey';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { isReference, normaliseReference } from '$lib/domain/slots';
import { translator } from '$lib/i18n/translator';
import { appointments } from '$lib/server/appointments';
import { accessCookie } from '$lib/server/web/booking-journey';
import { database } from '$lib/server/db';
import { parseForm } from '$lib/server/web/forms';
import { rateLimit } from '$lib/server/rate-limit';
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

// Failed look-ups per client: enough for typos, too few to guess references.
const LIMIT = { max: 10, windowSeconds: 15 * 60 };

export const load: PageServerLoad = async ({ url }) => ({
	reference: url.searchParams.get('ref') ?? ''
});

export const actions: Actions = {
	default: async ({ request, cookies, params, getClientAddress }) => {
		const { t } = await translator(locale(params.lang));
		const result = await parseForm(request, schema, t);
		if (!('values' in result)) return result;
		const db = await database();
		const tooMany = t('booking:errors.tooMany');
		const notFound = t('booking:errors.notFound');
		const bucket = `appointments:lookup:${getClientAddress()}`;
		// Count first and give back what should not count, so parallel guesses cannot all pass.
		const hit = await rateLimit.hit(db, bucket, LIMIT);
		if (!hit.allowed) {
			await rateLimit.refund(db, hit);
			return fail(429, {
				values: result.values,
				errors: { reference: tooMany }
			});
		}
		const found = await appointments
			.openByDocument(db, result.data.reference, result.data.documentNumber)
			.catch(() => undefined);
		if (!found) {
			return fail(404, {
				values: result.values,
				errors: { reference: notFound }
			});
		}
		await rateLimit.refund(db, hit);
		accessCookie.grant(cookies, found.reference);
		redirect(303, `/${locale(params.lang)}/citas/cita/${found.reference}`);
	}
};
