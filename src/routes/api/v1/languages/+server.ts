import { z } from 'zod';
import { LOCALES } from '$lib/i18n/locales';
import { languagesCoverage } from '$lib/server/languages';
import { endpoint, reply } from '$lib/server/web/api';

const counts = {
	total: z.number().int(),
	reviewed: z.number().int(),
	draft: z.number().int(),
	missing: z.number().int(),
	reviewedPercent: z.number(),
	draftPercent: z.number(),
	missingPercent: z.number()
};

export const GET = endpoint(
	{
		summary: 'api:operations.languages.get.summary',
		tags: ['languages'],
		responses: {
			200: {
				description: 'api:operations.languages.get.responses.200',
				schema: z.object({
					languages: z.array(
						z.object({
							code: z.enum(LOCALES),
							name: z.string(),
							source: z.boolean(),
							strings: z.object(counts),
							recordedMinutes: z.number()
						})
					)
				})
			}
		}
	},
	async ({ lang }) => reply({ languages: languagesCoverage() }, { lang })
);
