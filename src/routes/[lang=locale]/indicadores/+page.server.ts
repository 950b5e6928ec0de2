import type { PageServerLoad } from './$types';
import { clock } from '$lib/server/clock';
import { database } from '$lib/server/db';
import { entity } from '$lib/config/entity';
import { current, monthly } from '$lib/server/engagement/indicators';

export const load: PageServerLoad = async () => {
	const db = await database();
	const now = clock.now();
	return {
		months: await monthly(db, now),
		now: await current(db, now),
		dependencies: entity.dependencies.map(({ id, name }) => ({ id, name }))
	};
};
