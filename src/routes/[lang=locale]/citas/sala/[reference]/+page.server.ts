import { callPage } from '$lib/server/calls/pages';
import { database } from '$lib/server/db';
import { locale } from '$lib/server/web/booking-journey';
import { citizenCall, MEDIA_PERMISSIONS } from '$lib/server/web/calls';
import type { PageServerLoad } from './$types';

/** The citizen's call room; the call itself is $lib/scripts/call-room.ts. */
export const load: PageServerLoad = async (event) => {
	const lang = locale(event.params.lang);
	const db = await database();
	const found = await citizenCall(db, event, lang);
	// The address carries the key: keep the page out of caches; let it use camera and microphone.
	event.setHeaders({
		'cache-control': 'private, no-store',
		'permissions-policy': MEDIA_PERMISSIONS
	});
	return {
		...(await callPage(db, found, 'citizen', lang)),
		status: found.status,
		manageUrl: `/${lang}/citas/cita/${found.reference}`
	};
};
