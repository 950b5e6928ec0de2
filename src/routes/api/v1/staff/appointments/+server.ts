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
		summary: "A day's appointments for the officials, in time order (default: today in Bogotá)",
		tags: ['staff'],
		query: z.object({
			date: z.iso.date({ error: 'staff:errors.date' }).optional()
		}),
		responses: {
			200: {
				description: 'The agenda; cancelled appointments are left out.',
				schema: z.object({ date: z.string(), appointments: z.array(agendaItemSchema) })
			},
			401: { description: 'No valid session.' },
			403: { description: 'The role may not see the agenda.' },
			422: { description: 'The date is not YYYY-MM-DD.' }
		},
		example: { query: { date: '2026-03-02' } }
	},
	async ({ event, query, lang }) => {
		requireRole(event.locals.staff, 'agent');
		const date = query.date ?? localDate(clock.now());
		const items = await appointments.agenda(await database(), date);
		return reply({ date, appointments: items }, { lang, headers: { 'cache-control': 'no-store' } });
	}
);
