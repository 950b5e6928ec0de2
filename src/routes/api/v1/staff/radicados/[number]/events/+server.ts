import { z } from 'zod';
import { database } from '$lib/server/db';
import { eventSchema, radicados } from '$lib/server/radicados';
import { staffPetitionSchema } from '$lib/server/radicados/api-schemas';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const POST = endpoint(
	{
		summary: 'api:operations.staff.radicados.number.events.post.summary',
		tags: ['staff'],
		body: eventSchema,
		responses: {
			201: {
				description: 'api:operations.staff.radicados.number.events.post.responses.201',
				schema: staffPetitionSchema.extend({
					warnings: z
						.array(z.enum(['forwarding_late', 'completion_request_late']))
						.describe('Recorded, but after the days the law gives: the official is told')
				})
			},
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.radicados.number.events.post.responses.403' },
			404: { description: 'api:operations.staff.radicados.number.events.post.responses.404' },
			409: { description: 'api:operations.staff.radicados.number.events.post.responses.409' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: {
				description: 'api:operations.staff.radicados.number.events.post.responses.422'
			}
		},
		example: {
			params: { number: '1-2026-999999' },
			body: { kind: 'trasladada', forwardedTo: 'Ministerio de Transporte' }
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const db = await database();
		const { number, warnings } = await radicados.addEvent(
			db,
			event.params.number ?? '',
			body,
			user.email
		);
		return reply(
			{ ...(await radicados.forStaff(db, number)), warnings },
			{ status: 201, lang, headers: { 'cache-control': 'no-store' } }
		);
	}
);
