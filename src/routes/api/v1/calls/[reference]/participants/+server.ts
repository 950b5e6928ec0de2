import { calls } from '$lib/server/calls';
import { joinedSchema } from '$lib/server/calls/api-schemas';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { bearer, callDocs, callOf, NO_STORE } from '$lib/server/web/calls';

export const POST = endpoint(
	{
		summary: 'api:operations.calls.participants.post.summary',
		tags: ['calls'],
		headers: callDocs.room,
		responses: {
			...callDocs.any,
			201: {
				description: 'api:operations.calls.participants.post.responses.201',
				schema: joinedSchema
			},
			409: { description: 'api:operations.calls.participants.post.responses.409' },
			410: { description: 'api:operations.calls.participants.post.responses.410' },
			429: { description: 'api:operations.calls.participants.post.responses.429' }
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
