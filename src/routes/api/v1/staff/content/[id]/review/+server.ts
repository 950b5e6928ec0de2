import { contentStudio } from '$lib/server/content-items';
import { itemSchema, itemView, reviewSchema } from '$lib/server/content-items/api-schemas';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const POST = endpoint(
	{
		summary: 'api:operations.staff.content.id.review.post.summary',
		tags: ['staff'],
		body: reviewSchema,
		responses: {
			200: { description: 'api:common.audited', schema: itemSchema },
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.content.get.responses.403' },
			404: { description: 'api:operations.staff.content.id.responses.404' },
			409: { description: 'api:operations.staff.content.id.review.post.responses.409' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.staff.content.id.review.post.responses.422' }
		},
		example: {
			params: { id: 'channel:presencial' },
			body: { decision: 'return', note: 'Falta el horario de la tarde.' }
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'editor');
		const item = await contentStudio.review(await database(), event.params.id ?? '', body, user);
		return reply(itemView(item), { lang });
	}
);
