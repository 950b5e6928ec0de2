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
	termDays: z.number().int()
});

export const POST = endpoint(
	{
		summary: 'File a PQRSD (petición, queja, reclamo, sugerencia, denuncia, consulta, información)',
		tags: ['radicados'],
		body: filingSchema,
		headers: {
			'Idempotency-Key': {
				required: false,
				description: 'Send one per petition: a retry with the same key returns the first answer.'
			}
		},
		responses: {
			201: { description: 'Filed. The security code is shown only here.', schema: filedSchema },
			400: { description: 'Malformed JSON or Idempotency-Key.' },
			413: { description: 'Body too large.' },
			415: { description: 'Not JSON.' },
			422: { description: 'Field errors, or an Idempotency-Key reused with other data.' }
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
