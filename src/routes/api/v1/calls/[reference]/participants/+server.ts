import { z } from 'zod';
import { calls } from '$lib/server/calls';
import { answers, auth, bearer, callOf, NO_STORE, stateSchema } from '$lib/server/calls/http';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/http/api';

const joinedSchema = z.object({
	participant: z.object({ id: z.string(), token: z.string() }),
	iceServers: z.array(
		z.object({
			urls: z.array(z.string()),
			username: z.string().optional(),
			credential: z.string().optional()
		})
	),
	iceTransportPolicy: z.enum(['all', 'relay']),
	state: stateSchema,
	version: z.string()
});

export const POST = endpoint(
	{
		summary: 'Enter a call room (from 5 minutes before the start until its end)',
		tags: ['calls'],
		headers: auth.room,
		responses: {
			...answers.any,
			201: {
				description:
					'Joined: the participant token for signalling, and the STUN/TURN servers with time-limited credentials.',
				schema: joinedSchema
			},
			409: { description: 'ROOM_NOT_OPEN: the room opens 5 minutes before the start (`opensAt`).' },
			410: { description: 'CALL_ENDED: the call is over.' },
			429: { description: 'ROOM_FULL: too many browsers are in the room.' }
		},
		example: { params: { reference: 'CITA-7K3M-Q9' } }
	},
	async ({ event, lang }) => {
		const db = await database();
		const appointment = await callOf(db, event);
		const pass = calls.readPass(bearer(event), appointment);
		const joined = await calls.join(db, appointment, pass);
		return reply(joined, { status: 201, lang, headers: NO_STORE });
	}
);
