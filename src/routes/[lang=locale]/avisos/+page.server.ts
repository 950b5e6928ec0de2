import { database } from '$lib/server/db';
import { radicados } from '$lib/server/radicados';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	notices: await radicados.notices(await database())
});
