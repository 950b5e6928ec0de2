import { z } from 'zod';
import { database } from '$lib/server/db';
import { callbackSchema, callbacks } from '$lib/server/engagement/callbacks';
import { endpoint, reply } from '$lib/server/web/api';

const receiptSchema = z.object({
	id: z.string(),
	name: z.string(),
	phone: z.string(),
	language: z.enum(['es', 'guc']),
	topic: z.string(),
	day: z.string(),
	window: z.object({ start: z.string(), end: z.string() })
});

export const POST = endpoint(
	{
		summary: 'api:operations.callbacks.post.summary',
		tags: ['callbacks'],
		body: callbackSchema(),
		headers: {
			'Idempotency-Key': {
				required: false,
				description: 'api:operations.callbacks.post.headers.Idempotency-Key'
			}
		},
		responses: {
			201: { description: 'api:operations.callbacks.post.responses.201', schema: receiptSchema },
			400: { description: 'api:operations.callbacks.post.responses.400' },
			422: { description: 'api:operations.callbacks.post.responses.422' }
		},
		example: {
			body: {
				name: 'Ana Epieyú',
				phone: '+57 300 123 4567',
				language: 'guc',
				topic: 'subsidio-glp',
				day: '2026-11-25',
				window: '08:00-10:00',
				consent: true
			}
		}
	},
	async ({ event, body, lang }) => {
		const receipt = await callbacks.request(
			await database(),
			body,
			event.request.headers.get('idempotency-key')
		);
		return reply(receipt, { status: 201, lang });
	}
);
