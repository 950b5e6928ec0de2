import type { PageServerLoad } from './$types';
import { clock } from '$lib/server/clock';
import { database } from '$lib/server/db';
import { monthly } from '$lib/server/engagement/indicators';

export const load: PageServerLoad = async () => ({
	months: await monthly(await database(), clock.now())
});
