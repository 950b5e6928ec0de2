import { z } from 'zod';
import { bookingSchema } from '$lib/domain/appointments';
import { appointments } from '$lib/server/appointments';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';

const bookedSchema = z.object({
	reference: z.string(),
	start: z.string(),
	end: z.string(),
	status: z
		.enum(['held', 'booked'])
		.describe(
			'held: booked with an email, waiting for the link sent there until holdExpiresAt; booked: with a phone only, the entity calls to confirm'
		),
	holdExpiresAt: z.string().optional().describe('Instant with the Bogotá offset (held bookings)'),
	manageToken: z.string()
});

export const POST = endpoint(
	{
		summary: 'api:operations.appointments.post.summary',
		tags: ['appointments'],
		body: bookingSchema,
		headers: {
			'Idempotency-Key': {
				required: false,
				description: 'api:operations.appointments.post.headers.Idempotency-Key'
			}
		},
		responses: {
			201: { description: 'api:operations.appointments.post.responses.201', schema: bookedSchema },
			400: { description: 'api:operations.appointments.post.responses.400' },
			409: {
				description: 'api:operations.appointments.post.responses.409'
			},
			429: { description: 'api:operations.appointments.post.responses.429' },
			415: { description: 'api:common.notJson' },
			422: {
				description: 'api:operations.appointments.post.responses.422'
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
			idempotencyKey: event.request.headers.get('idempotency-key'),
			client: event.getClientAddress()
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
