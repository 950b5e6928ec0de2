import { z } from 'zod';
import { localDate } from '$lib/domain/local-time';
import { clock } from '$lib/server/clock';
import { endpoint, reply } from '$lib/server/web/api';
import { translator } from '$lib/i18n/translator';
import { charterView } from '$lib/server/content';
import { localisedFields } from '$lib/server/content-schemas';

const charterSchema = z.object({
	demo: z.boolean(),
	version: z.string(),
	validFrom: z.iso.date(),
	validUntil: z.iso.date(),
	superseded: z.boolean().describe('An earlier version, asked for with ?version='),
	earlier: z
		.array(
			z.object({
				version: z.string(),
				validFrom: z.iso.date(),
				validUntil: z.iso.date(),
				url: z.string()
			})
		)
		.describe('The versions in force before this one, the latest first'),
	summary: z.object({ ...localisedFields, title: z.string(), items: z.array(z.string()) }),
	sections: z.array(
		z.object({
			id: z.string(),
			...localisedFields,
			title: z.string(),
			intro: z.string(),
			items: z.array(z.string()),
			permalink: z.string(),
			channels: z.array(z.object({ id: z.string(), name: z.string(), goodFor: z.string() }))
		})
	)
});

export const GET = endpoint(
	{
		summary: 'api:operations.charter.get.summary',
		tags: ['content'],
		query: z.object({ lang: z.string().optional(), version: z.string().max(40).optional() }),
		responses: {
			200: {
				description: 'api:operations.charter.get.responses.200',
				schema: charterSchema
			},
			422: { description: 'api:common.badQuery' }
		},
		example: { query: { lang: 'es' } }
	},
	async ({ lang, query }) =>
		reply(
			charterView(lang, await translator(lang), {
				today: localDate(clock.now()),
				version: query.version
			}),
			{ lang }
		)
);
