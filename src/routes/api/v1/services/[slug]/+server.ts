import { z } from 'zod';
import { plainText } from '$lib/content/links';
import { SEGMENTS } from '$lib/content/services';
import { translator } from '$lib/i18n/translator';
import { serviceView } from '$lib/server/content';
import { localisedFields } from '$lib/server/content-schemas';
import { endpoint, reply } from '$lib/server/web/api';
import { Problem } from '$lib/server/http/problems';

const textSchema = z.object({ text: z.string(), lang: z.enum(['es', 'guc']) });

const serviceSchema = z.object({
	slug: z.string(),
	demo: z.boolean(),
	...localisedFields,
	kind: z.enum(['tramite', 'opa', 'servicio']),
	segments: z.array(z.enum(SEGMENTS)),
	name: z.string(),
	summary: z.string(),
	who: z.string(),
	requirements: z.array(z.string()),
	steps: z.array(z.string()),
	cost: z.string(),
	free: z.boolean(),
	responseDays: z.number().int(),
	responseTime: textSchema,
	channels: z.array(z.object({ id: z.string(), name: z.string(), url: z.string() })),
	bookable: z.boolean(),
	booking: z.string().nullable(),
	online: z.string().nullable(),
	url: z.string()
});

export const GET = endpoint(
	{
		summary: 'api:operations.services.slug.get.summary',
		tags: ['content'],
		query: z.object({ lang: z.string().optional() }),
		responses: {
			200: { description: 'api:operations.services.slug.get.responses.200', schema: serviceSchema },
			404: { description: 'api:operations.services.slug.get.responses.404' },
			422: { description: 'api:common.badQuery' }
		},
		example: { params: { slug: 'subsidio-de-gas-en-cilindro' } }
	},
	async ({ event, lang }) => {
		const service = serviceView(lang, event.params.slug ?? '', await translator(lang));
		if (!service) throw new Problem('NOT_FOUND');
		// Links in content text are for the pages: the API gives their words.
		return reply({ ...service, steps: service.steps.map(plainText) }, { lang });
	}
);
