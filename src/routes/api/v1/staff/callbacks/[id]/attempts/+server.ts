import { z } from 'zod';
import { database } from '$lib/server/db';
import { callbacks } from '$lib/server/engagement/callbacks';
import { DomainError } from '$lib/server/errors';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole } from '$lib/server/staff';
import { callbackSchema, callbackView } from '$lib/server/staff/api-schemas';

export const POST = endpoint(
	{
		summary: 'api:operations.staff.callbacks.id.attempts.post.summary',
		tags: ['staff'],
		body: z.object({ result: z.enum(['called', 'unreachable'], { error: 'staff:errors.result' }) }),
		responses: {
			200: {
				description: 'api:common.audited',
				schema: callbackSchema
			},
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.callbacks.id.attempts.post.responses.403' },
			404: { description: 'api:operations.staff.callbacks.id.attempts.post.responses.404' },
			409: { description: 'api:operations.staff.callbacks.id.attempts.post.responses.409' },
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.staff.callbacks.id.attempts.post.responses.422' }
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
