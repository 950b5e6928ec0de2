import { z } from 'zod';
import { database } from '$lib/server/db';
import { surveySchema, surveys } from '$lib/server/engagement/surveys';
import { endpoint, reply } from '$lib/server/web/api';

export const POST = endpoint(
	{
		summary: 'One answer of the satisfaction survey ("¿Le sirvió?", 1 to 5)',
		tags: ['surveys'],
		body: surveySchema,
		responses: {
			201: { description: 'Answer recorded.', schema: z.object({ status: z.literal('recorded') }) },
			400: { description: 'Malformed JSON.' },
			409: { description: 'This journey was already answered.' },
			422: { description: 'Some fields are missing or wrong.' }
		},
		example: { body: { journey: 'lookup', journeyRef: 'example-ref-1', rating: 4 } }
	},
	async ({ body, lang }) => {
		await surveys.answer(await database(), body, lang);
		return reply({ status: 'recorded' }, { status: 201, lang });
	}
);
