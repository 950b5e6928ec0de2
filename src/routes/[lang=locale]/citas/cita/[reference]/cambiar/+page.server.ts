import { fail, redirect } from '@sveltejs/kit';
import { dateInWords } from '$lib/domain/dates-in-words';
import { translator } from '$lib/i18n/translator';
import { appointments } from '$lib/server/appointments';
import { managed } from '$lib/server/web/appointment-access';
import { timeChoices, locale } from '$lib/server/web/booking-journey';
import { database } from '$lib/server/db';
import { refusal } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, params, url }) => {
	const found = await managed(cookies, locale(params.lang), params.reference, null);
	if (!appointments.changeable(found))
		redirect(303, `/${locale(params.lang)}/citas/cita/${found.reference}`);
	const days = await appointments.freeDays(await database());
	const asked = url.searchParams.get('dia');
	const day = days.find((d) => d.date === asked);
	const { t } = await translator(locale(params.lang));
	return {
		reference: found.reference,
		days: days.map((d) => ({
			value: d.date,
			label: dateInWords(d.date),
			hint: t('booking:day.places', { count: d.slots.length })
		})),
		day: day?.date,
		dayError: asked !== null && !day ? t('booking:errors.day') : undefined,
		times: day ? await timeChoices(locale(params.lang), day.slots) : []
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, params }) => {
		const found = await managed(cookies, locale(params.lang), params.reference, null);
		const { t } = await translator(locale(params.lang));
		const page = `/${locale(params.lang)}/citas/cita/${found.reference}`;
		const start = String((await request.formData()).get('start') ?? '');
		if (!start) return fail(400, { errors: { start: t('booking:errors.start') }, nearest: [] });
		const db = await database();
		try {
			await appointments.reschedule(db, found.reference, start);
		} catch (error) {
			const refused = refusal(error, t, 'start');
			// Already cancelled or past: the appointment's page says which.
			if (!refused.nearest) redirect(303, page);
			const free = new Map(
				(await appointments.freeDays(db)).flatMap((d) => d.slots.map((s) => [s.start, s.available]))
			);
			const nearest = refused.nearest
				.filter((s) => free.has(s))
				.map((s) => ({ start: s, available: free.get(s)! }));
			return fail(refused.status, {
				errors: { [refused.field]: refused.message },
				nearest: await timeChoices(locale(params.lang), nearest)
			});
		}
		redirect(303, `${page}?cambiada=1`);
	}
};
