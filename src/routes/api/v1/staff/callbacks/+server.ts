import { z } from 'zod';
import { database } from '$lib/server/db';
import { callbacks } from '$lib/server/engagement/callbacks';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole } from '$lib/server/staff';
import { callbackSchema, callbackView } from '$lib/server/staff/api-schemas';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.callbacks.get.summary',
		tags: ['staff'],
		query: z.object({ language: z.enum(['es', 'guc']).optional() }),
		responses: {
			200: {
				description: 'api:operations.staff.callbacks.get.responses.200',
				schema: z.object({ callbacks: z.array(callbackSchema) })
			},
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.callbacks.get.responses.403' },
			422: { description: 'api:operations.staff.callbacks.get.responses.422' }
		},
		example: { query: { language: 'guc' } }
	},
	async ({ event, query, lang }) => {
		requireRole(event.locals.staff, 'agent');
		const rows = await callbacks.queue(await database());
		const list = rows.filter((row) => !query.language || row.language === query.language);
		return reply(
			{ callbacks: list.map(callbackView) },
			{ lang, headers: { 'cache-control': 'no-store' } }
		);
	}
);
