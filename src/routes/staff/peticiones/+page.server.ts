import { fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n/translator';
import { database } from '$lib/server/db';
import { Problem } from '$lib/server/http/problem';
import { isFormFailure, parseForm } from '$lib/server/http/form';
import { radicados } from '$lib/server/radicados';
import { findPetition, eventSchema, STAFF_EVENT_KINDS } from '$lib/server/staff/petitions';
import { failWith, signedIn } from '$lib/server/staff/pages';
import type { Actions, PageServerLoad } from './$types';

const EXTENSION_MESSAGES: Record<string, string> = {
	not_later: 'staff:errors.extension.not_later',
	too_late: 'staff:errors.extension.too_late',
	not_business_day: 'staff:errors.extension.not_business_day'
};

export const load: PageServerLoad = async ({ locals, url }) => {
	signedIn(locals, url);
	const typed = url.searchParams.get('numero')?.trim() ?? '';
	if (!typed) return { typed, petition: null, notFound: false, kinds: [...STAFF_EVENT_KINDS] };
	try {
		const petition = await findPetition(await database(), typed);
		return { typed, petition, notFound: false, kinds: [...STAFF_EVENT_KINDS] };
	} catch (caught) {
		if (caught instanceof Problem && caught.status === 404) {
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
			const { number } = await findPetition(db, url.searchParams.get('numero') ?? '');
			await radicados.addEvent(db, number, form.data, user.email);
			return { added: form.data.kind };
		} catch (caught) {
			const verdict =
				caught instanceof Problem && caught.code === 'EXTENSION_INVALID'
					? caught.options.errors?.[0]?.message
					: undefined;
			if (verdict && EXTENSION_MESSAGES[verdict]) {
				return fail(422, {
					values: form.values,
					errors: { newDueDate: t(EXTENSION_MESSAGES[verdict]) }
				});
			}
			return failWith(caught, 'kind', { values: form.values });
		}
	}
};
