import { z } from 'zod';
import { endpoint, reply } from '$lib/server/web/api';
import { translator } from '$lib/i18n/translator';
import { charterView } from '$lib/server/content';
import { localisedFields } from '$lib/server/content-schemas';

const charterSchema = z.object({
	demo: z.boolean(),
	version: z.string(),
	validFrom: z.iso.date(),
	validUntil: z.iso.date(),
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
		query: z.object({ lang: z.string().optional() }),
		responses: {
			200: {
				description: 'api:operations.charter.get.responses.200',
				schema: charterSchema
			},
			422: { description: 'api:common.badQuery' }
		},
		example: { query: { lang: 'es' } }
	},
	async ({ lang }) => reply(charterView(lang, await translator(lang)), { lang })
);
