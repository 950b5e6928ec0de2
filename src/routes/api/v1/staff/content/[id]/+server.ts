import { contentStudio } from '$lib/server/content-items';
import { itemSchema, itemView, saveSchema } from '$lib/server/content-items/api-schemas';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.content.id.get.summary',
		tags: ['staff'],
		responses: {
			200: { description: 'api:operations.staff.content.id.get.responses.200', schema: itemSchema },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.content.get.responses.403' },
			404: { description: 'api:operations.staff.content.id.responses.404' }
		},
		example: { params: { id: 'channel:presencial' } }
	},
	async ({ event, lang }) => {
		requireRole(event.locals.staff, 'editor');
		const item = await contentStudio.get(await database(), event.params.id ?? '');
		return reply(itemView(item), { lang, headers: { 'cache-control': 'no-store' } });
	}
);

export const PUT = endpoint(
	{
		summary: 'api:operations.staff.content.id.put.summary',
		tags: ['staff'],
		body: saveSchema,
		responses: {
			200: { description: 'api:operations.staff.content.id.put.responses.200', schema: itemSchema },
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.content.get.responses.403' },
			404: { description: 'api:operations.staff.content.id.responses.404' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.staff.content.id.put.responses.422' }
		},
		example: {
			params: { id: 'glossary:glp' },
			body: {
				draft: {
					acronym: 'GLP',
					es: { term: 'gas licuado de petróleo', definition: 'Es el gas de los cilindros.' }
				}
			}
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'editor');
		const item = await contentStudio.save(
			await database(),
			event.params.id ?? '',
			body.draft,
			user,
			{ reason: body.reason }
		);
		return reply(itemView(item), { lang });
	}
);
