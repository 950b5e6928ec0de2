import { z } from 'zod';
import { calls } from '$lib/server/calls';
import { answers, auth, callOf, participantOf } from '$lib/server/calls/http';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/http/api';

/** Only what WebRTC needs to set up a connection: the app relays no other message. */
const signalSchema = z.object({
	to: z.uuid(),
	payload: z.object({
		type: z.enum(['offer', 'answer', 'candidate', 'restart']),
		/** Which attempt of the connection this belongs to; a new one replaces the old. */
		connection: z.string().regex(/^[\w-]{1,40}$/),
		sdp: z.string().max(20_000).optional(),
		candidate: z
			.object({
				candidate: z.string().max(1000),
				sdpMid: z.string().max(64).nullable().optional(),
				sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
				usernameFragment: z.string().max(256).nullable().optional()
			})
			.nullable()
			.optional()
	})
});

export const POST = endpoint(
	{
		summary:
			'Send a WebRTC signal (offer, answer, network candidate) to another browser in the call',
		tags: ['calls'],
		headers: auth.participant,
		body: signalSchema,
		responses: {
			...answers.any,
			...answers.json,
			202: { description: 'Queued for the other browser.' },
			404: { description: 'No call with that reference, or the other browser is not in it.' },
			409: { description: 'The room is not open yet.' },
			410: { description: 'The call ended, or this browser left it.' },
			429: { description: 'The other browser has too many signals waiting.' }
		},
		example: {
			params: { reference: 'CITA-7K3M-Q9', id: '00000000-0000-4000-8000-000000000000' },
			body: {
				to: '00000000-0000-4000-8000-000000000001',
				payload: { type: 'restart', connection: 'c1' }
			}
		}
	},
	async ({ event, body, lang }) => {
		const db = await database();
		const appointment = await callOf(db, event);
		const pass = participantOf(event, appointment);
		await calls.send(db, appointment, pass, body.to, body.payload);
		return reply({ queued: true }, { status: 202, lang });
	}
);
