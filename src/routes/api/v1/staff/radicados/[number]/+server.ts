import { database } from '$lib/server/db';
import { assignmentSchema, radicados } from '$lib/server/radicados';
import { staffPetitionSchema } from '$lib/server/radicados/api-schemas';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.radicados.number.get.summary',
		tags: ['staff'],
		responses: {
			200: {
				description: 'api:operations.staff.radicados.number.get.responses.200',
				schema: staffPetitionSchema
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

export const PATCH = endpoint(
	{
		summary: 'api:operations.staff.radicados.number.patch.summary',
		tags: ['staff'],
		body: assignmentSchema,
		responses: {
			200: { description: 'api:common.audited', schema: staffPetitionSchema },
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.radicados.number.patch.responses.403' },
			404: { description: 'api:operations.staff.radicados.number.get.responses.404' },
			409: { description: 'api:operations.staff.radicados.number.patch.responses.409' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.staff.radicados.number.patch.responses.422' }
		},
		example: {
			params: { number: '1-2026-999999' },
			body: { dependency: 'subdireccion-gas', assignee: null }
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const db = await database();
		const number = await radicados.assign(db, event.params.number ?? '', body, user.email);
		return reply(await radicados.forStaff(db, number), {
			lang,
			headers: { 'cache-control': 'no-store' }
		});
	}
);
