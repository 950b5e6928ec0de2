import { database } from '$lib/server/db';
import { radicados } from '$lib/server/radicados';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ setHeaders }) => {
	// Notices come and go by the day: a short shared cache is enough.
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return { notices: await radicados.notices(await database()) };
};
