import { z } from 'zod';
import { database } from '$lib/server/db';
import { radicados } from '$lib/server/radicados';
import { download, endpoint } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.radicados.number.responses.id.document.get.summary',
		tags: ['radicados'],
		query: z.object({ token: z.string().max(1000).optional() }),
		responses: {
			200: { description: 'api:common.download' },
			404: {
				description: 'api:operations.radicados.number.responses.id.document.get.responses.404'
			},
			422: { description: 'api:common.badQuery' }
		},
		example: {
			params: { number: '1-2026-999999', id: '00000000-0000-4000-8000-000000000000' },
			query: { token: 'expired' }
		}
	},
	async ({ event, query }) => {
		const { number = '', id = '' } = event.params;
		return download(
			await radicados.citizenDocument(await database(), number, id, query.token ?? null)
		);
	}
);
