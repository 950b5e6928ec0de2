import { z } from 'zod';
import { bookingSchema } from '$lib/domain/appointments';
import { appointments } from '$lib/server/appointments';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';

const bookedSchema = z.object({
	reference: z.string(),
	start: z.string(),
	end: z.string(),
	status: z.string(),
	manageToken: z.string()
});

export const POST = endpoint(
	{
		summary: 'Book a video appointment',
		tags: ['appointments'],
		body: bookingSchema,
		headers: {
			'Idempotency-Key': {
				required: false,
				description: 'A replay with the same key returns the first answer.'
			}
		},
		responses: {
			201: { description: 'Booked.', schema: bookedSchema },
			400: { description: 'The body is not JSON or the Idempotency-Key is malformed.' },
			409: {
				description: 'The slot is full; `nearest` lists the closest free starts.'
			},
			415: { description: 'The body is not JSON.' },
			422: {
				description:
					'A field is not valid, the start is not offered (SLOT_NOT_OFFERED), or the document holds too many future appointments (TOO_MANY_APPOINTMENTS).'
			}
		},
		example: {
			body: {
				topic: 'informacion-general',
				start: '2030-02-05T09:00:00-05:00',
				consent: true,
				name: 'Ana María Epieyú',
				documentType: 'CC',
				documentNumber: '40123456',
				email: 'ana@example.com',
				callLanguage: 'guc',
				preferential: ['ethnic-group']
			}
		}
	},
	async ({ event, body, lang }) => {
		const booked = await appointments.book(await database(), body, {
			locale: lang,
			idempotencyKey: event.request.headers.get('idempotency-key')
		});
		const { replayed, ...answer } = booked;
		return reply(answer, {
			status: 201,
			lang,
			headers: {
				'cache-control': 'no-store',
				location: `/api/v1/appointments/${answer.reference}`,
				...(replayed ? { 'idempotent-replayed': 'true' } : {})
			}
		});
	}
);
