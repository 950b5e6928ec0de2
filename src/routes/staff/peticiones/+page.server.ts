import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { failWith, isFormFailure, parseForm } from '$lib/server/web/forms';
import { eventSchema, radicados, STAFF_EVENT_KINDS } from '$lib/server/radicados';
import { signedIn } from '$lib/server/web/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	signedIn(locals, url);
	const typed = url.searchParams.get('numero')?.trim() ?? '';
	if (!typed) return { typed, petition: null, notFound: false, kinds: [...STAFF_EVENT_KINDS] };
	try {
		const petition = await radicados.forStaff(await database(), typed);
		return { typed, petition, notFound: false, kinds: [...STAFF_EVENT_KINDS] };
	} catch (caught) {
		if (isDomainError(caught, 'NOT_FOUND')) {
			return { typed, petition: null, notFound: true, kinds: [...STAFF_EVENT_KINDS] };
		}
		throw caught;
	}
};

export const actions: Actions = {
	event: async ({ locals, url, request }) => {
		const user = signedIn(locals, url);
		const { t } = await translator('es');
		const form = await parseForm(request, eventSchema, t);
		if (isFormFailure(form)) return form;
		const db = await database();
		try {
			await radicados.addEvent(db, url.searchParams.get('numero') ?? '', form.data, user.email);
			return { added: form.data.kind };
		} catch (caught) {
			return failWith(caught, t, { field: 'kind', values: form.values });
		}
	}
};
