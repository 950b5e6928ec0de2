import { z } from 'zod';
import { TIME_ZONE } from '$lib/domain/calendar';
import { NON_WORKING_KINDS } from '$lib/domain/non-working-days';
import { translator } from '$lib/i18n/translator';
import { clock } from '$lib/server/clock';
import { channelsView } from '$lib/server/content';
import { localisedFields } from '$lib/server/content-schemas';
import { endpoint, reply } from '$lib/server/web/api';

const channelsSchema = z.object({
	timeZone: z.literal(TIME_ZONE),
	now: z.string(),
	channels: z.array(
		z.object({
			id: z.string(),
			...localisedFields,
			name: z.string(),
			goodFor: z.string(),
			note: z.string().nullable(),
			hours: z.object({ text: z.string(), lang: z.enum(['es', 'guc']) }),
			openNow: z.boolean(),
			address: z.object({ street: z.string(), city: z.string(), map: z.url() }).nullable(),
			phones: z.array(z.object({ label: z.string(), number: z.string(), href: z.string() })),
			email: z.object({ address: z.string(), href: z.string() }).nullable(),
			page: z.string().nullable()
		})
	),
	nonWorkingDays: z
		.array(
			z.object({
				date: z.string().describe('YYYY-MM-DD, Bogotá'),
				kind: z
					.enum(NON_WORKING_KINDS)
					.describe('closure: the entity does not attend; suspension: legal terms stop running'),
				text: z.string(),
				lang: z.enum(['es', 'guc']),
				reason: z.string().describe('In Spanish')
			})
		)
		.describe('The non-working days the entity declared, from today on, in date order')
});

export const GET = endpoint(
	{
		summary: 'api:operations.channels.get.summary',
		tags: ['content'],
		query: z.object({ lang: z.string().optional() }),
		responses: {
			200: {
				description: 'api:operations.channels.get.responses.200',
				schema: channelsSchema
			},
			422: { description: 'api:common.badQuery' }
		},
		example: { query: { lang: 'es' } }
	},
	async ({ lang }) =>
		reply(channelsView(lang, clock.now(), await translator(lang)), {
			lang,
			headers: { 'cache-control': 'no-store' }
		})
);
