import { contentStudio } from '$lib/server/content-items';
import { itemView, kindQuery, listingSchema } from '$lib/server/content-items/api-schemas';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.content.get.summary',
		tags: ['staff'],
		query: kindQuery,
		responses: {
			200: { description: 'api:operations.staff.content.get.responses.200', schema: listingSchema },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.content.get.responses.403' },
			422: { description: 'api:common.badQuery' }
		},
		example: { query: { kind: 'channel' } }
	},
	async ({ event, query, lang }) => {
		requireRole(event.locals.staff, 'editor');
		const items = await contentStudio.list(await database(), { kind: query.kind });
		return reply(
			{ items: items.map(itemView) },
			{ lang, headers: { 'cache-control': 'no-store' } }
		);
	}
);
