import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { lookupSchema, radicados } from '$lib/server/radicados';
import { statusSchema } from '$lib/server/radicados/api-schemas';

export const POST = endpoint(
	{
		summary: 'api:operations.radicados.lookup.post.summary',
		tags: ['radicados'],
		body: lookupSchema,
		responses: {
			200: {
				description: 'api:operations.radicados.lookup.post.responses.200',
				schema: statusSchema
			},
			400: { description: 'api:common.malformedJson' },
			404: { description: 'api:operations.radicados.lookup.post.responses.404' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.radicados.lookup.post.responses.422' },
			429: { description: 'api:operations.radicados.lookup.post.responses.429' }
		},
		example: { body: { number: '1-2026-999999', securityCode: 'ABCD1234' } }
	},
	async ({ event, body, lang }) => {
		const status = await radicados.lookup(await database(), body, event.getClientAddress());
		return reply(status, { lang, headers: { 'cache-control': 'no-store' } });
	}
);
