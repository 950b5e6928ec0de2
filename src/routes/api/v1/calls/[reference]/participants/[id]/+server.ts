import { calls } from '$lib/server/calls';
import { reportSchema, stateSchema } from '$lib/server/calls/api-schemas';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { callDocs, callOf, NO_STORE, participantOf } from '$lib/server/web/calls';

export const PATCH = endpoint(
	{
		summary: 'api:operations.calls.participant.patch.summary',
		tags: ['calls'],
		headers: callDocs.participant,
		body: reportSchema,
		responses: {
			...callDocs.any,
			...callDocs.json,
			200: {
				description: 'api:operations.calls.participant.patch.responses.200',
				schema: stateSchema
			},
			404: { description: 'api:operations.calls.responses.noParticipant' },
			410: { description: 'api:operations.calls.responses.left' }
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
