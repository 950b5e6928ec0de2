import { fail, redirect } from '@sveltejs/kit';
import { localDateInWords } from '$lib/domain/appointments';
import { translator } from '$lib/i18n/translator';
import { appointments } from '$lib/server/appointments';
import { managed } from '$lib/server/appointments/manage';
import { freeDays, slotLabel, locale } from '$lib/server/appointments/pages';
import { database } from '$lib/server/db';
import { Problem } from '$lib/server/http/problem';
import type { Locale } from '$lib/i18n/locales';
import type { Actions, PageServerLoad } from './$types';

async function options(lang: Locale, starts: { start: string; available: number }[]) {
	return Promise.all(
		starts.map(async (slot) => ({
			value: slot.start,
			label: await slotLabel(lang, slot.start, slot.available)
		}))
	);
}

export const load: PageServerLoad = async ({ cookies, params, url }) => {
	const found = await managed(cookies, locale(params.lang), params.reference, null);
	if (!appointments.changeable(found))
		redirect(303, `/${locale(params.lang)}/citas/cita/${found.reference}`);
	const days = await freeDays();
	const asked = url.searchParams.get('dia');
	const day = days.find((d) => d.date === asked);
	const { t } = await translator(locale(params.lang));
	return {
		reference: found.reference,
		days: days.map((d) => ({
			value: d.date,
			label: localDateInWords(d.date),
			hint: t('booking:day.places', { count: d.slots.length })
		})),
		day: day?.date,
		dayError: asked !== null && !day ? t('booking:errors.day') : undefined,
		times: day ? await options(locale(params.lang), day.slots) : []
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, params }) => {
		const found = await managed(cookies, locale(params.lang), params.reference, null);
		const { t } = await translator(locale(params.lang));
		const start = String((await request.formData()).get('start') ?? '');
		if (!start) return fail(400, { errors: { start: t('booking:errors.start') }, nearest: [] });
		try {
			await appointments.reschedule(await database(), found.reference, start);
		} catch (error) {
			if (!(error instanceof Problem)) throw error;
			if (error.code === 'SLOT_UNAVAILABLE' || error.code === 'SLOT_NOT_OFFERED') {
				const free = new Map(
					(await freeDays()).flatMap((d) => d.slots.map((s) => [s.start, s.available]))
				);
				const nearest = ((error.options.extra?.nearest as string[] | undefined) ?? [])
					.filter((s) => free.has(s))
					.map((s) => ({ start: s, available: free.get(s)! }));
				return fail(409, {
					errors: { start: t('booking:time.taken') },
					nearest: await options(locale(params.lang), nearest)
				});
			}
			redirect(303, `/${locale(params.lang)}/citas/cita/${found.reference}`);
		}
		redirect(303, `/${locale(params.lang)}/citas/cita/${found.reference}?cambiada=1`);
	}
};
