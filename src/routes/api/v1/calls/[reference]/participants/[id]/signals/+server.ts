import { calls } from '$lib/server/calls';
import { signalSchema } from '$lib/server/calls/api-schemas';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { callDocs, callOf, participantOf } from '$lib/server/web/calls';

export const POST = endpoint(
	{
		summary: 'api:operations.calls.signals.post.summary',
		tags: ['calls'],
		headers: callDocs.participant,
		body: signalSchema,
		responses: {
			...callDocs.any,
			...callDocs.json,
			202: { description: 'api:operations.calls.signals.post.responses.202' },
			404: { description: 'api:operations.calls.signals.post.responses.404' },
			409: { description: 'api:operations.calls.responses.notOpen' },
			410: { description: 'api:operations.calls.responses.gone' },
			429: { description: 'api:operations.calls.signals.post.responses.429' }
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
