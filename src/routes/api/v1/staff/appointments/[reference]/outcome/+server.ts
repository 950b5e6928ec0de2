import { z } from 'zod';
import { normaliseReference } from '$lib/domain/slots';
import { appointments, OUTCOMES } from '$lib/server/appointments';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole } from '$lib/server/staff';
import { agendaItemSchema } from '$lib/server/staff/api-schemas';

export const POST = endpoint(
	{
		summary: 'Record what happened to an appointment, under the 5-minute rule',
		tags: ['staff'],
		body: z.object({ outcome: z.enum(OUTCOMES, { error: 'staff:errors.outcome' }) }),
		responses: {
			200: {
				description: 'Recorded, with who and when, in the audit log.',
				schema: agendaItemSchema
			},
			400: { description: 'Malformed JSON.' },
			401: { description: 'No valid session.' },
			403: { description: 'The role may not record outcomes.' },
			404: { description: 'No appointment with that reference.' },
			409: {
				description:
					'WAIT_NOT_ELAPSED (no_show before start + 5 min), TOO_EARLY (before start − 5 min), or OUTCOME_ALREADY_RECORDED; `availableAt` says when it becomes possible.'
			},
			413: { description: 'Body too large.' },
			415: { description: 'Not JSON.' },
			422: { description: 'Unknown outcome.' }
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
