import { z } from 'zod';
import { PETITION_TYPES } from '$lib/domain/terms';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { filingSchema, radicados } from '$lib/server/radicados';

const filedSchema = z.object({
	number: z.string().describe('Radicado number, 1-YYYY-NNNNNN'),
	securityCode: z.string().describe('8 Crockford base32 characters; shown only in this answer'),
	filedAt: z.string().describe('Instant with the Bogotá offset'),
	dueDate: z.string().describe('Last business day to answer, YYYY-MM-DD'),
	type: z.enum(PETITION_TYPES),
	termDays: z.number().int(),
	receiptEmailed: z
		.boolean()
		.describe(
			'Whether a receipt was emailed: not without an address, nor when it got its few unconfirmed emails of the day'
		)
});

export const POST = endpoint(
	{
		summary: 'api:operations.radicados.post.summary',
		tags: ['radicados'],
		body: filingSchema,
		headers: {
			'Idempotency-Key': {
				required: false,
				description: 'api:operations.radicados.post.headers.Idempotency-Key'
			}
		},
		responses: {
			201: { description: 'api:operations.radicados.post.responses.201', schema: filedSchema },
			400: { description: 'api:operations.radicados.post.responses.400' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.radicados.post.responses.422' }
		},
		example: {
			body: {
				type: 'peticion',
				subject: 'Subsidio de gas',
				description: 'Pido revisar el subsidio de gas de mi vivienda.',
				identity: 'identified',
				name: 'Ana Pérez',
				email: 'ana@example.com',
				contactPreference: 'email',
				consent: true
			}
		}
	},
	async ({ event, body, lang }) => {
		const filed = await radicados.file(await database(), body, {
			lang,
			idempotencyKey: event.request.headers.get('idempotency-key')
		});
		return reply(filed, { status: 201, lang, headers: { 'cache-control': 'no-store' } });
	}
);
