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
		summary: 'Look up a petition by its radicado number and security code',
		tags: ['radicados'],
		body: lookupSchema,
		responses: {
			200: { description: 'The public status; never personal data.', schema: statusSchema },
			400: { description: 'Malformed JSON.' },
			404: { description: 'No petition with that number and code (the same for either).' },
			413: { description: 'Body too large.' },
			415: { description: 'Not JSON.' },
			422: { description: 'Number or code missing.' },
			429: { description: 'Too many failed look-ups; see Retry-After.' }
		},
		example: { body: { number: '1-2026-999999', securityCode: 'ABCD1234' } }
	},
	async ({ event, body, lang }) => {
		const status = await radicados.lookup(await database(), body, event.getClientAddress());
		return reply(status, { lang, headers: { 'cache-control': 'no-store' } });
	}
);
