import { z } from 'zod';
import { normaliseReference } from '$lib/domain/slots';
import { appointments, OUTCOMES } from '$lib/server/appointments';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole } from '$lib/server/staff';
import { agendaItemSchema } from '$lib/server/staff/api-schemas';

export const POST = endpoint(
	{
		summary: 'api:operations.staff.appointments.reference.outcome.post.summary',
		tags: ['staff'],
		body: z.object({ outcome: z.enum(OUTCOMES, { error: 'staff:errors.outcome' }) }),
		responses: {
			200: {
				description: 'api:common.audited',
				schema: agendaItemSchema
			},
			400: { description: 'api:common.malformedJson' },
			401: { description: 'api:common.noSession' },
			403: {
				description: 'api:operations.staff.appointments.reference.outcome.post.responses.403'
			},
			404: {
				description: 'api:operations.staff.appointments.reference.outcome.post.responses.404'
			},
			409: {
				description: 'api:operations.staff.appointments.reference.outcome.post.responses.409'
			},
			413: { description: 'api:common.tooLarge' },
			415: { description: 'api:common.notJson' },
			422: { description: 'api:operations.staff.appointments.reference.outcome.post.responses.422' }
		},
		example: { params: { reference: 'ABCD-EFGH' }, body: { outcome: 'no_show' } }
	},
	async ({ event, body, lang }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const reference = normaliseReference(event.params.reference ?? '');
		const item = await appointments.recordOutcome(await database(), reference, body.outcome, user);
		return reply(item, { lang });
	}
);
