import { database } from '$lib/server/db';
import { translations } from '$lib/server/translations';
import { signedIn } from '$lib/server/web/staff';
import type { RequestHandler } from './$types';

/** The translators' sheet for working offline; it comes back through the studio's import. */
export const GET: RequestHandler = async ({ locals, url }) => {
	signedIn(locals, url, ['translator', 'reviewer']);
	const csv = await translations.exportCsv(await database(), 'guc');
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="wayuunaiki.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
