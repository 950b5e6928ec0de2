import { z } from 'zod';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole } from '$lib/server/staff';
import { radicados } from '$lib/server/radicados';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.radicados.number.get.summary',
		tags: ['staff'],
		responses: {
			200: {
				description: 'api:operations.staff.radicados.number.get.responses.200',
				schema: z.record(z.string(), z.unknown())
			},
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.radicados.number.get.responses.403' },
			404: { description: 'api:operations.staff.radicados.number.get.responses.404' }
		},
		example: { params: { number: '1-2026-999999' } }
	},
	async ({ event, lang }) => {
		requireRole(event.locals.staff, 'agent');
		const petition = await radicados.forStaff(await database(), event.params.number ?? '');
		return reply(petition, { lang, headers: { 'cache-control': 'no-store' } });
	}
);
