import { z } from 'zod';
import { PETITION_TYPES } from '$lib/domain/terms';
import { database } from '$lib/server/db';
import { radicados } from '$lib/server/radicados';
import { endpoint, reply } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.notices.get.summary',
		tags: ['radicados'],
		responses: {
			200: {
				description: 'api:operations.notices.get.responses.200',
				schema: z.object({
					notices: z.array(
						z.object({
							number: z.string(),
							type: z.enum(PETITION_TYPES),
							responseNumber: z.string(),
							responseDate: z.string(),
							text: z.string(),
							until: z.string().describe('The last day it stays published')
						})
					)
				})
			}
		}
	},
	async ({ lang }) =>
		reply(
			{ notices: await radicados.notices(await database()) },
			{ lang, headers: { 'cache-control': 'public, max-age=300' } }
		)
);
