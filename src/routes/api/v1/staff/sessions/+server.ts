import { z } from 'zod';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole, staff } from '$lib/server/staff';
import { sessionCookie } from '$lib/server/web/staff';

export const DELETE = endpoint(
	{
		summary: 'api:operations.staff.sessions.delete.summary',
		tags: ['staff'],
		responses: {
			200: {
				description: 'api:operations.staff.sessions.delete.responses.200',
				schema: z.object({ ended: z.number().int() })
			},
			401: { description: 'api:common.noSession' }
		},
		example: {}
	},
	async ({ event, lang }) => {
		const user = requireRole(event.locals.staff);
		const ended = await staff.signOutEverywhere(await database(), user.id, user);
		sessionCookie.clear(event.cookies);
		return reply({ ended }, { lang });
	}
);
