import { z } from 'zod';
import { PETITION_TYPES } from '$lib/domain/terms';
import { database } from '$lib/server/db';
import { radicados, queueSchema, staffFilingSchema } from '$lib/server/radicados';
import { queueAnswerSchema } from '$lib/server/radicados/api-schemas';
import { requireRole } from '$lib/server/staff';
import { endpoint, reply } from '$lib/server/web/api';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.radicados.get.summary',
		tags: ['staff'],
		query: queueSchema,
		responses: {
			200: {
				description: 'api:operations.staff.radicados.get.responses.200',
				schema: queueAnswerSchema
			},
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.radicados.get.responses.403' },
			422: { description: 'api:common.badQuery' }
		},
		example: { query: { band: 'alta', page: '1' } }
	},
	async ({ event, query, lang }) => {
		requireRole(event.locals.staff, 'agent');
		const queue = await radicados.queue(await database(), query);
		return reply(queue, { lang, headers: { 'cache-control': 'no-store' } });
	}
);

const filedSchema = z.object({
	number: z.string().describe('Radicado number, 1-YYYY-NNNNNN, in the same sequence as the web'),
	securityCode: z.string().describe('To read out or print for the citizen; shown only here'),
	filedAt: z.string(),
	dueDate: z.string(),
	type: z.enum(PETITION_TYPES),
	termDays: z.number().int()
});

export const POST = endpoint(
	{
		summary: 'api:operations.staff.radicados.post.summary',
		tags: ['staff'],
		body: staffFilingSchema,
		headers: {
			'Idempotency-Key': {
				required: false,
				description: 'api:operations.radicados.post.headers.Idempotency-Key'
			}
		},
		responses: {
			201: {
				description: 'api:operations.staff.radicados.post.responses.201',
				schema: filedSchema
			},
			400: { description: 'api:operations.radicados.post.responses.400' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.radicados.post.responses.403' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.radicados.post.responses.422' }
		},
		example: {
			body: {
				channel: 'phone',
				type: 'peticion',
				subject: 'Subsidio de gas',
				description: 'Llamó para pedir que revisemos el subsidio de gas de su vivienda.',
				identity: 'identified',
				name: 'Ana Pérez',
				phone: '300 123 4567',
				contactPreference: 'phone',
				consent: true
			}
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const { channel, language, ...petition } = body;
		const filed = await radicados.file(await database(), petition, {
			lang: language ?? 'es',
			channel,
			actor: user.email,
			idempotencyKey: event.request.headers.get('idempotency-key')
		});
		return reply(filed, { status: 201, lang, headers: { 'cache-control': 'no-store' } });
	}
);
