import { z } from 'zod';
import { SEGMENTS } from '$lib/content/services';
import { servicesView } from '$lib/server/content';
import { localisedFields } from '$lib/server/content-schemas';
import { endpoint, reply } from '$lib/server/web/api';

const summarySchema = z.object({
	slug: z.string(),
	demo: z.boolean(),
	...localisedFields,
	kind: z.enum(['tramite', 'opa', 'servicio']),
	segments: z.array(z.enum(SEGMENTS)),
	name: z.string(),
	summary: z.string(),
	bookable: z.boolean(),
	url: z.string()
});

const listSchema = z.object({
	q: z.string(),
	segment: z.enum(SEGMENTS).nullable(),
	segments: z.array(z.enum(SEGMENTS)),
	count: z.number().int(),
	services: z.array(summarySchema)
});

export const GET = endpoint(
	{
		summary: 'api:operations.services.get.summary',
		tags: ['content'],
		query: z.object({
			q: z.string().max(200).optional(),
			segment: z.enum(SEGMENTS).optional(),
			lang: z.string().optional()
		}),
		responses: {
			200: { description: 'api:operations.services.get.responses.200', schema: listSchema },
			422: { description: 'api:operations.services.get.responses.422' }
		},
		example: { query: { q: 'subsidio gas', segment: 'hogares' } }
	},
	async ({ lang, query }) => reply(servicesView(lang, query), { lang })
);
