import { z } from 'zod';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole, staff } from '$lib/server/staff';
import { sessionCookie } from '$lib/server/web/staff';

export const DELETE = endpoint(
	{
		summary: 'Sign out everywhere: ends every session of the signed-in official',
		tags: ['staff'],
		responses: {
			200: {
				description: 'How many sessions ended; recorded in the audit log.',
				schema: z.object({ ended: z.number().int() })
			},
			401: { description: 'No valid session.' }
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
