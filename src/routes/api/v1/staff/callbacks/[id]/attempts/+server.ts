import { z } from 'zod';
import { database } from '$lib/server/db';
import { callbacks } from '$lib/server/engagement/callbacks';
import { DomainError } from '$lib/server/errors';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole } from '$lib/server/staff';
import { callbackSchema, callbackView } from '$lib/server/staff/api-schemas';

export const POST = endpoint(
	{
		summary: 'Record a call attempt: called, or unreachable (closed after 3 attempts)',
		tags: ['staff'],
		body: z.object({ result: z.enum(['called', 'unreachable'], { error: 'staff:errors.result' }) }),
		responses: {
			200: {
				description: 'Recorded, with who and when, in the audit log.',
				schema: callbackSchema
			},
			400: { description: 'Malformed JSON.' },
			401: { description: 'No valid session.' },
			403: { description: 'The role may not mark call-backs.' },
			404: { description: 'No call-back request with that id.' },
			409: { description: 'CALLBACK_CLOSED: the request was already called or closed.' },
			413: { description: 'Body too large.' },
			415: { description: 'Not JSON.' },
			422: { description: 'Unknown result.' }
		},
		example: {
			params: { id: '00000000-0000-4000-8000-000000000000' },
			body: { result: 'unreachable' }
		}
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const id = event.params.id ?? '';
		if (!z.uuid().safeParse(id).success) throw new DomainError('NOT_FOUND');
		const row = await callbacks.mark(await database(), id, body.result, user.email);
		return reply(callbackView(row), { lang });
	}
);
