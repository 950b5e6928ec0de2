import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { bookingSchema, dateInWords, timeInWords } from '$lib/domain/appointments';
import { entity } from '$lib/config/entity';
import { translator } from '$lib/i18n/translator';
import { appointments } from '$lib/server/appointments';
import { accessCookie, answers } from '$lib/server/appointments/flow';
import { requireAnswers, stepPath, locale } from '$lib/server/appointments/pages';
import { database } from '$lib/server/db';
import { Problem } from '$lib/server/http/problem';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, params }) => {
	const current = requireAnswers(cookies, locale(params.lang), 'revisar');
	const start = new Date(current.start!);
	return {
		answers: current,
		when: `${dateInWords(start)}, ${timeInWords(start)}`,
		policyUrl: `/${locale(params.lang)}/privacidad`,
		// One key per visit of this page: a double click or a resent form books only once.
		attempt: randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, params }) => {
		const current = requireAnswers(cookies, locale(params.lang), 'revisar');
		const { t } = await translator(locale(params.lang));
		const form = await request.formData();
		if (form.get('consent') !== 'yes') {
			return fail(400, { errors: { consent: t('booking:errors.consent') } });
		}
		const parsed = bookingSchema.safeParse({ ...current, consent: true });
		if (!parsed.success) redirect(303, stepPath(locale(params.lang), 'tema'));
		try {
			const booked = await appointments.book(await database(), parsed.data, {
				locale: locale(params.lang),
				idempotencyKey: String(form.get('attempt') ?? '') || null
			});
			answers.clear(cookies);
			accessCookie.grant(cookies, booked.reference);
			const token = encodeURIComponent(booked.manageToken);
			redirect(
				303,
				`/${locale(params.lang)}/citas/cita/${booked.reference}?token=${token}&nueva=1`
			);
		} catch (error) {
			if (!(error instanceof Problem)) throw error;
			if (error.code === 'SLOT_UNAVAILABLE' || error.code === 'SLOT_NOT_OFFERED') {
				const nearest = (error.options.extra?.nearest as string[] | undefined) ?? [];
				const rest = { ...current, start: undefined };
				answers.save(cookies, { ...rest, nearest });
				redirect(303, stepPath(locale(params.lang), nearest.length ? 'hora' : 'dia'));
			}
			if (error.code === 'TOO_MANY_APPOINTMENTS') {
				return fail(422, {
					errors: {
						documentNumber: t('booking:problems.TOO_MANY_APPOINTMENTS.detail', {
							max: entity.appointments.maxFutureAppointmentsPerPerson
						})
					}
				});
			}
			throw error;
		}
	}
};
