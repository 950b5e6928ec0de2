import { z } from 'zod';
import { calls } from '$lib/server/calls';
import {
	answers,
	auth,
	callOf,
	NO_STORE,
	participantOf,
	stateSchema
} from '$lib/server/calls/http';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/http/api';

const inboxSchema = z.object({
	signals: z.array(z.object({ id: z.number().int(), from: z.string(), payload: z.unknown() })),
	state: stateSchema,
	version: z.string()
});

export const GET = endpoint(
	{
		summary:
			"A joined browser's news: signals for it and the room's state (waits up to 8 s for news)",
		tags: ['calls'],
		headers: auth.participant,
		query: z.object({
			ack: z
				.string()
				.regex(/^(\d{1,15}(,\d{1,15}){0,99})?$/)
				.optional()
				.transform((value) => (value ? value.split(',').map(Number) : [])),
			known: z.string().max(64).optional()
		}),
		responses: {
			...answers.any,
			422: { description: 'The query is not valid.' },
			200: {
				description:
					'Signals not yet acknowledged, oldest first; `ack` deletes those already read.',
				schema: inboxSchema
			},
			410: { description: 'This browser left the room; it must join again.' }
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
