import { z } from 'zod';
import { database } from '$lib/server/db';
import { callbacks } from '$lib/server/engagement/callbacks';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole } from '$lib/server/staff';
import { callbackSchema, callbackView } from '$lib/server/staff/api-schemas';

export const GET = endpoint(
	{
		summary: 'The call-back queue: pending requests by preferred day and time',
		tags: ['staff'],
		query: z.object({ language: z.enum(['es', 'guc']).optional() }),
		responses: {
			200: { description: 'The queue.', schema: z.object({ callbacks: z.array(callbackSchema) }) },
			401: { description: 'No valid session.' },
			403: { description: 'The role may not see the queue.' },
			422: { description: 'Unknown language.' }
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
