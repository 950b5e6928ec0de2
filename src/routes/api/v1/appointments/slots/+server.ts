import { z } from 'zod';
import { TOPICS } from '$lib/domain/appointments';
import { localDate, TIME_ZONE } from '$lib/domain/calendar';
import { lastBookableDate } from '$lib/domain/slots';
import { appointments, rules } from '$lib/server/appointments';
import { clock } from '$lib/server/clock';
import { database } from '$lib/server/db';
import { endpoint, reply } from '$lib/server/web/api';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'booking:errors.day' });
const query = z.object({
	from: date.optional(),
	to: date.optional(),
	topic: z.enum(TOPICS, { error: 'booking:errors.topic' }).optional()
});

const slotsSchema = z.object({
	timeZone: z.literal(TIME_ZONE),
	days: z.array(
		z.object({
			date: z.string(),
			slots: z.array(
				z.object({
					start: z.string().describe('Start with offset, e.g. 2026-02-03T08:00:00-05:00'),
					end: z.string(),
					available: z.number().int()
				})
			)
		})
	)
});

export const GET = endpoint(
	{
		summary: 'api:operations.appointments.slots.get.summary',
		tags: ['appointments'],
		query,
		responses: {
			200: {
				description: 'api:operations.appointments.slots.get.responses.200',
				schema: slotsSchema
			},
			422: { description: 'api:operations.appointments.slots.get.responses.422' }
		},
		example: { query: { topic: 'informacion-general' } }
	},
	async ({ query }) => {
		const today = localDate(clock.now());
		const from = query.from ?? today;
		const to = query.to ?? lastBookableDate(clock.now(), rules);
		const days = await appointments.slots(await database(), from, to);
		return reply({ timeZone: TIME_ZONE, days }, { headers: { 'cache-control': 'no-store' } });
	}
);
