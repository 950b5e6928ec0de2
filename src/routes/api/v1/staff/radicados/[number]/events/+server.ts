import { z } from 'zod';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { eventSchema, radicados } from '$lib/server/radicados';
import { requireRole } from '$lib/server/staff';

export const POST = endpoint(
	{
		summary: 'api:operations.staff.radicados.number.events.post.summary',
		tags: ['staff'],
		body: eventSchema,
		responses: {
			201: {
				description: 'api:operations.staff.radicados.number.events.post.responses.201',
				schema: z.record(z.string(), z.unknown())
			},
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.radicados.number.events.post.responses.403' },
			404: { description: 'api:operations.staff.radicados.number.events.post.responses.404' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: {
				description: 'api:operations.staff.radicados.number.events.post.responses.422'
			}
		},
		example: {
			params: { number: '1-2026-999999' },
			body: { kind: 'respondida', responseNumber: '2-2026-000045' }
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const db = await database();
		const number = await radicados.addEvent(db, event.params.number ?? '', body, user.email);
		return reply(await radicados.forStaff(db, number), { status: 201, lang });
	}
);
