import { z } from 'zod';
import { calls } from '$lib/server/calls';
import { inboxSchema } from '$lib/server/calls/api-schemas';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { callDocs, callOf, NO_STORE, participantOf } from '$lib/server/web/calls';

export const GET = endpoint(
	{
		summary: 'api:operations.calls.inbox.get.summary',
		tags: ['calls'],
		headers: callDocs.participant,
		query: z.object({
			ack: z
				.string()
				.regex(/^(\d{1,15}(,\d{1,15}){0,99})?$/)
				.optional()
				.transform((value) => (value ? value.split(',').map(Number) : [])),
			known: z.string().max(64).optional()
		}),
		responses: {
			...callDocs.any,
			200: { description: 'api:operations.calls.inbox.get.responses.200', schema: inboxSchema },
			410: { description: 'api:operations.calls.inbox.get.responses.410' },
			422: { description: 'api:common.badQuery' }
		},
		example: { params: { reference: 'CITA-7K3M-Q9', id: '00000000-0000-4000-8000-000000000000' } }
	},
	async ({ event, query, lang }) => {
		const db = await database();
		const appointment = await callOf(db, event);
		const pass = participantOf(event, appointment);
		const news = await calls.inbox(db, appointment, pass, {
			ack: query.ack,
			known: query.known,
			signal: event.request.signal
		});
		return reply(news, { lang, headers: NO_STORE });
	}
);
