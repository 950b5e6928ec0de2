import { z } from 'zod';
import { database } from '$lib/server/db';
import { radicados } from '$lib/server/radicados';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.answer-templates.get.summary',
		tags: ['staff'],
		responses: {
			200: {
				description: 'api:operations.staff.answer-templates.get.responses.200',
				schema: z.object({
					templates: z.array(z.object({ id: z.string(), title: z.string(), body: z.string() }))
				})
			},
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.radicados.get.responses.403' }
		}
	},
	async ({ event, lang }) => {
		requireRole(event.locals.staff, 'agent');
		const templates = await radicados.templates.list(await database());
		return reply(
			{ templates: templates.map(({ id, title, body }) => ({ id, title, body })) },
			{ lang, headers: { 'cache-control': 'no-store' } }
		);
	}
);
