import { z } from 'zod';
import { endpoint, reply } from '$lib/server/web/api';
import { Problem } from '$lib/server/http/problems';
import { database, ping } from '$lib/server/db';

const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('up') });

// Readiness, for a load balancer: an instance whose database does not answer should get no
// requests. Liveness (whether to restart the process) is /api/v1/health/live.
export const GET = endpoint(
	{
		summary: 'api:operations.health.get.summary',
		tags: ['system'],
		responses: {
			200: { description: 'api:operations.health.get.responses.200', schema: healthSchema },
			503: { description: 'api:operations.health.get.responses.503' }
		}
	},
	async () => {
		if (!(await ping(await database()))) {
			throw new Problem('DATABASE_DOWN', { headers: { 'cache-control': 'no-store' } });
		}
		return reply({ status: 'ok', database: 'up' }, { headers: { 'cache-control': 'no-store' } });
	}
);
