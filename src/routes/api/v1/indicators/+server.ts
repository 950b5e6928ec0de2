import { z } from 'zod';
import { TIME_ZONE } from '$lib/domain/calendar';
import { clock } from '$lib/server/clock';
import { database } from '$lib/server/db';
import { current, monthly } from '$lib/server/engagement/indicators';
import { endpoint, reply } from '$lib/server/web/api';

const figures = z.object({ filed: z.number(), answered: z.number(), answeredOnTime: z.number() });

const monthSchema = z.object({
	month: z.string(),
	satisfaction: z.object({
		answers: z.number(),
		average: z.number().nullable(),
		satisfiedPercent: z.number().nullable()
	}),
	callbacks: z.object({ requested: z.number(), called: z.number(), unreachable: z.number() }),
	appointments: z.object({
		booked: z.number(),
		attended: z.number(),
		noShow: z.number(),
		expiredHolds: z.number().describe('Held for an emailed confirmation that never came')
	}),
	petitions: z.object({
		filed: z.number(),
		answered: z.number(),
		answeredOnTime: z.number(),
		averageBusinessDaysToAnswer: z.number().nullable(),
		firstLevel: z
			.object({ answered: z.number(), averageBusinessDays: z.number().nullable() })
			.describe('Answered from an answer template (first-level requests)'),
		byType: z.record(z.string(), figures),
		byChannel: z.record(z.string(), figures),
		byDependency: z.record(z.string(), figures).describe('By dependency id; "none" for unassigned')
	})
});

export const GET = endpoint(
	{
		summary: 'api:operations.indicators.get.summary',
		tags: ['indicators'],
		responses: {
			200: {
				description: 'api:operations.indicators.get.responses.200',
				schema: z.object({
					timeZone: z.string(),
					months: z.array(monthSchema),
					now: z.object({
						openPastTerm: z.number().describe('Petitions open past their due date right now'),
						openPastTermByDependency: z.record(z.string(), z.number())
					})
				})
			}
		}
	},
	async ({ lang }) => {
		const db = await database();
		const now = clock.now();
		return reply(
			{ timeZone: TIME_ZONE, months: await monthly(db, now), now: await current(db, now) },
			{ lang, headers: { 'cache-control': 'public, max-age=300' } }
		);
	}
);
