import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { entity } from '$lib/config/entity';
import { bookingSchema } from '$lib/domain/appointments';
import { dateInWords, timeInWords } from '$lib/domain/dates-in-words';
import { translator } from '$lib/i18n/translator';
import { appointments } from '$lib/server/appointments';
import { database } from '$lib/server/db';
import { accessCookie, answers } from '$lib/server/web/booking-journey';
import { requireAnswers, stepPath, locale } from '$lib/server/web/booking-journey';
import { refusal } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, params }) => {
	const current = requireAnswers(cookies, locale(params.lang), 'revisar');
	const start = new Date(current.start!);
	return {
		answers: current,
		when: `${dateInWords(start)}, ${timeInWords(start)}`,
		policyUrl: `/${locale(params.lang)}/privacidad`,
		holdMinutes: entity.limits.booking.holdMinutes,
		// One key per visit of this page: a double click or a resent form books only once.
		attempt: randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, params, getClientAddress }) => {
		const current = requireAnswers(cookies, locale(params.lang), 'revisar');
		const { t } = await translator(locale(params.lang));
		const form = await request.formData();
		if (form.get('consent') !== 'yes') {
			return fail(400, { errors: { consent: t('booking:errors.consent') } });
		}
		const parsed = bookingSchema.safeParse({ ...current, consent: true });
		if (!parsed.success) redirect(303, stepPath(locale(params.lang), 'tema'));
		let booked;
		try {
			booked = await appointments.book(await database(), parsed.data, {
				locale: locale(params.lang),
				idempotencyKey: String(form.get('attempt') ?? '') || null,
				client: getClientAddress()
			});
		} catch (error) {
			const refused = refusal(error, t, 'consent');
			if (refused.nearest) {
				// The time was taken meanwhile: choose again among the nearest free ones.
				answers.save(cookies, { ...current, start: undefined, nearest: refused.nearest });
				redirect(303, stepPath(locale(params.lang), refused.nearest.length ? 'hora' : 'dia'));
			}
			return fail(refused.status, { errors: { [refused.field]: refused.message } });
		}
		answers.clear(cookies);
		accessCookie.grant(cookies, booked.reference);
		const token = encodeURIComponent(booked.manageToken);
		redirect(303, `/${locale(params.lang)}/citas/cita/${booked.reference}?token=${token}&nueva=1`);
	}
};
