import { error } from '@sveltejs/kit';
import { entity } from '$lib/config/entity';
import { calls } from '$lib/server/calls';
import { callPage } from '$lib/server/calls/pages';
import { database } from '$lib/server/db';
import { locale } from '$lib/server/web/booking-journey';
import { MEDIA_PERMISSIONS } from '$lib/server/web/calls';
import type { PageServerLoad } from './$types';

/** The interpreter's way into a call: the random key the official sent them, nothing else. */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	if (!calls.enabled()) error(404, 'Not found');
	const lang = locale(params.lang);
	const db = await database();
	const found = await calls.byInterpreterKey(db, params.key);
	setHeaders({ 'cache-control': 'private, no-store', 'permissions-policy': MEDIA_PERMISSIONS });
	if (!found) return { invalid: true as const };
	return {
		invalid: false as const,
		entity: entity.shortName,
		...(await callPage(db, found, 'interpreter', lang))
	};
};
