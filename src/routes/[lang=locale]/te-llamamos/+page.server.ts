import { entityCalendar } from '$lib/content/non-working-days';
import { randomUUID } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { entity } from '$lib/config/entity';
import { callbackDays, callbackWindows, windowIsOpen } from '$lib/domain/callback-windows';
import { localDate } from '$lib/domain/calendar';
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { clock } from '$lib/server/clock';
import { database } from '$lib/server/db';
import { CALLBACK_TOPICS, callbackSchema, callbacks } from '$lib/server/engagement/callbacks';
import { failWith, isFormFailure, parseForm } from '$lib/server/web/forms';

export const load: PageServerLoad = () => {
	const now = clock.now();
	const today = localDate(now);
	return {
		days: callbackDays(entity.officeHours, now, 5, entityCalendar.closed()),
		today,
		// Today's windows already over: the page hides them while today is the chosen day.
		windows: callbackWindows(entity.officeHours).map((window) => ({
			...window,
			overToday: !windowIsOpen(today, window, now)
		})),
		topics: [...CALLBACK_TOPICS],
		// A resent form (double click, reload, retry after a lost answer) carries the same key.
		idempotencyKey: randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const { t } = await translator(params.lang as Locale);
		const form = await parseForm(request, callbackSchema(), t);
		if (isFormFailure(form)) return form;
		const key = typeof form.values.idempotencyKey === 'string' ? form.values.idempotencyKey : null;
		try {
			return { receipt: await callbacks.request(await database(), form.data, key) };
		} catch (error) {
			return failWith(error, t, { field: 'form', values: form.values, keyField: 'idempotencyKey' });
		}
	}
};
