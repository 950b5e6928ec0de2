import { fail, redirect } from '@sveltejs/kit';
import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import { normaliseReference } from '$lib/domain/slots';
import { translator } from '$lib/i18n/translator';
import { appointments } from '$lib/server/appointments';
import { database } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { accessCookie, locale } from '$lib/server/web/booking-journey';
import { refusal } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * The page of the emailed link that confirms a held booking. Opening it confirms nothing (mail
 * scanners open links); the person presses «Confirmar mi cita». The key stays out of caches.
 */
export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const key = (url.searchParams.get('clave') ?? '').slice(0, 100);
	const reference = normaliseReference(params.reference);
	const found = await appointments
		.byConfirmToken(await database(), reference, key)
		.catch((error: unknown) => {
			if (isDomainError(error, 'APPOINTMENT_NOT_FOUND')) return undefined;
			throw error;
		});
	if (!found) return { found: false as const };
	return {
		found: true as const,
		key,
		reference: found.reference,
		status: found.status,
		topic: found.topic,
		date: dateInWords(found.start),
		time: timeInWords(found.start),
		deadline: found.holdExpiresAt ? timeInWords(found.holdExpiresAt) : null
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, getClientAddress }) => {
		const lang = locale(params.lang);
		const { t } = await translator(lang);
		const key = String((await request.formData()).get('clave') ?? '').slice(0, 100);
		let confirmed;
		try {
			confirmed = await appointments.confirm(
				await database(),
				normaliseReference(params.reference),
				key,
				getClientAddress()
			);
		} catch (error) {
			const refused = refusal(error, t, 'form');
			return fail(refused.status, { errors: { form: refused.message }, code: refused.code });
		}
		accessCookie.grant(cookies, confirmed.reference);
		redirect(303, `/${lang}/citas/cita/${confirmed.reference}?confirmada=1`);
	}
};
