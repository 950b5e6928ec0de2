import { z } from 'zod';
import { localDate } from '$lib/domain/calendar';
import { appointments } from '$lib/server/appointments';
import { clock } from '$lib/server/clock';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';
import { requireRole } from '$lib/server/staff';
import { agendaItemSchema } from '$lib/server/staff/api-schemas';

export const GET = endpoint(
	{
		summary: 'api:operations.staff.appointments.get.summary',
		tags: ['staff'],
		query: z.object({
			date: z.iso.date({ error: 'staff:errors.date' }).optional(),
			include: z
				.enum(['person'], { error: 'staff:errors.include' })
				.optional()
				.describe(
					"person: each appointment's phone, document and description; each opening is audited"
				)
		}),
		responses: {
			200: {
				description: 'api:operations.staff.appointments.get.responses.200',
				schema: z.object({
					date: z.string(),
					appointments: z.array(agendaItemSchema),
					expiredHolds: z
						.number()
						.int()
						.describe('Bookings of the day held for an emailed confirmation that never came')
				})
			},
			401: { description: 'api:common.noSession' },
			403: { description: 'api:operations.staff.appointments.get.responses.403' },
			422: { description: 'api:operations.staff.appointments.get.responses.422' }
		},
		example: { query: { date: '2026-03-02', include: 'person' } }
	},
	async ({ event, query, lang }) => {
		const user = requireRole(event.locals.staff, 'agent');
		const date = query.date ?? localDate(clock.now());
		const db = await database();
		const items =
			query.include === 'person'
				? await appointments.agenda(db, date, { openedBy: user, via: 'api' })
				: await appointments.agenda(db, date);
		const expiredHolds = await appointments.expiredOn(db, date);
		return reply(
			{ date, appointments: items, expiredHolds },
			{ lang, headers: { 'cache-control': 'no-store' } }
		);
	}
);
