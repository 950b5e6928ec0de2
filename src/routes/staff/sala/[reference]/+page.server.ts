import { error, fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { bookableServices } from '$lib/content/services';
import { isReference, normaliseReference } from '$lib/domain/slots';
import { translator } from '$lib/i18n/translator';
import { calls } from '$lib/server/calls';
import { callPage, MEDIA_PERMISSIONS } from '$lib/server/calls/pages';
import { database } from '$lib/server/db';
import { appointments } from '$lib/server/db/schema';
import { agenda } from '$lib/server/staff/agenda';
import { failWith, signedIn } from '$lib/server/staff/pages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Server-rendered; the call itself is $lib/calls/room.ts, not SvelteKit's client.
export const csr = false;

async function appointmentOf(params: { reference: string }) {
	const reference = normaliseReference(params.reference);
	if (!calls.enabled() || !isReference(reference)) error(404, 'Not found');
	const db = await database();
	const [found] = await db.select().from(appointments).where(eq(appointments.reference, reference));
	if (!found) error(404, 'Not found');
	return { db, found };
}

/** The official's call room: the call, who is in the waiting room, and the outcome forms. */
export const load: PageServerLoad = async ({ locals, url, params, setHeaders }) => {
	const user = signedIn(locals, url);
	const { db, found } = await appointmentOf(params);
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

/** The outcome forms record through the agenda's rule; a refusal goes to the error summary. */
async function outcome(event: RequestEvent, which: 'no_show' | 'connection_failed') {
	const user = signedIn(event.locals, event.url);
	const { db, found } = await appointmentOf(event.params);
	try {
		await agenda.record(db, found.reference, which, user);
		return { recorded: which };
	} catch (caught) {
		return failWith(caught, which === 'no_show' ? 'call-no-show' : 'call-connection-failed');
	}
}

const interpreterForm = z.object({ email: z.email().max(254) });

export const actions: Actions = {
	noShow: (event) => outcome(event, 'no_show'),
	connectionFailed: (event) => outcome(event, 'connection_failed'),
	end: async (event) => {
		const user = signedIn(event.locals, event.url);
		const { db, found } = await appointmentOf(event.params);
		await calls.end(db, found, user.email);
		return { recorded: 'ended' as const };
	},
	interpreter: async (event) => {
		const user = signedIn(event.locals, event.url);
		const { db, found } = await appointmentOf(event.params);
		const form = Object.fromEntries(await event.request.formData());
		const parsed = interpreterForm.safeParse({ email: String(form.email ?? '').trim() });
		if (!parsed.success) {
			return fail(422, {
				email: String(form.email ?? ''),
				errors: { 'interpreter-email': (await translator('es')).t('validation:email') }
			});
		}
		const url = await calls.inviteInterpreter(db, found, parsed.data.email, user.email);
		return { invited: { email: parsed.data.email, url } };
	}
};
