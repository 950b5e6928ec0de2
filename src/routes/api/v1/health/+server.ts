import { z } from 'zod';
import { endpoint, reply } from '$lib/server/web/api';
import { Problem } from '$lib/server/http/problems';
import { database, ping } from '$lib/server/db';

const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('up') });

export const GET = endpoint(
	{
		summary: 'Liveness and database check',
		tags: ['system'],
		responses: {
			200: { description: 'The app and its database answer.', schema: healthSchema },
			503: { description: 'The database does not answer.' }
		}
	},
	async () => {
		if (!(await ping(await database()))) throw new Problem('DATABASE_DOWN');
		return reply({ status: 'ok', database: 'up' }, { headers: { 'cache-control': 'no-store' } });
	}
);
