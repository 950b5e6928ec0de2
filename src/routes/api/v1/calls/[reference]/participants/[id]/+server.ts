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

export const PATCH = endpoint(
	{
		summary: 'Report a working connection with the other side, or leaving the room',
		tags: ['calls'],
		headers: auth.participant,
		body: z
			.object({ connectedWith: z.uuid().optional(), left: z.literal(true).optional() })
			.refine((b) => !!b.connectedWith !== !!b.left, { message: 'connectedWith or left' }),
		responses: {
			...answers.any,
			...answers.json,
			200: {
				description:
					'Recorded. Once the citizen and an official reported each other, `attended` is recorded.',
				schema: stateSchema
			},
			404: { description: 'No call with that reference, or no such other participant.' },
			410: { description: 'This browser already left.' }
		},
		example: {
			params: { reference: 'CITA-7K3M-Q9', id: '00000000-0000-4000-8000-000000000000' },
			body: { left: true }
		}
	},
	async ({ event, body, lang }) => {
		const db = await database();
		const appointment = await callOf(db, event);
		const pass = participantOf(event, appointment);
		const state = await calls.report(db, appointment, pass, body);
		return reply(state, { lang, headers: NO_STORE });
	}
);
