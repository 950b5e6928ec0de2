import { z } from 'zod';
import { database } from '$lib/server/db';
import { recordings } from '$lib/server/recordings';
import { recordingLang, slotSchema, slotView } from '$lib/server/recordings/api-schemas';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.recordings.get.summary',
		tags: ['staff'],
		query: z.object({ lang: recordingLang.default('guc') }),
		responses: {
			200: {
				description: 'api:operations.staff.recordings.get.responses.200',
				schema: z.object({ recordings: z.array(slotSchema) })
			},
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.recordings.get.responses.403' },
			422: { description: 'api:common.badQuery' }
		},
		example: { query: { lang: 'guc' } }
	},
	async ({ event, query, lang }) => {
		requireRole(event.locals.staff, ['translator', 'reviewer']);
		const slots = await recordings.slots(await database(), query.lang);
		return reply(
			{ recordings: slots.map(slotView) },
			{ lang, headers: { 'cache-control': 'no-store' } }
		);
	}
);
