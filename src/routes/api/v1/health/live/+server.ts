import { z } from 'zod';
import { endpoint, reply } from '$lib/server/web/api';

const liveSchema = z.object({ status: z.literal('ok') });

// Liveness: the process answers requests. It does not touch the database, so an outage of the
// database never makes an orchestrator restart instances that will serve again once it is back.
export const GET = endpoint(
	{
		summary: 'api:operations.healthLive.get.summary',
		tags: ['system'],
		responses: {
			200: { description: 'api:operations.healthLive.get.responses.200', schema: liveSchema }
		}
	},
	async () => reply({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } })
);
