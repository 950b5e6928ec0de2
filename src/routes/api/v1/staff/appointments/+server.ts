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
			date: z.iso.date({ error: 'staff:errors.date' }).optional()
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
		example: { query: { date: '2026-03-02' } }
	},
	async ({ event, query, lang }) => {
		requireRole(event.locals.staff, 'agent');
		const date = query.date ?? localDate(clock.now());
		const db = await database();
		const items = await appointments.agenda(db, date);
		const expiredHolds = await appointments.expiredOn(db, date);
		return reply(
			{ date, appointments: items, expiredHolds },
			{ lang, headers: { 'cache-control': 'no-store' } }
		);
	}
);
