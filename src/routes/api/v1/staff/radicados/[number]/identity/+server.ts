import { z } from 'zod';
import { database } from '$lib/server/db';
import { radicados, revealSchema } from '$lib/server/radicados';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const POST = endpoint(
	{
		summary: 'api:operations.staff.radicados.number.identity.post.summary',
		tags: ['staff'],
		body: revealSchema,
		responses: {
			200: {
				description: 'api:operations.staff.radicados.number.identity.post.responses.200',
				schema: z.object({ number: z.string(), petitioner: z.record(z.string(), z.string()) })
			},
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.radicados.number.identity.post.responses.403' },
			404: { description: 'api:operations.staff.radicados.number.identity.post.responses.404' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.staff.radicados.number.identity.post.responses.422' }
		},
		example: {
			params: { number: '1-2026-999999' },
			body: { reason: 'Hay que citar a la persona a rendir declaración.' }
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const opened = await radicados.revealIdentity(
			await database(),
			event.params.number ?? '',
			body.reason,
			user
		);
		return reply(opened, { lang, headers: { 'cache-control': 'private, no-store' } });
	}
);
