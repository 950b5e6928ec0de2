import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { bookableServices } from '$lib/content/services';
import { translator } from '$lib/i18n/translator';
import { appointments } from '$lib/server/appointments';
import { calls } from '$lib/server/calls';
import { callPage } from '$lib/server/calls/pages';
import { database } from '$lib/server/db';
import { MEDIA_PERMISSIONS, officialCall } from '$lib/server/web/calls';
import { failWith } from '$lib/server/web/forms';
import { signedIn } from '$lib/server/web/staff';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The official's call room: the call, who is in the waiting room, and the outcome forms. */
export const load: PageServerLoad = async ({ locals, url, params, setHeaders }) => {
	const user = signedIn(locals, url);
	const db = await database();
	const found = await officialCall(db, params.reference);
	// The console's layout already keeps its pages out of caches.
	setHeaders({ 'permissions-policy': MEDIA_PERMISSIONS });
	const topic = bookableServices().find((s) => s.slug === found.topic)?.name ?? found.topic;
	return {
		...(await callPage(db, found, 'official', 'es', user.id)),
		topic,
		status: found.status,
		citizen: {
			name: found.name,
			phone: found.phone,
			callLanguage: found.callLanguage,
			accessibilityNeeds: found.accessibilityNeeds,
			preferential: found.preferential
		},
		interpreterAsked: found.interpreter || found.accessibilityNeeds !== ''
	};
};

/** The outcome forms record through the appointments' rule; a refusal goes to the error summary. */
async function outcome(event: RequestEvent, which: 'no_show' | 'connection_failed') {
	const user = signedIn(event.locals, event.url);
	const db = await database();
	const found = await officialCall(db, event.params.reference);
	try {
		await appointments.recordOutcome(db, found.reference, which, user);
		return { recorded: which };
	} catch (caught) {
		const field = which === 'no_show' ? 'call-no-show' : 'call-connection-failed';
		return failWith(caught, (await translator('es')).t, { field });
	}
}

const interpreterForm = z.object({ email: z.email().max(254) });

export const actions: Actions = {
	noShow: (event) => outcome(event, 'no_show'),
	connectionFailed: (event) => outcome(event, 'connection_failed'),
	end: async (event) => {
		const user = signedIn(event.locals, event.url);
		const db = await database();
		await calls.end(db, await officialCall(db, event.params.reference), user.email);
		return { recorded: 'ended' as const };
	},
	interpreter: async (event) => {
		const user = signedIn(event.locals, event.url);
		const db = await database();
		const found = await officialCall(db, event.params.reference);
		const email = String((await event.request.formData()).get('email') ?? '').trim();
		const parsed = interpreterForm.safeParse({ email });
		if (!parsed.success) {
			const { t } = await translator('es');
			return fail(422, { email, errors: { 'interpreter-email': t('validation:email') } });
		}
		const url = await calls.inviteInterpreter(db, found, parsed.data.email, user.email);
		return { invited: { email: parsed.data.email, url } };
	}
};
