import { z } from 'zod';
import { calls } from '$lib/server/calls';
import {
	answers,
	auth,
	bearer,
	callOf,
	NO_STORE,
	stateSchema,
	watchedSchema
} from '$lib/server/calls/http';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/http/api';

const example = { params: { reference: 'CITA-7K3M-Q9' } };

export const GET = endpoint(
	{
		summary: "A call room's state; with `known`, waits up to 8 s for it to change",
		tags: ['calls'],
		headers: auth.room,
		query: z.object({ known: z.string().max(64).optional() }),
		responses: {
			...answers.any,
			200: { description: 'The state and its version.', schema: watchedSchema },
			422: { description: 'The query is not valid.' }
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
		summary: 'Switch the call to sound only, or back to video (either side may)',
		tags: ['calls'],
		headers: auth.participant,
		body: z.object({ audioOnly: z.boolean() }),
		responses: {
			...answers.any,
			...answers.json,
			200: { description: 'The new state.', schema: stateSchema },
			409: { description: 'The room is not open yet.' },
			410: { description: 'The call ended, or this browser left it.' }
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
