import { database } from '$lib/server/db';
import { answerSchema, radicados } from '$lib/server/radicados';
import { staffPetitionSchema } from '$lib/server/radicados/api-schemas';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const POST = endpoint(
	{
		summary: 'api:operations.staff.radicados.number.responses.post.summary',
		tags: ['staff'],
		form: answerSchema,
		files: {
			document: {
				required: false,
				description: 'api:operations.staff.radicados.number.responses.post.document',
				contentType: 'application/pdf'
			}
		},
		responses: {
			201: {
				description: 'api:operations.staff.radicados.number.responses.post.responses.201',
				schema: staffPetitionSchema
			},
			400: { description: 'api:common.malformedForm' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.radicados.number.responses.post.responses.403' },
			404: { description: 'api:operations.staff.radicados.number.get.responses.404' },
			409: { description: 'api:operations.staff.radicados.number.responses.post.responses.409' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notMultipart' },
			422: { description: 'api:operations.staff.radicados.number.responses.post.responses.422' }
		},
		example: { params: { number: '1-2026-999999' } }
	},
	async ({ event, body, files, lang }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const db = await database();
		const [document] = files.document ?? [];
		const { number } = await radicados.answer(
			db,
			event.params.number ?? '',
			body,
			document,
			user.email
		);
		return reply(await radicados.forStaff(db, number), {
			status: 201,
			lang,
			headers: { 'cache-control': 'no-store' }
		});
	}
);
