import { error, redirect } from '@sveltejs/kit';
import { isReference, normaliseReference } from '$lib/domain/slots';
import { eq } from 'drizzle-orm';
import { accessCookie } from '$lib/server/appointments/flow';
import { locale } from '$lib/server/appointments/pages';
import { calls } from '$lib/server/calls';
import { roomKeyMatches } from '$lib/server/calls/links';
import { callPage, MEDIA_PERMISSIONS } from '$lib/server/calls/pages';
import { database } from '$lib/server/db';
import { appointments } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

// Server-rendered; the call itself is $lib/calls/room.ts, not SvelteKit's client.
export const csr = false;

/**
 * The citizen's call room: opened by the key in the link (made from the manage token), or by this
 * browser's permission to manage the appointment. Anything else goes to the look-up form.
 */
export const load: PageServerLoad = async ({ params, url, cookies, setHeaders }) => {
	if (!calls.enabled()) error(404, 'Not found');
	const lang = locale(params.lang);
	const reference = normaliseReference(params.reference);
	const db = await database();
	const [found] = isReference(reference)
		? await db.select().from(appointments).where(eq(appointments.reference, reference))
		: [];
	const key = url.searchParams.get('llave') ?? '';
	const allowed =
		found &&
		((key && roomKeyMatches(key, found.manageTokenHash)) ||
			accessCookie.allows(cookies, reference));
	if (!allowed) redirect(303, `/${lang}/citas/gestionar?ref=${encodeURIComponent(reference)}`);
	// The address carries the key: keep the page out of caches; let it use camera and microphone.
	setHeaders({ 'cache-control': 'private, no-store', 'permissions-policy': MEDIA_PERMISSIONS });
	return {
		...(await callPage(db, found, 'citizen', lang)),
		status: found.status,
		manageUrl: `/${lang}/citas/cita/${found.reference}`
	};
};
