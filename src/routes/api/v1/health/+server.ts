import { z } from 'zod';
import { endpoint, reply } from '$lib/server/http/api';
import { Problem, RETRY_AFTER_SECONDS } from '$lib/server/http/problem';
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
			throw new Problem(503, 'DATABASE_DOWN', {
				headers: { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' }
			});
		}
		return reply({ status: 'ok', database: 'up' }, { headers: { 'cache-control': 'no-store' } });
	}
);
