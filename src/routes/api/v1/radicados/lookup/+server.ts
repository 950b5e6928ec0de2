import { z } from 'zod';
import { BANDS, PETITION_TYPES } from '$lib/domain/terms';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { lookupSchema, radicados } from '$lib/server/radicados';

const statusSchema = z.object({
	number: z.string(),
	type: z.enum(PETITION_TYPES),
	filedAt: z.string(),
	subject: z.string(),
	municipality: z.string().nullable(),
	state: z.enum(['radicada', 'en_tramite', 'respondida', 'trasladada']),
	termDays: z.number().int().describe('Business days, after any extension'),
	elapsedBusinessDays: z.number().int(),
	dueDate: z.string(),
	band: z.enum(BANDS),
	events: z.array(
		z.object({
			kind: z.enum(['radicada', 'en_tramite', 'respondida', 'trasladada', 'ampliacion_de_plazo']),
			at: z.string(),
			responseNumber: z.string().optional(),
			responseDate: z.string().optional(),
			newDueDate: z.string().optional(),
			reason: z.string().optional(),
			forwardedTo: z.string().optional()
		})
	),
	responses: z.array(z.object({ number: z.string(), date: z.string() }))
});

export const POST = endpoint(
	{
		summary: 'api:operations.radicados.lookup.post.summary',
		tags: ['radicados'],
		body: lookupSchema,
		responses: {
			200: {
				description: 'api:operations.radicados.lookup.post.responses.200',
				schema: statusSchema
			},
			400: { description: 'api:common.malformedJson' },
			404: { description: 'api:operations.radicados.lookup.post.responses.404' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.radicados.lookup.post.responses.422' },
			429: { description: 'api:operations.radicados.lookup.post.responses.429' }
		},
		example: { body: { number: '1-2026-999999', securityCode: 'ABCD1234' } }
	},
	async ({ event, body, lang }) => {
		const status = await radicados.lookup(await database(), body, event.getClientAddress());
		return reply(status, { lang, headers: { 'cache-control': 'no-store' } });
	}
);
