import { z } from 'zod';
import { database } from '$lib/server/db';
import { surveySchema, surveys } from '$lib/server/engagement/surveys';
import { endpoint, reply } from '$lib/server/web/api';

export const POST = endpoint(
	{
		summary: 'api:operations.surveys.post.summary',
		tags: ['surveys'],
		body: surveySchema,
		responses: {
			201: {
				description: 'api:operations.surveys.post.responses.201',
				schema: z.object({ status: z.literal('recorded') })
			},
			400: { description: 'api:common.malformedJson' },
			409: { description: 'api:operations.surveys.post.responses.409' },
			422: { description: 'api:operations.surveys.post.responses.422' }
		},
		example: { body: { journey: 'lookup', journeyRef: 'example-ref-1', rating: 4 } }
	},
	async ({ body, lang }) => {
		await surveys.answer(await database(), body, lang);
		return reply({ status: 'recorded' }, { status: 201, lang });
	}
);
