import { z } from 'zod';
import { calls } from '$lib/server/calls';
import { stateSchema, watchedSchema } from '$lib/server/calls/api-schemas';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { bearer, callDocs, callOf, NO_STORE } from '$lib/server/web/calls';

const example = { params: { reference: 'CITA-7K3M-Q9' } };

export const GET = endpoint(
	{
		summary: 'api:operations.calls.get.summary',
		tags: ['calls'],
		headers: callDocs.room,
		query: z.object({ known: z.string().max(64).optional() }),
		responses: {
			...callDocs.any,
			200: { description: 'api:operations.calls.get.responses.200', schema: watchedSchema },
			422: { description: 'api:common.badQuery' }
		},
		example
	},
	async ({ event, query, lang }) => {
		const db = await database();
		const appointment = await callOf(db, event);
		calls.readPass(bearer(event), appointment);
		const watched = await calls.watch(db, appointment, query.known, {
			waitMs: query.known ? undefined : 0,
			signal: event.request.signal
		});
		return reply(watched, { lang, headers: NO_STORE });
	}
);

export const PATCH = endpoint(
	{
		summary: 'api:operations.calls.patch.summary',
		tags: ['calls'],
		headers: callDocs.participant,
		body: z.object({ audioOnly: z.boolean() }),
		responses: {
			...callDocs.any,
			...callDocs.json,
			200: { description: 'api:operations.calls.patch.responses.200', schema: stateSchema },
			409: { description: 'api:operations.calls.responses.notOpen' },
			410: { description: 'api:operations.calls.responses.gone' }
		},
		example: { ...example, body: { audioOnly: true } }
	},
	async ({ event, body, lang }) => {
		const db = await database();
		const appointment = await callOf(db, event);
		const pass = calls.readParticipant(bearer(event), appointment);
		const state = await calls.setAudioOnly(db, appointment, pass, body.audioOnly);
		return reply(state, { lang, headers: NO_STORE });
	}
);
